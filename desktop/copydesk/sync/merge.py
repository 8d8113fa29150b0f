"""Three-way merge of an article changed on two replicas since a common base revision.

Fields merge against the base: a field only one side changed is taken, both sides making the
same change is no conflict, both changing it differently is one. The body merges by paragraph,
then by word inside a paragraph both sides changed, with ``merge3`` (exact matching: never a
patch that applies fuzzily). Nothing is ever glued together: base "Monday", mine "Tuesday",
theirs "Wednesday" is a conflict, never "TuesdayWednesday". A clean merge becomes a revision
with two parents; anything else stays a conflict for a person.

Pure functions over JSON-able values (``content_to_json``'s dicts), no I/O and no Qt.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeGuard, TypeVar

from merge3 import Merge3

from copydesk.text.fences import closes_fence, opening_fence

T = TypeVar("T")

_BREAK = r"(?:\r\n|\r|\n)"
# A paragraph ends at a blank line (spaces and tabs count as blank) or at the text's last
# line break; the separator is kept whole, so untouched text merges back byte for byte.
_SEPARATOR = re.compile(rf"({_BREAK}(?:[ \t]*{_BREAK})+|{_BREAK}\Z)")
# Words and the spaces between them (no-break spaces included): joined, they are the text.
_WORD = re.compile(r"\s+|\S+")

_CONFLICT = object()  # what a field merge gives when a person must choose

Resolver = Callable[[Sequence[str], Sequence[str], Sequence[str]], "list[str] | None"]


@dataclass(frozen=True, slots=True)
class FieldConflict:
    """A field both sides changed differently, with the three values a person chooses from."""

    field: str
    base: object
    mine: object
    theirs: object


@dataclass(frozen=True, slots=True)
class MergeResult:
    """Every field merged; a conflicting field holds mine's value until a person decides."""

    merged: dict[str, object]
    conflicts: tuple[FieldConflict, ...]

    @property
    def clean(self) -> bool:
        """Whether the merge can be recorded as it is (a revision with two parents)."""
        return not self.conflicts


# ---- fields ---------------------------------------------------------------------------------


def merge_fields(
    base: Mapping[str, object],
    mine: Mapping[str, object],
    theirs: Mapping[str, object],
    *,
    prose_fields: Collection[str] = ("body",),
    list_fields: Collection[str] = (),
) -> MergeResult:
    """Merge field by field. A field absent from one side counts as its base value (None when
    the base lacks it too), so an older replica that does not know a field never erases it."""
    merged: dict[str, object] = {}
    conflicts: list[FieldConflict] = []
    for name in dict.fromkeys([*base, *mine, *theirs]):  # base's order, then new fields
        old = base.get(name)
        ours, others = mine.get(name, old), theirs.get(name, old)
        value = _merge_field(name, (old, ours, others), prose_fields, list_fields)
        if value is _CONFLICT:
            conflicts.append(FieldConflict(name, old, ours, others))
        merged[name] = ours if value is _CONFLICT else value
    return MergeResult(merged, tuple(conflicts))


def _merge_field(
    name: str,
    values: tuple[object, object, object],
    prose_fields: Collection[str],
    list_fields: Collection[str],
) -> object:
    """One field's merged value, or ``_CONFLICT``. Prose and lists get a finer merge only when
    both sides changed them: the plain three-way compare settles every other case."""
    decided = _merge_values(*values)
    if decided is not _CONFLICT:
        return decided
    if name in prose_fields:
        return _merge_prose_value(*values)
    if name in list_fields:
        return _merge_list_value(*values)
    return _CONFLICT


def _merge_values(base: object, mine: object, theirs: object) -> object:
    """The plain three-way compare: the side that changed wins, equal changes agree."""
    if mine == theirs or theirs == base:
        return mine
    return theirs if mine == base else _CONFLICT


def _merge_prose_value(base: object, mine: object, theirs: object) -> object:
    """A text field created on both sides has no base: it merges against the empty text."""
    texts = [side for side in ("" if base is None else base, mine, theirs) if isinstance(side, str)]
    merged = merge_prose(*texts) if len(texts) == 3 else None
    return _CONFLICT if merged is None else merged


