"""What a publishing package holds, made in memory from an article read from the library.

A package is a folder named after the article's slug (or ``<slug>.zip``, the same files):

- ``article.html``: a standalone page, from the preview's renderer and CSS, whose pictures
  are the package's own files, referred to relatively (``images/…-1200.jpg``);
- ``article.ninjs.json``: the article in ninjs 3.1 or 2.2 (``ninjs_export``), validated
  against IPTC's schema before anything is written;
- ``images/<picture-uuid>-original|1200|400.<ext>``: each picture's renditions, its credit
  written into every one of them (``renditions``);
- ``article.md``: the Markdown with every field in its front matter, for round trips; its
  ``extra.pictures`` maps each library picture id to its original's file and SHA-256;
- ``manifest.json``, written last: every other file with its size and SHA-256, who made the
  package and when, and the check warnings that were accepted.

``read_snapshot`` reads the article and its pictures in one read transaction (the database
thread's part); ``build_package`` checks them, refusing with ``ExportRefused`` an article
whose checks find an error (the picture credits' included), then makes the renditions and
renders, without the database (any thread or process). ``packages`` writes the result.

The library part of the ninjs ``uri`` is the library's uuid (``library_identity``), so an
article keeps its URI when the library file is moved, renamed or restored from its archive.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from copydesk import __version__
from copydesk.articles import checks
from copydesk.articles import store as articles
from copydesk.articles.pictures import (
    ArticlePictures,
    PictureUse,
    check_pictures,
    house_caption,
    picture_ids,
    picture_uses,
    read_article_pictures,
)
from copydesk.errors import CopydeskError
from copydesk.exchange.markdown_file.write import dump_article
from copydesk.exchange.ninjs.schema import DEFAULT_VERSION, NinjsVersion
from copydesk.exchange.ninjs.write import PictureAsset, PictureRole, Rendition, build_ninjs
from copydesk.library.identity import library_uuid
from copydesk.library.media_store import MediaStore, extension_for
from copydesk.pictures.credits import file_credit
from copydesk.pictures.listing import Judgement
from copydesk.pictures.renditions import (
    ORIGINAL,
    PAGE,
    RenditionFile,
    make_renditions,
    metadata_for_use,
)
from copydesk.preferences import DEFAULTS, Preferences
from copydesk.records.article import ArticleRecord
from copydesk.records.picture import PictureMetadata, PictureRecord, metadata_to_dict
from copydesk.records.problem import Problem, Severity
from copydesk.rendering.article import render_page
from copydesk.rendering.incremental import IncrementalRenderer
from copydesk.rendering.page import PACKAGE_IMAGE_SOURCES
from copydesk.rendering.pictures import LeadPicture, Picture
from copydesk.text.html_markdown import html_to_text
from copydesk.translation import _

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from copydesk.library.db import Library

GENERATOR = "Copydesk"
FORMAT = "copydesk-package"
FORMAT_VERSION = 1
ARTICLE_HTML = "article.html"
ARTICLE_NINJS = "article.ninjs.json"
ARTICLE_MARKDOWN = "article.md"
MANIFEST = "manifest.json"
IMAGES = "images"


class ExportRefused(CopydeskError):
    """The article's checks found problems that forbid publishing it (errors, and warnings
    when they are not accepted). ``problems`` lists them; the message names each one."""

    def __init__(self, slug: str, problems: Sequence[Problem]) -> None:
        self.slug = slug
        self.problems = list(problems)
        super().__init__(
            _("The article “{slug}” was not exported: {problems}").format(
                slug=slug, problems=self.summary
            )
        )

    @property
    def summary(self) -> str:
        """Each problem's field and message, on one line."""
        return _("; ").join(
            _("{field}: {message}").format(field=problem.field, message=problem.message)
            for problem in self.problems
        )

    def __reduce__(self) -> tuple[type[ExportRefused], tuple[str, list[Problem]]]:
        return type(self), (self.slug, self.problems)  # picklable, to cross processes


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """How packages are made. ``today`` dates the checks (a dateline in the future, rights
    that ran out) and ``now`` the export; both default to the clock."""

    ninjs_version: NinjsVersion = DEFAULT_VERSION
    as_zip: bool = False
    accept_warnings: bool = True
    today: date | None = None
    now: datetime | None = None
    generator: str = GENERATOR
    preferences: Preferences = DEFAULTS


@dataclass(frozen=True)
class ArticleSnapshot:
    """What a package is made of, as read from the library in one transaction."""

    record: ArticleRecord
    pictures: ArticlePictures
    library_id: str
    media: MediaStore


@dataclass(frozen=True)
class BuiltPackage:
    """A package in memory: its name (the slug) and its files in writing order, the
    manifest last."""

    name: str
    files: dict[str, bytes] = field(repr=False)
    manifest: dict[str, Any] = field(repr=False)
    exported_at: datetime


def read_snapshot(library: Library, article_id: int, options: ExportOptions) -> ArticleSnapshot:
    """The article and its pictures, judged in its language (the database thread's part).
    Raises ``NotFoundError`` if there is no such article."""
    with library.read() as session:
        return _snapshot(session, articles.get_article(session, article_id), library, options)


