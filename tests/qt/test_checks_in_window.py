"""The checks panel beside the editor: live problems, jump to the place, one-click fixes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from copydesk.qt.editor.plain_text import exact_text
from copydesk.qt.window.main_window import MainWindow
from tests.qt.conftest import MakeWindow
from tests.qt.qt_helpers import type_at_end, type_text


def codes(window: MainWindow) -> list[str]:
    return [problem.code for problem in window.checks_panel.problems()]


def test_the_sample_article_passes_its_checks(make_window: MakeWindow, library_path: Path) -> None:
    window = make_window(library_path)
    assert codes(window) == []
    assert window.side_tabs.currentWidget() is window.checks_panel


def test_problems_appear_as_you_type_and_one_click_fixes_them(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    before = exact_text(window.editor.body)
    type_at_end(qtbot, window, '\n\nIl a dit: "oui"  et l\'a répété.')
    qtbot.waitUntil(lambda: len(codes(window)) >= 3, timeout=3_000)
    found = set(codes(window))
    assert {"typography.fr.space_before_colon", "typography.fr.straight_double_quote"} <= found
    assert "typography.double_space" in found

    window.checks_panel.fix_all_button.click()
    fixed = exact_text(window.editor.body)
    assert fixed.endswith("Il a dit\u00a0: «\u00a0oui\u00a0» et l’a répété.")
    qtbot.waitUntil(lambda: codes(window) == [], timeout=3_000)

    window.editor.body.undo()  # the whole fix was one undo step
    assert exact_text(window.editor.body) == before + '\n\nIl a dit: "oui"  et l\'a répété.'


def test_a_click_on_a_problem_selects_it_in_its_field(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    window.editor.headline.selectAll()
    type_text(window.editor.headline, "Le maire s'explique")
    qtbot.waitUntil(lambda: "typography.fr.straight_apostrophe" in codes(window), timeout=3_000)
    (problem,) = [p for p in window.checks_panel.problems() if p.field == "headline"]
    window.checks_panel.jump_requested.emit(problem)
    assert window.editor.headline.hasSelectedText()
    assert window.editor.headline.selectedText() == "'"

    window.editor.body.moveCursor(QTextCursor.MoveOperation.Start)
    window.checks_panel.select_problem(problem)
    window.checks_panel.fix_button.click()
    assert window.editor.headline.text() == "Le maire s’explique"


def test_the_headline_limit_comes_from_the_preferences(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    assert "headline.too_long" not in codes(window)
    window.preferences.update(window.preferences.current().replace(headline_limit=20))
    qtbot.waitUntil(lambda: "headline.too_long" in codes(window), timeout=3_000)
