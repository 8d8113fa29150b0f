"""The library archive: the whole library in one portable zip, and back into an empty library.

An archive holds, in this order:

- ``pictures/0001.json``, ``articles/0001.json``, ``revisions/0001.json``,
  ``presets/0001.json``…: the rows, every column of each (``copydesk.exchange.archive.rows``), in id
  order, one row a line, cut into entries of a few megabytes;
- ``media/<sha256>.<ext>``: each picture's file from the media store;
- ``archive.json``: the header (format, versions, the library's uuid, the export time, the
  row counts) and the manifest, every other entry with its size and SHA-256.

The same library always gives the same bytes (sorted keys, fixed entry dates), so an
archive imported and exported again differs only in the header's export time.

Importing checks the whole archive before writing anything (the zip's safety, the header,
every checksum, every row's fields and types, what refers to what, every picture's file),
then writes in one transaction with the rows' own ids (article bodies name their pictures
by id) and the archive's library uuid (published URIs stay the same). A failure rolls the
transaction back and removes the picture files the import wrote: the library is as it was.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from copydesk import __version__
from copydesk.errors import CopydeskError, UnsafeArchive
from copydesk.exchange.archive.rows import (
    KIND_NAMES,
    KINDS,
    Kind,
    Row,
    RowProblem,
    decode_row,
    insert_rows,
    read_rows,
)
from copydesk.exchange.packages.write import ExportFailed, write_zip
from copydesk.exchange.safe_json import MalformedJson, load_json
from copydesk.exchange.safe_zip import SafePackage, open_package
from copydesk.library.db import Library
from copydesk.library.identity import adopt_uuid, library_uuid
from copydesk.library.media_store import MediaStore, extension_for, sha256_of
from copydesk.library.migrations import HEAD_REVISION
from copydesk.library.models import utc_now

FORMAT = "copydesk-library"
FORMAT_VERSION = 1
GENERATOR = "Copydesk"
HEADER = "archive.json"
# Archives of these library schemas have the rows this Copydesk writes. A migration that
# changes a carried table adds its old revision here with a way to fill what it lacks.
READABLE_SCHEMAS = frozenset({"0004", HEAD_REVISION})  # 0005 only added the change feed
ENTRY_TIME = datetime(1980, 1, 1)  # the zip format's first day: the same bytes every time
CHUNK_BYTES = 4 * 1024 * 1024  # rows per entry: a new entry once one holds this much
MAX_JSON_BYTES = 256 * 1024 * 1024
MAX_JSON_DEPTH = 16  # rows are four levels deep
# A library's pictures may add up to far more than a publishing package's: the zip bombs
# are caught by the compression ratio and each entry's own limit.
MAX_ENTRIES = 500_000
MAX_TOTAL_BYTES = 1024**4

_PICTURES = next(kind for kind in KINDS if kind.name == "pictures")
_ROWS_ENTRY = re.compile(rf"({'|'.join(KIND_NAMES)})/(\d{{4,9}})\.json")
_MEDIA_ENTRY = re.compile(r"media/([0-9a-f]{64})\.[a-z]{2,4}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class ArchiveError(CopydeskError):
    """A library archive cannot be written or imported. The message names the problem (the
    entry, the row and the field where there is one); nothing was left half-written."""


@dataclass(frozen=True, slots=True)
class ArchiveSummary:
    """What an archive holds: the archive's path, the library's uuid, and its row counts."""

    path: Path
    library_uuid: str
    articles: int
    revisions: int
    pictures: int
    presets: int

    def describe(self) -> str:
        """ "2 articles, 5 revisions, 1 picture and no presets"."""
        parts = [_counted(getattr(self, name), name) for name in KIND_NAMES_IN_SENTENCE]
        return f"{', '.join(parts[:-1])} and {parts[-1]}"


KIND_NAMES_IN_SENTENCE = ("articles", "revisions", "pictures", "presets")


def _counted(count: int, plural: str) -> str:
    if count == 0:
        return f"no {plural}"
    return f"{count:,} {plural if count != 1 else plural.removesuffix('s')}"


def _summary(path: Path, uuid: str, counts: dict[str, int]) -> ArchiveSummary:
    return ArchiveSummary(path, uuid, **{name: counts[name] for name in KIND_NAMES})


# ---------------------------------------------------------------------------------------------
# Export


@dataclass(frozen=True, slots=True)
class LibrarySnapshot:
    """Every row of a library at one moment, as the archive holds them."""

    library_uuid: str
    rows: dict[str, list[Row]]

    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.rows.items()}


def export_library(library: Library, path: Path, *, now: datetime | None = None) -> ArchiveSummary:
    """Write the whole library to the zip ``path`` (replaced only once the new archive is
    complete); ``ArchiveError`` when it cannot, with nothing left behind."""
    store = MediaStore.beside(library.path)
    return write_archive(read_snapshot(library), store, Path(path), now=now)


def read_snapshot(library: Library) -> LibrarySnapshot:
    """Every row, read in one transaction: one moment of the library."""
    with library.read() as session:
        rows = {kind.name: read_rows(session, kind) for kind in KINDS}
        return LibrarySnapshot(library_uuid(session), rows)


def write_archive(
    snapshot: LibrarySnapshot, store: MediaStore, path: Path, *, now: datetime | None = None
) -> ArchiveSummary:
    """Write ``snapshot`` and its pictures' files from ``store`` to the zip ``path``."""
    _require_files(snapshot, store, path)
    entries = _entries(snapshot, store, now or utc_now(), path)
    try:
        write_zip(entries, path, modified=ENTRY_TIME)
    except ExportFailed as error:
        raise ArchiveError(str(error)) from error
    return _summary(path, snapshot.library_uuid, snapshot.counts())


