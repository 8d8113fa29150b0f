"""Importing an archive into an empty library: the whole archive checked before anything is
written, then one transaction; a failure leaves the library as it was."""

from __future__ import annotations

import contextlib
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import UniqueConstraint, func, select
from sqlalchemy.orm import Session

from copydesk import __version__
from copydesk.errors import CopydeskError, UnsafeArchive
from copydesk.exchange.archive.export import file_of, media_entry
from copydesk.exchange.archive.format import (
    FORMAT,
    FORMAT_VERSION,
    HEADER,
    LATER_KINDS,
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
    WORDS,
    ArchiveError,
    ArchiveSummary,
    clause,
    quantity,
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
from copydesk.exchange.numbers import number
from copydesk.exchange.safe_json import MalformedJson, load_json
from copydesk.exchange.safe_zip import SafePackage, open_package
from copydesk.library.db import Library
from copydesk.library.identity import adopt_uuid
from copydesk.library.media_store import MediaStore, sha256_of
from copydesk.library.migrations import HEAD_REVISION
from copydesk.translation import N_, _

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
    # The newsroom dictionary's words are merged, not refused (``_insert_words``).
    counts = {kind.name: _row_count(session, kind) for kind in KINDS if kind is not WORDS}
    counts[WORDS.name] = 0
    if any(counts.values()):
        held = summary(library.path, "", counts).describe()
        raise ArchiveError(
            _(
                "Cannot import {label}: the library {library} is not empty (it holds {held}); "
                "an archive is imported only into an empty library."
            ).format(label=label, library=library.path, held=held)
        )


def _row_count(session: Session, kind: Kind) -> int:
    return session.scalar(select(func.count()).select_from(kind.table)) or 0


@dataclass(frozen=True, slots=True)
class _Header:
    schema_revision: str
    library_uuid: str
    counts: dict[str, int]
    entries: dict[str, tuple[int, str]]  # name → (size, SHA-256)


@dataclass(frozen=True, slots=True)
class _Place:
    """Where a row was in the archive (for messages)."""

    id: Any
    entry: str

    def named(self, kind: Kind) -> str:
        """The row, named for a message: "picture 2 (in “pictures/0001.json”)"."""
        return _(_PLACES[kind.name]).format(id=self.id, entry=self.entry)


@dataclass(slots=True)
class _Facts:
    """What the checks need to know of one kind's rows, gathered as they are read, without
    the rows: a library's archive is checked, then restored, in constant memory."""

    count: int = 0
    ids: set[Any] = field(default_factory=set)
    # Unique columns (and sets of columns): each value's first row, and the first clash.
    firsts: dict[tuple[str, ...], dict[Any, _Place]] = field(default_factory=dict)
    clashes: dict[tuple[str, ...], tuple[_Place, _Place]] = field(default_factory=dict)
    # (part key, column, kind referred to) → each id referred to, with its first row.
    references: dict[tuple[str | None, str, str], dict[Any, _Place]] = field(default_factory=dict)
    # Pictures: each file's entry, SHA-256 and media type, with its picture.
    files: list[tuple[str, str, str, _Place]] = field(default_factory=list)


_PLACES = {
    "pictures": N_("picture {id} (in “{entry}”)"),
    "articles": N_("article {id} (in “{entry}”)"),
    "revisions": N_("revision {id} (in “{entry}”)"),
    "presets": N_("preset {id} (in “{entry}”)"),
    "words": N_("dictionary word {id} (in “{entry}”)"),
}
# "{place} refers to …", by the kind of row referred to.
_MISSING_TARGETS = {
    "pictures": N_("{place} refers to picture {id}, which is not in the archive"),
    "articles": N_("{place} refers to article {id}, which is not in the archive"),
    "revisions": N_("{place} refers to revision {id}, which is not in the archive"),
    "presets": N_("{place} refers to preset {id}, which is not in the archive"),
}


@dataclass(slots=True)
class LibraryArchive:
    """An archive whose every entry, row and reference was checked (``open_archive``),
    ready to be restored into an empty library."""

    path: Path
    package: SafePackage
    header: _Header
    facts: dict[str, _Facts] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.path.name

    @property
    def summary(self) -> ArchiveSummary:
        counts = {name: facts.count for name, facts in self.facts.items()}
        return summary(self.path, self.header.library_uuid, counts)

    def restore_into(self, library: Library) -> ArchiveSummary:
        """Write every row (with its own id), the picture files and the library's uuid in
        one transaction, the rows read again a batch at a time (each entry checked against
        the manifest again); on failure, roll back and remove the files written."""
        store = MediaStore.beside(library.path)
        written: list[tuple[str, str]] = []
        try:
            with library.write() as session:
                require_empty(session, library, self.label)
                self._store_files(store, written)
                known = _known_words(session)
                for kind in KINDS:
                    rows = (row for row, _entry in _rows_of(self, kind))
                    while batch := list(itertools.islice(rows, INSERTED_AT_ONCE)):
                        if kind is WORDS:
                            _insert_words(session, batch, known)
                        else:
                            insert_rows(session, kind, batch)
                adopt_uuid(session, self.header.library_uuid)
        except BaseException as error:
            _remove_files(store, written)
            if isinstance(error, CopydeskError) and not isinstance(error, ArchiveError):
                problem = _without_label(str(error), self.label)
                raise refused(self.label, problem, nothing_imported=True) from error
            raise
        return self.summary

    def _store_files(self, store: MediaStore, written: list[tuple[str, str]]) -> None:
        for entry, sha256, media_type, place in self.facts[PICTURES.name].files:
            data = self.package.read(entry)
            if sha256_of(data) != sha256:  # the archive file changed since it was checked
                raise refused(
                    self.label,
                    _("the file of {place} changed").format(place=place.named(PICTURES)),
                )
            if store.store(data, sha256, media_type):
                written.append((sha256, media_type))


# Rows written per statement while restoring.
INSERTED_AT_ONCE = 500


def _known_words(session: Session) -> set[tuple[str, str]]:
    table = WORDS.table
    return {
        (word, language)
        for word, language in session.execute(select(table.c.word, table.c.language))
    }


def _insert_words(session: Session, rows: list[Row], known: set[tuple[str, str]]) -> None:
    """The archive's dictionary words, with their ids into a library that had none; else
    those it does not know yet, after its own."""
    table = WORDS.table
    if not known:
        insert_rows(session, WORDS, rows)
        return
    new = [
        {key: value for key, value in row.items() if key != "id"}
        for row in rows
        if (row["word"], row["language"]) not in known
    ]
    if new:
        session.execute(table.insert(), new)


def _remove_files(store: MediaStore, written: list[tuple[str, str]]) -> None:
    """Remove the files an import wrote, and the folders that held only them."""
    for sha256, media_type in written:
        store.remove(sha256, media_type)
    folders = {store.path_for(sha256, media_type).parent for sha256, media_type in written}
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
    """Every entry read once (each row decoded, then let go): what the checks need is kept,
    the problems found said in the order of the checks, kind by kind."""
    _check_entry_names(archive)
    for kind in KINDS:
        archive.facts[kind.name] = _survey(archive, kind)
    for kind in KINDS:
        _check_unique(archive, kind)
        _check_references(archive, kind)
    _check_counts(archive)
    _check_files(archive)
    return archive


def refused(label: str, problem: str, *, nothing_imported: bool = False) -> ArchiveError:
    """Why the archive ``label`` is not imported; ``problem`` is a translated clause."""
    if nothing_imported:
        message = _("Cannot import {label}: {problem}; nothing was imported.")
    else:
        message = _("Cannot import {label}: {problem}.")
    return ArchiveError(message.format(label=label, problem=clause(problem)))


_SPACES = " \u00a0\u202f"  # French puts a no-break space before the colon


def _without_label(message: str, label: str) -> str:
    """A safe_zip message without the archive's name in front (ours says it already):
    "x.zip: the entry …" gives "the entry …", "x.zip is not …" gives "it is not …"."""
    if not message.startswith(label):
        return message
    rest = message[len(label) :].lstrip(_SPACES)
    if rest.startswith(":"):
        return rest[1:].lstrip(_SPACES)
    return _("it {predicate}").format(predicate=rest)


# ---- the header and the manifest --------------------------------------------------------


def _read_header(package: SafePackage, label: str) -> _Header:
    if HEADER not in package:
        raise refused(
            label,
            _("it is not a Copydesk library archive (it has no {header})").format(header=HEADER),
        )
    value = _load(package.read(HEADER), HEADER, label)
    if not isinstance(value, dict) or value.get("format") != FORMAT:
        raise refused(
            label,
            _("it is not a Copydesk library archive ({header} is not one)").format(header=HEADER),
        )
    _check_versions(value, label)
    try:
        return _Header(
            value["schema_revision"],
            _text(value, "library_uuid", UUID),
            _counts(value.get("counts")),
            _manifest(value.get("entries")),
        )
    except (_BadHeader, KeyError) as problem:
        raise refused(
            label,
            _("its header ({header}) is damaged: {problem}").format(header=HEADER, problem=problem),
        ) from None


class _BadHeader(Exception):
    pass


def _load(data: bytes, name: str, label: str) -> Any:
    try:
        return load_json(data, max_bytes=MAX_JSON_BYTES, max_depth=MAX_JSON_DEPTH)
    except MalformedJson as error:
        raise refused(
            label,
            _("in the entry “{entry}”, {problem}").format(entry=name, problem=clause(str(error))),
        ) from None


def _check_versions(header: dict[str, Any], label: str) -> None:
    version = header.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise refused(
            label,
            _("its header ({header}) has no valid format version").format(header=HEADER),
        )
    if version > FORMAT_VERSION:
        raise refused(
            label,
            _(
                "it was written by a newer Copydesk (archive format {version}); Copydesk "
                "{copydesk} reads format {readable}. Update Copydesk to import it"
            ).format(version=version, copydesk=__version__, readable=FORMAT_VERSION),
        )
    schema = header.get("schema_revision")
    if schema not in READABLE_SCHEMAS:
        raise refused(
            label,
            _(
                "it holds a library of schema “{schema}”, which Copydesk {copydesk} "
                "does not know (it knows schemas up to {latest}). Update Copydesk to "
                "import it"
            ).format(schema=str(schema)[:20], copydesk=__version__, latest=HEAD_REVISION),
        )


def _text(value: dict[str, Any], key: str, pattern: re.Pattern[str]) -> str:
    text = value.get(key)
    if not isinstance(text, str) or not pattern.fullmatch(text):
        raise _BadHeader(_("“{key}” is missing or malformed").format(key=key))
    return text


def _counts(value: Any) -> dict[str, int]:
    if isinstance(value, dict):  # an older schema's archive has no rows of later kinds
        value = {**{name: 0 for name in LATER_KINDS if name not in value}, **value}
    if not isinstance(value, dict) or set(value) != set(KIND_NAMES):
        raise _BadHeader(_("“counts” should count {kinds}").format(kinds=", ".join(KIND_NAMES)))
    if not all(_is_count(count) for count in value.values()):
        raise _BadHeader(_("a count in “counts” is not a whole number"))
    return value


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _manifest(value: Any) -> dict[str, tuple[int, str]]:
    if not isinstance(value, list):
        raise _BadHeader(_("“entries” (the manifest) should be a list"))
    entries: dict[str, tuple[int, str]] = {}
    for position, item in enumerate(value, 1):
        if not isinstance(item, dict) or set(item) != {"name", "sha256", "size"}:
            raise _BadHeader(
                _("item {number} of the manifest is not a name, size and SHA-256").format(
                    number=position
                )
            )
        name, size = item["name"], item["size"]
        if not isinstance(name, str) or name in entries or name == HEADER:
            raise _BadHeader(
                _("item {number} of the manifest has a missing or repeated name").format(
                    number=position
                )
            )
        if not _is_count(size) or not SHA256.fullmatch(str(item["sha256"])):
            raise _BadHeader(
                _("the manifest's size or SHA-256 of “{name}” is malformed").format(name=name)
            )
        entries[name] = (size, item["sha256"])
    return entries


def _check_entry_names(archive: LibraryArchive) -> None:
    names = set(archive.package.names()) - {HEADER}
    listed = set(archive.header.entries)
    for name in sorted(names - listed):
        raise refused(
            archive.label,
            _("the entry “{entry}” is not in the archive's manifest").format(entry=name),
        )
    for name in sorted(listed - names):
        raise refused(
            archive.label,
            _("the entry “{entry}”, listed in its manifest, is missing").format(entry=name),
        )
    for name in sorted(names):
        if not (ROWS_ENTRY.fullmatch(name) or MEDIA_ENTRY.fullmatch(name)):
            raise refused(
                archive.label,
                _("the entry “{entry}” is not part of a library archive").format(entry=name),
            )


def _verified(archive: LibraryArchive, name: str) -> bytes:
    """The entry's content, once it matched the manifest's size and SHA-256."""
    size, sha256 = archive.header.entries[name]
    data = archive.package.read(name)
    if len(data) != size or sha256_of(data) != sha256:
        raise refused(
            archive.label,
            _(
                "the entry “{entry}” does not match its checksum in the manifest: the archive is "
                "damaged or was altered"
            ).format(entry=name),
        )
    return data


# ---- the rows -------------------------------------------------------------------------------


def _rows_of(archive: LibraryArchive, kind: Kind) -> Iterator[tuple[Row, str]]:
    """The rows of ``kind``, decoded one entry at a time, each with its entry's name."""
    names = [n for n in archive.header.entries if _is_entry_of(n, kind)]
    for name in sorted(names, key=lambda n: (len(n), n)):
        value = _load(_verified(archive, name), name, archive.label)
        if not isinstance(value, list):
            raise refused(
                archive.label,
                _("the entry “{entry}” should hold a list of rows").format(entry=name),
            )
        decoded = [_decoded(archive, kind, name, n, data) for n, data in enumerate(value, 1)]
        del value
        for row in decoded:
            yield row, name


def _is_entry_of(name: str, kind: Kind) -> bool:
    match = ROWS_ENTRY.fullmatch(name)
    return match is not None and match.group(1) == kind.name


def _decoded(archive: LibraryArchive, kind: Kind, entry: str, number: int, data: Any) -> Row:
    try:
        return decode_row(kind, data, archive.header.schema_revision)
    except RowProblem as problem:
        raise refused(
            archive.label,
            _("in the entry “{entry}”, row {number}: {problem}").format(
                entry=entry, number=number, problem=problem
            ),
        ) from None


def _survey(archive: LibraryArchive, kind: Kind) -> _Facts:
    facts = _Facts()
    uniques = _unique_columns(kind)
    references = _reference_columns(kind)
    for row, entry in _rows_of(archive, kind):
        place = _Place(row["id"], entry)
        facts.count += 1
        facts.ids.add(row["id"])
        for columns in uniques:
            _note_unique(facts, columns, tuple(row[name] for name in columns), place)
        for key, column, target in references:
            values = [part[column] for part in row[key]] if key else [row[column]]
            firsts = facts.references.setdefault((key, column, target), {})
            for value in values:
                firsts.setdefault(value, place)
        if kind is PICTURES and row["sha256"] is not None:
            sha256, media_type = file_of(row)
            facts.files.append((media_entry(row), sha256, media_type, place))
    return facts


def _unique_columns(kind: Kind) -> list[tuple[str, ...]]:
    """What must be unique among the rows of ``kind``: sets of columns (a dictionary word
    and its language), then single columns, as the table declares them."""
    together = [
        tuple(column.name for column in getattr(constraint, "columns", ()))
        for constraint in kind.table.constraints
        if isinstance(constraint, UniqueConstraint)
    ]
    carried = {field.name for field in kind.fields}
    single = [
        (column.name,)
        for column in kind.table.columns
        # a column the archive does not carry (a list key) is the library's
        if (column.unique or column.primary_key) and column.name in carried
    ]
    return [columns for columns in together if len(columns) >= 2] + single


def _note_unique(
    facts: _Facts, columns: tuple[str, ...], value: tuple[Any, ...], place: _Place
) -> None:
    if len(columns) == 1 and value[0] is None:  # SQL: NULLs never clash (awaited pictures)
        return
    other = facts.firsts.setdefault(columns, {}).setdefault(value, place)
    if other is not place and columns not in facts.clashes:
        facts.clashes[columns] = (place, other)


def _reference_columns(kind: Kind) -> list[tuple[str | None, str, str]]:
    """The columns of ``kind``'s rows (and of their parts) that name a row of the archive."""
    found: list[tuple[str | None, str, str]] = []
    tables = [(kind.table, None), *((part.table, part.key) for part in kind.parts)]
    for table, key in tables:
        for column in table.columns:
            for foreign in column.foreign_keys:
                target = _kind_of_table(foreign.column.table.name)
                if target is None or (key is not None and column.name == "article_id"):
                    continue
                found.append((key, column.name, target.name))
    return found


def _check_unique(archive: LibraryArchive, kind: Kind) -> None:
    facts = archive.facts[kind.name]
    for columns in _unique_columns(kind):
        clash = facts.clashes.get(columns)
        if clash is not None:
            place, other = clash
            raise refused(
                archive.label,
                _("{place} has the same {column} as {other}").format(
                    place=place.named(kind), column=", ".join(columns), other=other.named(kind)
                ),
            )


def _check_references(archive: LibraryArchive, kind: Kind) -> None:
    """Every id a row names (a revision's article, a picture use's picture) is in the
    archive."""
    facts = archive.facts[kind.name]
    for key, column, target in _reference_columns(kind):
        ids = archive.facts[target].ids
        for value, place in facts.references.get((key, column, target), {}).items():
            if value not in ids:
                raise refused(
                    archive.label,
                    _(_MISSING_TARGETS[target]).format(place=place.named(kind), id=value),
                )


def _kind_of_table(name: str) -> Kind | None:
    return next((kind for kind in KINDS if kind.table.name == name), None)


def _check_counts(archive: LibraryArchive) -> None:
    for name, facts in archive.facts.items():
        declared = archive.header.counts[name]
        if declared != facts.count:
            raise refused(
                archive.label,
                _("its header counts {declared} but it holds {count}").format(
                    declared=quantity(declared, name), count=number(facts.count)
                ),
            )


def _check_files(archive: LibraryArchive) -> None:
    """Each picture's file is in the archive, under its SHA-256, with content that has that
    SHA-256; no file belongs to no picture."""
    kind = PICTURES
    expected = {
        entry: (sha256, place) for entry, sha256, _, place in archive.facts[kind.name].files
    }
    for name in archive.header.entries:
        if MEDIA_ENTRY.fullmatch(name) and name not in expected:
            raise refused(
                archive.label,
                _("the entry “{entry}” is the file of no picture").format(entry=name),
            )
    for name, (sha256, place) in expected.items():
        if name not in archive.header.entries:
            raise refused(
                archive.label,
                _("{place} has no file in the archive").format(place=place.named(kind)),
            )
        _verified(archive, name)
        if archive.header.entries[name][1] != sha256:
            raise refused(
                archive.label,
                _(
                    "the file of {place}, “{entry}”, does not have the SHA-256 its name says: it"
                    " is not the picture it should be"
                ).format(place=place.named(kind), entry=name),
            )
