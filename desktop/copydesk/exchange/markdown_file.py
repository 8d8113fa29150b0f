"""Articles as Markdown files with YAML front matter, written and read back losslessly.

``dump_article`` writes every field of an ``ArticleContent`` between ``---`` lines, then the
body verbatim; ``parse_article`` reads such a file back (``parse_article(dump_article(c))
.content == c`` for any content) and also takes Markdown written elsewhere, with or without
front matter. The reader trusts nothing: files come from other people's disks and mailboxes.
It refuses, with a message naming the problem and the field, what it cannot take whole:
non-UTF-8 bytes, unknown fields (never silently dropped), wrongly typed values, YAML anchors
and aliases (the "billion laughs" bomb), duplicate keys (YAML would keep the last one
silently), deep nesting and oversized documents.
"""

from __future__ import annotations

import re
import uuid as uuid_module
from collections.abc import Hashable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

import yaml

from copydesk.errors import InvalidArticleFile
from copydesk.records.article import (
    LANGUAGES,
    ArticleContent,
    ArticleStatus,
    LeadPictureUse,
    RelatedLink,
)

# The front matter's fields, in the order they are written. ``extra`` is the one open
# section: a mapping that other tools (the package exporter) fill and read back as is.
FIELDS = (
    "slug",
    "uuid",
    "headline",
    "kicker",
    "standfirst",
    "language",
    "dateline_date",
    "edition",
    "authors",
    "keywords",
    "related_title",
    "related_links",
    "status",
    "lead_picture",
    "extra",
)
LINK_FIELDS = ("title", "url")
LEAD_PICTURE_FIELDS = ("picture_id", "caption", "alt_text", "illustrative")

# Names other Markdown tools (Jekyll, Hugo, Pandoc) use for our fields: named in the message
# that refuses them, so the user knows what to rename.
_OTHER_TOOLS_NAMES = {
    "title": "headline",
    "subtitle": "standfirst",
    "description": "standfirst",
    "summary": "standfirst",
    "lead": "standfirst",
    "author": "authors",
    "date": "dateline_date",
    "dateline": "dateline_date",
    "tags": "keywords",
    "categories": "keywords",
    "lang": "language",
}

# Limits far above any real article (the longest in a newsroom runs to 50,000 words, about
# 400 kB), low enough that a hostile file cannot exhaust memory or time. PyYAML's safe
# loader is pure Python: 256 kB of front matter takes it about a second at worst.
MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_FRONT_MATTER_CHARS = 256 * 1024
MAX_YAML_DEPTH = 12
MAX_YAML_NODES = 10_000

DELIMITER = "---"
_CLOSING_DELIMITERS = ("---", "...")  # Pandoc also ends a YAML block with "..."
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Characters YAML reads as line breaks. PyYAML folds them in its single-quoted and plain
# styles in a way that does not always read back (a lone U+0085 does not), so strings that
# hold one are written double-quoted, where each is an escape.
_LINE_BREAKS = frozenset("\n\r\x85\u2028\u2029")


@dataclass(frozen=True, slots=True)
class ParsedMarkdown:
    """What a Markdown file gives: the article's content, the slug and uuid it was exported
    with (None when absent), the ``extra`` section, and warnings for the import report.

    ``content.lead_picture`` is the picture as the *exporting* library numbered it: an
    importer must map its ``picture_id`` to a picture of its own library before saving.
    """

    content: ArticleContent
    slug: str | None = None
    uuid: str | None = None
    extra: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    warnings: tuple[str, ...] = ()
    has_front_matter: bool = False

    @property
    def lead_picture(self) -> LeadPictureUse | None:
        """The lead picture reference (caption, alt text, flag and foreign picture id)."""
        return self.content.lead_picture


# ---------------------------------------------------------------------------------------------
# Writing


