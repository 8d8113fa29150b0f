"""Markdown without front matter: the headline is the first level-1 heading outside code,
taken out of the body."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from copydesk.exchange.markdown_file.format import (
    ParsedMarkdown,
)
from copydesk.records.article import (
    ArticleContent,
)
from copydesk.text.fences import closes_fence, opening_fence
from copydesk.translation import _

# ---------------------------------------------------------------------------------------------
# Reading: the text


# ---------------------------------------------------------------------------------------------
# Markdown without front matter: the headline is the first level-1 heading

# "# Title", "# Title #"; not "#hashtag" nor "## Section". Up to three spaces of indent.
_ATX_HEADING = re.compile(r" {0,3}#(?!#)(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*")
_SETEXT_UNDERLINE = re.compile(r" {0,3}=+[ \t]*")


@dataclass(frozen=True, slots=True)
class _Heading:
    first: int  # index of its first line
    last: int  # index of its last line (the underline of a setext heading)
    text: str


def without_front_matter(text: str) -> ParsedMarkdown:
    headline, body, warnings = headline_from_body(text)
    content = ArticleContent(headline=headline, body=body)
    return ParsedMarkdown(content=content, warnings=tuple(warnings))


def headline_from_body(body: str) -> tuple[str, str, list[str]]:
    """(headline, body without it, warnings)."""
    lines = body.split("\n")
    heading = _first_heading(lines)
    if heading is None:
        return "", body, [_("No headline: the file has no “headline” field and no “# ” heading.")]
    before, after = lines[: heading.first], lines[heading.last + 1 :]
    if any(line.strip() for line in before):
        warning = _("The headline is the first “# ” heading; the text above it stays in the body.")
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
        if fence is not None:
            if closes_fence(fence, line):
                fence = None
            paragraph_start = index + 1
            continue
        if opening := opening_fence(line):
            fence = opening
            paragraph_start = index + 1
            continue
        if not line.strip() or _ATX_HEADING.fullmatch(line):
            paragraph_start = index + 1
            if not line.strip():
                continue
        yield index, paragraph_start
