"""Splitting a body into blocks, and the incremental renderer's patches and caches."""

from __future__ import annotations

import re

import pytest

from copydesk.rendering.blocks import normalize, split_blocks
from copydesk.rendering.body_patch import BlockOp
from copydesk.rendering.incremental import (
    IncrementalRenderer,
    diff_children,
    render_blocks,
    render_body,
)
from copydesk.rendering.markdown import markdown_to_html


def split(body: str) -> list[tuple[int, str]]:
    return [(block.line, block.text) for block in split_blocks(normalize(body))]


def squeeze(html: str) -> str:
    return re.sub(r">\s+<", "><", html).strip()


def assert_like_whole_document(body: str, language: str = "fr") -> None:
    blocks = render_blocks(body, language)
    joined = "".join(block.html for block in blocks)
    assert squeeze(joined) == squeeze(markdown_to_html(body, language))


@pytest.mark.parametrize(
    "body, expected",
    [
        ("", []),
        ("\n\n  \n", []),
        ("One.\nStill one.\n\nTwo.", [(0, "One.\nStill one."), (3, "Two.")]),
        ("\n\n\nLate start.\n\n\n\nAfter gaps.\n", [(3, "Late start."), (7, "After gaps.")]),
        ("# Title\n\nText", [(0, "# Title"), (2, "Text")]),
        ("```\ncode\n\n\nmore\n```\n\nafter", [(0, "```\ncode\n\n\nmore\n```"), (7, "after")]),
        ("~~~~\n```\n\n~~~~\n\nx", [(0, "~~~~\n```\n\n~~~~"), (5, "x")]),
        ("```\nnever closed\n\ntext", [(0, "```\nnever closed"), (3, "text")]),
        (
            "- a\n\n- b\n\n    more of b\n\nafter",
            [(0, "- a\n\n- b\n\n    more of b"), (6, "after")],
        ),
        ("1. a\n\n2. b\n\nend", [(0, "1. a\n\n2. b"), (4, "end")]),
        ("> one\n\n> two\n\nend", [(0, "> one\n\n> two"), (4, "end")]),
        ("Text\n\n    code\n\n    more code", [(0, "Text\n\n    code\n\n    more code")]),
        ("Text\n\n\tcode", [(0, "Text\n\n    code")]),
        (
            "| a | b |\n|---|---|\n| 1 | 2 |\n\nx",
            [(0, "| a | b |\n|---|---|\n| 1 | 2 |"), (4, "x")],
        ),
        ("<div>\n\ninside\n\n</div>\n\nafter", [(0, "<div>\n\ninside\n\n</div>"), (6, "after")]),
        ("<!-- a\n\nb -->\n\nafter", [(0, "<!-- a\n\nb -->"), (4, "after")]),
        ("Note[^1].\n\n[^1]: Text\n\n    more", [(0, "Note[^1].\n\n[^1]: Text\n\n    more")]),
        ("- a\n\n[x]: https://x.org\n\n- b", [(0, "- a\n\n[x]: https://x.org\n\n- b")]),
        ("Para\n\n- a\n\nPara", [(0, "Para"), (2, "- a"), (4, "Para")]),
        ("a\r\n\r\nb", [(0, "a"), (2, "b")]),
    ],
)
def test_splitting(body: str, expected: list[tuple[int, str]]) -> None:
    assert split(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "# T\n\npara\n\n# T\n\n## T\n\n- a\n\n- b\n\n    cont\n\n```\ncode\n\n```\n\n> q\n\n> r",
        'See [x][id], [id] and [Multi\nword][].\n\nOther\n\n[id]: https://a.org "t"\n\n'
        "[multi word]: https://m.org\n\n[id]: https://b.org",
        "1. a\n\n2. b\n\n- c\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<div>\n\nx\n\n</div>\n\nz",
        "a\n\n[x]: http://x.org\n\n- b\n\n[y]: http://y.org\n\n- c",
        'Il a dit "oui".\n\n* * *\n\nTitle\n=====\n\n    code\n\n\n\n    more\n\npara',
        "Note[^1] here.\n\n## H\n\nMore[^1] and[^2].\n\n[^1]: The note.\n    more\n\n[^2]: Two.",
        "[TOC]\n\n# A\n\n## B\n\n# A",
        "para\n```\ncode\n\nmore\n```\nafter\n\n```\nunclosed",
    ],
)
def test_blocks_render_like_the_whole_document(body: str) -> None:
    assert_like_whole_document(body)