class _Dumper(yaml.SafeDumper):
    """The safe dumper, with strings that hold a line break written double-quoted."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if _LINE_BREAKS.intersection(value) else None
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
        "lead_picture": _lead_picture_fields(content.lead_picture),
    }
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


# ---------------------------------------------------------------------------------------------
# Reading: the text


def parse_article(data: bytes | str) -> ParsedMarkdown:
    """The article in a Markdown file (bytes as read from disk, or text).

    With front matter, its fields; without, the first level-1 heading (``# Title`` or a
    title underlined with ``===``) is the headline and leaves the body. Raises
    ``InvalidArticleFile`` for anything it cannot take whole.
    """
    text = _normalise_newlines(decode_text(data))
    split = _split_front_matter(text)
    if split is None:
        return _without_front_matter(text)
    front_matter, body = split
    return _from_front_matter(_load_yaml(front_matter), body)


def decode_text(data: bytes | str) -> str:
    """``data`` as text: UTF-8 only, a leading byte order mark dropped, size limited."""
    if isinstance(data, str):
        if len(data) > MAX_FILE_BYTES:
            raise InvalidArticleFile(_too_large(len(data), "characters"))
        return data.removeprefix("\ufeff")
    if len(data) > MAX_FILE_BYTES:
        raise InvalidArticleFile(_too_large(len(data), "bytes"))
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise InvalidArticleFile(_not_utf8(data, error)) from None


def _too_large(size: int, unit: str) -> str:
    limit = MAX_FILE_BYTES // (1024 * 1024)
    return f"The file is too large for an article: {size:,} {unit}, the limit is {limit} MB."


def _not_utf8(data: bytes, error: UnicodeDecodeError) -> str:
    line = data.count(b"\n", 0, error.start) + 1
    return (
        f"The file is not UTF-8 text: byte 0x{data[error.start]:02X} at byte offset"
        f" {error.start} (line {line}) cannot be read. Save the file as UTF-8 and import it again."
    )


def _normalise_newlines(text: str) -> str:
    """Windows (CRLF) and old Mac (CR) line ends become LF, as the editor writes them."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _split_front_matter(text: str) -> tuple[str, str] | None:
    """(front matter, body) when ``text`` opens with a ``---`` line; None without one.
    Only ``\\n`` ends a line here: other line separators belong to the text."""
    first_end = text.find("\n")
    first_line = text if first_end < 0 else text[:first_end]
    if first_line.rstrip(" \t") != DELIMITER:
        return None
    position = first_end + 1
    while 0 < position <= len(text):
        end = text.find("\n", position)
        line = text[position:] if end < 0 else text[position:end]
        if line.rstrip(" \t") in _CLOSING_DELIMITERS:
            body = "" if end < 0 else text[end + 1 :]
            return text[first_end + 1 : position], body
        if end < 0:
            break
        position = end + 1
    raise InvalidArticleFile(
        "The front matter opened by “---” on line 1 is never closed: add a “---” line after"
        " its last field."
    )


# ---------------------------------------------------------------------------------------------
# Reading: hostile YAML

_MERGE_TAG = "tag:yaml.org,2002:merge"


class _StrictLoader(yaml.SafeLoader):
    """The safe loader, refusing what a hand-written article never needs and an attacker
    does: anchors and aliases (a few lines that expand to gigabytes), merge keys, duplicate
    keys, deep nesting and huge numbers of nodes."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self._nodes = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _yaml_refusal("YAML anchors and aliases (&name, *name) are not allowed", event)
        self._nodes += 1
        if self._nodes > MAX_YAML_NODES:
            raise _yaml_refusal(f"the front matter holds more than {MAX_YAML_NODES} values", event)
        self._depth += 1
        try:
            if self._depth > MAX_YAML_DEPTH:
                raise _yaml_refusal(f"values are nested more than {MAX_YAML_DEPTH} deep", event)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _value in node.value:
            if key_node.tag == _MERGE_TAG:
                raise _yaml_refusal("YAML merge keys (<<) are not allowed", key_node)
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, Hashable):  # the base class refuses the others
                if key in seen:
                    raise _yaml_refusal(f"the field “{key}” is given twice", key_node)
                seen.add(key)
        return super().construct_mapping(node, deep)


def _construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    """A date that does not exist (2025-02-30) stays text, for the field's own check to
    name the field in its message."""
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def _yaml_refusal(problem: str, where: yaml.Event | yaml.Node) -> InvalidArticleFile:
    return InvalidArticleFile(f"Front matter, line {_file_line(where.start_mark)}: {problem}.")


def _file_line(mark: object) -> int:
    """The line in the file: the front matter starts on line 2, after the opening ``---``."""
    line = getattr(mark, "line", 0)
    return (line if isinstance(line, int) else 0) + 2


def _load_yaml(front_matter: str) -> dict[str, Any]:
    if len(front_matter) > MAX_FRONT_MATTER_CHARS:
        raise InvalidArticleFile(
            f"The front matter is too large: {len(front_matter):,} characters, the limit is"
            f" {MAX_FRONT_MATTER_CHARS:,}."
        )
    loader = _StrictLoader(front_matter)
    try:
        document = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        where = f"line {_file_line(error.problem_mark)}: " if error.problem_mark else ""
        raise InvalidArticleFile(
            f"The front matter is not valid YAML: {where}{error.problem}."
        ) from None
    except (yaml.YAMLError, ValueError, OverflowError) as error:
        # Values YAML parses but Python cannot hold: 2025-02-30, a 5,000-digit number.
        raise InvalidArticleFile(
            f"The front matter holds a value that cannot be read: {error}."
        ) from None
    finally:
        loader.dispose()
    return _mapping_document(document)


def _mapping_document(document: object) -> dict[str, Any]:
    if document is None:
        return {}  # "---\n---": empty front matter
    if not isinstance(document, dict):
        raise InvalidArticleFile(
            "The front matter must be a set of fields (“headline: …” lines), not"
            f" {_kind(document)}."
        )
    return document


# ---------------------------------------------------------------------------------------------
# Reading: the fields


def _from_front_matter(fields: dict[str, Any], body: str) -> ParsedMarkdown:
    _refuse_unknown_fields(fields)
    warnings: list[str] = []
    headline = _text(fields, "headline")
    if "headline" not in fields:
        headline, body, heading_warnings = _headline_from_body(body)
        warnings += heading_warnings
    content = ArticleContent(
        headline=headline,
        kicker=_text(fields, "kicker"),
        standfirst=_text(fields, "standfirst"),
        body=body,
        language=_language(fields, warnings),
        dateline_date=_date(fields, "dateline_date"),
        edition=_text(fields, "edition"),
        authors=_texts(fields, "authors", "a list of names"),
        keywords=_texts(fields, "keywords", "a list of keywords"),
        related_title=_text(fields, "related_title"),
        related_links=_links(fields),
        status=_status(fields),
        lead_picture=_lead_picture(fields),
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
    plural = "s" if len(unknown) > 1 else ""
    raise InvalidArticleFile(
        f"Unknown front matter field{plural}: {named}. Copydesk reads only these fields:"
        f" {', '.join(FIELDS)}."
    )


def _unknown_name(key: object) -> str:
    hint = _OTHER_TOOLS_NAMES.get(str(key).lower())
    return f"“{key}” (did you mean “{hint}”?)" if hint else f"“{key}”"


def _kind(value: object) -> str:
    """How a wrong value is named in a message: its kind, and the value when it is short."""
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, datetime):
        return f"a date and time ({value.isoformat(sep=' ')})"
    if isinstance(value, date):
        return f"a date ({value.isoformat()})"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:39] + "…"
        return f"text (“{shown}”)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, bytes):
        return "binary data"
    return type(value).__name__


def _wrong(name: str, expected: str, value: object) -> InvalidArticleFile:
    return InvalidArticleFile(
        f"The front matter field “{name}” must be {expected}, not {_kind(value)}."
    )


def _text_value(value: object, name: str) -> str:
    """A text field's value; null (``kicker:`` left empty) reads as empty text."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _wrong(name, "text (put it in quotes)", value)
    return value


