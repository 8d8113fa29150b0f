"""A ninjs document (2.x or 3.x) from elsewhere → an article's content and its pictures.

``parse_ninjs`` is pure: it takes the parsed JSON (read it with ``safe_json.load_json``),
validates it against IPTC's schema for its version, and returns what Copydesk can use. It
writes nothing; the importer puts the result in the library in one transaction.

What is read, and from where (property names as in 3.x; 2.x spells them in lower case):

- headline: ``headlines`` role ``main`` (else the first that is not a kicker; else
  ``title``); kicker: role ``kicker`` (or ``subhead``/``subheadline``/``overline``:
  Copydesk has one line besides the headline);
- standfirst: the plain-text ``descriptions`` (an HTML one as text when there is no other);
- body: the first HTML body (``text/html``, ``application/xhtml+xml``, IPTC's
  ``body_xhtml``, or markup without a content type) converted to Markdown, else the plain
  text body as paragraphs; a leading heading that repeats the headline is left out;
- dateline date: the date (as written) of ``contentCreated``, else ``firstCreated``, else
  ``versionCreated``; edition: ``located``; authors: ``by`` split at commas, semicolons,
  "&", " and ", " et "; keywords: the names of ``subjects``; language: its primary subtag;
- pictures: every association of type ``picture`` or ``graphic`` (or untyped with image
  renditions), and the item itself when it is a picture (``006_photo_only``): caption
  (description role ``text``/``caption``), alt text (role ``alttext``), credit line (role
  ``creditline``), ``by`` as creator, ``copyrightNotice``, ``usageTerms``,
  ``rightsInfo.linkedRights`` and the licence the catalogue recognises in it, the source,
  the illustrative genre, and the renditions. The association named ``lead`` (else the
  first whose name says main/lead, else the first photograph, else the first) is the lead
  picture.

Dropped, and listed in ``ImportedNinjs.dropped`` so that the import report can say so:
``people``, ``places``, ``organisations``, ``events``, ``objects``, ``genres``,
``eventDetails`` and ``plannedCoverage`` (an event item becomes an article with the event's
title as headline), ``altIds``, ``embargoedUntil``, ``urgency``, rights of a text item, and
associations that are not pictures (text, video, audio …). Images inside an HTML body are
dropped too (the pictures come as associations). The status is not imported: an imported
article starts as a draft.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from copydesk.exchange.ninjs.schema import NinjsInvalid, NinjsVersion, is_date_time
from copydesk.exchange.ninjs.version import declared_version, lower_keys, names, validated_version
from copydesk.exchange.ninjs.write import (
    ALT_TEXT_ROLE,
    CREDIT_ROLE,
    HEADLINE_KICKER,
    HEADLINE_MAIN,
    ILLUSTRATIVE_GENRE,
    LEAD_NAME,
    PictureRole,
)
from copydesk.pictures import licensing
from copydesk.records.article import DEFAULT_LANGUAGE, ArticleContent
from copydesk.records.picture import PictureMetadata
from copydesk.text.html_markdown import html_to_markdown, html_to_text, text_to_markdown
from copydesk.translation import _

_KICKER_ROLES = frozenset({HEADLINE_KICKER, "overline", "subhead", "subheadline"})
_ALT_ROLES = frozenset({ALT_TEXT_ROLE, "alt", "alt-text", "alt_text", "alternative"})
_CREDIT_ROLES = frozenset({CREDIT_ROLE, "credit", "credit-line", "credit_line"})
_PICTURE_TYPES = frozenset({"picture", "graphic"})
_UNDATED_TYPES = frozenset({"event", "planning"})  # their dates are the event's, not a dateline
_LEAD_NAME_HINT = re.compile(r"lead|main|hero|featured|primary|top", re.IGNORECASE)
_SOURCE_ROLES = frozenset(
    {
        "http://cv.iptc.org/newscodes/contentprodpartyrole/contentSource",
        "http://cv.iptc.org/newscodes/contentprodpartyrole/imgSupplier",
        "cpprole:contentSource",
        "cpprole:imgSupplier",
    }
)
_AUTHOR_SEPARATORS = re.compile(r"\s*[,;&]\s*|\s+(?:and|et)\s+")
_BYLINE_PREFIX = re.compile(r"^(?:by|par)\s+", re.IGNORECASE)
_MARKUP = re.compile(r"\s*<[A-Za-z!]")
# Read as the article; the envelope (standard, version, status …) is taken as read.
_ARTICLE_KEYS = names(
    "uri type version versioncreated firstcreated contentcreated language headlines",
    "descriptions bodies by located subjects slugline standard pubstatus",
    "representationtype profile associations",
)
# Read as the picture when the item itself is one.
_PICTURE_KEYS = names(
    "copyrightnotice usageterms rightsinfo renditions genres infosources digitalsourcetype",
)


@dataclass(frozen=True, slots=True)
class ImportedRendition:
    """A rendition as the document gives it (the fields of ``ninjs_export.Rendition``)."""

    name: str
    href: str
    width: int | None = None
    height: int | None = None
    media_type: str = ""
    byte_size: int | None = None


@dataclass(frozen=True, slots=True)
class ImportedPicture:
    """A picture association: the picture's credits and rights, this use of it (role,
    caption, alt text, illustrative) and where its renditions are."""

    name: str
    uri: str
    role: PictureRole
    headline: str = ""
    caption: str = ""
    alt_text: str = ""
    illustrative: bool = False
    creator: str = ""
    credit_line: str = ""
    copyright_notice: str = ""
    usage_terms: str = ""
    licence_url: str = ""  # rightsInfo.linkedRights, as found
    licence_id: str = ""  # the catalogue's licence for it; "" when not recognised
    source: str = ""
    located: str = ""
    date_created: str = ""
    digital_source_type: str = ""
    renditions: tuple[ImportedRendition, ...] = ()

    def metadata(self) -> PictureMetadata:
        """The picture's metadata for the library. A linked-rights URL that is not a known
        licence's deed is kept as the web statement of rights."""
        return PictureMetadata(
            creator=self.creator,
            credit_line=self.credit_line,
            copyright_notice=self.copyright_notice,
            source=self.source,
            description=self.caption,
            headline=self.headline,
            web_statement="" if self.licence_id else self.licence_url,
            usage_terms=self.usage_terms,
            digital_source_type=self.digital_source_type,
            alt_text=self.alt_text,
            date_created=self.date_created,
            licence_id=self.licence_id,
        )


