"""Where two texts differ: the spans to replace, each as small as it can be.

The editor follows a text saved elsewhere with them (replacing only what changed keeps the
cursor and the view where they were), and the preview patches only the blocks that changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher


def changed_spans(old: str, new: str) -> list[tuple[int, int, str]]:
    """(start, end in ``old``, replacement) of each span that differs, in order: the lines
    that differ, each narrowed to the characters that differ."""
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    old_starts, new_starts = _starts(old_lines), _starts(new_lines)
    spans = []
    matcher = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        old_at, new_at = old_starts[i1], new_starts[j1]
        was, now = old[old_at : old_starts[i2]], new[new_at : new_starts[j2]]
        start, was_end, now_end = _narrowed(was, now)
        spans.append((old_at + start, old_at + was_end, now[start:now_end]))
    return spans


def _starts(lines: list[str]) -> list[int]:
    """Where each line starts, and where the text ends."""
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    return starts


def common_ends(old: Sequence[object], new: Sequence[object]) -> tuple[int, int]:
    """How many items ``old`` and ``new`` share at their start, then at their end (the two
    never overlap)."""
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return prefix, suffix


def _narrowed(old: str, new: str) -> tuple[int, int, int]:
    """(start, end in old, end in new) of the one span where ``old`` and ``new`` differ."""
    start, suffix = common_ends(old, new)
    return start, len(old) - suffix, len(new) - suffix
