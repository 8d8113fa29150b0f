"""Importing an archive into an empty library: the whole archive checked before anything is
written, then one transaction; a failure leaves the library as it was."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from copydesk import __version__
from copydesk.errors import CopydeskError, UnsafeArchive
from copydesk.exchange.archive.export import file_of, media_entry
from copydesk.exchange.archive.format import (
    FORMAT,
    FORMAT_VERSION,
    HEADER,
    MAX_ENTRIES,
    MAX_JSON_BYTES,
    MAX_JSON_DEPTH,
    MAX_TOTAL_BYTES,
    MEDIA_ENTRY,
    PICTURES,
    READABLE_SCHEMAS,
    ROWS_ENTRY,
    SHA256,
    UUID,
    ArchiveError,
    ArchiveSummary,
    clause,
    summary,
)
from copydesk.exchange.archive.rows import (
    KIND_NAMES,
    KINDS,
    Kind,
    Row,
    RowProblem,
    decode_row,
    insert_rows,
)
from copydesk.exchange.safe_json import MalformedJson, load_json
from copydesk.exchange.safe_zip import SafePackage, open_package
from copydesk.library.db import Library
from copydesk.library.identity import adopt_uuid
from copydesk.library.media_store import MediaStore, sha256_of
from copydesk.library.migrations import HEAD_REVISION

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
        held = summary(library.path, "", counts).describe()
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
        return summary(self.path, self.header.library_uuid, counts)

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
                raise refused(self.label, problem, "; nothing was imported") from error
            raise
        return self.summary

    def _store_files(self, store: MediaStore, written: list[Row]) -> None:
        for item in self.rows[PICTURES.name]:
            if item.row["sha256"] is None:
                continue
            sha256, media_type = file_of(item.row)
            data = self.package.read(media_entry(item.row))
            if sha256_of(data) != sha256:  # the archive file changed since it was checked
                raise refused(self.label, f"the file of {item.place(PICTURES)} changed")
            if store.store(data, sha256, media_type):
                written.append(item.row)


def _remove_files(store: MediaStore, written: list[Row]) -> None:
    """Remove the files an import wrote, and the folders that held only them."""
    for picture in written:
        store.remove(*file_of(picture))
    folders = {store.path_for(*file_of(p)).parent for p in written}
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
        raise refused(path.name, error.strerror or str(error)) from error
    except UnsafeArchive as error:
        raise refused(path.name, _without_label(str(error), path.name)) from error
    with package:
        try:
            archive = _checked(LibraryArchive(path, package, _read_header(package, path.name)))
        except UnsafeArchive as error:  # an entry found damaged or forged while read
            raise refused(path.name, _without_label(str(error), path.name)) from error
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


def refused(label: str, problem: str, after: str = "") -> ArchiveError:
    return ArchiveError(f"Cannot import {label}: {clause(problem)}{after}.")


def _without_label(message: str, label: str) -> str:
    """A safe_zip message without the archive's name in front (ours says it already)."""
    if message.startswith(f"{label}: "):
        return message.removeprefix(f"{label}: ")
    return "it " + message.removeprefix(f"{label} ") if message.startswith(label) else message


# ---- the header and the manifest --------------------------------------------------------


def _read_header(package: SafePackage, label: str) -> _Header:
    if HEADER not in package:
        raise refused(label, f"it is not a Copydesk library archive (it has no {HEADER})")
    value = _load(package.read(HEADER), HEADER, label)
    if not isinstance(value, dict) or value.get("format") != FORMAT:
        raise refused(label, f"it is not a Copydesk library archive ({HEADER} is not one)")
    _check_versions(value, label)
    try:
        return _Header(
            value["schema_revision"],
            _text(value, "library_uuid", UUID),
            _counts(value.get("counts")),
            _manifest(value.get("entries")),
        )
    except (_BadHeader, KeyError) as problem:
        raise refused(label, f"its header ({HEADER}) is damaged: {problem}") from None


class _BadHeader(Exception):
    pass


def _load(data: bytes, name: str, label: str) -> Any:
    try:
        return load_json(data, max_bytes=MAX_JSON_BYTES, max_depth=MAX_JSON_DEPTH)
    except MalformedJson as error:
        raise refused(label, f"in the entry “{name}”, {clause(str(error))}") from None


