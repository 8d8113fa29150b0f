"""An article as a ninjs document (IPTC News in JSON), version 3.1 (default) or 2.2.

``build_ninjs`` is a pure function: the caller (the package writer) gives the article, the
library's identity, the body already rendered (HTML and plain text) and the pictures with
their renditions already written; nothing here reads the database or the disk, apart from
IPTC's schema, which every document is validated against before it is returned. An invalid
document is a bug in this module and raises ``NinjsInvalid``; it is never returned.

How Copydesk's fields travel (ninjs has no field for a kicker, a dateline, alt text or a
credit line, so these use ``role``\\s, as ninjs intends for its arrays):

- ``uri``: ``urn:copydesk:<library-id>:article:<article-uuid>`` (pictures:
  ``…:picture:<picture-uuid>``): stable across versions and exports, unique per library.
- ``headlines``: role ``main`` (the headline) and role ``kicker`` (the line above it; not
  ``subhead``, which readers show *below* the headline).
- ``descriptions``: the standfirst, role ``text``, ``text/plain`` (as in IPTC's examples).
- ``bodies``: role ``richtext`` (``text/html``) and role ``text`` (``text/plain``), each with
  the character and word counts of the plain text.
- ``contentCreated``: the dateline's date, at midnight UTC (ninjs wants a date-time; the
  importer reads the date back as written). ``located``: the edition.
- ``subjects``: one ``{"name": keyword}`` per keyword (ninjs 2.x and 3.x have no keywords).
- ``pubStatus``: ``usable`` once the article is ready or published, ``withheld`` before.
- ``slugline``: the article's slug.
- one association per picture, named ``lead`` or ``body-1``, ``body-2`` …: descriptions with
  roles ``text`` (caption), ``alttext`` (alt text) and ``creditline`` (the printed credit);
  ``by`` (creator), ``copyrightNotice``, ``usageTerms``, ``rightsInfo.linkedRights`` (the
  licence's deed from the catalogue, else the picture's web statement), ``infoSources`` (the
  source, role ``cpprole:contentSource``), ``genres`` (``illustrative`` when the picture
  only illustrates), and the renditions.

Not carried: the related-links block and the article's status beyond ``pubStatus`` (the
Markdown package keeps both).

ninjs 2.2 has the same structure as 3.1 for everything used here (``headlines``,
``bodies``, ``descriptions`` and ``associations`` are arrays in both); its property names are
the 3.1 names in lower case (``versioncreated``, ``contenttype``, ``sizeinbytes``,
``rightsinfo.linkedrights`` …), so the 2.2 document is the 3.1 one with keys lower-cased.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any
from urllib.parse import quote

from copydesk.exchange.ninjs.schema import (
    DEFAULT_VERSION,
    SCHEMA_URIS,
    NinjsVersion,
    is_absolute_uri,
    is_date_time,
    validate,
)
from copydesk.pictures import licensing
from copydesk.records.article import ArticleRecord, ArticleStatus
from copydesk.records.picture import PictureRecord
from copydesk.text.stats import count_words

# Roles, shared with the importer so that a round trip finds what was written.
HEADLINE_MAIN = "main"
HEADLINE_KICKER = "kicker"
TEXT_ROLE = "text"  # plain-text description (standfirst, caption) and plain-text body
HTML_BODY_ROLE = "richtext"
ALT_TEXT_ROLE = "alttext"
CREDIT_ROLE = "creditline"
ILLUSTRATIVE_GENRE = "illustrative"
CONTENT_SOURCE_ROLE = "http://cv.iptc.org/newscodes/contentprodpartyrole/contentSource"
LEAD_NAME = "lead"
BODY_NAME_PREFIX = "body-"

_USABLE = frozenset({ArticleStatus.READY, ArticleStatus.PUBLISHED})


class PictureRole(StrEnum):
    LEAD = "lead"
    BODY = "body"


@dataclass(frozen=True, slots=True)
class Rendition:
    """One file of a picture as published: ``href`` as the package refers to it."""

    name: str  # "original", "1200", "thumbnail" …
    href: str
    width: int
    height: int
    media_type: str
    byte_size: int


@dataclass(frozen=True, slots=True)
class PictureAsset:
    """A picture as this article uses it: the library record, this use's caption, alt text
    and illustrative flag, the credit line as printed, and the renditions written."""

    picture: PictureRecord
    role: PictureRole
    caption: str = ""
    alt_text: str = ""
    illustrative: bool = False
    credit_line: str = ""
    renditions: tuple[Rendition, ...] = ()


def article_uri(library_id: str, article_uuid: str) -> str:
    return f"urn:copydesk:{_urn_part(library_id)}:article:{_urn_part(article_uuid)}"


def picture_uri(library_id: str, picture_uuid: str) -> str:
    return f"urn:copydesk:{_urn_part(library_id)}:picture:{_urn_part(picture_uuid)}"


def _urn_part(text: str) -> str:
    if not text.strip():
        raise ValueError("a ninjs identifier needs a non-empty library id and record uuid")
    return quote(text.strip(), safe="-._~")


def association_names(pictures: Sequence[PictureAsset]) -> list[str]:
    """Each picture's association name, in order (the body's HTML may refer to them)."""
    names: list[str] = []
    body_count = 0
    for asset in pictures:
        if asset.role is PictureRole.LEAD:
            names.append(LEAD_NAME)
        else:
            body_count += 1
            names.append(f"{BODY_NAME_PREFIX}{body_count}")
    return names


def build_ninjs(
    article: ArticleRecord,
    *,
    library_id: str,
    body_html: str,
    body_text: str,
    pictures: Sequence[PictureAsset] = (),
    version: NinjsVersion = DEFAULT_VERSION,
    copyright_notice: str = "",
) -> dict[str, Any]:
    """The ninjs document for ``article``, valid against IPTC's schema for ``version``.

    ``copyright_notice`` is the article's own notice (the publication's), if any. Raises
    ``NinjsInvalid`` if the result is not valid (a bug), ``NinjsSchemaMissing`` if IPTC's
    schema cannot be found, ``ValueError`` for an empty ``library_id`` or several lead
    pictures.
    """
    if sum(asset.role is PictureRole.LEAD for asset in pictures) > 1:
        raise ValueError("an article has at most one lead picture")
    document = {
        "standard": _standard(version),
        **_article_document(article, library_id, body_html, body_text, pictures),
    }
    _put(document, "copyrightNotice", copyright_notice.strip())
    if version == "2.2":
        document = _lower_keys(document)
    validate(document, version)
    return document


def _standard(version: NinjsVersion) -> dict[str, str]:
    return {"name": "ninjs", "version": version, "schema": SCHEMA_URIS[version]}


# ---------------------------------------------------------------------------------------------
# The article


def _article_document(
    article: ArticleRecord,
    library_id: str,
    body_html: str,
    body_text: str,
    pictures: Sequence[PictureAsset],
) -> dict[str, Any]:
    content = article.content
    document: dict[str, Any] = {
        "uri": article_uri(library_id, article.uuid),
        "type": "text",
        "version": str(article.version),
        "firstCreated": _date_time(article.created_at),
        "versionCreated": _date_time(article.updated_at),
        "pubStatus": "usable" if content.status in _USABLE else "withheld",
    }
    _put(document, "language", content.language.strip())
    _put(document, "slugline", article.slug.strip())
    if content.dateline_date is not None:
        document["contentCreated"] = _midnight(content.dateline_date)
    _put(document, "headlines", _headlines(content.headline, content.kicker))
    _put(document, "descriptions", _texts([(TEXT_ROLE, content.standfirst)]))
    _put(document, "bodies", _bodies(body_html, body_text))
    _put(document, "by", ", ".join(name.strip() for name in content.authors if name.strip()))
    _put(document, "located", content.edition.strip())
    _put(
        document, "subjects", [{"name": word.strip()} for word in content.keywords if word.strip()]
    )
    names = association_names(pictures)
    associations = [
        _association(asset, name, library_id) for asset, name in zip(pictures, names, strict=True)
    ]
    _put(document, "associations", associations)
    return document


def _put(document: dict[str, Any], key: str, value: object) -> None:
    """Set ``key`` unless ``value`` is empty: ninjs omits what is unknown."""
    if value:
        document[key] = value


def _date_time(moment: datetime) -> str:
    """RFC 3339 in UTC, to the second. Records hold aware UTC times; a naive one is UTC."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _midnight(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _headlines(headline: str, kicker: str) -> list[dict[str, str]]:
    return _texts([(HEADLINE_MAIN, headline), (HEADLINE_KICKER, kicker)], content_type=None)


