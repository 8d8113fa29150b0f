"""Property: patches from random edits rebuild exactly a full render, which is the document
Python-Markdown renders as a whole."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copydesk.rendering.body_patch import BodyPatch
from copydesk.rendering.incremental import IncrementalRenderer, render_blocks
from copydesk.rendering.markdown import markdown_to_html
from copydesk.rendering.pictures import Picture

WORDS = ["mot", "Titre", "l'homme", '"cité"', "*fort*", "_penché_", "`code`", "a|b", "[^1]"]
WORDS += ["[lien](https://example.org)", "[réf][id]", "[id]", "![photo](image:p1)"]

word = st.sampled_from(WORDS)
line = st.lists(word, min_size=1, max_size=6).map(" ".join)
paragraph = st.lists(line, min_size=1, max_size=3).map("\n".join)
heading = st.tuples(st.sampled_from(["#", "##", "###"]), st.sampled_from(["Titre", "Suite"])).map(
    " ".join
)
tight_list = st.lists(line, min_size=1, max_size=3).map(lambda ls: "\n".join(f"- {x}" for x in ls))
loose_list = st.lists(line, min_size=1, max_size=3).map(
    lambda ls: "\n\n".join(f"{i + 1}. {x}" for i, x in enumerate(ls)) + "\n\n    suite"
)
fence = st.lists(line, min_size=1, max_size=3).map(lambda ls: "```\n" + "\n\n".join(ls) + "\n```")
quote = st.lists(line, min_size=1, max_size=2).map(lambda ls: "\n\n".join(f"> {x}" for x in ls))
table = line.map(lambda x: f"| a | b |\n|:--|--:|\n| {x} | 2 |")
picture = st.sampled_from(['![Une photo](image:p1 "Légende")', "![Absente](image:zz)"])
definition = st.sampled_from(["[id]: https://example.org/id", '[id]: https://other.org "T"'])
footnote = st.just("[^1]: Une note.\n    Suite de la note.")
block = st.one_of(paragraph, heading, tight_list, loose_list, fence, quote, table, picture)
block |= st.one_of(definition, footnote)
document = st.lists(block, min_size=1, max_size=8).map("\n\n".join)

INSERTS = ["\n", "\n\n", "```", "```\n", "- ", "1. ", "> ", "    ", "# ", "x", "[id]", '"']
INSERTS += ["[id]: https://e.org\n", "[^1]", "\n\n[^1]: n\n", "|", "*", "~~~\n", "\n\n\n"]
edit = st.tuples(
    st.sampled_from(["insert", "delete"]),
    st.floats(0, 1),
    st.sampled_from(INSERTS),
    st.integers(1, 12),
)

PICTURES = {"p1": Picture("copydesk-media:/p1", "Photo : Ana Lima, CC BY 4.0", 800, 600)}


def apply_edit(text: str, kind: str, where: float, inserted: str, length: int) -> str:
    position = int(where * len(text))
    if kind == "insert":
        return text[:position] + inserted + text[position:]
    return text[:position] + text[position + length :]


def apply_patch(children: list[tuple[int, str]], patch: BodyPatch) -> list[tuple[int, str]]:
    """A model of the preview's DOM: the ops, in order, then the data-lines."""
    htmls = [html for _, html in children]
    for op in patch.ops:
        if op.kind == "insert":
            assert 0 <= op.index <= len(htmls)
            htmls.insert(op.index, op.html)
        elif op.kind == "replace":
            htmls[op.index] = op.html
        else:
            del htmls[op.index]
    assert len(htmls) == len(patch.lines)
    return list(zip(patch.lines, htmls, strict=True))


def squeeze(html: str) -> str:
    return re.sub(r">\s+<", "><", html).strip()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document, st.lists(edit, max_size=8), st.sampled_from(["fr", "en"]))
def test_patches_rebuild_the_full_render(
    start: str, edits: list[tuple[str, float, str, int]], language: str
) -> None:
    renderer = IncrementalRenderer(language, PICTURES.get)
    children: list[tuple[int, str]] = []
    text = start
    for step in [None, *edits]:
        if step is not None:
            text = apply_edit(text, *step)
        children = apply_patch(children, renderer.update(text))
        fresh = render_blocks(text, language, PICTURES.get)
        assert children == [(block.line, block.html) for block in fresh]
    whole = markdown_to_html(text, language, PICTURES.get)
    assert squeeze("".join(html for _, html in children)) == squeeze(whole)


def test_a_heading_whose_text_becomes_a_reference_link_gets_the_linked_id() -> None:
    """Found by the property above: "# Titre[id][id]" alone reads as text, and with the
    document's definition of ``id`` as one link, whose text the heading's id is made of."""
    start = "mot\n\n[id]: https://example.org/id\n\nmot\n\n# Titre"
    renderer = IncrementalRenderer("fr", PICTURES.get)
    children = apply_patch([], renderer.update(start))
    for text in (start + "[id]", start + "[id][id]"):
        children = apply_patch(children, renderer.update(text))
        fresh = render_blocks(text, "fr", PICTURES.get)
        assert children == [(block.line, block.html) for block in fresh]
    assert 'id="titreid"' in children[-1][1]