def read_snapshots(
    library: Library, article_ids: Sequence[int], options: ExportOptions
) -> dict[int, ArticleSnapshot]:
    """``read_snapshot`` for several articles in one transaction, by id; an id that names
    no article is left out."""
    with library.read() as session:
        found = articles.get_articles(session, article_ids)
        return {
            article_id: _snapshot(session, found[article_id], library, options)
            for article_id in article_ids
            if article_id in found
        }


def _snapshot(
    session: Session, record: ArticleRecord, library: Library, options: ExportOptions
) -> ArticleSnapshot:
    judgement = Judgement.from_preferences(options.preferences, record.content.language)
    judgement = judgement.replace(today=options.today)
    pictures = read_article_pictures(session, picture_ids(record.content), judgement)
    return ArticleSnapshot(record, pictures, library_uuid(session), MediaStore.beside(library.path))


# ---------------------------------------------------------------------------------------------
# Checks


def export_problems(snapshot: ArticleSnapshot, options: ExportOptions) -> list[Problem]:
    """What the checks panel would show: the article's problems and its pictures'."""
    content = snapshot.record.content
    today = options.today or date.today()
    problems = checks.check_article(content, options.preferences, today)
    problems += check_pictures(content, snapshot.pictures, snapshot.record.uuid)
    problems.sort(key=checks.problem_order)
    return problems


def _accepted_warnings(snapshot: ArticleSnapshot, options: ExportOptions) -> list[Problem]:
    """The warnings a package goes out with; ``ExportRefused`` for anything more."""
    problems = export_problems(snapshot, options)
    blocking = [
        problem
        for problem in problems
        if problem.severity is Severity.ERROR or not options.accept_warnings
    ]
    if blocking:
        raise ExportRefused(snapshot.record.slug, blocking)
    return problems


# ---------------------------------------------------------------------------------------------
# Building


@dataclass(frozen=True)
class _ShippedPicture:
    """A picture as the package ships it: its record with the metadata written into its
    files, its printed credit, and its renditions with their paths in the package."""

    record: PictureRecord
    credit: str
    files: tuple[tuple[str, RenditionFile], ...]
    library_metadata: PictureMetadata  # the desk's record, before this use's caption

    def path_of(self, name: str) -> tuple[str, RenditionFile]:
        return next((path, file) for path, file in self.files if file.name == name)

    def on_page(self) -> Picture:
        path, file = self.path_of(PAGE)
        return Picture(path, self.credit, file.width, file.height)

    def renditions(self) -> tuple[Rendition, ...]:
        return tuple(
            Rendition(file.name, path, file.width, file.height, file.media_type, len(file.data))
            for path, file in self.files
        )