def _require_files(snapshot: LibrarySnapshot, store: MediaStore, path: Path) -> None:
    """Refuse an archive that would lack a picture's file: it could never be imported."""
    pictures = _with_files(snapshot.rows["pictures"])
    missing = [p for p in pictures if not store.contains(*_file_of(p))]
    if missing:
        named = ", ".join(_picture_name(p) for p in missing[:5])
        more = f" and {len(missing) - 5:,} more" if len(missing) > 5 else ""
        raise ArchiveError(
            f"Cannot export the library to {path}: the file of {named}{more} is missing from "
            f"the media store {store.root}."
        )


def _with_files(pictures: list[Row]) -> list[Row]:
    """The pictures that have a file (a schema may let a picture await its file)."""
    return [picture for picture in pictures if picture["sha256"] is not None]


def _file_of(picture: Row) -> tuple[str, str]:
    return picture["sha256"], picture["media_type"]


def _picture_name(picture: Row) -> str:
    return f"picture {picture['id']} (“{picture['file_name']}”)"


def _media_entry(picture: Row) -> str:
    return f"media/{picture['sha256']}{extension_for(picture['media_type'])}"


def _entries(
    snapshot: LibrarySnapshot, store: MediaStore, exported_at: datetime, path: Path
) -> Iterator[tuple[str, bytes]]:
    """Every entry, one at a time (the pictures are read as they are written), the header
    last with the manifest of all the others."""
    manifest: list[dict[str, Any]] = []
    for kind in KINDS:
        for name, data in _row_entries(kind.name, snapshot.rows[kind.name]):
            manifest.append(_listed(name, data))
            yield name, data
    for picture in _with_files(snapshot.rows["pictures"]):
        data = _picture_file(store, picture, path)
        manifest.append(_listed(_media_entry(picture), data))
        yield _media_entry(picture), data
    yield HEADER, _json_bytes(_header(snapshot, exported_at, manifest))


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
        data = store.read(*_file_of(picture))
    except CopydeskError as error:
        problem = f"{_clause(str(error))} ({_picture_name(picture)})"
        raise ArchiveError(f"Cannot export the library to {path}: {problem}.") from error
    if sha256_of(data) != picture["sha256"]:
        raise ArchiveError(
            f"Cannot export the library to {path}: the file of {_picture_name(picture)} in the "
            "media store is damaged (its content no longer matches its SHA-256)."
        )
    return data


def _listed(name: str, data: bytes) -> dict[str, Any]:
    return {"name": name, "sha256": sha256_of(data), "size": len(data)}


def _header(
    snapshot: LibrarySnapshot, exported_at: datetime, manifest: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "generator": {"name": GENERATOR, "version": __version__},
        "schema_revision": HEAD_REVISION,
        "library_uuid": snapshot.library_uuid,
        "exported_at": exported_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "counts": snapshot.counts(),
        "entries": manifest,
    }


def _json_bytes(value: object) -> bytes:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


# ---------------------------------------------------------------------------------------------
# Import


def import_library(library: Library, path: Path) -> ArchiveSummary:
    """Restore the archive at ``path`` into ``library``, which must be empty (no articles,
    pictures or presets). Everything is checked before anything is written; on any
    failure, ``ArchiveError`` says why and the library is unchanged."""
    with library.read() as session:
        require_empty(session, library, Path(path).name)
    with open_archive(path) as archive:
        return archive.restore_into(library)


