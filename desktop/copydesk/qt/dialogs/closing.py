"""Ctrl+W closes a dialog as Escape does (Qt gives dialogs Escape only). A shortcut of the
dialog's own, so it is active only while that dialog is."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog


def close_with_ctrl_w(dialog: QDialog) -> QShortcut:
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Close), dialog)
    shortcut.activated.connect(dialog.reject)
    return shortcut
