"""The checks panel and the fixes it leads to, in the editor's widgets."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from copydesk.articles.checks import NBSP, NNBSP, check_article, fix_all
from copydesk.articles.spelling_checks import spelling_problems
from copydesk.preferences import Preferences
from copydesk.qt.checks.messages import known_codes, problem_message
from copydesk.qt.checks.panel import ChecksPanel
from copydesk.qt.editor.text_fixes import (
    apply_text_fix,
    shift_position,
    utf16_positions,
    widget_text,
)
from copydesk.records.article import ArticleContent
from copydesk.records.problem import Problem, TextFix
from copydesk.text.spelling import open_speller
from copydesk.text.typography import Edit

ARTICLE = ArticleContent(
    headline="Titre : un",
    standfirst="",
    body="Il a dit qu'il viendrait.\n\nQuoi?",
    authors=(),
)


def problems_of(content: ArticleContent) -> list[Problem]:
    return check_article(content, Preferences(), date(2025, 3, 20))


@pytest.fixture
def panel(qtbot: QtBot) -> ChecksPanel:
    widget = ChecksPanel()
    qtbot.addWidget(widget)
    widget.resize(500, 400)
    widget.show()
    return widget


def click_row(panel: ChecksPanel, row: int) -> None:
    rect = panel.view.visualRect(panel.model.index(row))
    QTest.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


# ---------------------------------------------------------------------------------------------
# The panel


def test_the_panel_lists_problems_with_a_summary(panel: ChecksPanel) -> None:
    problems = problems_of(ARTICLE)
    panel.set_problems(problems)
    assert panel.model.rowCount() == len(problems) == 5
    assert panel.summary_text() == "1 error, 4 warnings"
    first = panel.model.index(0).data()
    assert first == "Headline — In French, the colon “:” takes a no-break space before it."
    assert panel.model.index(1).data() == "Standfirst — The standfirst is missing."
    assert panel.model.index(4).data().startswith("Body, line 3 — In French, the question")
    assert not panel.model.index(0).data(Qt.ItemDataRole.DecorationRole).isNull()


def test_the_summary_counts_and_says_when_all_is_well(panel: ChecksPanel) -> None:
    assert panel.summary_text() == "No problems"
    assert not panel.summary_icon.pixmap().isNull()  # the tick
    errors = problems_of(ArticleContent(standfirst="Chapeau."))
    panel.set_problems(errors)
    assert panel.summary_text() == "3 errors"
    panel.set_problems([])
    assert panel.summary_text() == "No problems"
    assert not panel.fix_all_button.isEnabled()


def test_clicking_a_problem_asks_to_jump_to_it(panel: ChecksPanel, qtbot: QtBot) -> None:
    problems = problems_of(ARTICLE)
    panel.set_problems(problems)
    with qtbot.waitSignal(panel.jump_requested) as jumped:
        click_row(panel, 3)
    assert jumped.args == [problems[3]]
    assert ARTICLE.body[problems[3].start : problems[3].end] == "'"


def test_enter_on_a_problem_asks_to_jump_to_it(panel: ChecksPanel, qtbot: QtBot) -> None:
    problems = problems_of(ARTICLE)
    panel.set_problems(problems)
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(4))
    with qtbot.waitSignal(panel.jump_requested) as jumped:
        QTest.keyClick(panel.view, Qt.Key.Key_Return)
    assert jumped.args == [problems[4]]


def test_fix_is_enabled_only_for_a_fixable_problem(panel: ChecksPanel, qtbot: QtBot) -> None:
    problems = problems_of(ARTICLE)
    panel.set_problems(problems)
    assert not panel.fix_button.isEnabled()  # nothing selected
    click_row(panel, 2)  # the missing byline: nothing to fix automatically
    assert problems[2].code == "byline.missing" and not panel.fix_button.isEnabled()
    click_row(panel, 3)
    assert panel.fix_button.isEnabled()
    with qtbot.waitSignal(panel.fix_requested) as fixing:
        panel.fix_button.click()
    assert fixing.args == [[problems[3]]]


def test_fix_all_asks_for_every_typography_problem(panel: ChecksPanel, qtbot: QtBot) -> None:
    problems = problems_of(ARTICLE)
    panel.set_problems(problems)
    assert panel.fix_all_button.isEnabled()
    with qtbot.waitSignal(panel.fix_requested) as fixing:
        panel.fix_all_button.click()
    assert fixing.args == [[p for p in problems if p.code.startswith("typography.")]]
    assert len(fixing.args[0]) == 3


def test_the_selection_follows_the_same_problem(panel: ChecksPanel) -> None:
    problems = problems_of(ARTICLE)
    panel.set_problems(problems)
    click_row(panel, 4)  # "Quoi?" in the body
    # The user fixes the headline: the rows move up, the selection stays on "Quoi?".
    newer = problems_of(ARTICLE.replace(headline="Titre"))
    panel.set_problems(newer)
    assert panel.selected_problem() == problems[4] == newer[3]
    # Text typed before it moves it: the nearest problem of the same kind is kept.
    moved = problems_of(ARTICLE.replace(headline="Titre", body="Ajout. " + ARTICLE.body))
    panel.set_problems(moved)
    selected = panel.selected_problem()
    assert selected is not None and selected.code == "typography.fr.space_before_question"
    panel.set_problems([])
    assert panel.selected_problem() is None


def test_setting_the_same_problems_again_changes_nothing(panel: ChecksPanel, qtbot: QtBot) -> None:
    problems = problems_of(ARTICLE)
    panel.set_problems(problems)
    click_row(panel, 1)
    with qtbot.assertNotEmitted(panel.model.modelReset):
        panel.set_problems(problems_of(ARTICLE))
    assert panel.selected_problem() == problems[1]


def test_many_problems_are_all_listed(panel: ChecksPanel) -> None:
    body = "\n".join(["Texte : l'un"] * 250)
    panel.set_problems(problems_of(ARTICLE.replace(body=body, authors=("A",), standfirst="C")))
    assert panel.model.rowCount() == 501
    assert panel.summary_text() == "501 warnings"


def test_every_core_code_has_a_translatable_message() -> None:
    content = ArticleContent(
        headline="x" * 100,
        kicker='L\'un : « a»; b! c? "d"  e',
        standfirst="y" * 400,
        dateline_date=date(2030, 1, 1),
    )
    english = ArticleContent(body="It's 'a' \"b\"", language="en")
    misspelt = ArticleContent(headline="Une fautte")  # the window adds spelling's
    glued = ArticleContent(body="Pourquoi ?Parce que « oui »non.")
    problems = [
        *problems_of(content),
        *problems_of(glued),
        *problems_of(english),
        *spelling_problems(misspelt, open_speller("fr")),
    ]
    codes = {problem.code for problem in problems}
    assert codes == known_codes()
    for problem in problems:
        assert problem_message(problem) == problem.message, problem.code


def test_every_picture_code_of_the_article_has_a_translatable_message() -> None:
    """The picture problems of the article's own (a picture missing from the library, or
    awaiting its file), read from article_pictures' source so that a new one fails here until
    it has a template; each says what the core says."""
    import re
    from pathlib import Path

    from copydesk.articles import pictures as article_pictures
    from copydesk.articles.pictures import ArticlePictures, check_pictures
    from copydesk.library.models import utc_now
    from copydesk.pictures.operations import Judgement, judge
    from copydesk.qt.checks.messages import known_picture_codes
    from copydesk.records.picture import PictureFile, PictureMetadata, PictureRecord
    from copydesk.text.picture_refs import picture_markdown

    source = Path(article_pictures.__file__).read_text(encoding="utf-8")
    in_source = set(re.findall(r'code="(picture\.[a-z_]+)"', source))
    assert in_source == known_picture_codes() == {"picture.missing", "picture.awaiting_file"}
    now = utc_now()
    awaited = PictureRecord(7, "u", PictureFile.awaited("a.jpg"), PictureMetadata(), now, now)
    pictures = ArticlePictures("fr", {7: judge(awaited, Judgement())}, frozenset({7, 8}))
    body = f"{picture_markdown(7, 'Alt', 'Légende')}\n\n{picture_markdown(8, 'Alt', 'Légende')}"
    problems = check_pictures(ArticleContent(body=body), pictures)
    own = [problem for problem in problems if problem.code in in_source]
    assert {problem.code for problem in own} == in_source
    for problem in own:
        assert problem_message(problem) == problem.message, problem.code


def test_unknown_codes_fall_back_to_the_core_message() -> None:
    (problem,) = problems_of(ArticleContent(headline="T", body="B", standfirst="S", authors=("A",),
                                            kicker="Quoi?"))  # fmt: skip
    newer = Problem("future.rule", problem.severity, "body", 0, 0, "Something new.")
    assert problem_message(newer) == "Something new."


def test_messages_are_translated_by_code(qtbot: QtBot) -> None:
    from PySide6.QtCore import QTranslator

    class French(QTranslator):
        def translate(self, context: str, source: str, *args: object) -> str:
            if context == "checks" and source.startswith("The headline has"):
                return "Le titre compte %1 caractères ; la limite est de %2."
            return ""

    translator = French()
    QCoreApplication.installTranslator(translator)
    try:
        (problem,) = [p for p in problems_of(ArticleContent(headline="x" * 95))
                      if p.code == "headline.too_long"]  # fmt: skip
        assert problem_message(problem) == "Le titre compte 95 caractères ; la limite est de 90."
    finally:
        QCoreApplication.removeTranslator(translator)


# ---------------------------------------------------------------------------------------------
# Applying fixes to the editor's widgets


@pytest.fixture
def text_edit(qtbot: QtBot) -> QPlainTextEdit:
    widget = QPlainTextEdit()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def line_edit(qtbot: QtBot) -> QLineEdit:
    widget = QLineEdit()
    qtbot.addWidget(widget)
    return widget


BODY = "Selon lui : « oui ».\n\nL'école d'été; \"non\"?!  Fin."
FIXED_BODY = (
    f"Selon lui{NBSP}: «{NBSP}oui{NBSP}».\n\nL’école d’été{NNBSP}; «{NBSP}non{NBSP}»{NNBSP}?! Fin."
)


def body_fix(body: str = BODY) -> TextFix:
    return fix_all(ArticleContent(body=body), "fr")["body"]


def test_a_fix_in_the_body_is_one_undo_step(text_edit: QPlainTextEdit) -> None:
    text_edit.setPlainText(BODY)
    fix = body_fix()
    assert len(fix.edits) == 10
    assert apply_text_fix(text_edit, fix)
    assert widget_text(text_edit) == FIXED_BODY
    text_edit.undo()
    assert widget_text(text_edit) == BODY
    assert not text_edit.document().isUndoAvailable()
    text_edit.redo()
    assert widget_text(text_edit) == FIXED_BODY


def test_typing_before_a_fix_stays_its_own_undo_step(
    text_edit: QPlainTextEdit, qtbot: QtBot
) -> None:
    text_edit.setPlainText("Quoi")
    text_edit.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(text_edit, "?")
    apply_text_fix(text_edit, body_fix("Quoi?"))
    assert widget_text(text_edit) == f"Quoi{NNBSP}?"
    text_edit.undo()
    assert widget_text(text_edit) == "Quoi?"
    text_edit.undo()
    assert widget_text(text_edit) == "Quoi"


def test_the_cursor_stays_with_its_text(text_edit: QPlainTextEdit) -> None:
    text_edit.setPlainText(BODY)
    cursor = text_edit.textCursor()
    cursor.setPosition(BODY.index("Fin"))
    text_edit.setTextCursor(cursor)
    apply_text_fix(text_edit, body_fix())
    assert text_edit.textCursor().position() == FIXED_BODY.index("Fin")


def test_plain_text_would_lose_the_no_break_spaces(text_edit: QPlainTextEdit) -> None:
    text_edit.setPlainText(f"Oui{NNBSP}! Bilan{NBSP}: non")
    assert NBSP not in text_edit.toPlainText()  # Qt's conversion, hence widget_text
    assert widget_text(text_edit) == f"Oui{NNBSP}! Bilan{NBSP}: non"


def test_emoji_offsets_are_converted(text_edit: QPlainTextEdit, line_edit: QLineEdit) -> None:
    text = "😀🎉 L'été 🇫🇷 : «oui» 👍"
    fix = fix_all(ArticleContent(body=text), "fr")["body"]
    expected = f"😀🎉 L’été 🇫🇷{NBSP}: «{NBSP}oui{NBSP}» 👍"
    text_edit.setPlainText(text)
    apply_text_fix(text_edit, fix)
    assert widget_text(text_edit) == expected
    line_edit.setText(text)
    apply_text_fix(line_edit, TextFix("headline", fix.edits))
    assert line_edit.text() == expected
    assert utf16_positions("a😀b", [0, 1, 2, 3]) == {0: 0, 1: 1, 2: 3, 3: 4}


def test_a_fix_in_a_line_edit_is_one_undo_step(line_edit: QLineEdit) -> None:
    headline = 'L\'un : « deux »  et "trois" !'
    line_edit.setText(headline)
    fix = fix_all(ArticleContent(headline=headline), "fr")["headline"]
    assert len(fix.edits) > 3
    apply_text_fix(line_edit, fix)
    assert line_edit.text() == (f"L’un{NBSP}: «{NBSP}deux{NBSP}» et «{NBSP}trois{NBSP}»{NNBSP}!")
    line_edit.undo()
    assert line_edit.text() == headline
    line_edit.redo()
    assert line_edit.text().startswith("L’un")


def test_a_line_edit_keeps_its_undo_history(line_edit: QLineEdit) -> None:
    line_edit.setText("")
    QTest.keyClicks(line_edit, "Quoi?")
    apply_text_fix(line_edit, TextFix("headline", (Edit(4, 4, NNBSP),)))
    assert line_edit.text() == f"Quoi{NNBSP}?"
    assert line_edit.cursorPosition() == 6  # still after the question mark
    line_edit.undo()
    assert line_edit.text() == "Quoi?"
    assert line_edit.isUndoAvailable()  # the typing before is still there to undo


def test_a_fix_for_text_changed_since_the_check_is_refused(text_edit: QPlainTextEdit) -> None:
    text_edit.setPlainText("Quoi? Encore")
    fix = body_fix("Quoi?")
    assert not apply_text_fix(text_edit, fix, checked_text="Quoi?")
    assert widget_text(text_edit) == "Quoi? Encore"
    assert apply_text_fix(text_edit, fix, checked_text="Quoi? Encore")


def test_shift_position() -> None:
    edits = [Edit(1, 2, "xyz"), Edit(4, 4, "+"), Edit(6, 8, "")]
    assert [shift_position(p, edits) for p in range(10)] == [0, 1, 4, 5, 6, 8, 9, 9, 9, 10]


def test_the_fix_buttons_stack_in_a_narrow_column(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QBoxLayout

    from copydesk.qt.checks.panel import ChecksPanel

    panel = ChecksPanel()
    qtbot.addWidget(panel)
    panel.resize(600, 300)
    panel.show()
    qtbot.waitUntil(lambda: panel._buttons.direction() == QBoxLayout.Direction.LeftToRight)
    panel.resize(150, 300)
    qtbot.waitUntil(lambda: panel._buttons.direction() == QBoxLayout.Direction.TopToBottom)
    assert panel.fix_all_button.width() >= panel.fix_all_button.sizeHint().width()