@dataclass(frozen=True, slots=True)
class ImportedNinjs:
    """What a ninjs document gives Copydesk. ``content.lead_picture`` is None: the lead
    picture is ``pictures``' one with role LEAD, linked once it is in the library."""

    version: NinjsVersion  # the schema it was validated against
    uri: str
    type: str  # "" when the document does not say
    slugline: str
    content: ArticleContent
    pictures: tuple[ImportedPicture, ...]
    dropped: tuple[str, ...]  # what the document had that Copydesk did not take


def parse_ninjs(document: object) -> ImportedNinjs:
    """Validate ``document`` against the schema of its version and read it.

    Raises ``NinjsInvalid`` (naming the problems) for anything that is not valid ninjs 2.x
    or 3.x, ``NinjsSchemaMissing`` when IPTC's schemas are not installed.
    """
    if not isinstance(document, dict):
        raise NinjsInvalid(_("2.x or 3.x"), [("$", _("a ninjs document is a JSON object"))])
    declared = declared_version(document)
    # "$schema" is not a ninjs property, but tools write it; it names the schema, not content.
    document = {key: value for key, value in document.items() if key != "$schema"}
    version = validated_version(document, declared)
    item: dict[str, Any] = lower_keys(document)
    return _read(item, version, document)


# ---------------------------------------------------------------------------------------------
# The item


def _read(item: dict[str, Any], version: NinjsVersion, original: dict[str, Any]) -> ImportedNinjs:
    kind = _text(item, "type")
    is_picture = _is_picture(item)
    pictures: list[ImportedPicture] = []
    if is_picture:
        pictures.append(_picture(item, PictureRole.LEAD, default_name=LEAD_NAME))
    associated, dropped_associations = _associated_pictures(item, has_lead=is_picture)
    pictures += associated
    content = _content(item, is_picture)
    used_title = not _headline(item) and bool(_text(item, "title"))
    dropped = _dropped(original, is_picture, used_title) + dropped_associations
    return ImportedNinjs(
        version=version,
        uri=_text(item, "uri"),
        type=kind,
        slugline=_text(item, "slugline"),
        content=content,
        pictures=tuple(pictures),
        dropped=tuple(dropped),
    )


def _is_picture(item: Mapping[str, Any]) -> bool:
    kind = _text(item, "type")
    if kind:
        return kind in _PICTURE_TYPES
    return any(rendition.media_type.startswith("image/") for rendition in _renditions(item))


