"""A picture's credit metadata, read from and written into IPTC IIM and XMP through pyexiv2.

Which value wins when a file carries a field in both IIM and XMP (the Metadata Working
Group's rule, much as exiftool's MWG module applies it):

1. XMP when it has the field: it is the newer standard, always Unicode and without length
   limits, where IIM text is cut at its dataset limits (32 bytes for By-line, Credit, City …).
2. IIM when XMP lacks the field (older files, tools that write IIM only).
3. IIM over XMP when the JPEG's IPTC digest is stale (``iptc_digest``): a tool unaware of
   XMP edited the IIM after the two were last synchronised, so IIM holds the newer text,
   unless the IIM text is the start of the XMP text: that is a copy cut at the IIM limit, and
   XMP has it whole.

IIM text has no fixed encoding: ``Iptc.Envelope.CharacterSet`` = ESC % G declares UTF-8, and
without it Photoshop and most Windows tools wrote Windows-1252 (Latin-1 plus typographic
quotes). Many tools also write UTF-8 without declaring it, so every dataset is decoded as
UTF-8 when its bytes are valid UTF-8 (Latin-1 prose practically never is), else Windows-1252,
else Latin-1. Values are written back as declared UTF-8.

Reading never raises on odd metadata: a missing, unreadable or garbled field is "".
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyexiv2

from copydesk.errors import MetadataWriteError
from copydesk.pictures import disagreements
from copydesk.pictures.iptc_digest import DigestState, digest_state, refresh_digest
from copydesk.pictures.iso_dates import iim_date_time, iso_date
from copydesk.records.picture import EMBEDDED_FIELDS, PictureMetadata
from copydesk.translation import _

# pyexiv2 keeps global state between the calls of one operation: exiv2's log level (which
# _exiv2_image sets per operation) and the error log it turns into exceptions. So one
# operation at a time, whatever the thread.
_EXIV2_LOCK = threading.Lock()
_LOG_ERRORS, _LOG_MUTE = 3, 4  # pyexiv2.set_log_level() levels

UTF8_CHARACTER_SET = "\x1b%G"  # ISO 2022 escape sequence for UTF-8 (IIM dataset 1:90)

# Embedded field -> IIM dataset. The other fields have no IIM equivalent.
IIM_KEYS = {
    "creator": "Iptc.Application2.Byline",
    "creator_job_title": "Iptc.Application2.BylineTitle",
    "credit_line": "Iptc.Application2.Credit",
    "copyright_notice": "Iptc.Application2.Copyright",
    "source": "Iptc.Application2.Source",
    "description": "Iptc.Application2.Caption",
    "headline": "Iptc.Application2.Headline",
    "city": "Iptc.Application2.City",
    "country": "Iptc.Application2.CountryName",
    "special_instructions": "Iptc.Application2.SpecialInstructions",
}
# IIM's length limits in bytes (IIM 4.2). Longer text is cut there on writing, as exiftool
# does; XMP has it whole, and readers prefer XMP (even with a stale digest: rule 3 above).
IIM_LIMITS = {
    "Iptc.Application2.Byline": 32,
    "Iptc.Application2.BylineTitle": 32,
    "Iptc.Application2.Credit": 32,
    "Iptc.Application2.Source": 32,
    "Iptc.Application2.Copyright": 128,
    "Iptc.Application2.Caption": 2000,
    "Iptc.Application2.Headline": 256,
    "Iptc.Application2.City": 32,
    "Iptc.Application2.CountryName": 64,
    "Iptc.Application2.SpecialInstructions": 256,
}
_IIM_REPEATABLE = {"Iptc.Application2.Byline", "Iptc.Application2.BylineTitle"}
_IIM_DATE = "Iptc.Application2.DateCreated"
_IIM_TIME = "Iptc.Application2.TimeCreated"

# Embedded field -> XMP property (licensor and image supplier are lists of structs, handled
# apart).
XMP_KEYS = {
    "creator": "Xmp.dc.creator",
    "creator_job_title": "Xmp.photoshop.AuthorsPosition",
    "credit_line": "Xmp.photoshop.Credit",
    "copyright_notice": "Xmp.dc.rights",
    "source": "Xmp.photoshop.Source",
    "description": "Xmp.dc.description",
    "headline": "Xmp.photoshop.Headline",
    "web_statement": "Xmp.xmpRights.WebStatement",
    "usage_terms": "Xmp.xmpRights.UsageTerms",
    "digital_source_type": "Xmp.iptcExt.DigitalSourceType",
    "alt_text": "Xmp.iptc.AltTextAccessibility",
    "city": "Xmp.photoshop.City",
    "country": "Xmp.photoshop.Country",
    "date_created": "Xmp.photoshop.DateCreated",
    "special_instructions": "Xmp.photoshop.Instructions",
    "rights_marked": "Xmp.xmpRights.Marked",
    "cc_license": "Xmp.cc.license",
    "cc_attribution_name": "Xmp.cc.attributionName",
    "cc_attribution_url": "Xmp.cc.attributionURL",
    "model_release_status": "Xmp.plus.ModelReleaseStatus",
    "property_release_status": "Xmp.plus.PropertyReleaseStatus",
}
# Embedded field -> EXIF tag: the last fallback, when neither XMP nor IIM has the field
# (cameras write these two; MWG reads them after the others).
EXIF_KEYS = {
    "creator": "Exif.Image.Artist",
    "copyright_notice": "Exif.Image.Copyright",
}
CC_NAMESPACE = "http://creativecommons.org/ns#"
_XMP_LANG_ALT = {
    "Xmp.dc.rights",
    "Xmp.dc.description",
    "Xmp.xmpRights.UsageTerms",
    "Xmp.iptc.AltTextAccessibility",
}
_XMP_SEQ = {"Xmp.dc.creator"}
_X_DEFAULT = 'lang="x-default"'


@dataclass(frozen=True, slots=True)
class _StructList:
    """A PLUS list of structs that Copydesk reads as one name: each entry's name, else its
    address (plus:Licensor, plus:ImageSupplier)."""

    key: str  # "Xmp.plus.Licensor"
    name_part: str  # "LicensorName"
    url_part: str | None  # "LicensorURL"

    @property
    def parts(self) -> re.Pattern[str]:
        names = "|".join(part for part in (self.name_part, self.url_part) if part)
        return re.compile(rf"{re.escape(self.key)}\[(\d+)\]/plus:({names})")


_STRUCT_LISTS = {
    "licensor": _StructList("Xmp.plus.Licensor", "LicensorName", "LicensorURL"),
    "image_supplier": _StructList("Xmp.plus.ImageSupplier", "ImageSupplierName", None),
}

# Control characters other than tab and line feed: padding, garbage from broken writers.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True, slots=True)
class _Embedded:
    """The metadata as found: IIM datasets decoded to text, XMP as pyexiv2 gives it."""

    iim: dict[str, list[str]] = field(default_factory=dict)
    xmp: dict[str, Any] = field(default_factory=dict)
    exif: dict[str, str] = field(default_factory=dict)
    iim_is_newer: bool = False


@contextmanager
def _exiv2_image(data: bytes, *, strict: bool) -> Iterator[Any]:
    """pyexiv2's image of ``data``, opened whatever exiv2 logged while reading it.

    exiv2 logs the damage it recovers from (an EXIF directory it skips, say) and pyexiv2
    turns any logged error into an exception, losing the IPTC and XMP read fine: muted while
    opening. ``strict`` restores the errors afterwards, so that a write never half-succeeds
    in silence. Warnings stay muted: pyexiv2 prints them on stdout, where they would garble
    the CLI's JSON output.
    """
    with _EXIV2_LOCK:
        _register_namespaces()
        pyexiv2.set_log_level(_LOG_MUTE)
        with pyexiv2.ImageData(data) as image:
            pyexiv2.set_log_level(_LOG_ERRORS if strict else _LOG_MUTE)
            yield image


_registered = False


def _register_namespaces() -> None:
    """Creative Commons' XMP namespace, which exiv2 does not know by itself (once)."""
    global _registered
    if not _registered:
        pyexiv2.registerNs(CC_NAMESPACE, "cc")
        _registered = True