def require_empty(session: Session, library: Library, label: str) -> None:
    counts = {kind.name: _row_count(session, kind) for kind in KINDS}
    if any(counts.values()):
        held = _summary(library.path, "", counts).describe()
        raise ArchiveError(
            f"Cannot import {label}: the library {library.path} is not empty (it holds {held}); "
            "an archive is imported only into an empty library."
        )


def _row_count(session: Session, kind: Kind) -> int:
    return session.scalar(select(func.count()).select_from(kind.table)) or 0


@dataclass(frozen=True, slots=True)
class _Header:
    schema_revision: str
    library_uuid: str
    counts: dict[str, int]
    entries: dict[str, tuple[int, str]]  # name → (size, SHA-256)


@dataclass(slots=True)
class _Archived:
    """A checked row, and where it was in the archive (for messages)."""

    row: Row
    entry: str

    def place(self, kind: Kind) -> str:
        return f"{kind.noun} {self.row['id']} (in “{self.entry}”)"


@dataclass(slots=True)
class LibraryArchive:
    """An archive whose every entry, row and reference was checked (``open_archive``),
    ready to be restored into an empty library."""

    path: Path
    package: SafePackage
    header: _Header
    rows: dict[str, list[_Archived]] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.path.name

    @property
    def summary(self) -> ArchiveSummary:
        counts = {name: len(rows) for name, rows in self.rows.items()}
        return _summary(self.path, self.header.library_uuid, counts)

    def restore_into(self, library: Library) -> ArchiveSummary:
        """Write every row (with its own id), the picture files and the library's uuid in
        one transaction; on failure, roll back and remove the files written."""
        store = MediaStore.beside(library.path)
        written: list[Row] = []
        try:
            with library.write() as session:
                require_empty(session, library, self.label)
                self._store_files(store, written)
                for kind in KINDS:
                    insert_rows(session, kind, [item.row for item in self.rows[kind.name]])
                adopt_uuid(session, self.header.library_uuid)
        except BaseException as error:
            _remove_files(store, written)
            if isinstance(error, CopydeskError) and not isinstance(error, ArchiveError):
                problem = _without_label(str(error), self.label)
                raise _refused(self.label, problem, "; nothing was imported") from error
            raise
        return self.summary

    def _store_files(self, store: MediaStore, written: list[Row]) -> None:
        for item in self.rows[_PICTURES.name]:
            if item.row["sha256"] is None:
                continue
            sha256, media_type = _file_of(item.row)
            data = self.package.read(_media_entry(item.row))
            if sha256_of(data) != sha256:  # the archive file changed since it was checked
                raise _refused(self.label, f"the file of {item.place(_PICTURES)} changed")
            if store.store(data, sha256, media_type):
                written.append(item.row)


def _remove_files(store: MediaStore, written: list[Row]) -> None:
    """Remove the files an import wrote, and the folders that held only them."""
    for picture in written:
        store.remove(*_file_of(picture))
    folders = {store.path_for(*_file_of(p)).parent for p in written}
    for folder in [*sorted(folders), store.root / ".incoming", store.root]:
        with contextlib.suppress(OSError):
            folder.rmdir()  # only when empty


@contextlib.contextmanager
def open_archive(path: Path) -> Iterator[LibraryArchive]:
    """The archive at ``path``, once everything in it was checked (else ``ArchiveError``
    naming the first problem), open until the ``with`` block ends."""
    path = Path(path)
    try:
        package = open_package(path, max_entries=MAX_ENTRIES, max_total_bytes=MAX_TOTAL_BYTES)
    except OSError as error:
        raise _refused(path.name, error.strerror or str(error)) from error
    except UnsafeArchive as error:
        raise _refused(path.name, _without_label(str(error), path.name)) from error
    with package:
        try:
            archive = _checked(LibraryArchive(path, package, _read_header(package, path.name)))
        except UnsafeArchive as error:  # an entry found damaged or forged while read
            raise _refused(path.name, _without_label(str(error), path.name)) from error
        yield archive


def _checked(archive: LibraryArchive) -> LibraryArchive:
    _check_entry_names(archive)
    for kind in KINDS:
        archive.rows[kind.name] = _read_kind(archive, kind)
    for kind in KINDS:
        _check_unique(archive, kind)
        _check_references(archive, kind)
    _check_counts(archive)
    _check_files(archive)
    return archive


def _refused(label: str, problem: str, after: str = "") -> ArchiveError:
    return ArchiveError(f"Cannot import {label}: {_clause(problem)}{after}.")


