"""The supplier's instructions in the window: read out restriction by restriction in the
credit editor and the credits pane, the rights fields that are choices, and a mandatory credit
fixed in one click."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from copydesk.articles import store as articles
from copydesk.pictures import store as images
from copydesk.pictures.operations import import_files
from copydesk.qt.checks.messages import problem_message
from copydesk.qt.pictures.credit_editor import CreditEditor
from copydesk.records.article import ArticleContent, LeadPictureUse
from copydesk.records.picture import PictureMetadata
from tests.helpers import opened
from tests.qt.conftest import MakeWindow
from tests.qt.test_article_credits import jpeg, listing

HANDOUT = PictureMetadata(
    source="US Navy",
    licence_id="handout",
    special_instructions=(
        "HANDOUT PHOTO. MANDATORY CREDIT: US Navy/Handout. ONE TIME USE ONLY; NO ARCHIVES. "
        "Call the desk first"
    ),
    description="The ship in port.",
    model_release_status="http://ns.useplus.org/ldf/vocab/MR-NAP",
)


def test_the_credit_editor_reads_out_the_instructions_and_fixes_the_credit(
    qtbot: QtBot,
) -> None:
    editor = CreditEditor()
    qtbot.addWidget(editor)
    editor.show()
    editor.set_judgement("en", commercial=False)
    editor.show_picture("navy.jpg", HANDOUT)
    shown = editor.instructions.text()
    assert editor.instructions.isVisible()
    for line in (
        "Handout",
        "Mandatory credit — US Navy/Handout",
        "One-time use",
        "No archives",
        "To read: Call the desk first",
    ):
        assert f"• {line}" in shown
    assert editor.texts["special_instructions"].toPlainText() == HANDOUT.special_instructions
    assert editor.model_release.currentText() == "Not applicable"
    assert editor.rights_marked.currentData() == ""

    # The mandatory credit is missing from the composed one: the first fix prints it.
    assert editor.fix_button.isEnabled()
    with qtbot.waitSignal(editor.fix_requested) as fixed:
        editor.fix_button.click()
    assert fixed.args == [{"credit_line": "US Navy/Handout", "credit_override": ""}]

    # The choices are committed with the rest.
    editor.rights_marked.setCurrentIndex(editor.rights_marked.findData("True"))
    with qtbot.waitSignal(editor.committed) as committed:
        editor.rights_marked.activated.emit(editor.rights_marked.currentIndex())
    assert committed.args[1].rights_marked == "True"

    editor.show_picture("plain.jpg", PictureMetadata(creator="Ana Lima"))
    assert editor.instructions.isHidden()


def test_the_credits_pane_shows_the_pictures_instructions(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, tmp_path: Path
) -> None:
    with opened(library_path, sample=True) as library:
        report = import_files(library, [jpeg(tmp_path / "navy.jpg", (20, 60, 120))])
        (picture_id,) = report.picture_ids
        with library.write() as session:
            images.update_metadata(session, picture_id, HANDOUT)
    window = make_window(library_path)
    window.article_pictures.set_lead(listing(window, picture_id))
    pane = window.credits_pane
    qtbot.waitUntil(lambda: pane.instructions.isVisible(), timeout=5_000)
    assert "• One-time use" in pane.instructions.text()
    assert "• Mandatory credit — US Navy/Handout" in pane.instructions.text()


def test_the_checks_panel_names_a_one_time_picture_used_in_a_second_article(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, tmp_path: Path
) -> None:
    with opened(library_path, sample=True) as library:
        report = import_files(library, [jpeg(tmp_path / "navy.jpg", (20, 60, 120))])
        (picture_id,) = report.picture_ids
        with library.write() as session:
            images.update_metadata(session, picture_id, HANDOUT.replace(credit_line="US Navy"))
            first = ArticleContent(
                headline="Le navire arrive",
                lead_picture=LeadPictureUse(picture_id, "Le navire.", "Un navire"),
            )
            articles.create_article(session, first)
            articles.create_article(session, ArticleContent(headline="Le navire repart"))
    window = make_window(library_path)
    assert window.current is not None and window.current.content.headline == "Le navire repart"
    window.article_pictures.set_lead(listing(window, picture_id))

    def once() -> list[str]:
        return [
            problem_message(problem)
            for problem in window.checks_panel.problems()
            if problem.code == "picture.instructions.one_time_use"
        ]

    qtbot.waitUntil(lambda: bool(once()), timeout=5_000)
    assert "“Le navire arrive” used it first" in once()[0]
    # The credits pane says so too: the picture is in error here.
    pane = window.credits_pane
    qtbot.waitUntil(lambda: "“Le navire arrive” used it first" in pane.status_label.text())
    assert "error" in pane.list.item(0).text()
