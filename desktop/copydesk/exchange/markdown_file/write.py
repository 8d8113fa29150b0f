"""Writing an article as Markdown with YAML front matter: every field, then the body verbatim."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml

from copydesk.exchange.markdown_file.format import (
    DELIMITER,
    LINE_BREAKS,
)
from copydesk.records.article import (
    ArticleContent,
    LeadPictureUse,
)

# ---------------------------------------------------------------------------------------------
# Writing


class _Dumper(yaml.SafeDumper):
    """The safe dumper, with strings that hold a line break written double-quoted."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if LINE_BREAKS.intersection(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_article(
    content: ArticleContent,
    *,
    slug: str | None = None,
    uuid: str | None = None,
    extra: Mapping[str, Any] | None = None,
) -> str:
    """The article as Markdown with YAML front matter holding every field (``slug`` and
    ``uuid`` when given, ``extra`` as its own section when given), then the body verbatim.

    ``extra`` must hold only what YAML writes safely: text, numbers, booleans, dates, None,
    lists and mappings with text keys (a TypeError says otherwise). Reading normalises line
    ends to LF, the editor's: a body with CR in it is the one thing that does not come back
    exactly (the fields' text does, CR included, as YAML escapes).
    """
    front_matter = dump_front_matter(content, slug=slug, uuid=uuid, extra=extra)
    return f"{DELIMITER}\n{front_matter}{DELIMITER}\n{content.body}"


def dump_front_matter(
    content: ArticleContent,
    *,
    slug: str | None = None,
    uuid: str | None = None,
    extra: Mapping[str, Any] | None = None,
) -> str:
    """The YAML between the delimiters: one line per field, in ``FIELDS`` order, Unicode
    as is, never folded (no width limit), ending with a line break."""
    fields = _fields_of(content, slug, uuid, extra)
    try:
        return yaml.dump(
            fields,
            Dumper=_Dumper,
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=False,
            width=2**31 - 1,
        )
    except yaml.representer.RepresenterError as error:
        raise TypeError(f"extra holds a value YAML cannot write safely: {error}") from error


def _fields_of(
    content: ArticleContent,
    slug: str | None,
    uuid: str | None,
    extra: Mapping[str, Any] | None,
) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if slug is not None:
        fields["slug"] = slug
    if uuid is not None:
        fields["uuid"] = uuid
    fields |= {
        "headline": content.headline,
        "kicker": content.kicker,
        "standfirst": content.standfirst,
        "language": content.language,
        "dateline_date": content.dateline_date,
        "edition": content.edition,
        "authors": list(content.authors),
        "keywords": list(content.keywords),
        "related_title": content.related_title,
        "related_links": [{"title": ln.title, "url": ln.url} for ln in content.related_links],
        "status": str(content.status.value),  # a plain str: the safe dumper refuses subclasses
    }
    if content.advertising:  # only when set: other articles' files stay as they were
        fields["advertising"] = True
    fields["lead_picture"] = _lead_picture_fields(content.lead_picture)
    if extra is not None:
        if not all(isinstance(key, str) for key in extra):
            raise TypeError("extra's keys must be text")
        fields["extra"] = dict(extra)
    return fields


def _lead_picture_fields(lead: LeadPictureUse | None) -> dict[str, Any] | None:
    if lead is None:
        return None
    return {
        "picture_id": lead.picture_id,
        "caption": lead.caption,
        "alt_text": lead.alt_text,
        "illustrative": lead.illustrative,
    }