def _clause(message: str) -> str:
    """A sentence made a clause: no capital, no full stop."""
    message = message.strip().rstrip(".")
    return message[:1].lower() + message[1:]


def _without_label(message: str, label: str) -> str:
    """A safe_zip message without the archive's name in front (ours says it already)."""
    if message.startswith(f"{label}: "):
        return message.removeprefix(f"{label}: ")
    return "it " + message.removeprefix(f"{label} ") if message.startswith(label) else message


# ---- the header and the manifest --------------------------------------------------------


def _read_header(package: SafePackage, label: str) -> _Header:
    if HEADER not in package:
        raise _refused(label, f"it is not a Copydesk library archive (it has no {HEADER})")
    value = _load(package.read(HEADER), HEADER, label)
    if not isinstance(value, dict) or value.get("format") != FORMAT:
        raise _refused(label, f"it is not a Copydesk library archive ({HEADER} is not one)")
    _check_versions(value, label)
    try:
        return _Header(
            value["schema_revision"],
            _text(value, "library_uuid", _UUID),
            _counts(value.get("counts")),
            _manifest(value.get("entries")),
        )
    except (_BadHeader, KeyError) as problem:
        raise _refused(label, f"its header ({HEADER}) is damaged: {problem}") from None


class _BadHeader(Exception):
    pass


def _load(data: bytes, name: str, label: str) -> Any:
    try:
        return load_json(data, max_bytes=MAX_JSON_BYTES, max_depth=MAX_JSON_DEPTH)
    except MalformedJson as error:
        raise _refused(label, f"in the entry “{name}”, {_clause(str(error))}") from None


def _check_versions(header: dict[str, Any], label: str) -> None:
    version = header.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _refused(label, f"its header ({HEADER}) has no valid format version")
    if version > FORMAT_VERSION:
        raise _refused(
            label,
            f"it was written by a newer Copydesk (archive format {version}); Copydesk "
            f"{__version__} reads format {FORMAT_VERSION}. Update Copydesk to import it",
        )
    schema = header.get("schema_revision")
    if schema not in READABLE_SCHEMAS:
        raise _refused(
            label,
            f"it holds a library of schema “{str(schema)[:20]}”, which Copydesk {__version__} "
            f"does not know (it knows schemas up to {HEAD_REVISION}). Update Copydesk to "
            "import it",
        )


def _text(value: dict[str, Any], key: str, pattern: re.Pattern[str]) -> str:
    text = value.get(key)
    if not isinstance(text, str) or not pattern.fullmatch(text):
        raise _BadHeader(f"“{key}” is missing or malformed")
    return text


def _counts(value: Any) -> dict[str, int]:
    if not isinstance(value, dict) or set(value) != set(KIND_NAMES):
        raise _BadHeader(f"“counts” should count {', '.join(KIND_NAMES)}")
    if not all(_is_count(count) for count in value.values()):
        raise _BadHeader("a count in “counts” is not a whole number")
    return value


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _manifest(value: Any) -> dict[str, tuple[int, str]]:
    if not isinstance(value, list):
        raise _BadHeader("“entries” (the manifest) should be a list")
    entries: dict[str, tuple[int, str]] = {}
    for number, item in enumerate(value, 1):
        if not isinstance(item, dict) or set(item) != {"name", "sha256", "size"}:
            raise _BadHeader(f"item {number} of the manifest is not a name, size and SHA-256")
        name, size = item["name"], item["size"]
        if not isinstance(name, str) or name in entries or name == HEADER:
            raise _BadHeader(f"item {number} of the manifest has a missing or repeated name")
        if not _is_count(size) or not _SHA256.fullmatch(str(item["sha256"])):
            raise _BadHeader(f"the manifest's size or SHA-256 of “{name}” is malformed")
        entries[name] = (size, item["sha256"])
    return entries


def _check_entry_names(archive: LibraryArchive) -> None:
    names = set(archive.package.names()) - {HEADER}
    listed = set(archive.header.entries)
    for name in sorted(names - listed):
        raise _refused(archive.label, f"the entry “{name}” is not in the archive's manifest")
    for name in sorted(listed - names):
        raise _refused(archive.label, f"the entry “{name}”, listed in its manifest, is missing")
    for name in sorted(names):
        if not (_ROWS_ENTRY.fullmatch(name) or _MEDIA_ENTRY.fullmatch(name)):
            raise _refused(archive.label, f"the entry “{name}” is not part of a library archive")