# -- reading -------------------------------------------------------------------------------


def read_metadata(source: bytes | Path) -> PictureMetadata:
    """The embedded fields of a picture (the others keep their defaults)."""
    data = source.read_bytes() if isinstance(source, Path) else source
    embedded = _read_embedded(data)
    values = {name: _field_value(embedded, name) for name in EMBEDDED_FIELDS}
    found = [d for name in disagreements.FIELD_NAMES if (d := _disagreement(embedded, name))]
    return PictureMetadata().replace(**values, disagreements=disagreements.encode(found))


def _read_embedded(data: bytes) -> _Embedded:
    try:
        with _exiv2_image(data, strict=False) as image:
            # Latin-1 maps bytes to characters one to one: the real decoding is ours.
            iim = _quietly(lambda: image.read_iptc(encoding="latin-1"))
            xmp = _quietly(lambda: image.read_xmp(encoding="latin-1"))
            exif = _quietly(lambda: image.read_exif(encoding="latin-1"))
    except Exception:  # exiv2 reports any damage as RuntimeError, sometimes ValueError
        return _Embedded()
    return _Embedded(
        iim={key: [_decode_iim(raw) for raw in _strings(value)] for key, value in iim.items()},
        xmp={key: _utf8(value) for key, value in xmp.items()},
        exif={
            key: _decode_iim(str(exif[key]))  # as IIM: UTF-8 if it is, else Windows-1252
            for key in EXIF_KEYS.values()
            if isinstance(exif.get(key), str)
        },
        iim_is_newer=digest_state(data) is DigestState.STALE,
    )


