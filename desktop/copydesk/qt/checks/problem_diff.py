"""How the checks panel's list goes from one check's problems to the next one's, row by row.

Typing above a problem moves it (``start``, ``line``…) without making it another problem, so
problems are matched by what they are, not by where: first by code, field, severity and
params, then, among the rows left over, by code and field alone (the headline's length when one
more letter is typed). A sequence alignment, not a dict, so that a repeated problem (the same
misspelt word twice) is matched in order.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from difflib import SequenceMatcher
from typing import Literal

from copydesk.records.problem import Problem

# As SequenceMatcher's opcodes, without "replace": rows [i1, i2) of the old list become rows
# [j1, j2) of the new one. "equal" rows are the same problems, maybe moved or reworded.
Step = tuple[Literal["equal", "delete", "insert"], int, int, int, int]
_Key = Callable[[Problem], Hashable]

# SequenceMatcher is cubic at worst (hundreds of identical typography problems, every other one
# fixed): 10,000 pairs of rows take it some 10 ms, a third of what rebuilding 500 rows costs.
MAX_PAIRS = 10_000


def identity(problem: Problem) -> Hashable:
    """The same problem wherever it is; params say which word, mark or picture."""
    params = tuple(sorted((name, str(value)) for name, value in problem.params.items()))
    return problem.code, problem.field, problem.severity, params


def kind(problem: Problem) -> Hashable:
    """The same kind of problem in the same field: a second chance for rows left over."""
    return problem.code, problem.field


def align(old: Sequence[Problem], new: Sequence[Problem]) -> list[Step] | None:
    """The steps that turn ``old`` into ``new``, in order, covering both lists; None when too
    much changed at once (all typography fixed, another language) for aligning to pay."""
    old_ids = [identity(problem) for problem in old]
    new_ids = [identity(problem) for problem in new]
    # An edit changes the problems around it: the common ends are found in linear time, so the
    # alignment only sees the middle.
    most = min(len(old), len(new))
    prefix = 0
    while prefix < most and old_ids[prefix] == new_ids[prefix]:
        prefix += 1
    suffix = 0
    while suffix < most - prefix and old_ids[-1 - suffix] == new_ids[-1 - suffix]:
        suffix += 1
    if (len(old) - prefix - suffix) * (len(new) - prefix - suffix) > MAX_PAIRS:
        return None
    steps: list[Step] = []
    if prefix:
        steps.append(("equal", 0, prefix, 0, prefix))
    steps += _match(old, new, (prefix, len(old) - suffix), (prefix, len(new) - suffix), [kind])
    if suffix:
        steps.append(("equal", len(old) - suffix, len(old), len(new) - suffix, len(new)))
    return steps


def _match(
    old: Sequence[Problem],
    new: Sequence[Problem],
    old_range: tuple[int, int],
    new_range: tuple[int, int],
    fallbacks: list[_Key],
    key: _Key = identity,
) -> list[Step]:
    (i0, i_end), (j0, j_end) = old_range, new_range
    if i0 == i_end and j0 == j_end:
        return []
    if i0 == i_end:
        return [("insert", i0, i0, j0, j_end)]
    if j0 == j_end:
        return [("delete", i0, i_end, j0, j0)]
    # autojunk would treat a problem found in over 1% of 200 rows as noise: not here.
    matcher = SequenceMatcher(
        None,
        [key(problem) for problem in old[i0:i_end]],
        [key(problem) for problem in new[j0:j_end]],
        autojunk=False,
    )
    steps: list[Step] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        i1, i2, j1, j2 = i1 + i0, i2 + i0, j1 + j0, j2 + j0
        if tag == "equal":
            steps.append(("equal", i1, i2, j1, j2))
        elif tag == "delete":
            steps.append(("delete", i1, i2, j1, j1))
        elif tag == "insert":
            steps.append(("insert", i1, i1, j1, j2))
        elif fallbacks:
            steps += _match(old, new, (i1, i2), (j1, j2), fallbacks[1:], fallbacks[0])
        else:
            steps += [("delete", i1, i2, j1, j1), ("insert", i2, i2, j1, j2)]
    return steps
