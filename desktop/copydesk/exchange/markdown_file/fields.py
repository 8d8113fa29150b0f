"""The front matter's fields read into an article: every value checked, unknown fields refused
by name (with the name other tools use for ours, if it is one)."""

from __future__ import annotations

import uuid as uuid_module
from collections.abc import Mapping
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

from copydesk.errors import InvalidArticleFile
from copydesk.exchange.markdown_file.format import (
    FIELDS,
    ISO_DATE,
    LEAD_PICTURE_FIELDS,
    LINK_FIELDS,
    OTHER_TOOLS_NAMES,
    SLUG,
    ParsedMarkdown,
)
from copydesk.exchange.markdown_file.headline import headline_from_body
from copydesk.exchange.strict_yaml import kind
from copydesk.records.article import (
    LANGUAGES,
    ArticleContent,
    ArticleStatus,
    LeadPictureUse,
    RelatedLink,
)
from copydesk.translation import N_, _, ngettext

# ---------------------------------------------------------------------------------------------
# Reading: the fields


def from_front_matter(fields: dict[str, Any], body: str) -> ParsedMarkdown:
    _refuse_unknown_fields(fields)
    warnings: list[str] = []
    headline = _text(fields, "headline")
    if "headline" not in fields:
        headline, body, heading_warnings = headline_from_body(body)
        warnings += heading_warnings
    content = ArticleContent(
        headline=headline,
        kicker=_text(fields, "kicker"),
        standfirst=_text(fields, "standfirst"),
        body=body,
        language=_language(fields, warnings),
        dateline_date=_date(fields, "dateline_date"),
        edition=_text(fields, "edition"),
        authors=_texts(fields, "authors", N_("a list of names (“{name}: [A, B]”)")),
        keywords=_texts(fields, "keywords", N_("a list of keywords (“{name}: [A, B]”)")),
        related_title=_text(fields, "related_title"),
        related_links=_links(fields),
        status=_status(fields),
        lead_picture=_lead_picture(fields),
        advertising=_advertising(fields),
    )
    return ParsedMarkdown(
        content=content,
        slug=_slug(fields),
        uuid=_uuid(fields),
        extra=MappingProxyType(_extra(fields)),
        warnings=tuple(warnings),
        has_front_matter=True,
    )


def _refuse_unknown_fields(fields: Mapping[Any, Any]) -> None:
    unknown = [key for key in fields if key not in FIELDS]
    if not unknown:
        return
    named = ", ".join(_unknown_name(key) for key in unknown)
    message = ngettext(
        "Unknown front matter field: {names}. Copydesk reads only these fields: {fields}.",
        "Unknown front matter fields: {names}. Copydesk reads only these fields: {fields}.",
        len(unknown),
    )
    raise InvalidArticleFile(message.format(names=named, fields=", ".join(FIELDS)))


def _unknown_name(key: object) -> str:
    hint = OTHER_TOOLS_NAMES.get(str(key).lower())
    if hint:
        return _("“{name}” (did you mean “{hint}”?)").format(name=key, hint=hint)
    return _quoted(key)


def _quoted(name: object) -> str:
    return _("“{name}”").format(name=name)


def wrong(name: str, expected: str, value: object) -> InvalidArticleFile:
    """The refusal of ``value`` for the field ``name``; ``expected`` is translated."""
    return InvalidArticleFile(
        _("The front matter field “{name}” must be {expected}, not {kind}.").format(
            name=name, expected=expected, kind=kind(value)
        )
    )


def _text_value(value: object, name: str) -> str:
    """A text field's value; null (``kicker:`` left empty) reads as empty text."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise wrong(name, _("text (put it in quotes)"), value)
    return value


def _text(fields: Mapping[str, Any], name: str) -> str:
    return _text_value(fields.get(name), name)


def _texts(fields: Mapping[str, Any], name: str, expected: str) -> tuple[str, ...]:
    """A list of texts; ``expected`` (marked with ``N_``) says what it holds, ``{name}``
    the field's name."""
    value = fields.get(name)
    if value is None:
        return ()
    if not isinstance(value, list):
        raise wrong(name, _(expected).format(name=name), value)
    for index, item in enumerate(value):
        if not isinstance(item, str):
            raise wrong(f"{name}[{index + 1}]", _("text (put it in quotes)"), item)
    return tuple(value)


