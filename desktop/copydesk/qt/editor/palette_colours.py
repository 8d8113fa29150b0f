"""Colours that are not in QPalette, chosen to read well on the palette's background."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def warning_colour(palette: QPalette) -> QColor:
    """Red that stands out: lighter on a dark theme, deeper on a light one."""
    return QColor("#ff8a80") if is_dark(palette) else QColor("#c62828")