def _texts(
    items: list[tuple[str, str]], content_type: str | None = "text/plain"
) -> list[dict[str, str]]:
    """``{"role", "contentType", "value"}`` objects for the non-empty texts."""
    result = []
    for role, value in items:
        if value.strip():
            entry = {"role": role}
            if content_type:
                entry["contentType"] = content_type
            entry["value"] = value.strip()
            result.append(entry)
    return result


def _bodies(body_html: str, body_text: str) -> list[dict[str, Any]]:
    """The HTML and plain-text bodies; both counts are those of the plain text (what a
    reader reads: no markup), as ninjs asks (figure captions excluded)."""
    counts = {"charCount": len(body_text.strip()), "wordCount": count_words(body_text)}
    bodies: list[dict[str, Any]] = []
    if body_html.strip():
        bodies.append({"role": HTML_BODY_ROLE, "contentType": "text/html", **counts})
        bodies[-1]["value"] = body_html.strip()
    if body_text.strip():
        bodies.append({"role": TEXT_ROLE, "contentType": "text/plain", **counts})
        bodies[-1]["value"] = body_text.strip()
    return bodies


# ---------------------------------------------------------------------------------------------
# Pictures


def _association(asset: PictureAsset, name: str, library_id: str) -> dict[str, Any]:
    record = asset.picture
    metadata = record.metadata
    association: dict[str, Any] = {
        "name": name,
        "uri": picture_uri(library_id, record.uuid),
        "type": "picture",
        "firstCreated": _date_time(record.imported_at),
        "versionCreated": _date_time(record.updated_at),
    }
    if is_date_time(metadata.date_created):
        association["contentCreated"] = metadata.date_created
    _put(association, "headlines", _texts([(HEADLINE_MAIN, metadata.headline)], None))
    descriptions = [
        (TEXT_ROLE, asset.caption),
        (ALT_TEXT_ROLE, asset.alt_text),
        (CREDIT_ROLE, asset.credit_line),
    ]
    _put(association, "descriptions", _texts(descriptions))
    _put(association, "by", metadata.creator.strip())
    _put(association, "located", ", ".join(_non_empty(metadata.city, metadata.country)))
    _put(association, "copyrightNotice", metadata.copyright_notice.strip())
    _put(association, "usageTerms", metadata.usage_terms.strip())
    _put(association, "rightsInfo", _rights_info(record))
    _put(association, "infoSources", _info_sources(metadata.source))
    _put(association, "digitalSourceType", _digital_source_type(metadata.digital_source_type))
    if asset.illustrative:
        association["genres"] = [{"name": ILLUSTRATIVE_GENRE, "literal": ILLUSTRATIVE_GENRE}]
    _put(association, "renditions", [_rendition(rendition) for rendition in asset.renditions])
    return association