def build_package(snapshot: ArticleSnapshot, options: ExportOptions) -> BuiltPackage:
    """Check the article, then make every file of its package in memory. Raises
    ``ExportRefused`` (before any picture work), and what the pictures may raise
    (``MediaStoreError``, ``InvalidPicture``, ``MetadataWriteError``)."""
    accepted = _accepted_warnings(snapshot, options)
    exported_at = (options.now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    record = snapshot.record
    shipped = _ship_pictures(snapshot)
    images = {path: file.data for picture in shipped.values() for path, file in picture.files}
    digests = {path: _sha256(data) for path, data in images.items()}  # hashed once: MBs
    html, body_html = _render(record, shipped)
    files: dict[str, bytes] = {
        ARTICLE_HTML: html.encode("utf-8"),
        ARTICLE_NINJS: _json_bytes(_ninjs(snapshot, shipped, body_html, options)),
        ARTICLE_MARKDOWN: _markdown(record, shipped, digests).encode("utf-8"),
        **images,
    }
    digests |= {path: _sha256(data) for path, data in files.items() if path not in digests}
    listed = [
        {"path": path, "size": len(files[path]), "sha256": digests[path]} for path in sorted(files)
    ]
    manifest = _manifest(snapshot, listed, accepted, options, exported_at)
    files[MANIFEST] = _json_bytes(manifest)
    return BuiltPackage(record.slug, files, manifest, exported_at)


def _ship_pictures(snapshot: ArticleSnapshot) -> dict[int, _ShippedPicture]:
    """The renditions of every picture the article shows, once per picture; the files
    carry the caption and alt text of its first use (a lead picture's, if it is one). A
    picture missing from the library, or awaiting its file, has none: the checks refused
    the article already, and the media store has nothing to read for it."""
    content = snapshot.record.content
    shipped: dict[int, _ShippedPicture] = {}
    for use in picture_uses(content):
        listing = snapshot.pictures.get(use.picture_id)
        if listing is None or not listing.record.file.present or use.picture_id in shipped:
            continue
        caption = house_caption(use.caption, use.illustrative, content.language)
        metadata = metadata_for_use(
            listing.record.metadata,
            caption=caption,
            alt_text=use.alt_text,
            language=content.language,
        )
        record = listing.record
        file = record.file
        original = snapshot.media.read(file.sha256, file.media_type)
        made = make_renditions(original, file.media_type, metadata, credit=file_credit(metadata))
        paths = [_rendition_path(record, rendition) for rendition in made]
        shipped[use.picture_id] = _ShippedPicture(
            replace(record, metadata=metadata),
            listing.credit,
            tuple(zip(paths, made, strict=True)),
            record.metadata,
        )
    return shipped


def _rendition_path(record: PictureRecord, rendition: RenditionFile) -> str:
    return f"{IMAGES}/{record.uuid}-{rendition.name}{extension_for(rendition.media_type)}"


def _render(record: ArticleRecord, shipped: Mapping[int, _ShippedPicture]) -> tuple[str, str]:
    """The standalone page, and the body alone (its blocks, without the preview's wrappers)
    for ninjs. Both show the 1200-pixel renditions, with their credit."""
    content = record.content

    def resolve(picture_id: str) -> Picture | None:
        picture = shipped.get(int(picture_id)) if picture_id.isdigit() else None
        return picture.on_page() if picture is not None else None

    lead = None
    if content.lead_picture is not None:
        use = content.lead_picture
        picture = shipped.get(use.picture_id)
        lead = LeadPicture(
            str(use.picture_id),
            picture.on_page() if picture is not None else None,
            use.alt_text,
            house_caption(use.caption, use.illustrative, content.language),
        )
    renderer = IncrementalRenderer(content.language, resolve)  # the body, rendered once
    page = render_page(
        content, lead_picture=lead, renderer=renderer, image_sources=PACKAGE_IMAGE_SOURCES
    )
    return page, "\n".join(block.html for block in renderer.blocks)


def _ninjs(
    snapshot: ArticleSnapshot,
    shipped: Mapping[int, _ShippedPicture],
    body_html: str,
    options: ExportOptions,
) -> dict[str, Any]:
    content = snapshot.record.content
    assets = [
        _asset(use, shipped[use.picture_id], content.language)
        for use in picture_uses(content)
        if use.picture_id in shipped
    ]
    return build_ninjs(
        snapshot.record,
        library_id=snapshot.library_id,
        body_html=body_html,
        body_text=html_to_text(body_html),
        pictures=assets,
        version=options.ninjs_version,
    )


def _asset(use: PictureUse, picture: _ShippedPicture, language: str) -> PictureAsset:
    return PictureAsset(
        picture=picture.record,
        role=PictureRole(use.role),
        caption=house_caption(use.caption, use.illustrative, language),
        alt_text=use.alt_text.strip() or picture.record.metadata.alt_text,
        illustrative=use.illustrative,
        credit_line=picture.credit,
        renditions=picture.renditions(),
    )


def _markdown(
    record: ArticleRecord, shipped: Mapping[int, _ShippedPicture], digests: Mapping[str, str]
) -> str:
    """The article with every field; ``extra.pictures`` tells an importer which file is
    which library picture (the front matter's ``lead_picture`` and the body's ``image:ID``
    use this library's ids), with its uuid, the name it was imported under and the desk's
    whole record of it (``metadata``: the credit, the licence, the source page …)."""
    originals = {
        picture_id: picture.path_of(ORIGINAL)[0] for picture_id, picture in shipped.items()
    }
    pictures = {
        picture_id: {
            "file": path,
            "sha256": digests[path],
            "uuid": shipped[picture_id].record.uuid,
            "file_name": shipped[picture_id].record.file.file_name,
            "metadata": metadata_to_dict(shipped[picture_id].library_metadata),
        }
        for picture_id, path in originals.items()
    }
    extra = {"pictures": pictures} if pictures else None
    return dump_article(record.content, slug=record.slug, uuid=record.uuid, extra=extra)


def _manifest(
    snapshot: ArticleSnapshot,
    listed: list[dict[str, Any]],
    accepted: Sequence[Problem],
    options: ExportOptions,
    exported_at: datetime,
) -> dict[str, Any]:
    record = snapshot.record
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "generator": {"name": options.generator, "version": __version__},
        "exported_at": exported_at.isoformat().replace("+00:00", "Z"),
        "ninjs_version": options.ninjs_version,
        "library_id": snapshot.library_id,
        "article": {"uuid": record.uuid, "slug": record.slug, "version": record.version},
        "files": listed,
        "accepted_warnings": [_warning_entry(problem) for problem in accepted],
    }


def _warning_entry(problem: Problem) -> dict[str, Any]:
    return {
        "code": problem.code,
        "field": problem.field,
        "line": problem.line,
        "column": problem.column,
        "message": problem.message,
    }


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _json_bytes(value: object) -> bytes:
    """Sorted keys, UTF-8 as is (French reads as French), two-space indent, final newline:
    the same document always gives the same bytes."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


__all__ = [
    "ARTICLE_HTML",
    "ARTICLE_MARKDOWN",
    "ARTICLE_NINJS",
    "GENERATOR",
    "MANIFEST",
    "ArticleSnapshot",
    "BuiltPackage",
    "ExportOptions",
    "ExportRefused",
    "build_package",
    "export_problems",
    "read_snapshot",
    "read_snapshots",
]