def _merge_list_value(base: object, mine: object, theirs: object) -> object:
    """A list created on both sides merges against the empty list."""
    sides = [side for side in ([] if base is None else base, mine, theirs) if _is_list(side)]
    merged = merge_list(*sides) if len(sides) == 3 else None
    return _CONFLICT if merged is None else merged


def _is_list(value: object) -> TypeGuard[Sequence[object]]:
    """JSON lists (tuples too, from a caller's own dicts); a string is no list of items."""
    return isinstance(value, list | tuple)


# ---- prose ----------------------------------------------------------------------------------


def merge_prose(base: str, mine: str, theirs: str) -> str | None:
    """Merge by paragraph, then by word inside a stretch both sides changed; None is a
    conflict. Untouched text comes back byte for byte (spaces, no-break spaces, CRLF)."""
    if mine == theirs or theirs == base:
        return mine
    if mine == base:
        return theirs
    merged = _merge3(paragraphs(base), paragraphs(mine), paragraphs(theirs), _merge_words)
    return None if merged is None else "".join(merged)


def paragraphs(text: str) -> list[str]:
    """Paragraphs and the blank lines between them, as separate pieces that join back into
    ``text``. A fenced code block stays one piece even with blank lines inside it: its lines
    belong together, and a merge must not interleave two versions of a program."""
    pieces: list[str] = []
    fence: str | None = None
    for piece in _SEPARATOR.split(text):
        if fence is not None:
            pieces[-1] += piece
        elif piece:
            pieces.append(piece)
        fence = _fence_after(piece, fence)
    return pieces


def _fence_after(piece: str, fence: str | None) -> str | None:
    """The fence still open after ``piece``, given the one open before it."""
    for line in piece.splitlines():
        if fence is None:
            fence = opening_fence(line)
        elif closes_fence(fence, line):
            fence = None
    return fence


def _merge_words(
    base: Sequence[str], mine: Sequence[str], theirs: Sequence[str]
) -> list[str] | None:
    """A stretch of paragraphs both sides changed (one base range against one range of each
    side, as merge3 aligns them) merges word by word; any overlap left is a conflict, and so
    are two different insertions at one place (a stretch whose base is empty: both sides
    appending a paragraph, or creating the text)."""
    old, ours, others = (_WORD.findall("".join(side)) for side in (base, mine, theirs))
    return _merge3(old, ours, others, _unresolved)


# ---- lists ----------------------------------------------------------------------------------


def merge_list(base: Sequence[T], mine: Sequence[T], theirs: Sequence[T]) -> list[T] | None:
    """Merge a list item by item; None is a conflict. Lists without repeated items (keywords,
    authors, related links) merge as ordered sets: an item either side removed is gone, an
    item either side added is there, so one side adding a keyword while the other removes
    another does both, even side by side. Lists with repeats merge as plain sequences."""
    old, ours, others = list(base), list(mine), list(theirs)
    if ours == others or others == old:
        return ours
    if ours == old:
        return others
    if any(_has_repeats(side) for side in (old, ours, others)):
        return _merge_sequences(old, ours, others)
    return _merge_ordered_sets(old, ours, others)


def _has_repeats(items: list[T]) -> bool:
    # Items may be unhashable (a related link is a [title, url] list): compare, don't hash.
    return any(item in items[:index] for index, item in enumerate(items))


def _merge_ordered_sets(base: list[T], mine: list[T], theirs: list[T]) -> list[T] | None:
    """Membership merges as sets, order three-way: the side that reordered the shared items
    gives the order (both reordering differently is a conflict), and the other side's
    additions go where that side put them."""
    kept = [item for item in base if item in mine and item in theirs]
    if _replaced_both_ways(base, mine, theirs) or _reordered_both_ways(kept, mine, theirs):
        return None
    frame, other = (theirs, mine) if _order(theirs, kept) != kept else (mine, theirs)
    return _weave(_survivors(frame, base, kept), _survivors(other, base, kept))


