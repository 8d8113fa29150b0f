"""The window, the Picture Library and the export dialog in French: Copydesk's texts, Qt's own
(standard buttons) and the core's (checks, credit problems) all speak the person's language."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from copydesk.qt.exchange.export.exporter import ExportSettings
from copydesk.qt.exchange.export.options_dialog import ExportDialog
from copydesk.qt.pictures.picture_model import Column
from tests.qt.conftest import MakeWindow


def menu_titles(window: object) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]  # type: ignore[attr-defined]


def test_the_main_window_speaks_french(
    french: None, qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    titles = menu_titles(window)
    assert titles[0] == "&Fichier" and "&File" not in titles
    assert any("dition" in title for title in titles)  # Édition
    # Numbers the French way whatever the system's locale: 1 757, not 1,757.
    stats = window.editor.stats_label.text()
    assert re.search(r"Caractères\xa0: \d\s\d{3}", stats), stats
    # The English sample's lead picture has no licence chosen: the core says so in French.
    english = next(
        row
        for row in range(window.article_list.model.rowCount())
        if "Port Ellen" in window.article_list.model.data(window.article_list.model.index(row))
    )
    window.article_list.view.setCurrentIndex(window.article_list.model.index(english))
    qtbot.waitUntil(lambda: "Port Ellen" in window.editor.headline.text(), timeout=10_000)
    panel = window.checks_panel
    qtbot.waitUntil(lambda: "erreur" in panel.summary_text(), timeout=10_000)
    assert panel.summary_text().startswith("1 erreur"), panel.summary_text()
    messages = [problem.message for problem in panel.problems()]
    assert any("licence" in message.lower() for message in messages), messages
    assert not any("No licence" in message for message in messages), messages


def test_the_picture_library_speaks_french(
    french: None, qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    window.open_picture_library()
    qtbot.waitUntil(lambda: window.picture_library is not None, timeout=10_000)
    library_window = window.picture_library
    assert library_window is not None
    qtbot.waitUntil(library_window.isVisible, timeout=10_000)
    assert library_window.windowTitle().startswith("Photothèque")
    model = library_window.model
    qtbot.waitUntil(lambda: model.rowCount() == 4, timeout=10_000)
    licences = {model.index(row, Column.LICENCE).data() for row in range(model.rowCount())}
    assert "Rédaction" in licences and "Staff" not in licences, licences
    # The sample harbour picture has no licence: the fix its metadata suggests is one click.
    harbour = next(
        row
        for row in range(model.rowCount())
        if model.index(row, Column.FILE).data() == "harbour.jpg"
    )
    library_window.select_picture(model.listing(harbour).record.id)
    editor = library_window.editor
    qtbot.waitUntil(lambda: "Aucune licence" in editor.problems.item(0).text(), timeout=10_000)
    assert editor.fix_button.isEnabled()
    editor.fix_button.click()
    qtbot.waitUntil(
        lambda: model.index(harbour, Column.LICENCE).data() == "CC BY 4.0", timeout=10_000
    )


def test_the_export_dialog_speaks_french_with_qts_own_buttons(
    french: None, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = ExportDialog(ExportSettings(tmp_path), headline="Titre", slug="titre")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Exporter l’article"
    boxes = dialog.findChildren(QDialogButtonBox)
    cancel_texts = [
        button.text()
        for box in boxes
        for button in box.buttons()
        if box.buttonRole(button) == QDialogButtonBox.ButtonRole.RejectRole
    ]
    assert cancel_texts == ["&Annuler"] or cancel_texts == ["Annuler"], cancel_texts


def test_english_again_after_french(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ExportDialog(ExportSettings(tmp_path), headline="Title", slug="title")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Export Article"


def test_numbers_and_dates_follow_the_window_s_language() -> None:
    from copydesk.qt.language import window_locale

    assert window_locale("fr_CA", "fr") == "fr_CA"
    assert window_locale("C", "fr") == "fr"
    assert window_locale("en_GB", "fr") == "fr"
    assert window_locale("fr_FR", "en") == "en"
