"""Exporting a library into an archive: every row and picture file, the same bytes for the
same library.

A picture whose supplier says NO ARCHIVES (its special instructions) may not be kept in an
archive. The person chooses (``NoArchives``): its file is left out, its credit and uses kept
(restored, the picture awaits its file, as one from a package does), or its file is kept and
the picture named in the header's ``no_archives`` list. Either way the summary names them,
for the export to warn.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from copydesk import __version__
from copydesk.errors import CopydeskError
from copydesk.exchange.archive.format import (
    FORMAT,
    FORMAT_VERSION,
    GENERATOR,
    HEADER,
    ArchiveError,
    ArchiveSummary,
    clause,
    summary,
)
from copydesk.exchange.archive.rows import (
    KINDS,
    Row,
    read_rows,
)
from copydesk.exchange.numbers import number
from copydesk.exchange.packages.write import ExportFailed, write_zip
from copydesk.library.db import Library
from copydesk.library.identity import library_uuid
from copydesk.library.media_store import MediaStore, extension_for, sha256_of
from copydesk.library.migrations import HEAD_REVISION
from copydesk.library.models import utc_now
from copydesk.pictures.instructions import Restriction, read_instructions
from copydesk.translation import _, ngettext

ENTRY_TIME = datetime(1980, 1, 1)  # the zip format's first day: the same bytes every time
CHUNK_BYTES = 4 * 1024 * 1024  # rows per entry: a new entry once one holds this much


# ---------------------------------------------------------------------------------------------
# Export


class NoArchives(StrEnum):
    """What becomes of a picture whose supplier says NO ARCHIVES."""

    LEAVE_OUT = "leave-out"  # its file is left out; its credit and uses are kept
    KEEP = "keep"  # its file is kept, and the picture named in the header


@dataclass(frozen=True, slots=True)
class LibrarySnapshot:
    """Every row of a library at one moment, as the archive holds them."""

    library_uuid: str
    rows: dict[str, list[Row]]

    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.rows.items()}


def export_library(
    library: Library,
    path: Path,
    *,
    now: datetime | None = None,
    no_archives: NoArchives = NoArchives.LEAVE_OUT,
) -> ArchiveSummary:
    """Write the whole library to the zip ``path`` (replaced only once the new archive is
    complete); ``ArchiveError`` when it cannot, with nothing left behind."""
    store = MediaStore.beside(library.path)
    snapshot = read_snapshot(library)
    return write_archive(snapshot, store, Path(path), now=now, no_archives=no_archives)


def read_snapshot(library: Library) -> LibrarySnapshot:
    """Every row, read in one transaction: one moment of the library."""
    with library.read() as session:
        rows = {kind.name: read_rows(session, kind) for kind in KINDS}
        return LibrarySnapshot(library_uuid(session), rows)


def write_archive(
    snapshot: LibrarySnapshot,
    store: MediaStore,
    path: Path,
    *,
    now: datetime | None = None,
    no_archives: NoArchives = NoArchives.LEAVE_OUT,
) -> ArchiveSummary:
    """Write ``snapshot`` and its pictures' files from ``store`` to the zip ``path``."""
    restricted = [row for row in snapshot.rows["pictures"] if says_no_archives(row)]
    if no_archives is NoArchives.LEAVE_OUT and restricted:
        snapshot = _without_files(snapshot, {row["id"] for row in restricted})
    _require_files(snapshot, store, path)
    flagged = [row["uuid"] for row in restricted] if no_archives is NoArchives.KEEP else []
    entries = _entries(snapshot, store, now or utc_now(), path, flagged)
    try:
        write_zip(entries, path, modified=ENTRY_TIME)
    except ExportFailed as error:
        raise ArchiveError(str(error)) from error
    return summary(
        path,
        snapshot.library_uuid,
        snapshot.counts(),
        no_archives=tuple(picture_name(row) for row in restricted),
        left_out=no_archives is NoArchives.LEAVE_OUT,
    )


def says_no_archives(picture: Row) -> bool:
    """Whether the picture's special instructions forbid keeping it in an archive."""
    text = picture.get("special_instructions") or ""
    return any(i.kind is Restriction.NO_ARCHIVES for i in read_instructions(str(text)))


def _without_files(snapshot: LibrarySnapshot, picture_ids: set[int]) -> LibrarySnapshot:
    """The snapshot with these pictures awaiting their files: known by their credit and name,
    as a picture that came with a package is."""
    awaiting = {"sha256": None, "media_type": "", "width": 0, "height": 0, "byte_size": 0}
    pictures = [
        {**row, **awaiting} if row["id"] in picture_ids else row
        for row in snapshot.rows["pictures"]
    ]
    return LibrarySnapshot(snapshot.library_uuid, {**snapshot.rows, "pictures": pictures})


