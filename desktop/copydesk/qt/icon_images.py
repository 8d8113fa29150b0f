"""Copydesk's icon drawn at the sizes desktops look for (hicolor PNGs), from its SVG."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer


def png_icons(svg: Path, sizes: tuple[int, ...]) -> dict[int, bytes]:
    """The SVG as a square PNG of each size, transparent around it."""
    if QGuiApplication.instance() is None:
        # A command, maybe with no display: drawing needs an application, not a screen.
        QGuiApplication(["copydesk", "-platform", "offscreen"])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG Qt can draw")
    return {size: _png(renderer, size) for size in sizes}


def _png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())
