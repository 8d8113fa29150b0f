"""Reading widths: the article as a desktop, tablet or phone reader sees it.

The view itself is narrowed (not the page restyled), so the page's own CSS media queries
decide the layout, exactly as on a reader's device.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QWidget

_UNCONSTRAINED = 16_777_215  # QWIDGETSIZE_MAX


class ReadingWidth(StrEnum):
    DESKTOP = "desktop"
    TABLET = "tablet"
    PHONE = "phone"

    @property
    def css_pixels(self) -> int | None:
        """The viewport width in CSS pixels, or None for the whole pane."""
        return {ReadingWidth.TABLET: 768, ReadingWidth.PHONE: 375}.get(self)

    @classmethod
    def parse(cls, value: str) -> ReadingWidth:
        """A remembered value, forgiving: anything unknown is the desktop."""
        try:
            return cls(value)
        except ValueError:
            return cls.DESKTOP


class WidthFrame(QWidget):
    """Holds the view centered on a neutral background, at most the chosen width.
    ``too_narrow`` says when the pane cannot give the view the chosen device's width: the
    page then lays out for a narrower screen than the one chosen."""

    too_narrow = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Mid))
        self.setPalette(palette)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._view: QWidget | None = None
        self._width = ReadingWidth.DESKTOP
        self._zoom = 1.0
        self._narrow = False
        self._told: tuple[bool, ReadingWidth] = (False, ReadingWidth.DESKTOP)

    def set_view(self, view: QWidget) -> None:
        self._view = view
        # The view has all the stretch; once it reaches its maximum width the two spacers
        # share what is left, which centers it.
        self._layout.addStretch(0)
        self._layout.addWidget(view, 1)
        self._layout.addStretch(0)
        self._apply()

    def set_width(self, width: ReadingWidth, zoom: float = 1.0) -> None:
        self._width = width
        self._zoom = zoom
        self._apply()

    def _apply(self) -> None:
        if self._view is None:
            return
        css = self._width.css_pixels
        # A CSS pixel is zoomFactor widget pixels; a pane narrower than the device simply
        # shows everything it can.
        limit = _UNCONSTRAINED if css is None else round(css * self._zoom)
        self._view.setMaximumWidth(limit)
        self._tell_narrow()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._tell_narrow()

    def _tell_narrow(self) -> None:
        css = self._width.css_pixels
        narrow = css is not None and self.width() < round(css * self._zoom)
        if (narrow, self._width) != self._told:  # again for another device: another text
            self._told = (narrow, self._width)
            self._narrow = narrow
            self.too_narrow.emit(narrow)

    @property
    def narrow(self) -> bool:
        return self._narrow
