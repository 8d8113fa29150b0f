"""Splitting successive versions of a body: the re-split around an edit gives exactly the
blocks a full split gives, and a keystroke in a long body only re-splits a few blocks."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copydesk.rendering import blocks as blocks_module
from copydesk.rendering.blocks import (
    Block,
    BlockSplitter,
    common_prefix_length,
    common_suffix_length,
    normalize,
    split_blocks,
)

full_split = split_blocks

# Blocks of every kind, fences and raw HTML included, and pieces that make and break them.
line = st.lists(st.sampled_from(["mot", "Titre", "`c`", "<b>", "x"]), min_size=1, max_size=4)
text_line = line.map(" ".join)
lines = st.lists(text_line, min_size=1, max_size=3)
block = st.one_of(
    lines.map("\n".join),
    lines.map(lambda ls: "\n".join(f"- {x}" for x in ls)),
    lines.map(lambda ls: "\n".join(f"> {x}" for x in ls)),
    lines.map(lambda ls: "\n".join(f"    {x}" for x in ls)),
    lines.map(lambda ls: "```\n" + "\n\n".join(ls) + "\n```"),
    lines.map(lambda ls: "<div>\n" + "\n\n".join(ls) + "\n</div>"),
    st.sampled_from(["# Titre", "[id]: /u", "[^1]: note", "<!-- c -->", "1. un"]),
)
document = st.lists(block, max_size=8).map("\n\n".join)
PIECES = ["x", "mot ", "\n", "\n\n", "  \n", "- ", "1. ", "> ", "    ", "\t", "# ", "[id]: /u"]
PIECES += ["```", "```\n", "~~~\n", "<div>", "</div>", "<div ", "</div\n", "<!--", "-->", "{.c}"]
edit = st.tuples(
    st.floats(0, 1),  # where
    st.booleans(),  # at the start of that line
    st.integers(0, 6),  # how many characters go
    st.lists(st.sampled_from(PIECES), max_size=2).map("".join),  # what comes in
)


def edited(text: str, where: float, line_start: bool, removed: int, inserted: str) -> str:
    position = int(where * len(text))
    if line_start:
        position = text.rfind("\n", 0, position) + 1
    return normalize(text[:position] + inserted + text[position + removed :])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document, st.lists(edit, min_size=1, max_size=12))
def test_resplitting_after_random_edits_equals_a_full_split(start: str, edits: list) -> None:
    splitter = BlockSplitter()
    text = normalize(start)
    assert splitter.split(text) == split_blocks(text)
    for where, line_start, removed, inserted in edits:
        text = edited(text, where, line_start, removed, inserted)
        assert splitter.split(text) == split_blocks(text), repr(text)


def paragraphs(count: int) -> str:
    return "\n\n".join(f"Paragraphe {i} avec quelques mots." for i in range(count))


@pytest.mark.parametrize(
    "before, after",
    [
        # a paragraph becomes an item of the list before it (a loose list)
        ("- un\n- deux\n\nTrois\n\nQuatre", "- un\n- deux\n\n- Trois\n\nQuatre"),
        # typing on the blank line between two blocks joins them
        ("Un\n\nDeux\n\nTrois\n\nQuatre", "Un\nx\nDeux\n\nTrois\n\nQuatre"),
        # an indented chunk continues the block before it
        ("Un\n\nDeux\n\nTrois", "Un\n\n    Deux\n\nTrois"),
        # a fence opened far above now closes below: everything between is code
        ("```\nUn\n\nDeux\n\nTrois\n\nQuatre", "```\nUn\n\nDeux\n\nTrois\n```\n\nQuatre"),
        # an unclosed HTML block swallows the rest of the body
        ("Un\n\nDeux\n\nTrois", "Un\n\n<div>Deux\n\nTrois"),
        # a blank line inside fenced code is not a block boundary
        ("```\nUn\nDeux\n```\n\nTrois", "```\nUn\n\nDeux\n```\n\nTrois"),
        # the first line becomes whitespace
        ("Un\n\nDeux", "    \nUn\n\nDeux"),
    ],
)
def test_edits_that_reach_other_blocks(before: str, after: str) -> None:
    splitter = BlockSplitter()
    splitter.split(before)
    assert splitter.split(after) == split_blocks(after)


def record_splits(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """From now on, the length of every text ``split_blocks`` is given."""
    lengths: list[int] = []

    def recording_split(text: str) -> list[Block]:
        lengths.append(len(text))
        return full_split(text)

    monkeypatch.setattr(blocks_module, "split_blocks", recording_split)
    return lengths


def test_a_keystroke_in_a_long_body_resplits_only_nearby_blocks(monkeypatch) -> None:
    body = paragraphs(2_000)
    splitter = BlockSplitter()
    splitter.split(body)
    split_lengths = record_splits(monkeypatch)
    middle = len(body) // 2
    typed = body[:middle] + "é" + body[middle:]
    result = splitter.split(typed)
    assert result == full_split(typed)
    assert split_lengths and max(split_lengths) < 200  # a few paragraphs, not 70,000 chars
    split_lengths.clear()
    entered = typed[:middle] + "\n" + typed[middle:]  # lines below shift by one
    result = splitter.split(entered)
    assert result == full_split(entered)
    assert max(split_lengths) < 200
    assert result[-1].line == full_split(body)[-1].line + 1


def test_a_fence_typed_anywhere_splits_the_whole_body_again(monkeypatch) -> None:
    body = paragraphs(50)
    splitter = BlockSplitter()
    splitter.split(body)
    split_lengths = record_splits(monkeypatch)
    fenced = body.replace("Paragraphe 10 ", "```\nParagraphe 10 ", 1)
    assert splitter.split(fenced) == full_split(fenced)
    assert split_lengths == [len(fenced)]


@pytest.mark.parametrize(
    "a, b", [("", ""), ("abc", "abd"), ("abc", "abc"), ("abc", "ab"), ("xyz", "abc"), ("aa", "aaa")]
)
def test_common_prefix_and_suffix(a: str, b: str) -> None:
    prefix = common_prefix_length(a, b)
    assert a[:prefix] == b[:prefix]
    assert prefix == min(len(a), len(b)) or a[prefix] != b[prefix]
    limit = min(len(a), len(b)) - prefix
    suffix = common_suffix_length(a, b, limit)
    assert suffix <= limit
    assert a[len(a) - suffix :] == b[len(b) - suffix :]
    assert suffix == limit or a[len(a) - suffix - 1] != b[len(b) - suffix - 1]