def _content(item: Mapping[str, Any], is_picture: bool) -> ArticleContent:
    headline = _headline(item) or _text(item, "title")
    body = _body(item)
    if body and _first_block_is_heading(body, headline):
        body = body.split("\n\n", 1)[1] if "\n\n" in body else ""
    return ArticleContent(
        headline=headline,
        kicker=_headline_with_role(item, _KICKER_ROLES),
        # A picture's description is its caption, not a standfirst; its "by", the creator.
        standfirst="" if is_picture else _description(item, exclude=_ALT_ROLES | _CREDIT_ROLES),
        body=body,
        language=_language(item),
        dateline_date=_dateline_date(item),
        edition=_text(item, "located"),
        authors=() if is_picture else _authors(_text(item, "by")),
        keywords=_keywords(item),
    )


def _dropped(original: dict[str, Any], is_picture: bool, used_title: bool) -> list[str]:
    taken = _ARTICLE_KEYS | (_PICTURE_KEYS if is_picture else frozenset())
    if used_title:
        taken |= {"title"}
    return [key for key in original if key.lower() not in taken]


# ---------------------------------------------------------------------------------------------
# Texts


def _text(item: Mapping[str, Any], key: str) -> str:
    value = item.get(key)
    return _squash(value) if isinstance(value, str) else ""


def _squash(text: str) -> str:
    """White space collapsed (U+00A0 and U+202F kept: they are typography, not layout)."""
    return re.sub(r"[ \t\n\r\f\v]+", " ", text).strip(" ")


