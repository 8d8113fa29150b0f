"""Spelling as you type in the window: misspelt words underlined in the body, headline,
standfirst, captions and alt texts; a right click's suggestion replaces the word in one undo
step; "Add to the Newsroom Dictionary" stores the word and takes its underlines away; typing
in a long article checks a few blocks, not the whole document."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QTextBlock, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit
from pytestqt.qtbot import QtBot

from copydesk.articles.dictionary import add_dictionary_word, dictionary_words
from copydesk.qt.checks.messages import problem_message
from copydesk.qt.editor.article_editor import ArticleEditor
from copydesk.qt.editor.headline_edit import HeadlineEdit
from copydesk.qt.editor.spelling import FieldSpelling, SpellingService, TextSpelling
from copydesk.qt.pictures.credit_editor import CreditEditor
from copydesk.records.picture import PictureMetadata
from tests.helpers import opened
from tests.qt.conftest import MakeWindow
from tests.qt.editor_helpers import open_editor
from tests.qt.qt_helpers import type_text

BODY = "Le conseil a voté le budjet.\n\nUne phrase sans faute.\n\n```\ncodde fautif\n```\n"


def underlined(block: QTextBlock) -> list[str]:
    """The words of ``block`` drawn with the spell-check underline."""
    text = block.text()
    return [
        text[r.start : r.start + r.length]
        for r in block.layout().formats()
        if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    ]


def block_with(editor: QPlainTextEdit, text: str) -> QTextBlock:
    block = editor.document().find(text).block()
    assert block.isValid(), text
    return block


class Stored(list[tuple[str, str]]):
    """The words the service was asked to keep."""

    def __call__(self, word: str, language: str) -> None:
        self.append((word, language))


@pytest.fixture
def stored() -> Stored:
    return Stored()


@pytest.fixture
def service(stored: Stored) -> SpellingService:
    spelling = SpellingService()  # dictionaries opened at once, on this thread
    spelling.set_store(stored)
    return spelling


def spelt_editor(
    qtbot: QtBot, service: SpellingService, body: str = BODY, **content: object
) -> ArticleEditor:
    editor = open_editor(qtbot, body, **content)
    editor.set_spelling(service)
    qtbot.waitUntil(lambda: editor.body.highlighter.speller is not None)
    return editor


def menu_texts(menu: QMenu) -> list[str]:
    return [action.text() for action in menu.actions()]


def trigger(menu: QMenu, text: str) -> None:
    (action,) = [a for a in menu.actions() if a.text() == text]
    action.trigger()


# ---- underlines -------------------------------------------------------------------------------


def test_a_misspelt_body_word_is_underlined_and_a_correct_one_is_not(
    qtbot: QtBot, service: SpellingService
) -> None:
    editor = spelt_editor(qtbot, service)
    body = editor.body
    assert underlined(block_with(body, "budjet")) == ["budjet"]
    assert underlined(block_with(body, "Une phrase sans faute")) == []
    assert underlined(block_with(body, "codde fautif")) == []  # code is not prose
    spelling = editor.spelling[2]
    assert spelling.misspellings() == ["budjet"]


def test_front_matter_is_not_spelt_and_a_rule_is_not_front_matter(
    qtbot: QtBot, service: SpellingService
) -> None:
    body = "---\ntitre: Un tittre\ntags: [fauttes]\n---\n\nUn textte."
    editor = spelt_editor(qtbot, service, body)
    assert editor.spelling[2].misspellings() == ["textte"]
    editor.body.setPlainText("---\n\nUne errreur sous un filet.")
    qtbot.waitUntil(lambda: editor.spelling[2].misspellings() == ["errreur"])


def test_the_underline_follows_the_article_language(qtbot: QtBot, service: SpellingService) -> None:
    editor = spelt_editor(qtbot, service, "The council voted the budget.", language="en")
    block = editor.body.document().firstBlock()
    assert underlined(block) == []
    editor.language.setCurrentIndex(editor.language.findData("fr"))
    qtbot.waitUntil(lambda: underlined(block) == ["The", "council", "voted", "the"])


def test_the_headline_standfirst_and_typing_are_spelt(
    qtbot: QtBot, service: SpellingService
) -> None:
    editor = spelt_editor(qtbot, service, "", headline="Un titre", standfirst="Le chapeau.")
    headline = editor.spelling[0]
    assert isinstance(headline, TextSpelling)
    editor.headline.end(False)
    type_text(editor.headline, " fautiff")
    assert headline.misspellings() == ["fautiff"]
    editor.standfirst.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor.standfirst, " Une errreur.")
    assert underlined(editor.standfirst.document().firstBlock()) == ["errreur"]
    editor.body.setFocus()
    type_text(editor.body, "Un mott")
    assert underlined(editor.body.document().firstBlock()) == ["mott"]


def test_the_headline_underline_is_drawn(qtbot: QtBot, service: SpellingService) -> None:
    editor = spelt_editor(qtbot, service, "", headline="Un titre fautiff")
    headline = editor.spelling[0]
    qtbot.waitUntil(lambda: headline.misspellings() == ["fautiff"])
    qtbot.waitUntil(lambda: red_pixels(editor.headline.grab().toImage()) > 10)
    headline.add_to_dictionary("fautiff")
    qtbot.waitUntil(lambda: red_pixels(editor.headline.grab().toImage()) == 0)
    editor.headline.setText("Un titre avec une autre fautte")
    qtbot.waitUntil(lambda: red_pixels(editor.headline.grab().toImage()) > 10)


def red_pixels(image: QImage) -> int:
    """Pixels where red clearly dominates: the wavy underline (the text is not red)."""
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            count += colour.red() - max(colour.green(), colour.blue()) > 60
    return count


def test_underlines_are_not_edits(qtbot: QtBot, service: SpellingService) -> None:
    editor = open_editor(qtbot, BODY, standfirst="Un chapeau fautiff.")
    edits: list[bool] = []
    editor.edited.connect(lambda: edits.append(True))
    editor.set_spelling(service)
    service.add_word("fr", "fautiff")
    assert edits == []


def test_captions_and_alt_texts_are_spelt(qtbot: QtBot, service: SpellingService) -> None:
    editor = CreditEditor()
    qtbot.addWidget(editor)
    editor.set_spelling(service)
    editor.show_picture(
        "photo.jpg",
        PictureMetadata(description="Le maire en séance", alt_text="Un homme a un burau"),
    )
    caption, alt_text = editor.texts["description"], editor.texts["alt_text"]
    assert underlined(caption.document().firstBlock()) == []
    assert underlined(alt_text.document().firstBlock()) == ["burau"]
    editor.set_judgement("en", True)
    assert underlined(caption.document().firstBlock()) == ["maire"]


# ---- the context menu --------------------------------------------------------------------------


def test_a_suggestion_replaces_the_word_in_one_undo_step(
    qtbot: QtBot, service: SpellingService
) -> None:
    editor = spelt_editor(qtbot, service)
    body, spelling = editor.body, editor.spelling[2]
    position = body.toPlainText().index("budjet") + 2
    menu = spelling.context_menu(position)
    texts = menu_texts(menu)
    assert texts[0] == "budget"  # the suggestions first
    assert "Add to the Newsroom Dictionary" in texts
    assert texts.index("Add to the Newsroom Dictionary") < texts.index("&Undo\tCtrl+Z")
    trigger(menu, "budget")
    assert body.toPlainText().startswith("Le conseil a voté le budget.")
    qtbot.waitUntil(lambda: underlined(body.document().firstBlock()) == [])
    body.undo()
    assert body.toPlainText() == BODY  # one step back, and nothing else
    assert body.document().isUndoAvailable() is False


def test_a_correct_word_has_only_the_standard_menu(qtbot: QtBot, service: SpellingService) -> None:
    editor = spelt_editor(qtbot, service)
    menu = editor.spelling[2].context_menu(BODY.index("conseil") + 1)
    assert "Add to the Newsroom Dictionary" not in menu_texts(menu)
    assert "&Undo\tCtrl+Z" in menu_texts(menu)


def test_a_headline_suggestion_is_an_edit(qtbot: QtBot, service: SpellingService) -> None:
    editor = spelt_editor(qtbot, service, "", headline="Le budjet voté")
    edits: list[bool] = []
    editor.edited.connect(lambda: edits.append(True))
    headline = editor.spelling[0]
    qtbot.waitUntil(lambda: headline.misspellings() == ["budjet"])
    trigger(headline.context_menu(4), "budget")
    assert editor.headline.text() == "Le budget voté"
    assert edits and editor.content().headline == "Le budget voté"
    editor.headline.undo()
    assert editor.headline.text() == "Le budjet voté"


def test_adding_a_word_takes_its_underline_away_everywhere(
    qtbot: QtBot, service: SpellingService, stored: Stored
) -> None:
    body = "Zelensky a parlé.\n\n" + "Une phrase.\n\n" * 50 + "Peskov a répondu à Zelensky."
    editor = spelt_editor(qtbot, service, body, headline="Zelensky à Paris")
    spelling: FieldSpelling = editor.spelling[2]
    qtbot.waitUntil(lambda: editor.spelling[0].misspellings() == ["Zelensky"])
    assert spelling.misspellings() == ["Zelensky", "Peskov", "Zelensky"]
    trigger(spelling.context_menu(2), "Add to the Newsroom Dictionary")
    assert stored == [("Zelensky", "fr")]
    assert underlined(editor.body.document().firstBlock()) == []
    assert spelling.misspellings() == ["Peskov"]
    qtbot.waitUntil(lambda: editor.spelling[0].misspellings() == [])


# ---- cost ---------------------------------------------------------------------------------------


def test_typing_checks_a_few_blocks_not_the_whole_article(
    qtbot: QtBot, service: SpellingService
) -> None:
    paragraph = "Le conseil municipal a voté le budget de la commune pour les écoles. " * 8
    body = "\n\n".join(f"## Partie {n}\n\n{paragraph}" for n in range(1500))  # 6,000 blocks
    editor = spelt_editor(qtbot, service, body)
    highlighter = editor.body.highlighter
    spelling = editor.spelling[2]
    spelling.follow_viewport()
    first, last = highlighter.spelling_window or (0, 0)
    assert last - first < 200  # the blocks near the viewport, not the 6,000
    cursor = editor.body.cursorForPosition(editor.body.viewport().rect().center())
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.body.setTextCursor(cursor)
    qtbot.wait(20)
    for char in "Un mott":
        before = highlighter.spelt_blocks
        type_text(editor.body, char)
        qtbot.wait(5)  # the window's follow-up, if any, runs too
        assert highlighter.spelt_blocks - before <= 2
    assert "mott" in underlined(editor.body.textCursor().block())
    before = highlighter.spelt_blocks
    type_text(editor.body, "\n")  # a new block: the window moves by one
    qtbot.wait(5)
    assert highlighter.spelt_blocks - before <= 3


def test_scrolling_spells_the_blocks_that_come_into_view(
    qtbot: QtBot, service: SpellingService
) -> None:
    body = "\n\n".join(["Une phrase correcte."] * 3000 + ["Une errreur au bout."])
    editor = spelt_editor(qtbot, service, body)
    last = editor.body.document().lastBlock()
    assert underlined(last) == []  # far below: not spelt yet
    editor.body.moveCursor(QTextCursor.MoveOperation.End)
    editor.body.ensureCursorVisible()
    qtbot.waitUntil(lambda: underlined(editor.body.document().lastBlock()) == ["errreur"])


# ---- the window ---------------------------------------------------------------------------------


def test_the_window_spells_and_keeps_the_newsroom_dictionary(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    with opened(library_path, sample=True) as library:
        add_dictionary_word(library, "Peskov", "fr", "Olga")
    window = make_window(library_path)
    editor = window.editor
    editor.headline.setText("Peskov et Zelenski")
    editor.headline.textEdited.emit(editor.headline.text())
    window.checks.check_now()
    qtbot.waitUntil(
        lambda: any(p.code == "spelling.unknown_word" for p in window.checks_panel.problems())
    )
    (problem,) = [p for p in window.checks_panel.problems() if p.code == "spelling.unknown_word"]
    assert (problem.field, problem.params) == ("headline", {"word": "Zelenski"})
    assert problem_message(problem) == "Possible spelling mistake: “Zelenski”."
    headline = editor.spelling[0]
    qtbot.waitUntil(lambda: headline.misspellings() == ["Zelenski"])  # Peskov is known
    trigger(headline.context_menu(12), "Add to the Newsroom Dictionary")
    qtbot.waitUntil(lambda: headline.misspellings() == [])
    assert window.library is not None
    words = [(e.word, e.language) for e in dictionary_words(window.library)]
    assert words == [("Peskov", "fr"), ("Zelenski", "fr")]
    window.checks.check_now()
    qtbot.waitUntil(
        lambda: not any(p.code == "spelling.unknown_word" for p in window.checks_panel.problems())
    )
    assert isinstance(editor.headline, HeadlineEdit)
