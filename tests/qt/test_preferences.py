"""Preferences: stored apart from window state, read back, and edited in their dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from copydesk.preferences import Preferences
from copydesk.qt.dialogs.preferences_dialog import PreferencesDialog
from copydesk.qt.window.preferences_store import PreferencesStore


def _store(path: Path) -> PreferencesStore:
    return PreferencesStore(QSettings(str(path), QSettings.Format.IniFormat))


def test_preferences_are_remembered(tmp_path: Path) -> None:
    path = tmp_path / "preferences.ini"
    store = _store(path)
    assert store.current() == Preferences()
    changed = Preferences(headline_limit=70, author_name="Camille Perrin")
    store.update(changed)
    assert _store(path).current() == changed


def test_a_damaged_value_falls_back_to_its_default(tmp_path: Path) -> None:
    path = tmp_path / "preferences.ini"
    path.write_text("[preferences]\nheadline_limit=beaucoup\nstandfirst_limit=-4\n")
    assert _store(path).current() == Preferences()


def test_the_dialog_edits_and_restores_defaults(qtbot: QtBot) -> None:
    dialog = PreferencesDialog(Preferences(headline_limit=70, words_per_minute=200))
    qtbot.addWidget(dialog)
    assert dialog.preferences().headline_limit == 70
    dialog.standfirst_limit.setValue(250)
    dialog.author_name.setText("  Jean Roy ")
    assert dialog.preferences() == Preferences(
        headline_limit=70, standfirst_limit=250, author_name="Jean Roy", words_per_minute=200
    )
    dialog._fill(Preferences())
    assert dialog.preferences() == Preferences()
