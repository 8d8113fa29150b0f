"""Splitting a Markdown body into top-level blocks that render independently.

Python-Markdown splits the text at blank lines, then lets some blocks join the element
before them: an indented block continues a list item, a code block or a footnote; a list
after a list of the same kind makes one loose list; a quote after a quote makes one quote.
Fenced code and raw HTML blocks may contain blank lines. A block here is a run of those
chunks that cannot affect each other's neighbours, so rendering each block alone gives what
the whole document gives. When unsure we join: a bigger block is always rendered right.

Everything is found with regular expressions over the whole text (C speed); the Python
loop runs once per blank-line-separated chunk, not per line or word.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from markdown.extensions.attr_list import get_attrs_and_remainder
from markdown.extensions.fenced_code import FencedBlockPreprocessor

TAB_LENGTH = 4

_BLANK_RUN = re.compile(r"\n(?:[ \t]*\n)+")
# Line starts that may open a fence (``` or ~~~); the ``\n`` prefix makes the scan fast.
_FENCE_CANDIDATE = re.compile(r"\n(?=```|~~~)")
_FENCED_BLOCK = FencedBlockPreprocessor.FENCED_BLOCK_RE
# Line starts of list items and quotes (up to three spaces of indentation).
_LIST_LINE = re.compile(r"\n {0,3}(?:[*+-]|\d+\.) +")
_QUOTE_LINE = re.compile(r"\n {0,3}>")
_LIST_START = re.compile(r" {0,3}(?:[*+-]|\d+\.) +")
_QUOTE_START = re.compile(r" {0,3}>")
_DEFINITION_START = re.compile(r" {0,3}\[[^\]]*\]:")
_HTML_CANDIDATE = re.compile(r"\n {0,3}<(!--|[A-Za-z][A-Za-z0-9-]*)")

# Python-Markdown's block-level tags: only these open a raw HTML block at a line start.
_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "canvas",
        "colgroup",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hgroup",
        "hr",
        "html",
        "iframe",
        "legend",
        "li",
        "main",
        "map",
        "math",
        "menu",
        "nav",
        "noscript",
        "object",
        "ol",
        "output",
        "p",
        "pre",
        "progress",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "textarea",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "video",
        "script",
        "style",
    ]
)


@dataclass(frozen=True, slots=True)
class Block:
    """A top-level block: its source text and the 0-based line of its first line."""

    text: str
    line: int


def normalize(body: str) -> str:
    """The text Python-Markdown parses (same lines): newlines unified, tabs expanded."""
    if "\r" in body:
        body = body.replace("\r\n", "\n").replace("\r", "\n")
    if "\t" in body:
        body = body.expandtabs(TAB_LENGTH)
    return body


def split_blocks(body: str) -> list[Block]:
    """The top-level blocks of ``body`` (already normalized with ``normalize``)."""
    text = "\n" + body  # every line now starts after a "\n": one pattern finds them all
    protected = _protected_spans(text)
    chunks = _chunks(text, protected)
    spans = _join_chunks(text, chunks)
    return _blocks(text, spans)


# ---- spans that may contain blank lines ------------------------------------------------


def _protected_spans(text: str) -> list[tuple[int, int]]:
    """Raw HTML blocks, then fenced code outside them (Python-Markdown's order), sorted."""
    html = _html_spans(text) if "<" in text else []
    fences = _fence_spans(text, html) if ("```" in text or "~~~" in text) else []
    return _union(sorted(html + fences))


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _html_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for match in _HTML_CANDIDATE.finditer(text):
        start = match.start() + 1
        if spans and start < spans[-1][1]:
            continue
        name = match.group(1).lower()
        if name == "!--":
            end = text.find("-->", start)
        elif name in _BLOCK_TAGS:
            end = _balanced_end(text, start, name)
        else:
            continue
        spans.append((start, len(text) if end < 0 else _line_end(text, end)))
    return spans


def _balanced_end(text: str, start: int, name: str) -> int:
    """Where the element opened at ``start`` closes (conservatively), or -1."""
    tags = re.compile(rf"<(/?){re.escape(name)}(?=[\s/>])", re.IGNORECASE)
    depth = 0
    for match in tags.finditer(text, start):
        depth += -1 if match.group(1) else 1
        if depth <= 0:
            return match.end()
    return -1


def _fence_spans(text: str, html: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The fenced code blocks, found as Python-Markdown's preprocessor finds them: leftmost
    first, an unclosed fence is no fence."""
    spans: list[tuple[int, int]] = []
    index = 0
    for candidate in _FENCE_CANDIDATE.finditer(text):
        start = candidate.end()
        if start < index or _inside(html, start):
            continue
        match = _FENCED_BLOCK.match(text, start)
        if match is None:
            continue
        if match.group("attrs") and get_attrs_and_remainder(match.group("attrs"))[1]:
            index = match.end("attrs")  # invalid attributes: Python-Markdown skips past them
            continue
        spans.append((start, match.end()))
        index = match.end()
    return spans


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    i = bisect_left(spans, (position + 1,)) - 1
    return i >= 0 and spans[i][0] <= position < spans[i][1]


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end


# ---- chunks and their joining ---------------------------------------------------------


def _chunks(text: str, protected: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Blank-line separated chunks outside protected spans: (start, end) offsets."""
    chunks: list[tuple[int, int]] = []
    start = 1
    # Markdown blanks whitespace-only lines after a newline, so not the first line: there
    # it is content (four spaces make an empty code block).
    first_end = _line_end(text, 1)
    search_from = first_end if text[1:first_end].isspace() else 0
    for blank in _BLANK_RUN.finditer(text, search_from):
        if protected and _inside(protected, blank.start()):
            continue
        if blank.start() > start:
            chunks.append((start, blank.start()))
        start = blank.end()
    end = _line_end(text, len(text.rstrip()))  # trailing spaces of the last line count
    if end > start:
        chunks.append((start, end))
    return chunks


def _join_chunks(text: str, chunks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    lists = [m.start() + 1 for m in _LIST_LINE.finditer(text)]
    quotes = [m.start() + 1 for m in _QUOTE_LINE.finditer(text)] if ">" in text else []
    spans: list[tuple[int, int]] = []
    for start, end in chunks:
        if spans and _continues(text, start, spans[-1], lists, quotes):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _continues(
    text: str, start: int, previous: tuple[int, int], lists: list[int], quotes: list[int]
) -> bool:
    """Whether the chunk at ``start`` may join (or depend on) the block ``previous``."""
    if previous[0] == 1 and text[1 : previous[1]].isspace():
        return True  # a whitespace first line renders only as part of a document
    if text.startswith("    ", start):
        return True  # a list item's paragraph, more code, a footnote's continuation
    if _DEFINITION_START.match(text, start):
        return True  # renders nothing: the next chunk's neighbour is the previous block
    if _LIST_START.match(text, start):
        return _any_between(lists, previous)  # a loose list goes on
    if _QUOTE_START.match(text, start):
        return _any_between(quotes, previous)  # consecutive quotes are one quote
    return False


def _any_between(positions: list[int], span: tuple[int, int]) -> bool:
    i = bisect_left(positions, span[0])
    return i < len(positions) and positions[i] < span[1]


def _blocks(text: str, spans: list[tuple[int, int]]) -> list[Block]:
    blocks: list[Block] = []
    line, counted = 0, 1
    for start, end in spans:
        line += text.count("\n", counted, start)
        counted = start
        blocks.append(Block(text[start:end], line))
    return blocks
