"""The preview's document: body edits become patches, anything else a whole render."""

from __future__ import annotations

from copydesk.rendering.article import render_article
from copydesk.rendering.preview_document import PreviewDocument
from tests.helpers import FULL_CONTENT


def test_the_first_update_and_a_new_generation_render_the_whole_article() -> None:
    document = PreviewDocument()
    first = document.update(FULL_CONTENT, generation=1)
    assert first.html == render_article(FULL_CONTENT) and first.patch is None
    again = document.update(FULL_CONTENT, generation=2)
    assert again.html is not None


def test_a_body_edit_is_a_patch_of_the_changed_block_only() -> None:
    document = PreviewDocument()
    document.update(FULL_CONTENT, generation=1)
    edited = FULL_CONTENT.replace(body=FULL_CONTENT.body.replace("Texte.", "Texte modifié."))
    update = document.update(edited, generation=1)
    assert update.html is None and update.patch is not None
    assert [(op.kind, op.index) for op in update.patch.ops] == [("replace", 2)]
    assert "Texte modifié." in update.patch.ops[0].html
    assert document.update(edited, generation=1).patch.empty  # type: ignore[union-attr]


def test_a_change_outside_the_body_renders_the_whole_article() -> None:
    document = PreviewDocument()
    document.update(FULL_CONTENT, generation=1)
    for changed in (
        FULL_CONTENT.replace(headline="Autre titre"),
        FULL_CONTENT.replace(language="en"),
        FULL_CONTENT.replace(authors=("Jean Roy",)),
    ):
        update = document.update(changed, generation=1)
        assert update.html == render_article(changed)