def _check_versions(header: dict[str, Any], label: str) -> None:
    version = header.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise refused(label, f"its header ({HEADER}) has no valid format version")
    if version > FORMAT_VERSION:
        raise refused(
            label,
            f"it was written by a newer Copydesk (archive format {version}); Copydesk "
            f"{__version__} reads format {FORMAT_VERSION}. Update Copydesk to import it",
        )
    schema = header.get("schema_revision")
    if schema not in READABLE_SCHEMAS:
        raise refused(
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
        if not _is_count(size) or not SHA256.fullmatch(str(item["sha256"])):
            raise _BadHeader(f"the manifest's size or SHA-256 of “{name}” is malformed")
        entries[name] = (size, item["sha256"])
    return entries


def _check_entry_names(archive: LibraryArchive) -> None:
    names = set(archive.package.names()) - {HEADER}
    listed = set(archive.header.entries)
    for name in sorted(names - listed):
        raise refused(archive.label, f"the entry “{name}” is not in the archive's manifest")
    for name in sorted(listed - names):
        raise refused(archive.label, f"the entry “{name}”, listed in its manifest, is missing")
    for name in sorted(names):
        if not (ROWS_ENTRY.fullmatch(name) or MEDIA_ENTRY.fullmatch(name)):
            raise refused(archive.label, f"the entry “{name}” is not part of a library archive")


def _verified(archive: LibraryArchive, name: str) -> bytes:
    """The entry's content, once it matched the manifest's size and SHA-256."""
    size, sha256 = archive.header.entries[name]
    data = archive.package.read(name)
    if len(data) != size or sha256_of(data) != sha256:
        raise refused(
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
            raise refused(archive.label, f"the entry “{name}” should hold a list of rows")
        found += [_decoded(archive, kind, name, n, data) for n, data in enumerate(value, 1)]
    return found


def _is_entry_of(name: str, kind: Kind) -> bool:
    match = ROWS_ENTRY.fullmatch(name)
    return match is not None and match.group(1) == kind.name


def _decoded(archive: LibraryArchive, kind: Kind, entry: str, number: int, data: Any) -> _Archived:
    try:
        return _Archived(decode_row(kind, data), entry)
    except RowProblem as problem:
        raise refused(archive.label, f"in the entry “{entry}”, row {number}: {problem}") from None


def _check_unique(archive: LibraryArchive, kind: Kind) -> None:
    for column in kind.table.columns:
        if not (column.unique or column.primary_key):
            continue
        seen: dict[Any, _Archived] = {}
        for item in archive.rows[kind.name]:
            other = seen.setdefault(item.row[column.name], item)
            if other is not item:
                raise refused(
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
                raise refused(
                    archive.label,
                    f"{item.place(kind)} refers to {target.noun} {value}, which is not in the "
                    "archive",
                )


def _check_counts(archive: LibraryArchive) -> None:
    for name, rows in archive.rows.items():
        declared = archive.header.counts[name]
        if declared != len(rows):
            raise refused(
                archive.label,
                f"its header counts {declared:,} {name} but it holds {len(rows):,}",
            )


def _check_files(archive: LibraryArchive) -> None:
    """Each picture's file is in the archive, under its SHA-256, with content that has that
    SHA-256; no file belongs to no picture."""
    pictures, kind = archive.rows[PICTURES.name], PICTURES
    expected = {media_entry(item.row): item for item in pictures if item.row["sha256"]}
    for name in archive.header.entries:
        if MEDIA_ENTRY.fullmatch(name) and name not in expected:
            raise refused(archive.label, f"the entry “{name}” is the file of no picture")
    for name, item in expected.items():
        if name not in archive.header.entries:
            raise refused(archive.label, f"{item.place(kind)} has no file in the archive")
        _verified(archive, name)
        if archive.header.entries[name][1] != item.row["sha256"]:
            raise refused(
                archive.label,
                f"the file of {item.place(kind)}, “{name}”, does not have the SHA-256 its "
                "name says: it is not the picture it should be",
            )