def _replaced_both_ways(base: list[T], mine: list[T], theirs: list[T]) -> bool:
    """Both sides removed an item and added different ones: the "Monday" trap for lists (a
    keyword corrected two ways must not become both corrections)."""
    dropped = [item for item in base if item not in mine and item not in theirs]
    ours, others = _added(mine, base), _added(theirs, base)
    return bool(dropped and ours and others) and not _same_members(ours, others)


def _reordered_both_ways(kept: list[T], mine: list[T], theirs: list[T]) -> bool:
    ours, others = _order(mine, kept), _order(theirs, kept)
    return ours != kept and others != kept and ours != others


def _weave(frame: list[T], other: list[T]) -> list[T]:
    """Put ``other``'s new items into ``frame``: each right after the item before it on its
    side (after ``frame``'s own new items there, so at one place the frame side's come
    first), and those after all shared items at the end, where lists usually grow."""
    body, tail = _split_tail(other, frame)
    woven = list(frame)
    at = _skip_own(woven, other, 0)
    for item in body:
        if item in woven:
            at = _skip_own(woven, other, woven.index(item) + 1)
        else:
            woven.insert(at, item)
            at += 1
    return woven + tail


def _split_tail(other: list[T], frame: list[T]) -> tuple[list[T], list[T]]:
    """``other`` cut after its last item that ``frame`` also holds."""
    shared = [index for index, item in enumerate(other) if item in frame]
    cut = shared[-1] + 1 if shared else 0
    return other[:cut], other[cut:]


def _skip_own(woven: list[T], other: list[T], at: int) -> int:
    while at < len(woven) and woven[at] not in other:
        at += 1
    return at


def _survivors(side: list[T], base: list[T], kept: list[T]) -> list[T]:
    """The side's items that stay: those both sides kept and those it added."""
    return [item for item in side if item in kept or item not in base]


def _added(side: list[T], base: list[T]) -> list[T]:
    return [item for item in side if item not in base]


def _order(side: list[T], kept: list[T]) -> list[T]:
    return [item for item in side if item in kept]


def _same_members(first: list[T], second: list[T]) -> bool:
    return all(item in second for item in first) and all(item in first for item in second)


def _merge_sequences(base: list[T], mine: list[T], theirs: list[T]) -> list[T] | None:
    """Plain merge3 over items. merge3 wants strings, so each distinct item stands for its
    index in a pool (found by equality: items need not be hashable), followed by a space so
    that joined keys stay apart ("1 12 " is not "11 2 ") when the merge checks itself."""
    pool: list[T] = []
    old, ours, others = ([_key(item, pool) for item in side] for side in (base, mine, theirs))
    merged = _merge3(old, ours, others, _unresolved)
    return None if merged is None else [pool[int(key)] for key in merged]


def _key(item: T, pool: list[T]) -> str:
    if item not in pool:
        pool.append(item)
    return f"{pool.index(item)} "  # int() reads it back, the space included


# ---- merge3 ---------------------------------------------------------------------------------


class _MinimalMatcher:
    """The alignment merge3 diffs each side against the base with: a longest common
    subsequence, so a replaced word reads as that word replaced. difflib's greedy longest
    block can read it as a shift instead ("le le le maire" → "le le maire maire" as a "le"
    deleted and a "maire" inserted further on), which lets two edits of one word merge."""

    def __init__(
        self,
        isjunk: Callable[[str], bool] | None = None,
        a: Sequence[str] = "",
        b: Sequence[str] = "",
        autojunk: bool = False,
    ) -> None:
        self._a, self._b = a, b

    def get_matching_blocks(self) -> list[tuple[int, int, int]]:
        blocks = _blocks(_matches(self._a, self._b))
        return [*blocks, (len(self._a), len(self._b), 0)]


_LCS_CELLS = 250_000  # about 0.1 s of table; a 500-word paragraph changed at both ends