def _quietly(read: Callable[[], object]) -> dict[str, Any]:
    try:
        result = read()
    except Exception:  # one damaged block must not hide the other
        return {}
    return result if isinstance(result, dict) else {}


def _field_value(embedded: _Embedded, name: str) -> str:
    if name in _STRUCT_LISTS:
        return _struct_list(embedded.xmp, _STRUCT_LISTS[name])
    xmp, iim, exif = _block_values(embedded, name)
    return _prefer(xmp, iim, iim_is_newer=embedded.iim_is_newer) or exif


def _block_values(embedded: _Embedded, name: str) -> tuple[str, str, str]:
    """The field's value in XMP, IIM and EXIF ("" where the block lacks it)."""
    if name == "date_created":
        xmp, iim = _xmp_date(embedded.xmp), _iim_date(embedded.iim)
    else:
        xmp = _xmp_text(embedded.xmp.get(XMP_KEYS[name]))
        iim = _join(embedded.iim.get(IIM_KEYS[name], [])) if name in IIM_KEYS else ""
    return xmp, iim, _clean(embedded.exif.get(EXIF_KEYS.get(name, ""), ""))


def _disagreement(embedded: _Embedded, name: str) -> disagreements.Disagreement | None:
    xmp, iim, exif = _block_values(embedded, name)
    limit = IIM_LIMITS.get(IIM_KEYS.get(name, ""))
    return disagreements.find(name, {"XMP": xmp, "IIM": iim, "EXIF": exif}, limit)


def _prefer(xmp: str, iim: str, *, iim_is_newer: bool) -> str:
    """The precedence rule of the module docstring."""
    if not xmp:
        return iim
    if not iim or not iim_is_newer or xmp.startswith(iim):
        return xmp
    return iim


def _decode_iim(text: str) -> str:
    raw = text.encode("latin-1")  # back to the bytes exiv2 read
    return _clean(_decode_iim_bytes(raw))


