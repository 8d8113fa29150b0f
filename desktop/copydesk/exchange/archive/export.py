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
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

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
    Kind,
    Row,
    iter_rows,
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

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

ENTRY_TIME = datetime(1980, 1, 1)  # the zip format's first day: the same bytes every time
CHUNK_BYTES = 4 * 1024 * 1024  # rows per entry: a new entry once one holds this much


# ---------------------------------------------------------------------------------------------
# Export


class NoArchives(StrEnum):
    """What becomes of a picture whose supplier says NO ARCHIVES."""

    LEAVE_OUT = "leave-out"  # its file is left out; its credit and uses are kept
    KEEP = "keep"  # its file is kept, and the picture named in the header


class RowSource(Protocol):
    """Where an archive's rows come from: the library's uuid and each kind's rows in id
    order, as the archive holds them (read again for each pass)."""

    library_uuid: str

    def rows(self, name: str) -> Iterator[Row]: ...


class LibraryRows:
    """The library's rows read a batch at a time in the one read transaction the export
    runs in (one moment of the library): exporting a library of any size takes about the
    memory of a batch and an entry."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self.library_uuid = library_uuid(session)

    def rows(self, name: str) -> Iterator[Row]:
        yield from iter_rows(self._session, _kind(name))


class Snapshot:
    """Every row of a small library read at once, to be written later (by another process,
    say): what ``LibraryRows`` gives, held in memory."""

    def __init__(self, library: Library) -> None:
        with library.read() as session:
            self.library_uuid = library_uuid(session)
            self._rows = {kind.name: list(iter_rows(session, kind)) for kind in KINDS}

    def rows(self, name: str) -> Iterator[Row]:
        yield from self._rows[name]


def read_snapshot(library: Library) -> Snapshot:
    return Snapshot(library)


def _kind(name: str) -> Kind:
    return next(kind for kind in KINDS if kind.name == name)


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
    with library.read() as session:
        source = LibraryRows(session)
        return write_archive(source, store, Path(path), now=now, no_archives=no_archives)


def write_archive(
    source: RowSource,
    store: MediaStore,
    path: Path,
    *,
    now: datetime | None = None,
    no_archives: NoArchives = NoArchives.LEAVE_OUT,
) -> ArchiveSummary:
    """Write the rows of ``source`` and its pictures' files from ``store`` to the zip
    ``path``. The pictures are read twice: first to check that every file is there and to
    find those whose supplier says NO ARCHIVES, then to write them."""
    restricted = [row for row in _pictures(source) if says_no_archives(row)]
    left_out = {row["id"] for row in restricted} if no_archives is NoArchives.LEAVE_OUT else set()
    _require_files(source, store, path, left_out)
    flagged = [row["uuid"] for row in restricted] if no_archives is NoArchives.KEEP else []
    counts: dict[str, int] = {}
    entries = _entries(source, store, now or utc_now(), path, flagged, left_out, counts)
    try:
        write_zip(entries, path, modified=ENTRY_TIME)
    except ExportFailed as error:
        raise ArchiveError(str(error)) from error
    return summary(
        path,
        source.library_uuid,
        counts,
        no_archives=tuple(picture_name(row) for row in restricted),
        left_out=no_archives is NoArchives.LEAVE_OUT,
    )


def _pictures(source: RowSource) -> Iterator[Row]:
    """The pictures' rows, only the fields these checks read (not a whole library's rows)."""
    wanted = ("id", "uuid", "file_name", "sha256", "media_type", "special_instructions")
    for row in source.rows("pictures"):
        yield {name: row.get(name) for name in wanted}


def says_no_archives(picture: Row) -> bool:
    """Whether the picture's special instructions forbid keeping it in an archive."""
    text = picture.get("special_instructions") or ""
    return any(i.kind is Restriction.NO_ARCHIVES for i in read_instructions(str(text)))


def _without_file(picture: Row) -> Row:
    """The picture awaiting its file: known by its credit and name, as a picture that came
    with a package is."""
    return {**picture, "sha256": None, "media_type": "", "width": 0, "height": 0, "byte_size": 0}


def _require_files(source: RowSource, store: MediaStore, path: Path, left_out: set[int]) -> None:
    """Refuse an archive that would lack a picture's file: it could never be imported."""
    pictures = (p for p in _with_files(_pictures(source)) if p["id"] not in left_out)
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


def _with_files(pictures: Iterable[Row]) -> Iterator[Row]:
    """The pictures that have a file (a schema may let a picture await its file)."""
    return (picture for picture in pictures if picture["sha256"] is not None)


def file_of(picture: Row) -> tuple[str, str]:
    return picture["sha256"], picture["media_type"]


def picture_name(picture: Row) -> str:
    return _("picture {id} (“{name}”)").format(id=picture["id"], name=picture["file_name"])


def media_entry(picture: Row) -> str:
    return f"media/{picture['sha256']}{extension_for(picture['media_type'])}"


def _entries(
    source: RowSource,
    store: MediaStore,
    exported_at: datetime,
    path: Path,
    no_archives: list[str],
    left_out: set[int],
    counts: dict[str, int],
) -> Iterator[tuple[str, bytes]]:
    """Every entry, one at a time (rows and pictures are read as they are written), the
    header last with the manifest of all the others and the ``counts`` of rows."""
    manifest: list[dict[str, Any]] = []
    for kind in KINDS:
        rows = _counted(source.rows(kind.name), counts, kind.name)
        if kind.name == "pictures":
            rows = (_without_file(row) if row["id"] in left_out else row for row in rows)
        for name, data in _row_entries(kind.name, rows):
            manifest.append(listed(name, data))
            yield name, data
    for picture in _with_files(_pictures(source)):
        if picture["id"] in left_out:
            continue
        data = _picture_file(store, picture, path)
        manifest.append(listed(media_entry(picture), data))
        yield media_entry(picture), data
    header = _header(source.library_uuid, counts, exported_at, manifest, no_archives)
    yield HEADER, json_bytes(header)


def _counted(rows: Iterator[Row], counts: dict[str, int], name: str) -> Iterator[Row]:
    counts[name] = 0
    for row in rows:
        counts[name] += 1
        yield row


def _row_entries(name: str, rows: Iterable[Row]) -> Iterator[tuple[str, bytes]]:
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
    uuid: str,
    counts: dict[str, int],
    exported_at: datetime,
    manifest: list[dict[str, Any]],
    no_archives: list[str],
) -> dict[str, Any]:
    header = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "generator": {"name": GENERATOR, "version": __version__},
        "schema_revision": HEAD_REVISION,
        "library_uuid": uuid,
        "exported_at": exported_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "counts": dict(counts),
        "entries": manifest,
    }
    if no_archives:  # the uuids of the pictures kept whose supplier says NO ARCHIVES
        header["no_archives"] = sorted(no_archives)
    return header


def json_bytes(value: object) -> bytes:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")