def _require_files(snapshot: LibrarySnapshot, store: MediaStore, path: Path) -> None:
    """Refuse an archive that would lack a picture's file: it could never be imported."""
    pictures = _with_files(snapshot.rows["pictures"])
    missing = [p for p in pictures if not store.contains(*file_of(p))]
    if missing:
        named = ", ".join(picture_name(p) for p in missing[:5])
        more = len(missing) - 5
        if more > 0:
            message = ngettext(
                "Cannot export the library to {path}: the file of {pictures} and {count} more is"
                " missing from the media store {store}.",
                "Cannot export the library to {path}: the file of {pictures} and {count} more is"
                " missing from the media store {store}.",
                more,
            )
        else:
            message = _(
                "Cannot export the library to {path}: the file of {pictures} is missing from the"
                " media store {store}."
            )
        raise ArchiveError(
            message.format(path=path, pictures=named, count=number(more), store=store.root)
        )


def _with_files(pictures: list[Row]) -> list[Row]:
    """The pictures that have a file (a schema may let a picture await its file)."""
    return [picture for picture in pictures if picture["sha256"] is not None]


def file_of(picture: Row) -> tuple[str, str]:
    return picture["sha256"], picture["media_type"]


def picture_name(picture: Row) -> str:
    return _("picture {id} (“{name}”)").format(id=picture["id"], name=picture["file_name"])


def media_entry(picture: Row) -> str:
    return f"media/{picture['sha256']}{extension_for(picture['media_type'])}"


def _entries(
    snapshot: LibrarySnapshot,
    store: MediaStore,
    exported_at: datetime,
    path: Path,
    no_archives: list[str],
) -> Iterator[tuple[str, bytes]]:
    """Every entry, one at a time (the pictures are read as they are written), the header
    last with the manifest of all the others."""
    manifest: list[dict[str, Any]] = []
    for kind in KINDS:
        for name, data in _row_entries(kind.name, snapshot.rows[kind.name]):
            manifest.append(listed(name, data))
            yield name, data
    for picture in _with_files(snapshot.rows["pictures"]):
        data = _picture_file(store, picture, path)
        manifest.append(listed(media_entry(picture), data))
        yield media_entry(picture), data
    yield HEADER, json_bytes(_header(snapshot, exported_at, manifest, no_archives))


def _row_entries(name: str, rows: list[Row]) -> Iterator[tuple[str, bytes]]:
    """``name/0001.json``…: the rows as a JSON list, one row a line, a new entry whenever
    one passes ``CHUNK_BYTES``."""
    lines: list[bytes] = []
    size = 0
    number = 0
    for row in rows:
        line = json.dumps(row, sort_keys=True, ensure_ascii=False).encode("utf-8")
        lines.append(line)
        size += len(line)
        if size >= CHUNK_BYTES:
            number += 1
            yield f"{name}/{number:04d}.json", _json_list(lines)
            lines, size = [], 0
    if lines:
        yield f"{name}/{number + 1:04d}.json", _json_list(lines)


def _json_list(lines: list[bytes]) -> bytes:
    return b"[\n" + b",\n".join(lines) + b"\n]\n"


def _picture_file(store: MediaStore, picture: Row, path: Path) -> bytes:
    try:
        data = store.read(*file_of(picture))
    except CopydeskError as error:
        raise ArchiveError(
            _("Cannot export the library to {path}: {problem} ({picture}).").format(
                path=path, problem=clause(str(error)), picture=picture_name(picture)
            )
        ) from error
    if sha256_of(data) != picture["sha256"]:
        raise ArchiveError(
            _(
                "Cannot export the library to {path}: the file of {picture} in the media store is"
                " damaged (its content no longer matches its SHA-256)."
            ).format(path=path, picture=picture_name(picture))
        )
    return data


def listed(name: str, data: bytes) -> dict[str, Any]:
    return {"name": name, "sha256": sha256_of(data), "size": len(data)}


def _header(
    snapshot: LibrarySnapshot,
    exported_at: datetime,
    manifest: list[dict[str, Any]],
    no_archives: list[str],
) -> dict[str, Any]:
    header = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "generator": {"name": GENERATOR, "version": __version__},
        "schema_revision": HEAD_REVISION,
        "library_uuid": snapshot.library_uuid,
        "exported_at": exported_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "counts": snapshot.counts(),
        "entries": manifest,
    }
    if no_archives:  # the uuids of the pictures kept whose supplier says NO ARCHIVES
        header["no_archives"] = sorted(no_archives)
    return header


def json_bytes(value: object) -> bytes:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")