def _decode_iim_bytes(raw: bytes) -> str:
    for encoding in ("utf-8", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")  # cannot fail; stray control bytes are cleaned afterwards


def _utf8(value: Any) -> Any:
    """pyexiv2's value (read as Latin-1) with every string decoded as the UTF-8 XMP is."""
    if isinstance(value, str):
        return value.encode("latin-1").decode("utf-8", errors="replace")
    if isinstance(value, list):
        return [_utf8(item) for item in value]
    if isinstance(value, dict):
        return {_utf8(key): _utf8(item) for key, item in value.items()}
    return value


def _xmp_text(value: Any) -> str:
    """One text from an XMP value: a lang-alt's x-default (else its first language), a
    list's items joined, a simple value as is; a struct or array marker is no text."""
    if isinstance(value, dict):
        texts = [str(text) for text in value.values()]
        return _clean(str(value.get(_X_DEFAULT, texts[0] if texts else "")))
    if isinstance(value, list):
        return _join(_clean(str(item)) for item in value)
    if isinstance(value, str) and not value.startswith('type="'):
        return _clean(value)
    return ""


def _struct_list(xmp: Mapping[str, Any], kind: _StructList) -> str:
    """Each entry's name, else its address, in order."""
    entries: dict[int, dict[str, str]] = {}
    pattern = kind.parts
    for key, value in xmp.items():
        match = pattern.fullmatch(key)
        if match:
            entries.setdefault(int(match[1]), {})[match[2]] = _xmp_text(value)
    return _join(
        parts.get(kind.name_part) or parts.get(kind.url_part or "", "")
        for _, parts in sorted(entries.items())
    )


def _xmp_date(xmp: Mapping[str, Any]) -> str:
    return iso_date(_xmp_text(xmp.get(XMP_KEYS["date_created"])))


def _iim_date(iim: Mapping[str, list[str]]) -> str:
    day = _first(iim.get(_IIM_DATE, []))
    time = _first(iim.get(_IIM_TIME, []))
    if not day:
        return ""
    return iso_date(f"{day}T{time}" if time else day)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []


def _first(values: Iterable[str]) -> str:
    return next((value for value in values if value), "")


def _join(values: Iterable[str]) -> str:
    """Several values as one, in order, without empties or repeats."""
    return ", ".join(dict.fromkeys(value for value in values if value))


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # Photoshop ends IIM lines with CR
    return _CONTROL.sub("", text).strip()


# -- writing -------------------------------------------------------------------------------


def write_metadata(data: bytes, metadata: PictureMetadata, *, credit: str) -> bytes:
    """``data`` with the metadata's embedded fields written into its IIM and XMP.

    ``credit`` (the composed or overridden credit line) is written as the Credit line, in
    place of ``metadata.credit_line``. An empty field is removed from the file, so the
    picture says what the desk says and nothing stale. IIM text is cut at IIM's length
    limits (``IIM_LIMITS``); XMP has it whole. The creator is written as one entry
    (a comma can belong to a name: "Dupont, Jean"). A date that is not ISO 8601 is not
    written, and the IIM time only when the date-time has a UTC offset (IIM requires one).
    Formats without IIM (WebP) get XMP only; formats without XMP (GIF, BMP) are refused
    with ``MetadataWriteError``.
    """
    # Control characters cannot go into XMP (XML) and mean nothing in IIM: cleaned away.
    values = {name: _clean(str(getattr(metadata, name))) for name in EMBEDDED_FIELDS}
    values["credit_line"] = _clean(credit)
    try:
        with _exiv2_image(data, strict=True) as image:
            written = _write(image, values)
    except MetadataWriteError:
        raise
    except Exception as error:  # exiv2: RuntimeError for unreadable data, refused values
        raise MetadataWriteError(
            _("The picture’s metadata cannot be written: {error}").format(error=error)
        ) from error
    return refresh_digest(data, written)


def _write(image: Any, values: Mapping[str, str]) -> bytes:
    access = image.get_access_mode()
    if not _writable(access.get("xmp")):
        raise MetadataWriteError(
            _(
                "Copydesk cannot write credits into this picture ({media_type}): "
                "its format has no room for IPTC or XMP metadata."
            ).format(media_type=image.get_mime_type())
        )
    if _writable(access.get("iptc")):
        image.modify_iptc(_iim_changes(image, values), encoding="utf-8")
    image.modify_xmp(_xmp_changes(values))
    for name, kind in _STRUCT_LISTS.items():
        _write_struct_list(image, kind, values[name])
    if _writable(access.get("exif")):
        _write_exif(image, values)
    return bytes(image.get_bytes())


def _write_exif(image: Any, values: Mapping[str, str]) -> None:
    """EXIF Artist and Copyright follow the creator and the copyright notice where the file
    has them, so that no reader's fallback finds a stale name; none is added."""
    present = _quietly(lambda: image.read_exif(encoding="latin-1"))
    changes = {key: values[name] or None for name, key in EXIF_KEYS.items() if key in present}
    if changes:
        image.modify_exif(changes, encoding="utf-8")


def _writable(mode: object) -> bool:
    return isinstance(mode, str) and "write" in mode


def _iim_changes(image: Any, values: Mapping[str, str]) -> dict[str, Any]:
    details = image.read_iptc_detail(encoding="latin-1")
    changes = _reencoded_iim(details)
    for name, key in IIM_KEYS.items():
        text = _cut(values[name], IIM_LIMITS[key])
        changes[key] = ([text] if key in _IIM_REPEATABLE else text) if text else None
    day, time = iim_date_time(values["date_created"])
    changes[_IIM_DATE] = day or None
    changes[_IIM_TIME] = time or None
    changes["Iptc.Envelope.CharacterSet"] = UTF8_CHARACTER_SET
    for key in ("Iptc.Envelope.ModelVersion", "Iptc.Application2.RecordVersion"):
        if key not in details:  # mandatory in their records; exiv2 does not add them
            changes[key] = "4"
    return changes


def _cut(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` UTF-8 bytes, never splitting a character."""
    return text.encode("utf-8")[:limit].decode("utf-8", errors="ignore")


def _reencoded_iim(details: Mapping[str, Any]) -> dict[str, Any]:
    """The file's other non-ASCII IIM texts, decoded, to be rewritten as UTF-8: declaring
    UTF-8 applies to every dataset, and a Latin-1 keyword left as it was would turn into
    mojibake."""
    changes: dict[str, Any] = {}
    for key, detail in details.items():
        value = detail.get("value")
        texts = _strings(value)
        if (
            not key.startswith("Iptc.Application2.")
            or key in IIM_KEYS.values()
            or detail.get("typeName") != "String"
            or all(text.isascii() for text in texts)
        ):
            continue
        decoded = [_decode_iim_bytes(text.encode("latin-1")) for text in texts]
        changes[key] = decoded if isinstance(value, list) else decoded[0]
    return changes


def _xmp_changes(values: Mapping[str, str]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for name, key in XMP_KEYS.items():
        text = iso_date(values[name]) if name == "date_created" else values[name]
        if not text:
            changes[key] = None
        elif key in _XMP_LANG_ALT:
            changes[key] = {_X_DEFAULT: text}  # replaces every language: no stale one stays
        elif key in _XMP_SEQ:
            changes[key] = [text]
        else:
            changes[key] = text
    return changes


def _write_struct_list(image: Any, kind: _StructList, value: str) -> None:
    """The list is replaced as a whole: one entry, named, or by address if it is one (and
    the list has addresses)."""
    existing = [
        key
        for key in image.read_xmp(encoding="latin-1")
        if key == kind.key or key.startswith(kind.key + "[")
    ]
    if existing:  # the struct's fields must go before the list itself can
        image.modify_xmp(dict.fromkeys(reversed(existing)))
    if not value:
        return
    is_url = kind.url_part is not None and re.match(r"https?://", value)
    part = kind.url_part if is_url else kind.name_part
    image.modify_xmp(
        {
            kind.key: 'type="Seq"',
            f"{kind.key}[1]": 'type="Struct"',
            f"{kind.key}[1]/plus:{part}": value,
        }
    )


__all__ = ["iim_date_time", "iso_date", "read_metadata", "write_metadata"]