def _text(fields: Mapping[str, Any], name: str) -> str:
    return _text_value(fields.get(name), name)


def _texts(fields: Mapping[str, Any], name: str, expected: str) -> tuple[str, ...]:
    value = fields.get(name)
    if value is None:
        return ()
    if not isinstance(value, list):
        raise _wrong(name, f"{expected} (“{name}: [A, B]”)", value)
    for index, item in enumerate(value):
        if not isinstance(item, str):
            raise _wrong(f"{name}[{index + 1}]", "text (put it in quotes)", item)
    return tuple(value)


def _language(fields: Mapping[str, Any], warnings: list[str]) -> str:
    if fields.get("language") is None:
        return ArticleContent().language
    language = _text(fields, "language")
    if language.replace("_", "-").split("-")[0].lower() not in LANGUAGES:
        known = ", ".join(LANGUAGES)
        warnings.append(f"The language “{language}” is not one Copydesk checks ({known}).")
    return language


def _date(fields: Mapping[str, Any], name: str) -> date | None:
    value = fields.get(name)
    expected = "a date written YYYY-MM-DD"
    if value is None:
        return None
    if isinstance(value, datetime):
        raise _wrong(name, expected + " (without a time)", value)
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise _wrong(name, expected + " that exists", value) from None
    raise _wrong(name, expected, value)


def _links(fields: Mapping[str, Any]) -> tuple[RelatedLink, ...]:
    value = fields.get("related_links")
    if value is None:
        return ()
    if not isinstance(value, list):
        raise _wrong("related_links", "a list of links (each with a title and a url)", value)
    return tuple(_link(item, f"related_links[{index + 1}]") for index, item in enumerate(value))


def _link(item: object, name: str) -> RelatedLink:
    fields = _sub_fields(item, name, LINK_FIELDS, "a link with a title and a url")
    return RelatedLink(
        title=_text_value(fields.get("title"), f"{name}.title"),
        url=_text_value(fields.get("url"), f"{name}.url"),
    )


def _sub_fields(
    item: object, name: str, allowed: tuple[str, ...], expected: str
) -> Mapping[str, Any]:
    if not isinstance(item, dict):
        raise _wrong(name, expected, item)
    unknown = [f"“{key}”" for key in item if key not in allowed]
    if unknown:
        raise InvalidArticleFile(
            f"Unknown field in the front matter's “{name}”: {', '.join(unknown)}. It may hold"
            f" only {', '.join(allowed)}."
        )
    return item