def _verified(archive: LibraryArchive, name: str) -> bytes:
    """The entry's content, once it matched the manifest's size and SHA-256."""
    size, sha256 = archive.header.entries[name]
    data = archive.package.read(name)
    if len(data) != size or sha256_of(data) != sha256:
        raise _refused(
            archive.label,
            f"the entry “{name}” does not match its checksum in the manifest: the archive is "
            "damaged or was altered",
        )
    return data


# ---- the rows -------------------------------------------------------------------------------


def _read_kind(archive: LibraryArchive, kind: Kind) -> list[_Archived]:
    names = [n for n in archive.header.entries if _is_entry_of(n, kind)]
    found: list[_Archived] = []
    for name in sorted(names, key=lambda n: (len(n), n)):
        value = _load(_verified(archive, name), name, archive.label)
        if not isinstance(value, list):
            raise _refused(archive.label, f"the entry “{name}” should hold a list of rows")
        found += [_decoded(archive, kind, name, n, data) for n, data in enumerate(value, 1)]
    return found


def _is_entry_of(name: str, kind: Kind) -> bool:
    match = _ROWS_ENTRY.fullmatch(name)
    return match is not None and match.group(1) == kind.name


def _decoded(archive: LibraryArchive, kind: Kind, entry: str, number: int, data: Any) -> _Archived:
    try:
        return _Archived(decode_row(kind, data), entry)
    except RowProblem as problem:
        raise _refused(archive.label, f"in the entry “{entry}”, row {number}: {problem}") from None


def _check_unique(archive: LibraryArchive, kind: Kind) -> None:
    for column in kind.table.columns:
        if not (column.unique or column.primary_key):
            continue
        seen: dict[Any, _Archived] = {}
        for item in archive.rows[kind.name]:
            other = seen.setdefault(item.row[column.name], item)
            if other is not item:
                raise _refused(
                    archive.label,
                    f"{item.place(kind)} has the same {column.name} as {other.place(kind)}",
                )


def _check_references(archive: LibraryArchive, kind: Kind) -> None:
    """Every id a row names (a revision's article, a picture use's picture) is in the
    archive."""
    tables = [(kind.table, None), *((part.table, part.key) for part in kind.parts)]
    for table, key in tables:
        for column in table.columns:
            for foreign in column.foreign_keys:
                target = _kind_of_table(foreign.column.table.name)
                if target is None or (key is not None and column.name == "article_id"):
                    continue
                ids = {item.row["id"] for item in archive.rows[target.name]}
                _check_ids(archive, kind, key, column.name, target, ids)


def _kind_of_table(name: str) -> Kind | None:
    return next((kind for kind in KINDS if kind.table.name == name), None)


def _check_ids(
    archive: LibraryArchive, kind: Kind, key: str | None, column: str, target: Kind, ids: set[int]
) -> None:
    for item in archive.rows[kind.name]:
        values = [part[column] for part in item.row[key]] if key else [item.row[column]]
        for value in values:
            if value not in ids:
                raise _refused(
                    archive.label,
                    f"{item.place(kind)} refers to {target.noun} {value}, which is not in the "
                    "archive",
                )


def _check_counts(archive: LibraryArchive) -> None:
    for name, rows in archive.rows.items():
        declared = archive.header.counts[name]
        if declared != len(rows):
            raise _refused(
                archive.label,
                f"its header counts {declared:,} {name} but it holds {len(rows):,}",
            )


def _check_files(archive: LibraryArchive) -> None:
    """Each picture's file is in the archive, under its SHA-256, with content that has that
    SHA-256; no file belongs to no picture."""
    pictures, kind = archive.rows[_PICTURES.name], _PICTURES
    expected = {_media_entry(item.row): item for item in pictures if item.row["sha256"]}
    for name in archive.header.entries:
        if _MEDIA_ENTRY.fullmatch(name) and name not in expected:
            raise _refused(archive.label, f"the entry “{name}” is the file of no picture")
    for name, item in expected.items():
        if name not in archive.header.entries:
            raise _refused(archive.label, f"{item.place(kind)} has no file in the archive")
        _verified(archive, name)
        if archive.header.entries[name][1] != item.row["sha256"]:
            raise _refused(
                archive.label,
                f"the file of {item.place(kind)}, “{name}”, does not have the SHA-256 its "
                "name says: it is not the picture it should be",
            )


__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "HEADER",
    "ArchiveError",
    "ArchiveSummary",
    "LibraryArchive",
    "LibrarySnapshot",
    "export_library",
    "import_library",
    "open_archive",
    "read_snapshot",
    "require_empty",
    "write_archive",
]