def _language(fields: Mapping[str, Any], warnings: list[str]) -> str:
    if fields.get("language") is None:
        return ArticleContent().language
    language = _text(fields, "language")
    if language.replace("_", "-").split("-")[0].lower() not in LANGUAGES:
        known = ", ".join(LANGUAGES)
        warnings.append(
            _("The language “{language}” is not one Copydesk checks ({known}).").format(
                language=language, known=known
            )
        )
    return language


def _date(fields: Mapping[str, Any], name: str) -> date | None:
    value = fields.get(name)
    if value is None:
        return None
    if isinstance(value, datetime):
        raise wrong(name, _("a date written YYYY-MM-DD (without a time)"), value)
    if isinstance(value, date):
        return value
    if isinstance(value, str) and ISO_DATE.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise wrong(name, _("a date written YYYY-MM-DD that exists"), value) from None
    raise wrong(name, _("a date written YYYY-MM-DD"), value)


def _links(fields: Mapping[str, Any]) -> tuple[RelatedLink, ...]:
    value = fields.get("related_links")
    if value is None:
        return ()
    if not isinstance(value, list):
        raise wrong("related_links", _("a list of links (each with a title and a url)"), value)
    return tuple(_link(item, f"related_links[{index + 1}]") for index, item in enumerate(value))


def _link(item: object, name: str) -> RelatedLink:
    fields = _sub_fields(item, name, LINK_FIELDS, _("a link with a title and a url"))
    return RelatedLink(
        title=_text_value(fields.get("title"), f"{name}.title"),
        url=_text_value(fields.get("url"), f"{name}.url"),
    )


def _sub_fields(
    item: object, name: str, allowed: tuple[str, ...], expected: str
) -> Mapping[str, Any]:
    if not isinstance(item, dict):
        raise wrong(name, expected, item)
    unknown = [_quoted(key) for key in item if key not in allowed]
    if unknown:
        raise InvalidArticleFile(
            _(
                "Unknown field in the front matter's “{name}”: {unknown}. It may hold only"
                " {allowed}."
            ).format(name=name, unknown=", ".join(unknown), allowed=", ".join(allowed))
        )
    return item


def _advertising(fields: Mapping[str, Any]) -> bool:
    value = fields.get("advertising", False)
    if not isinstance(value, bool):
        raise wrong("advertising", _("true or false"), value)
    return value


def _status(fields: Mapping[str, Any]) -> ArticleStatus:
    value = fields.get("status")
    if value is None:
        return ArticleStatus.DRAFT
    values = [status.value for status in ArticleStatus]
    if not isinstance(value, str) or value not in values:
        raise wrong("status", _("one of {values}").format(values=", ".join(values)), value)
    return ArticleStatus(value)


def _lead_picture(fields: Mapping[str, Any]) -> LeadPictureUse | None:
    value = fields.get("lead_picture")
    if value is None:
        return None
    expected = _("a picture with {fields}").format(fields=", ".join(LEAD_PICTURE_FIELDS))
    lead = _sub_fields(value, "lead_picture", LEAD_PICTURE_FIELDS, expected)
    picture_id = lead.get("picture_id")
    if isinstance(picture_id, bool) or not isinstance(picture_id, int):
        raise wrong("lead_picture.picture_id", _("a whole number (the picture's id)"), picture_id)
    illustrative = lead.get("illustrative", False)
    if not isinstance(illustrative, bool):
        raise wrong("lead_picture.illustrative", _("true or false"), illustrative)
    return LeadPictureUse(
        picture_id=picture_id,
        caption=_text_value(lead.get("caption"), "lead_picture.caption"),
        alt_text=_text_value(lead.get("alt_text"), "lead_picture.alt_text"),
        illustrative=illustrative,
    )


def _slug(fields: Mapping[str, Any]) -> str | None:
    value = fields.get("slug")
    if value is None:
        return None
    if not isinstance(value, str) or not SLUG.fullmatch(value) or len(value) > 200:
        raise wrong("slug", _("lower-case letters, digits and hyphens (“my-article”)"), value)
    return value


def _uuid(fields: Mapping[str, Any]) -> str | None:
    value = fields.get("uuid")
    if value is None:
        return None
    try:
        if not isinstance(value, str):
            raise ValueError
        return str(uuid_module.UUID(value))
    except ValueError:
        raise wrong("uuid", _("a UUID (“1b4e28ba-2fa1-11d2-883f-0016d3cca427”)"), value) from None


def _extra(fields: Mapping[str, Any]) -> dict[str, Any]:
    value = fields.get("extra")
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(key, str) for key in value):
        raise wrong("extra", _("a set of fields with text names"), value)
    return value