def _status(fields: Mapping[str, Any]) -> ArticleStatus:
    value = fields.get("status")
    if value is None:
        return ArticleStatus.DRAFT
    values = [status.value for status in ArticleStatus]
    if not isinstance(value, str) or value not in values:
        raise _wrong("status", f"one of {', '.join(values)}", value)
    return ArticleStatus(value)


def _lead_picture(fields: Mapping[str, Any]) -> LeadPictureUse | None:
    value = fields.get("lead_picture")
    if value is None:
        return None
    expected = f"a picture with {', '.join(LEAD_PICTURE_FIELDS)}"
    lead = _sub_fields(value, "lead_picture", LEAD_PICTURE_FIELDS, expected)
    picture_id = lead.get("picture_id")
    if isinstance(picture_id, bool) or not isinstance(picture_id, int):
        raise _wrong("lead_picture.picture_id", "a whole number (the picture's id)", picture_id)
    illustrative = lead.get("illustrative", False)
    if not isinstance(illustrative, bool):
        raise _wrong("lead_picture.illustrative", "true or false", illustrative)
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
    if not isinstance(value, str) or not _SLUG.fullmatch(value) or len(value) > 200:
        raise _wrong("slug", "lower-case letters, digits and hyphens (“my-article”)", value)
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
        raise _wrong("uuid", "a UUID (“1b4e28ba-2fa1-11d2-883f-0016d3cca427”)", value) from None


def _extra(fields: Mapping[str, Any]) -> dict[str, Any]:
    value = fields.get("extra")
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(key, str) for key in value):
        raise _wrong("extra", "a set of fields with text names", value)
    return value


# ---------------------------------------------------------------------------------------------
# Markdown without front matter: the headline is the first level-1 heading

# "# Title", "# Title #"; not "#hashtag" nor "## Section". Up to three spaces of indent.
_ATX_HEADING = re.compile(r" {0,3}#(?!#)(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*")
_SETEXT_UNDERLINE = re.compile(r" {0,3}=+[ \t]*")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


@dataclass(frozen=True, slots=True)
class _Heading:
    first: int  # index of its first line
    last: int  # index of its last line (the underline of a setext heading)
    text: str


def _without_front_matter(text: str) -> ParsedMarkdown:
    headline, body, warnings = _headline_from_body(text)
    content = ArticleContent(headline=headline, body=body)
    return ParsedMarkdown(content=content, warnings=tuple(warnings))


def _headline_from_body(body: str) -> tuple[str, str, list[str]]:
    """(headline, body without it, warnings)."""
    lines = body.split("\n")
    heading = _first_heading(lines)
    if heading is None:
        return "", body, ["No headline: the file has no “headline” field and no “# ” heading."]
    before, after = lines[: heading.first], lines[heading.last + 1 :]
    if any(line.strip() for line in before):
        warning = "The headline is the first “# ” heading; the text above it stays in the body."
        while before and after and not before[-1].strip() and not after[0].strip():
            after = after[1:]  # one blank line where the heading was, not two
        return heading.text, "\n".join(before + after), [warning]
    while after and not after[0].strip():
        after = after[1:]
    return heading.text, "\n".join(after), []


def _first_heading(lines: list[str]) -> _Heading | None:
    for index, paragraph_start in _prose_lines(lines):
        line = lines[index]
        atx = _ATX_HEADING.fullmatch(line)
        if atx and (atx["text"] or "").strip():
            return _Heading(index, index, atx["text"].strip())
        if _SETEXT_UNDERLINE.fullmatch(line) and paragraph_start < index:
            text = " ".join(part.strip() for part in lines[paragraph_start:index])
            return _Heading(paragraph_start, index, text)
    return None


def _prose_lines(lines: list[str]) -> Iterator[tuple[int, int]]:
    """(index, start of its paragraph) of each line outside fenced code blocks."""
    fence: str | None = None
    paragraph_start = 0
    for index, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening[1][0] == fence[0] and len(opening[1]) >= len(fence):
                fence = None
            paragraph_start = index + 1
            continue
        if opening:
            fence = opening[1]
            paragraph_start = index + 1
            continue
        if not line.strip() or _ATX_HEADING.fullmatch(line):
            paragraph_start = index + 1
            if not line.strip():
                continue
        yield index, paragraph_start


__all__ = [
    "DELIMITER",
    "FIELDS",
    "LEAD_PICTURE_FIELDS",
    "LINK_FIELDS",
    "MAX_FILE_BYTES",
    "MAX_FRONT_MATTER_CHARS",
    "ParsedMarkdown",
    "decode_text",
    "dump_article",
    "dump_front_matter",
    "parse_article",
]