def _matches(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """Matching index pairs. Common ends are matched first (always part of some longest
    common subsequence), so the quadratic table only covers what changed."""
    head = _common_head(a, b)
    tail = _common_head(a[head:][::-1], b[head:][::-1])
    middle = _middle_matches(a[head : len(a) - tail], b[head : len(b) - tail])
    start = [(i, i) for i in range(head)]
    end = [(len(a) - k, len(b) - k) for k in range(tail, 0, -1)]
    return start + [(i + head, j + head) for i, j in middle] + end


def _common_head(a: Sequence[str], b: Sequence[str]) -> int:
    size = 0
    while size < min(len(a), len(b)) and a[size] == b[size]:
        size += 1
    return size


def _middle_matches(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """The exact table while it is small; past that (a very long paragraph rewritten at both
    ends), difflib's heuristic, still checked by aligning both ways (``_merge3``)."""
    if len(a) * len(b) > _LCS_CELLS:
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        blocks = matcher.get_matching_blocks()
        return [(i + k, j + k) for i, j, size in blocks for k in range(size)]
    return _lcs(a, b)


def _lcs(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """A longest common subsequence, walked through the table of suffix lengths."""
    lengths = _suffix_lengths(a, b)
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            pairs.append((i, j))
        i, j = (i + 1, j + 1) if a[i] == b[j] else _step(lengths, i, j)
    return pairs


def _suffix_lengths(a: Sequence[str], b: Sequence[str]) -> list[list[int]]:
    """``lengths[i][j]``: how long a longest common subsequence of a[i:] and b[j:] is."""
    lengths = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in reversed(range(len(a))):
        below, row = lengths[i + 1], lengths[i]
        for j in reversed(range(len(b))):
            row[j] = below[j + 1] + 1 if a[i] == b[j] else max(below[j], row[j + 1])
    return lengths


def _step(lengths: list[list[int]], i: int, j: int) -> tuple[int, int]:
    """Skip the item whose skipping keeps the longer common subsequence (a's on a tie)."""
    return (i + 1, j) if lengths[i + 1][j] >= lengths[i][j + 1] else (i, j + 1)


def _blocks(pairs: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Matching pairs as difflib's blocks: runs of consecutive pairs."""
    blocks: list[tuple[int, int, int]] = []
    for i, j in pairs:
        if blocks and blocks[-1][0] + blocks[-1][2] == i and blocks[-1][1] + blocks[-1][2] == j:
            blocks[-1] = (blocks[-1][0], blocks[-1][1], blocks[-1][2] + 1)
        else:
            blocks.append((i, j, 1))
    return blocks


def _merge3(
    base: Sequence[str], mine: Sequence[str], theirs: Sequence[str], resolve: Resolver
) -> list[str] | None:
    """The merged pieces, or None. Repeated words can make two alignments equally good: in
    "le maire", theirs' "le maire maire" inserts a "maire" before or after the other one,
    touching mine's deletion of "le" or not. Taking one reading could glue edits a person
    meant at one place, so the merge must give the same text aligned from the start and
    from the end (ties broken the other way); when it does not, a person decides."""
    forward = _merge3_once(base, mine, theirs, resolve)
    backward = _merge3_once(base[::-1], mine[::-1], theirs[::-1], _backwards(resolve))
    if forward is None or backward is None or "".join(forward) != "".join(backward[::-1]):
        return None
    return forward


def _backwards(resolve: Resolver) -> Resolver:
    """``resolve`` for a merge run over reversed sequences."""

    def resolved(
        base: Sequence[str], mine: Sequence[str], theirs: Sequence[str]
    ) -> list[str] | None:
        merged = resolve(base[::-1], mine[::-1], theirs[::-1])
        return None if merged is None else merged[::-1]

    return resolved


def _merge3_once(
    base: Sequence[str], mine: Sequence[str], theirs: Sequence[str], resolve: Resolver
) -> list[str] | None:
    """The merged pieces, a region both sides changed going to ``resolve``; None as soon as
    one stays a conflict. merge3 gives each such region as one base range against one range
    of each side, and two different insertions at one place as a region with an empty base."""
    merged: list[str] = []
    merge = Merge3(base, mine, theirs, sequence_matcher=_MinimalMatcher)
    for group in merge.merge_groups():
        part = resolve(group[1], group[2], group[3]) if len(group) == 4 else list(group[1])
        if part is None:
            return None
        merged.extend(part)
    return merged


def _unresolved(base: Sequence[str], mine: Sequence[str], theirs: Sequence[str]) -> None:
    """Nothing finer to try: the region stays a conflict."""
    return None
