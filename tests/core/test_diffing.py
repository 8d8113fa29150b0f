"""Readable differences between revisions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk.articles.diffing import (
    Change,
    Segment,
    apply_segments,
    diff_articles,
    diff_text,
)
from copydesk.text.spans import changed_spans, common_ends
from tests.helpers import FULL_CONTENT as FULL

UNFOLDED = 10**9


def test_a_corrected_word_shows_as_one_word_out_and_one_in() -> None:
    segments = diff_text("Le maire a signé le budget.\n", "Le maire a voté le budget.\n")
    assert Segment(Change.REMOVED, "signé") in segments
    assert Segment(Change.ADDED, "voté") in segments
    assert Segment(Change.SAME, "Le maire a ") in segments


def test_added_and_removed_paragraphs() -> None:
    old = "Un.\n\nDeux.\n\nTrois.\n"
    new = "Un.\n\nTrois.\n\nQuatre.\n"
    segments = diff_text(old, new, context=UNFOLDED)
    assert apply_segments(segments, Change.REMOVED) == old
    assert apply_segments(segments, Change.ADDED) == new
    assert any(s.change is Change.REMOVED and "Deux" in s.text for s in segments)
    assert any(s.change is Change.ADDED and "Quatre" in s.text for s in segments)


def test_long_unchanged_stretches_are_folded_with_context() -> None:
    lines = [f"Paragraphe {n}.\n" for n in range(40)]
    changed = lines.copy()
    changed[20] = "Paragraphe modifié.\n"
    segments = diff_text("".join(lines), "".join(changed), context=1)
    folded = [int(s.text) for s in segments if s.change is Change.FOLDED]
    assert folded == [19, 18]
    assert segments[1].change is Change.SAME
    assert segments[1].text.startswith("Paragraphe 19.\nParagraphe ")  # one line of context
    assert "Paragraphe 18." not in "".join(s.text for s in segments)


def test_only_changed_fields_are_listed() -> None:
    new = FULL.replace(headline="Nouveau titre", authors=("Olga Demidenko",))
    diffs = diff_articles(FULL, new)
    assert [d.field for d in diffs] == ["headline", "authors"]
    assert diff_articles(FULL, FULL) == []


def test_a_huge_rewrite_stays_quick_and_whole() -> None:
    old = " ".join(f"mot{n}" for n in range(30_000))
    new = " ".join(f"autre{n}" for n in range(30_000))
    segments = diff_text(old, new)
    assert apply_segments(segments, Change.REMOVED) == old
    assert apply_segments(segments, Change.ADDED) == new


@given(st.text(alphabet="ab \n.é", max_size=60), st.text(alphabet="ab \n.é", max_size=60))
def test_both_sides_can_be_read_back_from_an_unfolded_diff(old: str, new: str) -> None:
    segments = diff_text(old, new, context=UNFOLDED)
    assert apply_segments(segments, Change.REMOVED) == old
    assert apply_segments(segments, Change.ADDED) == new


SPAN_CASES = [
    ("un deux trois", "un deux trois"),
    ("", "Tout neuf.\n\nDeux paragraphes."),
    ("Premier.\n\nDeuxième.\n\nTroisième.", "Premier !\n\nTroisième.\n\nQuatrième."),
    ("Émoji 🎉 avant.\n\nFin.", "Émoji 🎉🎉 avant.\n\nFin changée."),
    ("a\nb\nc\n", "x\na\nb\nc\ny\n"),
]


@pytest.mark.parametrize(("before", "after"), SPAN_CASES)
def test_changed_spans_rebuild_the_new_text(before: str, after: str) -> None:
    spans = changed_spans(before, after)
    rebuilt, done = [], 0
    for start, end, replacement in spans:
        rebuilt += [before[done:start], replacement]
        done = end
    assert "".join([*rebuilt, before[done:]]) == after
    if before == after:
        assert spans == []


def test_changed_spans_touch_only_what_differs() -> None:
    body = "\n\n".join(f"Paragraphe {n}." for n in range(100))
    changed = "Avant. " + body.replace("Paragraphe 50.", "Paragraphe cinquante.") + " Après."
    assert changed_spans(body, changed) == [
        (0, 0, "Avant. "),
        (body.index("50."), body.index("50.") + 2, "cinquante"),
        (len(body), len(body), " Après."),
    ]


def test_common_ends_never_overlap() -> None:
    assert common_ends("abcabc", "abc") == (3, 0)
    assert common_ends([1, 2, 3], [1, 9, 3]) == (1, 1)
    assert common_ends("", "x") == (0, 0)
