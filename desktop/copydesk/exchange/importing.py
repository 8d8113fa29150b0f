"""Articles from elsewhere: Copydesk packages, ninjs documents, Markdown files and plain-text
articles, each imported whole (one transaction) or not at all, with a report.

Reading a file (``read_article_file``) is pure: it parses, checks and gathers the pictures,
and raises ``ImportRefused`` naming the problem. Storing it (``store_article``) adds the
pictures it brings and the article in one write transaction; a picture file written to the
media store for an import that then fails is removed again.

Pictures:

- a package brings its pictures' files (the original renditions, their credit written in)
  and the desk's whole record of each (``extra.pictures`` of its ``article.md``). A picture
  this library already has (same uuid, else same file) is reused as it is;
- a ninjs document, a Markdown file or a plain-text article describe pictures without their
  files (unless the files are beside them): such a picture is added with its credit and
  awaits its file (``PictureFile.awaited``), and the checks say so until it comes;
- the ids in an imported body (``image:ID``) and lead picture are the exporting library's:
  they are renumbered to this library's pictures.

An article whose uuid this library already has is refused (importing it again would make two
articles of one); its slug, dates and version are kept when they are free.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from copydesk.articles import store as articles
from copydesk.errors import CopydeskError, InvalidArticleFile, InvalidPicture, UnsafeArchive
from copydesk.exchange.markdown_file import decode_text, parse_article
from copydesk.exchange.ninjs.read import ImportedPicture, parse_ninjs
from copydesk.exchange.ninjs.schema import NinjsInvalid, NinjsSchemaMissing, is_date_time
from copydesk.exchange.packages.build import (
    ARTICLE_MARKDOWN,
    ARTICLE_NINJS,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
)
from copydesk.exchange.plaintext import parse_plain_article
from copydesk.exchange.safe_json import MalformedJson, load_json
from copydesk.exchange.safe_zip import SafePackage, open_package
from copydesk.library.media_store import MediaStore
from copydesk.pictures import store as images
from copydesk.pictures.importing import PreparedPicture, prepare_picture_data
from copydesk.records.article import ArticleContent, LeadPictureUse
from copydesk.records.picture import (
    InvalidMetadata,
    PictureFile,
    PictureMetadata,
    metadata_from_dict,
)
from copydesk.text.picture_refs import body_picture_ids, picture_markdown, renumber_pictures

if TYPE_CHECKING:
    from copydesk.library.db import Library

MAX_DOCUMENT_BYTES = 32 * 1024 * 1024  # an article's text or JSON; pictures have their own
MAX_PICTURE_BYTES = 256 * 1024 * 1024
MAX_PACKAGE_FILES = 2_000
_PACKAGE_SUFFIXES = frozenset({".zip"})
_NINJS_SUFFIXES = frozenset({".json"})
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_TEXT_SUFFIXES = frozenset({".txt", ".text"})
IMPORTABLE_SUFFIXES = _PACKAGE_SUFFIXES | _NINJS_SUFFIXES | _MARKDOWN_SUFFIXES | _TEXT_SUFFIXES
# Files an operating system adds to a folder or a zip, never part of a package.
_SYSTEM_FILES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})


class ImportKind(StrEnum):
    PACKAGE = "package"
    NINJS = "ninjs"
    MARKDOWN = "markdown"
    PLAIN_TEXT = "plain text"


class ImportRefused(CopydeskError):
    """A file that cannot be imported: the message names the problem."""


# ---------------------------------------------------------------------------------------------
# What a file gives


@dataclass(frozen=True, slots=True)
class IncomingPicture:
    """A picture an imported article shows: ``key`` is its id in the article as read (the
    exporting library's id, or a number of our own), ``prepared`` its file when it came."""

    key: int
    file_name: str
    metadata: PictureMetadata
    prepared: PreparedPicture | None = None
    uuid: str | None = None
    imported_at: datetime | None = None  # its dates in the library it comes from
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    """An article read from a file, ready to store: its content names its pictures by key."""

    path: Path
    kind: ImportKind
    content: ArticleContent
    identity: articles.ArticleIdentity = field(default_factory=articles.ArticleIdentity)
    pictures: tuple[IncomingPicture, ...] = ()
    notes: tuple[str, ...] = ()


class ImportOutcome(StrEnum):
    IMPORTED = "imported"
    REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class ImportItem:
    """What became of one file."""

    path: str
    outcome: ImportOutcome
    kind: ImportKind | None = None
    article_id: int | None = None
    slug: str = ""
    headline: str = ""
    pictures_added: int = 0
    pictures_reused: int = 0
    pictures_awaiting: int = 0
    notes: tuple[str, ...] = ()
    reason: str = ""

    def line(self) -> str:
        """One line for the command line's report."""
        if self.outcome is ImportOutcome.REFUSED:
            return f"{self.path}: {self.reason}"
        return f"{self.path}: imported as {self.slug} ({self.kind})"

    def as_json(self) -> dict[str, Any]:
        values = {name: getattr(self, name) for name in self.__dataclass_fields__}
        values["notes"] = list(self.notes)
        return values


@dataclass(frozen=True, slots=True)
class ImportReport:
    items: tuple[ImportItem, ...]
    cancelled: bool = False

    def count(self, outcome: ImportOutcome) -> int:
        return sum(1 for item in self.items if item.outcome is outcome)

    @property
    def article_ids(self) -> list[int]:
        return [item.article_id for item in self.items if item.article_id is not None]


Progress = Callable[[int, int], None]


# ---------------------------------------------------------------------------------------------
# Importing


def import_paths(
    library: Library,
    paths: Iterable[Path],
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    now: datetime | None = None,
) -> ImportReport:
    """Import files and folders (a package folder as one package, other folders searched for
    the files Copydesk imports). Each file is imported whole or refused; the batch goes on."""
    files = collect_importable(paths)
    store = MediaStore.beside(library.path)
    items: list[ImportItem] = []
    for index, path in enumerate(files):
        if cancelled is not None and cancelled():
            return ImportReport(tuple(items), cancelled=True)
        items.append(import_one(library, store, path, now=now))
        if progress is not None:
            progress(index + 1, len(files))
    return ImportReport(tuple(items))


def import_one(
    library: Library, store: MediaStore, path: Path, *, now: datetime | None = None
) -> ImportItem:
    """Import one file (or package folder), reporting a refusal rather than raising it."""
    try:
        prepared = read_article_file(path)
        return store_article(library, store, prepared, now=now)
    except CopydeskError as error:
        return ImportItem(str(path), ImportOutcome.REFUSED, reason=str(error))
    except OSError as error:
        reason = f"Cannot read it: {error.strerror or error}."
        return ImportItem(str(path), ImportOutcome.REFUSED, reason=reason)


def collect_importable(paths: Iterable[Path]) -> list[Path]:
    """The files to import, each once: files as given, package folders as they are, and
    the importable files of other folders (searched recursively, hidden entries skipped)."""
    found: dict[Path, None] = {}
    for path in paths:
        if path.is_dir() and not is_package_folder(path):
            for file in sorted(_walk_importable(path)):
                found.setdefault(file, None)
        else:
            found.setdefault(path, None)
    return list(found)


def is_package_folder(path: Path) -> bool:
    return path.is_dir() and (path / MANIFEST).is_file()


def _walk_importable(folder: Path) -> Iterator[Path]:
    for root, folders, files in os.walk(folder):
        here = Path(root)
        packages = [name for name in folders if is_package_folder(here / name)]
        yield from (here / name for name in packages)
        folders[:] = [n for n in folders if not n.startswith(".") and n not in packages]
        for name in files:
            if not name.startswith(".") and Path(name).suffix.lower() in IMPORTABLE_SUFFIXES:
                yield here / name


def store_article(
    library: Library,
    store: MediaStore,
    prepared: PreparedArticle,
    *,
    now: datetime | None = None,
) -> ImportItem:
    """Add the article and the pictures it brings, in one transaction."""
    written: list[PictureFile] = []
    try:
        with library.write() as session:
            placed = _place_pictures(session, store, prepared.pictures, written, now)
            content = _renumbered(prepared.content, placed.ids)
            record = articles.import_article(
                session, content, prepared.identity, now=now or datetime.now(UTC)
            )
    except BaseException:
        for file in written:
            store.remove(file.sha256, file.media_type)
        raise
    return ImportItem(
        str(prepared.path),
        ImportOutcome.IMPORTED,
        kind=prepared.kind,
        article_id=record.id,
        slug=record.slug,
        headline=record.content.headline,
        pictures_added=placed.added,
        pictures_reused=placed.reused,
        pictures_awaiting=placed.awaiting,
        notes=prepared.notes,
    )


@dataclass
class _Placed:
    ids: dict[int, int] = field(default_factory=dict)
    added: int = 0
    reused: int = 0
    awaiting: int = 0


def _place_pictures(
    session: Any,
    store: MediaStore,
    pictures: Iterable[IncomingPicture],
    written: list[PictureFile],
    now: datetime | None,
) -> _Placed:
    placed = _Placed()
    for picture in pictures:
        existing = _existing_picture(session, picture)
        if existing is not None:
            placed.ids[picture.key] = existing
            placed.reused += 1
            continue
        uuid = (
            picture.uuid
            if picture.uuid and not images.find_by_uuid(session, picture.uuid)
            else None
        )
        if picture.prepared is None:
            file = PictureFile.awaited(picture.file_name)
            placed.awaiting += 1
        else:
            prepared = picture.prepared
            file = replace(prepared.file, file_name=picture.file_name or prepared.file.file_name)
            if store.store(prepared.data, file.sha256, file.media_type):
                written.append(file)
            placed.added += 1
        record = images.add_picture(
            session,
            file,
            picture.metadata,
            now=picture.imported_at or now,
            picture_uuid=uuid,
            updated_at=picture.updated_at,
        )
        placed.ids[picture.key] = record.id
    return placed


def _existing_picture(session: Any, picture: IncomingPicture) -> int | None:
    """This library's copy of the picture: the same picture (uuid) with its file, else the
    same file."""
    if picture.uuid:
        same = images.find_by_uuid(session, picture.uuid)
        if same is not None and same.file.present:
            return same.id
    if picture.prepared is not None:
        found = images.find_by_sha256(session, picture.prepared.file.sha256)
        if found is not None:
            return found.id
    return None


def _renumbered(content: ArticleContent, ids: Mapping[int, int]) -> ArticleContent:
    lead = content.lead_picture
    if lead is not None:
        lead = LeadPictureUse(ids[lead.picture_id], lead.caption, lead.alt_text, lead.illustrative)
    return content.replace(body=renumber_pictures(content.body, dict(ids)), lead_picture=lead)


# ---------------------------------------------------------------------------------------------
# Reading a file


def read_article_file(path: Path) -> PreparedArticle:
    """Read and check one file (or package folder). Raises ``ImportRefused``."""
    try:
        return _read(path)
    except (
        InvalidArticleFile,
        MalformedJson,
        NinjsInvalid,
        NinjsSchemaMissing,
        UnsafeArchive,
        InvalidPicture,
    ) as error:
        raise ImportRefused(str(error)) from error


def _read(path: Path) -> PreparedArticle:
    if path.is_dir():
        if not is_package_folder(path):
            raise ImportRefused(
                f"The folder {path.name} is not a Copydesk package (no {MANIFEST})."
            )
        return _read_package(path, _FolderFiles(path))
    if not path.exists():
        raise ImportRefused("There is no such file.")
    suffix = path.suffix.lower()
    if suffix in _PACKAGE_SUFFIXES:
        with open_package(path, max_entries=MAX_PACKAGE_FILES) as package:
            return _read_package(path, _ZipFiles(package))
    if suffix in _NINJS_SUFFIXES:
        return _read_ninjs(path, _read_limited(path, MAX_DOCUMENT_BYTES))
    if suffix in _MARKDOWN_SUFFIXES:
        return _read_markdown(path, _read_limited(path, MAX_DOCUMENT_BYTES))
    if suffix in _TEXT_SUFFIXES:
        return _read_plain_text(path, _read_limited(path, MAX_DOCUMENT_BYTES))
    raise ImportRefused(
        "Copydesk imports packages (.zip or folder), ninjs (.json), Markdown (.md) and plain "
        f"text (.txt), not “{suffix or path.name}” files."
    )


def _read_limited(path: Path, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if size > max_bytes:
        raise ImportRefused(
            f"It is {size / 1e6:.0f} MB, over the limit of {max_bytes / 1e6:.0f} MB."
        )
    with path.open("rb") as file:
        return file.read(max_bytes + 1)


# ---- plain text -------------------------------------------------------------------------------


def _read_plain_text(path: Path, data: bytes) -> PreparedArticle:
    parsed = parse_plain_article(decode_text(data))
    content = parsed.content
    pictures: tuple[IncomingPicture, ...] = ()
    notes = list(parsed.warnings)
    if parsed.picture_metadata is not None:
        name = f"{path.stem} (lead picture)"
        pictures = (IncomingPicture(1, name, parsed.picture_metadata),)
        content = content.replace(lead_picture=parsed.lead_picture_use(1))
        notes.append("The lead picture awaits its file: attach it in the Picture Library.")
    return PreparedArticle(
        path, ImportKind.PLAIN_TEXT, content, pictures=pictures, notes=tuple(notes)
    )


# ---- ninjs ------------------------------------------------------------------------------------


def _read_ninjs(path: Path, data: bytes, folder: Path | None = None) -> PreparedArticle:
    imported = parse_ninjs(load_json(data, max_bytes=MAX_DOCUMENT_BYTES))
    content = imported.content
    pictures: list[IncomingPicture] = []
    figures: list[str] = []
    for key, picture in enumerate(imported.pictures, start=1):
        prepared = _rendition_beside(picture, folder or path.parent)
        name = _picture_name(picture, key)
        pictures.append(IncomingPicture(key, name, picture.metadata(), prepared))
        if picture.role == "lead" and content.lead_picture is None:
            content = content.replace(
                lead_picture=LeadPictureUse(
                    key, picture.caption, picture.alt_text, picture.illustrative
                )
            )
        else:
            figures.append(picture_markdown(key, picture.alt_text, picture.caption))
    if figures:
        body = "\n\n".join(part for part in (content.body.rstrip(), *figures) if part)
        content = content.replace(body=body + "\n")
    notes = [f"Not imported: {what}." for what in imported.dropped]
    if figures:
        notes.append(f"{len(figures)} picture(s) added at the end of the body.")
    awaiting = sum(1 for picture in pictures if picture.prepared is None)
    if awaiting:
        notes.append(f"{awaiting} picture(s) await their file: attach them in the Picture Library.")
    return PreparedArticle(
        path, ImportKind.NINJS, content, pictures=tuple(pictures), notes=tuple(notes)
    )


def _picture_name(picture: ImportedPicture, key: int) -> str:
    for rendition in picture.renditions:
        name = PurePosixPath(rendition.href.split("?")[0]).name
        if name:
            return name
    return picture.name or f"picture {key}"


def _rendition_beside(picture: ImportedPicture, folder: Path) -> PreparedPicture | None:
    """The picture's largest rendition when the document points at a file beside it
    (a relative href inside its folder): never fetched from the network."""
    candidates = sorted(picture.renditions, key=lambda r: (r.width or 0) * (r.height or 0))
    for rendition in reversed(candidates):
        file = _relative_file(folder, rendition.href)
        if file is not None:
            try:
                return prepare_picture_data(file, _read_limited(file, MAX_PICTURE_BYTES))
            except (InvalidPicture, ImportRefused, OSError):
                continue
    return None


def _relative_file(folder: Path, href: str) -> Path | None:
    if not href or "://" in href or href.startswith(("/", "\\")) or ":" in href.split("/")[0]:
        return None
    candidate = folder.joinpath(*PurePosixPath(href).parts)
    try:
        resolved = candidate.resolve(strict=True)
    except OSError:
        return None
    if candidate.is_symlink() or not resolved.is_relative_to(folder.resolve()):
        return None
    return resolved if resolved.is_file() else None


# ---- Markdown ---------------------------------------------------------------------------------


def _read_markdown(path: Path, data: bytes) -> PreparedArticle:
    parsed = parse_article(data)
    described = _described_pictures(parsed.extra)
    pictures: list[IncomingPicture] = []
    for key in _foreign_picture_ids(parsed.content):
        name, metadata, uuid = described.get(key, (f"picture {key}", PictureMetadata(), None))
        pictures.append(IncomingPicture(key, name, metadata, None, uuid))
    notes = list(parsed.warnings)
    if pictures:
        notes.append(
            f"{len(pictures)} picture(s) await their file: attach them in the Picture Library."
        )
    identity = articles.ArticleIdentity(uuid=parsed.uuid, slug=parsed.slug)
    return PreparedArticle(
        path, ImportKind.MARKDOWN, parsed.content, identity, tuple(pictures), tuple(notes)
    )


def _foreign_picture_ids(content: ArticleContent) -> list[int]:
    lead = [content.lead_picture.picture_id] if content.lead_picture is not None else []
    return list(dict.fromkeys([*lead, *body_picture_ids(content.body)]))


def _described_pictures(
    extra: Mapping[str, Any],
) -> dict[int, tuple[str, PictureMetadata, str | None]]:
    """What a package's ``article.md`` says of each picture (name, record, uuid)."""
    described = {}
    for key, entry in _picture_entries(extra).items():
        metadata = _entry_metadata(key, entry)
        name = entry.get("file_name")
        uuid = entry.get("uuid")
        described[key] = (
            name if isinstance(name, str) and name else f"picture {key}",
            metadata,
            uuid if isinstance(uuid, str) and uuid else None,
        )
    return described


def _picture_entries(extra: Mapping[str, Any]) -> dict[int, dict[str, Any]]:
    pictures = extra.get("pictures")
    if pictures is None:
        return {}
    if not isinstance(pictures, dict):
        raise ImportRefused("The front matter's extra.pictures is not a set of pictures.")
    entries = {}
    for key, entry in pictures.items():
        picture_id = int(key) if isinstance(key, str) and key.isdigit() else key
        if not isinstance(picture_id, int) or isinstance(picture_id, bool):
            raise ImportRefused(f"extra.pictures names a picture “{key}”, not a picture number.")
        if not isinstance(entry, dict):
            raise ImportRefused(f"extra.pictures.{key} is not a set of fields.")
        entries[picture_id] = entry
    return entries


def _entry_metadata(key: int, entry: Mapping[str, Any]) -> PictureMetadata:
    if "metadata" not in entry:
        return PictureMetadata()
    try:
        return metadata_from_dict(entry["metadata"])
    except InvalidMetadata as error:
        raise ImportRefused(f"extra.pictures.{key}: {error}.") from None


# ---- packages ---------------------------------------------------------------------------------


class _PackageFiles:
    """A package's files by their path inside it."""

    names: frozenset[str]

    def read(self, name: str) -> bytes:
        raise NotImplementedError


class _ZipFiles(_PackageFiles):
    def __init__(self, package: SafePackage) -> None:
        names = [name for name in package.names() if not name.endswith("/")]
        self._prefix = _single_folder(names)
        self._package = package
        self.names = frozenset(name[len(self._prefix) :] for name in names)

    def read(self, name: str) -> bytes:
        return self._package.read(self._prefix + name)


def _single_folder(names: list[str]) -> str:
    """``slug/`` when every entry is in that one folder (a zipped package folder)."""
    if MANIFEST in names or not names:
        return ""
    first = names[0].split("/", 1)[0] + "/"
    return first if all(name.startswith(first) for name in names) else ""


class _FolderFiles(_PackageFiles):
    def __init__(self, root: Path) -> None:
        self._root = root
        names = []
        for folder, subfolders, files in os.walk(root):
            here = Path(folder)
            for name in [*subfolders, *files]:
                if (here / name).is_symlink():
                    shown = (here / name).relative_to(root).as_posix()
                    raise ImportRefused(f"The package holds a symbolic link, “{shown}”.")
            names += [(here / name).relative_to(root).as_posix() for name in files]
            if len(names) > MAX_PACKAGE_FILES:
                raise ImportRefused(f"The package holds more than {MAX_PACKAGE_FILES} files.")
        self.names = frozenset(names)

    def read(self, name: str) -> bytes:
        return _read_limited(self._root.joinpath(*name.split("/")), MAX_PICTURE_BYTES)


def _read_package(path: Path, files: _PackageFiles) -> PreparedArticle:
    manifest = _manifest(files)
    listed = _verified_files(files, manifest)
    times, picture_times = _ninjs_times(_required(listed, ARTICLE_NINJS))
    markdown = _read_markdown(path, _required(listed, ARTICLE_MARKDOWN))
    parsed = parse_article(listed[ARTICLE_MARKDOWN])
    entries = _picture_entries(parsed.extra)
    pictures = []
    for incoming in markdown.pictures:
        entry = entries.get(incoming.key)
        if entry is None:
            raise ImportRefused(f"Picture {incoming.key} of the article is not in the package.")
        prepared = _packaged_picture(incoming, entry, listed)
        dates = picture_times.get(incoming.uuid or "", (None, None))
        pictures.append(
            replace(incoming, prepared=prepared, imported_at=dates[0], updated_at=dates[1])
        )
    identity = articles.ArticleIdentity(
        uuid=parsed.uuid,
        slug=parsed.slug,
        created_at=times[0],
        updated_at=times[1],
        version=_article_version(manifest),
    )
    return PreparedArticle(path, ImportKind.PACKAGE, parsed.content, identity, tuple(pictures))


def _manifest(files: _PackageFiles) -> dict[str, Any]:
    if MANIFEST not in files.names:
        raise ImportRefused(f"This is not a Copydesk package: it has no {MANIFEST}.")
    manifest = load_json(files.read(MANIFEST), max_bytes=MAX_DOCUMENT_BYTES)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ImportRefused(f"This is not a Copydesk package: its {MANIFEST} is another format's.")
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportRefused(f"The {MANIFEST} has no valid format version.")
    if version > FORMAT_VERSION:
        raise ImportRefused(
            f"The package was made by a newer Copydesk (format {version}); update Copydesk."
        )
    return manifest


def _verified_files(files: _PackageFiles, manifest: Mapping[str, Any]) -> dict[str, bytes]:
    """Every file the manifest lists, read and checked against its size and SHA-256."""
    entries = manifest.get("files")
    if not isinstance(entries, list):
        raise ImportRefused(f"The {MANIFEST} does not list the package's files.")
    contents: dict[str, bytes] = {}
    for entry in entries:
        name, size, digest = _file_entry(entry)
        if name not in files.names:
            raise ImportRefused(f"{name} is listed in the {MANIFEST} but missing from the package.")
        data = files.read(name)
        if len(data) != size or hashlib.sha256(data).hexdigest() != digest:
            raise ImportRefused(
                f"{name} does not match its checksum in the {MANIFEST}: "
                "the package was altered or damaged."
            )
        contents[name] = data
    unlisted = sorted(
        name
        for name in files.names - contents.keys() - {MANIFEST}
        if PurePosixPath(name).name not in _SYSTEM_FILES and not name.startswith("__MACOSX/")
    )
    if unlisted:
        raise ImportRefused(f"{unlisted[0]} is in the package but not in its {MANIFEST}.")
    return contents


def _file_entry(entry: object) -> tuple[str, int, str]:
    if not isinstance(entry, dict):
        raise ImportRefused(f"The {MANIFEST} lists a file without its path, size and SHA-256.")
    name, size, digest = entry.get("path"), entry.get("size"), entry.get("sha256")
    if (
        not isinstance(name, str)
        or not isinstance(size, int)
        or isinstance(size, bool)
        or not isinstance(digest, str)
    ):
        raise ImportRefused(f"The {MANIFEST} lists a file without its path, size and SHA-256.")
    return name, size, digest.lower()


def _required(listed: Mapping[str, bytes], name: str) -> bytes:
    if name not in listed:
        raise ImportRefused(f"The package has no {name}.")
    return listed[name]


def _packaged_picture(
    incoming: IncomingPicture, entry: Mapping[str, Any], listed: Mapping[str, bytes]
) -> PreparedPicture:
    name = entry.get("file")
    if not isinstance(name, str) or name not in listed:
        raise ImportRefused(f"The file of picture {incoming.key} is not in the package.")
    data = listed[name]
    if entry.get("sha256") != hashlib.sha256(data).hexdigest():
        raise ImportRefused(f"{name} does not match its checksum in {ARTICLE_MARKDOWN}.")
    return prepare_picture_data(Path(incoming.file_name or PurePosixPath(name).name), data)


_Dates = tuple[datetime | None, datetime | None]


def _ninjs_times(data: bytes) -> tuple[_Dates, dict[str, _Dates]]:
    """When the article was created and last changed, and each picture (by uuid), as the
    package's ninjs says (checked against the schema like any ninjs document)."""
    document = load_json(data, max_bytes=MAX_DOCUMENT_BYTES)
    parse_ninjs(document)
    assert isinstance(document, dict)  # parse_ninjs refuses anything else
    associations = _lower(document).get("associations")
    pictures = {}
    if isinstance(associations, dict):  # ninjs 2.x names them by key, 3.x lists them
        associations = list(associations.values())
    for association in associations if isinstance(associations, list) else ():
        if isinstance(association, dict):
            uri = str(association.get("uri", ""))
            pictures[uri.rsplit(":picture:", 1)[-1]] = _dates(association)
    return _dates(document), pictures


def _lower(document: Mapping[str, Any]) -> dict[str, Any]:
    return {key.lower(): value for key, value in document.items()}


def _dates(item: Mapping[str, Any]) -> _Dates:
    found = _lower(item)
    return _date_time(found.get("firstcreated")), _date_time(found.get("versioncreated"))


def _date_time(value: object) -> datetime | None:
    if not isinstance(value, str) or not is_date_time(value):
        return None
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _article_version(manifest: Mapping[str, Any]) -> int | None:
    article = manifest.get("article")
    version = article.get("version") if isinstance(article, dict) else None
    return (
        version
        if isinstance(version, int) and not isinstance(version, bool) and version > 0
        else None
    )


__all__ = [
    "IMPORTABLE_SUFFIXES",
    "ImportItem",
    "ImportKind",
    "ImportOutcome",
    "ImportRefused",
    "ImportReport",
    "PreparedArticle",
    "collect_importable",
    "import_one",
    "import_paths",
    "read_article_file",
    "store_article",
]
