"""Find and replace on plain text (the find bar's engine)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk.text.search import (
    SearchError,
    SearchOptions,
    compile_search,
    find_spans,
    replace_all,
)
from copydesk.text.stats import count_words


def spans(query: str, text: str, **options: bool) -> list[tuple[int, int]]:
    return find_spans(compile_search(query, SearchOptions(**options)), text)


def test_plain_search_ignores_case_and_treats_symbols_literally() -> None:
    assert spans("a.b", "A.B axb a.b") == [(0, 3), (8, 11)]
    assert spans("a.b", "A.B axb a.b", match_case=True) == [(8, 11)]


def test_whole_word_works_with_queries_that_start_with_a_symbol() -> None:
    assert spans("mer", "mer amer merle mer-ferry", whole_word=True) == [(0, 3), (15, 18)]
    assert spans("(AFP)", "x (AFP) y", whole_word=True) == [(2, 7)]


def test_regular_expressions_and_their_errors() -> None:
    assert spans(r"^\d+", "12 a\n34 b", regex=True) == [(0, 2), (5, 7)]
    with pytest.raises(SearchError, match="missing \\)"):
        compile_search("(a", SearchOptions(regex=True))


def test_empty_matches_are_skipped() -> None:
    assert spans("x*", "axxb", regex=True) == [(1, 3)]


def test_replace_all_expands_groups_in_regex_mode_only() -> None:
    pattern = compile_search(r"(\w+)@", SearchOptions(regex=True))
    assert replace_all("a@ b@", pattern, r"<\1>", regex=True) == "<a> <b>"
    literal = compile_search("a", SearchOptions())
    assert replace_all("banana", literal, r"\1", regex=False) == r"b\1n\1n\1"
    with pytest.raises(SearchError):
        replace_all("a@", pattern, r"\2", regex=True)


@given(st.text(alphabet="ab*_[]()\n -’'é#:/", max_size=80))
def test_replace_all_agrees_with_re_sub_on_non_empty_matches(text: str) -> None:
    pattern = compile_search("a+", SearchOptions(regex=True))
    assert replace_all(text, pattern, "<\\g<0>>", regex=True) == re.sub("a+", "<\\g<0>>", text)


@given(st.text(alphabet="ab ’'-\n[]()h:/.é_", max_size=80))
def test_words_counted_line_by_line_add_up_to_the_whole(text: str) -> None:
    """The body's figures count each line apart (and remember it): that must not change
    the total."""
    assert sum(count_words(line) for line in text.split("\n")) == count_words(text)
