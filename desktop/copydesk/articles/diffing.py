"""Readable differences between two versions of an article, for the history panel.

Prose is compared paragraph by paragraph, then word by word inside changed paragraphs, so
a corrected typo shows as one word struck out and one inserted rather than as a whole new
paragraph. Long unchanged stretches are folded away.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from copydesk.records.article import ArticleContent
from copydesk.translation import _

# Word-level diffs beyond this many tokens on either side are shown as whole paragraphs:
# SequenceMatcher is quadratic in the worst case.
MAX_WORD_DIFF_TOKENS = 4000
_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


class Change(StrEnum):
    SAME = "same"
    ADDED = "added"
    REMOVED = "removed"
    FOLDED = "folded"  # unchanged lines left out; ``text`` holds how many


@dataclass(frozen=True, slots=True)
class Segment:
    change: Change
    text: str


@dataclass(frozen=True, slots=True)
class FieldDiff:
    field: str
    segments: tuple[Segment, ...]


# The order the history panel shows fields in.
FIELDS = (
    "headline",
    "kicker",
    "standfirst",
    "authors",
    "dateline_date",
    "edition",
    "language",
    "status",
    "advertising",
    "keywords",
    "body",
    "related_title",
    "related_links",
)


def diff_articles(old: ArticleContent, new: ArticleContent, *, context: int = 1) -> list[FieldDiff]:
    """The fields that differ from ``old`` to ``new``, each with its changes."""
    diffs = []
    for field in FIELDS:
        before, after = field_text(old, field), field_text(new, field)
        if before != after:
            diffs.append(FieldDiff(field, tuple(diff_text(before, after, context=context))))
    return diffs


def field_text(content: ArticleContent, field: str) -> str:
    value = getattr(content, field)
    if field in ("authors", "keywords"):
        return ", ".join(value)
    if field == "related_links":
        return "\n".join(f"{link.title} <{link.url}>" for link in value)
    if field == "advertising":
        return _("Advertising") if value else ""
    if value is None:
        return ""
    return str(value)


def diff_text(old: str, new: str, *, context: int = 1) -> list[Segment]:
    """Line by line, then word by word inside replaced lines; unchanged runs longer than
    ``2 * context + 1`` lines are folded."""
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    segments: list[Segment] = []
    matcher = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            segments.extend(
                _folded(old_lines[i1:i2], context, first=i1 == 0, last=i2 == len(old_lines))
            )
        elif tag == "replace":
            segments.extend(diff_words("".join(old_lines[i1:i2]), "".join(new_lines[j1:j2])))
        elif tag == "delete":
            segments.append(Segment(Change.REMOVED, "".join(old_lines[i1:i2])))
        else:
            segments.append(Segment(Change.ADDED, "".join(new_lines[j1:j2])))
    return _merged(segments)


def diff_words(old: str, new: str) -> list[Segment]:
    old_tokens, new_tokens = _TOKEN.findall(old), _TOKEN.findall(new)
    if max(len(old_tokens), len(new_tokens)) > MAX_WORD_DIFF_TOKENS:
        return [Segment(Change.REMOVED, old), Segment(Change.ADDED, new)]
    segments = []
    matcher = SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            segments.append(Segment(Change.SAME, "".join(old_tokens[i1:i2])))
            continue
        if i2 > i1:
            segments.append(Segment(Change.REMOVED, "".join(old_tokens[i1:i2])))
        if j2 > j1:
            segments.append(Segment(Change.ADDED, "".join(new_tokens[j1:j2])))
    return segments


def apply_segments(segments: list[Segment] | tuple[Segment, ...], side: Change) -> str:
    """The text on one side of an unfolded diff (tests use it to check nothing is lost)."""
    keep = {Change.SAME, side}
    return "".join(segment.text for segment in segments if segment.change in keep)


def _folded(lines: list[str], context: int, *, first: bool, last: bool) -> list[Segment]:
    """Keep ``context`` lines next to each change; fold the rest."""
    head = 0 if first else context
    tail = 0 if last else context
    if len(lines) <= 2 * context + 1 or len(lines) <= head + tail + 1:
        return [Segment(Change.SAME, "".join(lines))]
    segments = []
    if head:
        segments.append(Segment(Change.SAME, "".join(lines[:head])))
    segments.append(Segment(Change.FOLDED, str(len(lines) - head - tail)))
    if tail:
        segments.append(Segment(Change.SAME, "".join(lines[-tail:])))
    return segments


def _merged(segments: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for segment in segments:
        if not segment.text:
            continue
        if merged and merged[-1].change == segment.change and segment.change != Change.FOLDED:
            merged[-1] = Segment(segment.change, merged[-1].text + segment.text)
        else:
            merged.append(segment)
    return merged