def _non_empty(*texts: str) -> list[str]:
    return [text.strip() for text in texts if text.strip()]


def _rights_info(record: PictureRecord) -> dict[str, str]:
    """The licence's deed when the catalogue has one, else the picture's web statement of
    rights (a page about its rights, which is what ``linkedRights`` means)."""
    entry = licensing.licence(record.metadata.licence_id) if record.metadata.licence_id else None
    for url in (entry.url if entry else None, record.metadata.web_statement.strip()):
        if url and is_absolute_uri(url):
            return {"linkedRights": url}
    return {}


def _info_sources(source: str) -> list[dict[str, str]]:
    return [{"name": source.strip(), "role": CONTENT_SOURCE_ROLE}] if source.strip() else []


def _digital_source_type(uri: str) -> dict[str, str]:
    return {"uri": uri.strip()} if uri.strip() and is_absolute_uri(uri.strip()) else {}


def _rendition(rendition: Rendition) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": rendition.name, "href": rendition.href}
    _put(entry, "contentType", rendition.media_type)
    _put(entry, "width", rendition.width)
    _put(entry, "height", rendition.height)
    _put(entry, "sizeInBytes", rendition.byte_size)
    return entry


# ---------------------------------------------------------------------------------------------
# ninjs 2.2


def _lower_keys(value: Any) -> Any:
    """The same document with every property name in lower case: 2.2's names for what the
    builder writes (checked by validating against the 2.2 schema). Values are untouched;
    every key here is a schema property name, never user text."""
    if isinstance(value, dict):
        return {key.lower(): _lower_keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_lower_keys(item) for item in value]
    return value


__all__ = [
    "ALT_TEXT_ROLE",
    "CREDIT_ROLE",
    "HEADLINE_KICKER",
    "HEADLINE_MAIN",
    "HTML_BODY_ROLE",
    "ILLUSTRATIVE_GENRE",
    "LEAD_NAME",
    "TEXT_ROLE",
    "PictureAsset",
    "PictureRole",
    "Rendition",
    "article_uri",
    "association_names",
    "build_ninjs",
    "picture_uri",
]