def test_heading_ids_are_numbered_across_the_document() -> None:
    body = "# Titre\n\nx\n\n## Titre\n\n# Titre_1\n\n### Titre"
    ids = re.findall(r'<h\d id="([^"]+)"', render_body(body))
    assert ids == ["titre", "titre_1", "titre_2", "titre_3"]  # toc's own numbering
    assert ids == re.findall(r'<h\d id="([^"]+)"', markdown_to_html(body))


def test_a_new_heading_renumbers_the_later_ones() -> None:
    renderer = IncrementalRenderer()
    renderer.update("## Suite\n\ntext\n\n## Suite")
    renderer.update("## Suite\n\n## Suite\n\ntext\n\n## Suite")
    ids = re.findall(r'id="([^"]+)"', renderer.body_html())
    assert ids == ["cd-body", "suite", "suite_1", "suite_2"]


def test_a_definition_change_re_renders_only_its_users() -> None:
    renderer = IncrementalRenderer()
    body = "Uses [the site][s].\n\nPlain.\n\n[s]: https://a.org"
    renderer.update(body)
    patch = renderer.update(body.replace("a.org", "b.org"))
    # The definition's own block renders nothing: only the block using it changes.
    assert [(op.kind, op.index) for op in patch.ops] == [("replace", 0)]
    assert 'href="https://b.org"' in patch.ops[0].html


def test_a_one_character_edit_replaces_one_block() -> None:
    renderer = IncrementalRenderer()
    renderer.update("One.\n\nTwo.\n\nThree.")
    patch = renderer.update("One.\n\nTwo!\n\nThree.")
    assert patch.ops == (BlockOp("replace", 1, "<p>Two!</p>"),)
    assert patch.lines == (0, 2, 4)
    assert renderer.update("One.\n\nTwo!\n\nThree.").empty


def test_enter_splits_a_block_and_shifts_the_lines() -> None:
    renderer = IncrementalRenderer()
    renderer.update("One.\n\nTwo three.\n\nFour.")
    patch = renderer.update("\nOne.\n\nTwo\n\nthree.\n\nFour.")
    assert [(op.kind, op.index) for op in patch.ops] == [("replace", 1), ("insert", 2)]
    assert patch.lines == (1, 3, 5, 7)


def test_diff_children() -> None:
    assert diff_children(["a", "b", "c"], ["a", "c"]) == (BlockOp("remove", 1),)
    assert diff_children([], ["a"]) == (BlockOp("insert", 0, "a"),)
    assert diff_children(["a", "b"], ["x", "y", "b"]) == (
        BlockOp("replace", 0, "x"),
        BlockOp("insert", 1, "y"),
    )


def test_the_body_element_holds_one_wrapper_per_block() -> None:
    html = render_body("# T\n\nText")
    assert html == (
        '<div id="cd-body" class="cd-body">\n'
        '<div class="cd-block" data-line="0"><h1 id="t">T</h1></div>\n'
        '<div class="cd-block" data-line="2"><p>Text</p></div>\n</div>'
    )
    assert render_body("") == '<div id="cd-body" class="cd-body"></div>'


def test_footnotes_render_with_the_whole_document() -> None:
    renderer = IncrementalRenderer()
    renderer.update("A[^n].\n\nB.\n\n[^n]: Note.")
    patch = renderer.update("A[^n].\n\nB[^n].\n\n[^n]: Note.")
    # The second reference adds a backlink to the list in the last block.
    assert [(op.kind, op.index) for op in patch.ops] == [("replace", 1)]
    assert 'id="fnref2:n"' in patch.ops[0].html and 'href="#fnref2:n"' in patch.ops[0].html
