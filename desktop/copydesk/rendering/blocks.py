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
from bisect import bisect_left, bisect_right
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
    """A top-level block: its source text, the 0-based line of its first line and the
    offset of its first character in the (normalized) body."""

    text: str
    line: int
    start: int = 0

    @property
    def end(self) -> int:
        return self.start + len(self.text)


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
        if spans and _continues(text, (start, end), spans[-1], lists, quotes):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _continues(
    text: str,
    chunk: tuple[int, int],
    previous: tuple[int, int],
    lists: list[int],
    quotes: list[int],
) -> bool:
    """Whether ``chunk`` may join (or depend on) the block ``previous``."""
    start, end = chunk
    if previous[0] == 1 and text[1 : previous[1]].isspace():
        return True  # a whitespace first line renders only as part of a document
    if text.startswith("    ", start):
        return True  # a list item's paragraph, more code, a footnote's continuation
    if _DEFINITION_START.match(text, start, end):  # Markdown reads it within its chunk
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
        blocks.append(Block(text[start:end], line, start - 1))  # text has a leading "\n"
    return blocks


# ---- successive versions ---------------------------------------------------------------

# What fenced code and raw HTML blocks are made of: an edit whose lines hold none of these
# cannot open, close or move a span that may hold blank lines. (Not ">" alone: typing in a
# quote stays quick, and a tag that ">" would end starts with "<".)
_SPAN_CHARACTER = re.compile(r"[`~<]|-->")
# How many more blocks a window may take in when the edit joins the blocks after it.
_EXTRA_BLOCKS = 4


class BlockSplitter:
    """Splits successive versions of one body as ``split_blocks`` does, re-splitting only
    the blocks around what changed since the previous version.

    The window re-split starts one block before the edit (the edited text may now join
    that block: a list item, an indented paragraph) and ends one block after it; that last
    block must come out as it was (then the blocks after it cannot have changed), else the
    window grows by a block, a few times. An edit whose lines hold fence or HTML characters
    falls back to a full split: it may open or close a span far from it.
    """

    def __init__(self) -> None:
        self._text: str | None = None
        self._blocks: list[Block] = []

    def split(self, text: str) -> list[Block]:
        """The blocks of ``text`` (normalized with ``normalize``)."""
        blocks = self._resplit(text) if self._text is not None else None
        if blocks is None:
            blocks = split_blocks(text)
        self._text, self._blocks = text, blocks
        return blocks

    def _resplit(self, new: str) -> list[Block] | None:
        old, blocks = self._text, self._blocks
        assert old is not None
        if new == old:
            return blocks
        if not blocks:
            return None
        prefix = common_prefix_length(old, new)
        suffix = common_suffix_length(old, new, min(len(old), len(new)) - prefix)
        first_line = old.rfind("\n", 0, prefix) + 1
        old_last = _line_end(old, len(old) - suffix)
        new_last = _line_end(new, len(new) - suffix)
        if _SPAN_CHARACTER.search(old, first_line, old_last) or _SPAN_CHARACTER.search(
            new, first_line, new_last
        ):
            return None
        starts = [block.start for block in blocks]
        first = max(0, bisect_right(starts, first_line) - 2)
        after = bisect_right(starts, old_last)  # the first block wholly after the edit
        for last in range(after, min(after + _EXTRA_BLOCKS, len(blocks)) + 1):
            window = self._window(new, first, last)
            if window is not None:
                return window
        return None

    def _window(self, new: str, first: int, last: int) -> list[Block] | None:
        """The blocks when blocks ``first`` to ``last`` are split again (``last`` past the
        end: to the end of the text), or None when block ``last`` did not survive."""
        blocks = self._blocks
        shift = len(new) - len(self._text or "")
        window_start = blocks[first].start if first else 0
        window_end = blocks[last].end + shift if last < len(blocks) else len(new)
        line_offset = blocks[first].line if first else 0
        window = [
            Block(block.text, block.line + line_offset, block.start + window_start)
            for block in split_blocks(new[window_start:window_end])
        ]
        if last == len(blocks):
            return blocks[:first] + window
        kept = blocks[last]
        if not window or window[-1].text != kept.text or window[-1].start != kept.start + shift:
            return None  # the edit reached block ``last``: a wider window may still do
        line_shift = window[-1].line - kept.line
        if shift == 0 and line_shift == 0:
            return blocks[:first] + window + blocks[last + 1 :]
        moved = [
            Block(block.text, block.line + line_shift, block.start + shift)
            for block in blocks[last + 1 :]
        ]
        return blocks[:first] + window + moved


def common_prefix_length(a: str, b: str) -> int:
    """How many leading characters ``a`` and ``b`` share (slices compare at C speed)."""
    low, high = 0, min(len(a), len(b))
    while low < high:  # a[:low] == b[:low]
        middle = (low + high + 1) // 2
        if a.startswith(b[low:middle], low):
            low = middle
        else:
            high = middle - 1
    return low


def common_suffix_length(a: str, b: str, limit: int) -> int:
    """How many trailing characters ``a`` and ``b`` share, at most ``limit``."""
    low, high = 0, limit
    end_a, end_b = len(a), len(b)
    while low < high:  # the last ``low`` characters agree
        middle = (low + high + 1) // 2
        if a.endswith(b[end_b - middle : end_b - low], 0, end_a - low):
            low = middle
        else:
            high = middle - 1
    return low
