"""Reading one file: a plain-text article, a ninjs document, a Markdown file or a package;
pure, and refused with the problem named."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from copydesk.articles import store as articles
from copydesk.errors import InvalidPicture
from copydesk.exchange.importing.prepared import (
    MAX_DOCUMENT_BYTES,
    MAX_PICTURE_BYTES,
    ImportKind,
    ImportRefused,
    IncomingPicture,
    PreparedArticle,
    read_limited,
)
from copydesk.exchange.markdown_file.read import decode_text, parse_article
from copydesk.exchange.ninjs.read import ImportedPicture, parse_ninjs
from copydesk.exchange.plaintext import parse_plain_article
from copydesk.exchange.safe_json import load_json
from copydesk.pictures.importing import PreparedPicture, prepare_picture_data
from copydesk.records.article import ArticleContent, LeadPictureUse
from copydesk.records.picture import (
    InvalidMetadata,
    PictureMetadata,
    metadata_from_dict,
)
from copydesk.text.picture_refs import body_picture_ids, picture_markdown
from copydesk.translation import _, ngettext

if TYPE_CHECKING:
    pass


# ---------------------------------------------------------------------------------------------
# Reading a file


def read_plain_text(path: Path, data: bytes) -> PreparedArticle:
    parsed = parse_plain_article(decode_text(data))
    content = parsed.content
    pictures: tuple[IncomingPicture, ...] = ()
    notes = list(parsed.warnings)
    if parsed.picture_metadata is not None:
        name = f"{path.stem} (lead picture)"
        pictures = (IncomingPicture(1, name, parsed.picture_metadata),)
        content = content.replace(lead_picture=parsed.lead_picture_use(1))
        notes.append(_("The lead picture awaits its file: attach it in the Picture Library."))
    return PreparedArticle(
        path, ImportKind.PLAIN_TEXT, content, pictures=pictures, notes=tuple(notes)
    )


# ---- ninjs ------------------------------------------------------------------------------------


def read_ninjs(path: Path, data: bytes, folder: Path | None = None) -> PreparedArticle:
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
    notes = [_("Not imported: {what}.").format(what=what) for what in imported.dropped]
    if figures:
        notes.append(
            ngettext(
                "{count} picture added at the end of the body.",
                "{count} pictures added at the end of the body.",
                len(figures),
            ).format(count=len(figures))
        )
    awaiting = sum(1 for picture in pictures if picture.prepared is None)
    if awaiting:
        notes.append(_awaiting(awaiting))
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
                return prepare_picture_data(file, read_limited(file, MAX_PICTURE_BYTES))
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


def read_markdown(path: Path, data: bytes) -> PreparedArticle:
    parsed = parse_article(data)
    described = _described_pictures(parsed.extra)
    pictures: list[IncomingPicture] = []
    for key in _foreign_picture_ids(parsed.content):
        name, metadata, uuid = described.get(key, (f"picture {key}", PictureMetadata(), None))
        pictures.append(IncomingPicture(key, name, metadata, None, uuid))
    notes = list(parsed.warnings)
    if pictures:
        notes.append(_awaiting(len(pictures)))
    identity = articles.ArticleIdentity(uuid=parsed.uuid, slug=parsed.slug)
    return PreparedArticle(
        path, ImportKind.MARKDOWN, parsed.content, identity, tuple(pictures), tuple(notes)
    )


def _awaiting(count: int) -> str:
    return ngettext(
        "{count} picture awaits its file: attach it in the Picture Library.",
        "{count} pictures await their file: attach them in the Picture Library.",
        count,
    ).format(count=count)


def _foreign_picture_ids(content: ArticleContent) -> list[int]:
    lead = [content.lead_picture.picture_id] if content.lead_picture is not None else []
    return list(dict.fromkeys([*lead, *body_picture_ids(content.body)]))


def _described_pictures(
    extra: Mapping[str, Any],
) -> dict[int, tuple[str, PictureMetadata, str | None]]:
    """What a package's ``article.md`` says of each picture (name, record, uuid)."""
    described = {}
    for key, entry in picture_entries(extra).items():
        metadata = _entry_metadata(key, entry)
        name = entry.get("file_name")
        uuid = entry.get("uuid")
        described[key] = (
            name if isinstance(name, str) and name else f"picture {key}",
            metadata,
            uuid if isinstance(uuid, str) and uuid else None,
        )
    return described


def picture_entries(extra: Mapping[str, Any]) -> dict[int, dict[str, Any]]:
    pictures = extra.get("pictures")
    if pictures is None:
        return {}
    if not isinstance(pictures, dict):
        raise ImportRefused(_("The front matter's extra.pictures is not a set of pictures."))
    entries = {}
    for key, entry in pictures.items():
        picture_id = int(key) if isinstance(key, str) and key.isdigit() else key
        if not isinstance(picture_id, int) or isinstance(picture_id, bool):
            raise ImportRefused(
                _("extra.pictures names a picture “{key}”, not a picture number.").format(key=key)
            )
        if not isinstance(entry, dict):
            raise ImportRefused(_("extra.pictures.{key} is not a set of fields.").format(key=key))
        entries[picture_id] = entry
    return entries


def _entry_metadata(key: int, entry: Mapping[str, Any]) -> PictureMetadata:
    if "metadata" not in entry:
        return PictureMetadata()
    try:
        return metadata_from_dict(entry["metadata"])
    except InvalidMetadata as error:
        raise ImportRefused(
            _("extra.pictures.{key}: {error}.").format(key=key, error=error)
        ) from None
