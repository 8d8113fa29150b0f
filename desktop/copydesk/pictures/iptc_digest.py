"""The IPTC digest in a JPEG's Photoshop resources (APP13 "Photoshop 3.0", resource 0x0425).

Photoshop, Lightroom and exiftool store there the MD5 of the IPTC IIM block (resource 0x0404)
they last synchronised with XMP. The Metadata Working Group's rule for readers follows: if the
digest exists and no longer matches the IIM, a tool unaware of XMP edited the IIM afterwards,
so the IIM is the newer text. exiv2 neither checks nor updates the digest, so this module
does both, for JPEG only (TIFF and PSD keep their resources elsewhere; there the digest is
treated as absent).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

_PHOTOSHOP = b"Photoshop 3.0\x00"
_SIGNATURES = (b"8BIM", b"PHUT", b"DCSR", b"AgHg", b"MeSa")  # writers other than Adobe's
_IPTC = 0x0404
_DIGEST = 0x0425
_DIGEST_SIZE = 16


class DigestState(Enum):
    ABSENT = "absent"  # no digest (or no IIM, or not a JPEG we can parse)
    CURRENT = "current"  # IIM and XMP were last written together
    STALE = "stale"  # IIM was changed after the digest was written


@dataclass(frozen=True, slots=True)
class _Resource:
    id: int
    data: bytes
    offset: int  # where ``data`` starts in the file


def digest_state(jpeg: bytes) -> DigestState:
    iptc, digest = _iptc_and_digest(jpeg)
    if iptc is None or digest is None or len(digest.data) != _DIGEST_SIZE:
        return DigestState.ABSENT
    return DigestState.CURRENT if digest.data == _md5(iptc.data) else DigestState.STALE


def refresh_digest(original: bytes, written: bytes) -> bytes:
    """``written`` with its IPTC digest recomputed, when ``original`` had a current one.

    A digest that was already stale stays stale: the IIM it marks as newer may hold edits
    (keywords, say) that the XMP lacks. The digest is patched in place (same length), so
    nothing else in the file moves.
    """
    if digest_state(original) is not DigestState.CURRENT:
        return written
    iptc, digest = _iptc_and_digest(written)
    if iptc is None or digest is None or len(digest.data) != _DIGEST_SIZE:
        return written
    start = digest.offset
    return written[:start] + _md5(iptc.data) + written[start + _DIGEST_SIZE :]


def _md5(data: bytes) -> bytes:
    return hashlib.md5(data, usedforsecurity=False).digest()  # a checksum, as Adobe defined it


def _iptc_and_digest(jpeg: bytes) -> tuple[_Resource | None, _Resource | None]:
    iptc = digest = None
    for base, payload in _photoshop_payloads(jpeg):
        for resource in _resources(payload, base):
            if resource.id == _IPTC and iptc is None:
                iptc = resource
            elif resource.id == _DIGEST and digest is None:
                digest = resource
    return iptc, digest


def _photoshop_payloads(jpeg: bytes) -> Iterator[tuple[int, bytes]]:
    """(offset, bytes) of each APP13 Photoshop block, up to the first scan."""
    if not jpeg.startswith(b"\xff\xd8"):
        return
    position = 2
    while position + 4 <= len(jpeg):
        if jpeg[position] != 0xFF:
            return  # not a marker: a damaged file, stop looking
        marker = jpeg[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker in (0xDA, 0xD9):  # start of scan or end of image: no metadata after
            return
        length = int.from_bytes(jpeg[position + 2 : position + 4], "big")
        if length < 2:
            return
        start, end = position + 4, position + 2 + length
        if marker == 0xED and jpeg.startswith(_PHOTOSHOP, start):
            body = start + len(_PHOTOSHOP)
            yield body, jpeg[body:end]
        position = end


def _resources(payload: bytes, base: int) -> Iterator[_Resource]:
    """The image resource blocks of one payload; stops quietly at anything malformed."""
    position = 0
    while position + 12 <= len(payload) and payload[position : position + 4] in _SIGNATURES:
        resource_id = int.from_bytes(payload[position + 4 : position + 6], "big")
        name_size = payload[position + 6] + 1  # Pascal string, padded to an even size
        size_at = position + 6 + name_size + (name_size % 2)
        size = int.from_bytes(payload[size_at : size_at + 4], "big")
        data_at = size_at + 4
        if size_at + 4 > len(payload) or data_at + size > len(payload):
            return
        yield _Resource(resource_id, payload[data_at : data_at + size], base + data_at)
        position = data_at + size + (size % 2)