def _entries(item: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    value = item.get(key)
    return [entry for entry in value if isinstance(entry, dict)] if isinstance(value, list) else []


def _role(entry: Mapping[str, Any]) -> str:
    role = entry.get("role")
    return role.strip().lower() if isinstance(role, str) else ""


def _is_markup(entry: Mapping[str, Any]) -> bool:
    content_type = entry.get("contenttype")
    if isinstance(content_type, str) and content_type.strip():
        return "html" in content_type.lower()
    value = entry.get("value")
    return isinstance(value, str) and _MARKUP.match(value) is not None


def _plain_value(entry: Mapping[str, Any]) -> str:
    value = entry.get("value")
    if not isinstance(value, str):
        return ""
    if _is_markup(entry):
        return html_to_text(value).replace("\n\n", " ").replace("\n", " ").strip()
    return _squash(value)


def _headline(item: Mapping[str, Any]) -> str:
    headlines = _entries(item, "headlines")
    main = [entry for entry in headlines if _role(entry) == HEADLINE_MAIN]
    others = [entry for entry in headlines if _role(entry) not in _KICKER_ROLES]
    for entry in main + others:
        if value := _plain_value(entry):
            return value
    return ""


def _headline_with_role(item: Mapping[str, Any], roles: frozenset[str]) -> str:
    for entry in _entries(item, "headlines"):
        if _role(entry) in roles and (value := _plain_value(entry)):
            return value
    return ""


def _description(
    item: Mapping[str, Any],
    *,
    exclude: frozenset[str] = frozenset(),
    roles: frozenset[str] = frozenset(),
) -> str:
    """The first plain-text description (with one of ``roles`` when given, and none of
    ``exclude``), else the first HTML one as text."""
    candidates = [
        entry
        for entry in _entries(item, "descriptions")
        if _role(entry) not in exclude and (not roles or _role(entry) in roles)
    ]
    ordered = [e for e in candidates if not _is_markup(e)] + [
        e for e in candidates if _is_markup(e)
    ]
    for entry in ordered:
        if value := _plain_value(entry):
            return value
    return ""


def _body(item: Mapping[str, Any]) -> str:
    bodies = [entry for entry in _entries(item, "bodies") if isinstance(entry.get("value"), str)]
    for entry in bodies:
        if _is_markup(entry) and (markdown := html_to_markdown(entry["value"])):
            return markdown
    for entry in bodies:
        if _is_plain_text(entry) and (markdown := text_to_markdown(entry["value"])):
            return markdown
    return ""


def _is_plain_text(entry: Mapping[str, Any]) -> bool:
    content_type = entry.get("contenttype")
    if isinstance(content_type, str) and content_type.strip():
        return content_type.strip().lower().startswith("text/plain")
    return not _is_markup(entry)


def _first_block_is_heading(body: str, headline: str) -> bool:
    """True when the body opens with the headline as a heading (an HTML page's ``<h1>``)."""
    match = re.match(r"#{1,6} (.*)", body.split("\n\n", 1)[0])
    if match is None or not headline:
        return False
    return re.sub(r"\\(.)", r"\1", match.group(1)) == headline


def _language(item: Mapping[str, Any]) -> str:
    language = _text(item, "language")
    return licensing.primary_language(language) if language else DEFAULT_LANGUAGE


def _dateline_date(item: Mapping[str, Any]) -> date | None:
    if _text(item, "type") in _UNDATED_TYPES:
        return None
    for key in ("contentcreated", "firstcreated", "versioncreated"):
        value = _text(item, key)
        if value and is_date_time(value):
            return date.fromisoformat(value[:10])  # the date as the document writes it
    return None


def _authors(byline: str) -> tuple[str, ...]:
    names = _AUTHOR_SEPARATORS.split(_BYLINE_PREFIX.sub("", byline))
    return tuple(name.strip() for name in names if name.strip())


def _keywords(item: Mapping[str, Any]) -> tuple[str, ...]:
    words = (
        _text(subject, "name") or _text(subject, "literal")
        for subject in _entries(item, "subjects")
    )
    return tuple(dict.fromkeys(word for word in words if word))


# ---------------------------------------------------------------------------------------------
# Pictures


def _associated_pictures(
    item: Mapping[str, Any], *, has_lead: bool
) -> tuple[list[ImportedPicture], list[str]]:
    pictures: list[dict[str, Any]] = []
    dropped: list[str] = []
    for index, association in enumerate(_entries(item, "associations")):
        if _is_picture(association):
            pictures.append(association)
        else:
            kind = _text(association, "type") or _("untyped")
            dropped.append(
                _("associations[{index}] ({kind} “{name}”)").format(
                    index=index, kind=kind, name=_text(association, "name")
                )
            )
    lead = None if has_lead else _lead_index(pictures)
    imported = [
        _picture(association, PictureRole.LEAD if index == lead else PictureRole.BODY)
        for index, association in enumerate(pictures)
    ]
    return imported, dropped


def _lead_index(pictures: list[dict[str, Any]]) -> int | None:
    names = [_text(association, "name") for association in pictures]
    if LEAD_NAME in names:
        return names.index(LEAD_NAME)
    hinted = [index for index, name in enumerate(names) if _LEAD_NAME_HINT.search(name)]
    photos = [index for index, item in enumerate(pictures) if _text(item, "type") == "picture"]
    # A name that says so, else the first photograph (not a logo or chart), else the first.
    return next(iter(hinted + photos), 0 if pictures else None)


def _picture(item: Mapping[str, Any], role: PictureRole, default_name: str = "") -> ImportedPicture:
    licence_url = _linked_rights(item)
    usage_terms = _text(item, "usageterms")
    found = licensing.identify(licence_url) if licence_url else None
    found = found or (licensing.identify(usage_terms) if usage_terms else None)
    return ImportedPicture(
        name=_text(item, "name") or default_name,
        uri=_text(item, "uri"),
        role=role,
        headline=_headline(item),
        caption=_description(item, exclude=_ALT_ROLES | _CREDIT_ROLES),
        alt_text=_description(item, roles=_ALT_ROLES),
        illustrative=_is_illustrative(item),
        creator=_text(item, "by"),
        credit_line=_description(item, roles=_CREDIT_ROLES),
        copyright_notice=_text(item, "copyrightnotice"),
        usage_terms=usage_terms,
        licence_url=licence_url,
        licence_id=found.id if found else "",
        source=_source(item),
        located=_text(item, "located"),
        date_created=_text(item, "contentcreated"),
        digital_source_type=_text(_object(item, "digitalsourcetype"), "uri"),
        renditions=tuple(_renditions(item)),
    )


def _object(item: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = item.get(key)
    return value if isinstance(value, dict) else {}


def _linked_rights(item: Mapping[str, Any]) -> str:
    return _text(_object(item, "rightsinfo"), "linkedrights")


def _is_illustrative(item: Mapping[str, Any]) -> bool:
    return any(
        ILLUSTRATIVE_GENRE in (_text(genre, "literal"), _text(genre, "name"))
        for genre in _entries(item, "genres")
    )


def _source(item: Mapping[str, Any]) -> str:
    sources = _entries(item, "infosources")
    named = [source for source in sources if _text(source, "role") in _SOURCE_ROLES]
    for source in named or sources[:1]:
        if name := _text(source, "name"):
            return name
    return ""


def _renditions(item: Mapping[str, Any]) -> Iterator[ImportedRendition]:
    for entry in _entries(item, "renditions"):
        yield ImportedRendition(
            name=_text(entry, "name"),
            href=_text(entry, "href"),
            media_type=_text(entry, "contenttype").lower(),
            width=_whole(entry.get("width")),
            height=_whole(entry.get("height")),
            byte_size=_whole(entry.get("sizeinbytes")),
        )


def _whole(value: object) -> int | None:
    """A count: 2.x allows any number, so ``70.0`` is 70 and ``70.5`` or ``-1`` nothing."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not value.is_integer():
        return None
    return int(value) if value >= 0 else None


__all__ = ["ImportedNinjs", "ImportedPicture", "ImportedRendition", "parse_ninjs"]
