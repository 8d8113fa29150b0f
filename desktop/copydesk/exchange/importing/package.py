"""A Copydesk package read back: its manifest, every file checked against it, its pictures
and their dates."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from copydesk.articles import store as articles
from copydesk.exchange.importing.prepared import (
    MAX_DOCUMENT_BYTES,
    MAX_PACKAGE_FILES,
    MAX_PICTURE_BYTES,
    SYSTEM_FILES,
    ImportKind,
    ImportRefused,
    IncomingPicture,
    PreparedArticle,
    read_limited,
)
from copydesk.exchange.importing.reading import picture_entries, read_markdown
from copydesk.exchange.markdown_file.read import parse_article
from copydesk.exchange.ninjs.read import parse_ninjs
from copydesk.exchange.ninjs.schema import is_date_time
from copydesk.exchange.packages.build import (
    ARTICLE_MARKDOWN,
    ARTICLE_NINJS,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
)
from copydesk.exchange.safe_json import load_json
from copydesk.exchange.safe_zip import SafePackage
from copydesk.pictures.importing import PreparedPicture, prepare_picture_data
from copydesk.translation import _

# ---- packages ---------------------------------------------------------------------------------


class _PackageFiles:
    """A package's files by their path inside it."""

    names: frozenset[str]

    def read(self, name: str) -> bytes:
        raise NotImplementedError


class ZipFiles(_PackageFiles):
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


class FolderFiles(_PackageFiles):
    def __init__(self, root: Path) -> None:
        self._root = root
        names = []
        for folder, subfolders, files in os.walk(root):
            here = Path(folder)
            for name in [*subfolders, *files]:
                if (here / name).is_symlink():
                    shown = (here / name).relative_to(root).as_posix()
                    raise ImportRefused(
                        _("The package holds a symbolic link, “{name}”.").format(name=shown)
                    )
            names += [(here / name).relative_to(root).as_posix() for name in files]
            if len(names) > MAX_PACKAGE_FILES:
                raise ImportRefused(
                    _("The package holds more than {count} files.").format(count=MAX_PACKAGE_FILES)
                )
        self.names = frozenset(names)

    def read(self, name: str) -> bytes:
        return read_limited(self._root.joinpath(*name.split("/")), MAX_PICTURE_BYTES)


def read_package(path: Path, files: _PackageFiles) -> PreparedArticle:
    manifest = _manifest(files)
    listed = _verified_files(files, manifest)
    times, picture_times = _ninjs_times(_required(listed, ARTICLE_NINJS))
    markdown = read_markdown(path, _required(listed, ARTICLE_MARKDOWN))
    parsed = parse_article(listed[ARTICLE_MARKDOWN])
    entries = picture_entries(parsed.extra)
    pictures = []
    for incoming in markdown.pictures:
        entry = entries.get(incoming.key)
        if entry is None:
            raise ImportRefused(
                _("Picture {key} of the article is not in the package.").format(key=incoming.key)
            )
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
        raise ImportRefused(
            _("This is not a Copydesk package: it has no {manifest}.").format(manifest=MANIFEST)
        )
    manifest = load_json(files.read(MANIFEST), max_bytes=MAX_DOCUMENT_BYTES)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ImportRefused(
            _("This is not a Copydesk package: its {manifest} is another format's.").format(
                manifest=MANIFEST
            )
        )
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportRefused(
            _("The {manifest} has no valid format version.").format(manifest=MANIFEST)
        )
    if version > FORMAT_VERSION:
        raise ImportRefused(
            _(
                "The package was made by a newer Copydesk (format {version}); update Copydesk."
            ).format(version=version)
        )
    return manifest


def _verified_files(files: _PackageFiles, manifest: Mapping[str, Any]) -> dict[str, bytes]:
    """Every file the manifest lists, read and checked against its size and SHA-256."""
    entries = manifest.get("files")
    if not isinstance(entries, list):
        raise ImportRefused(
            _("The {manifest} does not list the package's files.").format(manifest=MANIFEST)
        )
    contents: dict[str, bytes] = {}
    for entry in entries:
        name, size, digest = _file_entry(entry)
        if name not in files.names:
            raise ImportRefused(
                _("{name} is listed in the {manifest} but missing from the package.").format(
                    name=name, manifest=MANIFEST
                )
            )
        data = files.read(name)
        if len(data) != size or hashlib.sha256(data).hexdigest() != digest:
            raise ImportRefused(
                _(
                    "{name} does not match its checksum in the {manifest}: "
                    "the package was altered or damaged."
                ).format(name=name, manifest=MANIFEST)
            )
        contents[name] = data
    unlisted = sorted(
        name
        for name in files.names - contents.keys() - {MANIFEST}
        if PurePosixPath(name).name not in SYSTEM_FILES and not name.startswith("__MACOSX/")
    )
    if unlisted:
        raise ImportRefused(
            _("{name} is in the package but not in its {manifest}.").format(
                name=unlisted[0], manifest=MANIFEST
            )
        )
    return contents


def _file_entry(entry: object) -> tuple[str, int, str]:
    if not isinstance(entry, dict):
        raise _file_without_details()
    name, size, digest = entry.get("path"), entry.get("size"), entry.get("sha256")
    if (
        not isinstance(name, str)
        or not isinstance(size, int)
        or isinstance(size, bool)
        or not isinstance(digest, str)
    ):
        raise _file_without_details()
    return name, size, digest.lower()


def _file_without_details() -> ImportRefused:
    return ImportRefused(
        _("The {manifest} lists a file without its path, size and SHA-256.").format(
            manifest=MANIFEST
        )
    )


def _required(listed: Mapping[str, bytes], name: str) -> bytes:
    if name not in listed:
        raise ImportRefused(_("The package has no {name}.").format(name=name))
    return listed[name]


def _packaged_picture(
    incoming: IncomingPicture, entry: Mapping[str, Any], listed: Mapping[str, bytes]
) -> PreparedPicture:
    name = entry.get("file")
    if not isinstance(name, str) or name not in listed:
        raise ImportRefused(
            _("The file of picture {key} is not in the package.").format(key=incoming.key)
        )
    data = listed[name]
    if entry.get("sha256") != hashlib.sha256(data).hexdigest():
        raise ImportRefused(
            _("{name} does not match its checksum in {file}.").format(
                name=name, file=ARTICLE_MARKDOWN
            )
        )
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
