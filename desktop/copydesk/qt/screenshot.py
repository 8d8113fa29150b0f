"""``copydesk screenshot``: the main window rendered offscreen, saved as a PNG."""

from __future__ import annotations

import os
from pathlib import Path

from copydesk.errors import CopydeskError

READY_TIMEOUT_MS = 60_000
SETTLE_MS = 150
MAX_SETTLE_ROUNDS = 20


def take_screenshot(library_path: Path, out: Path, slug: str | None, size: tuple[int, int]) -> None:
    if not out.parent.is_dir():
        raise CopydeskError(f"Cannot save the screenshot: the folder {out.parent} does not exist.")
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from copydesk.qt.app import application, prepare_environment

    prepare_environment()
    application()
    image = _render_window(library_path, slug, size)
    _save_png(image, out)


def _render_window(library_path: Path, slug: str | None, size: tuple[int, int]):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEventLoop, QTimer

    from copydesk.qt.main_window import MainWindow
    from copydesk.qt.tasks import TaskRunner
    from copydesk.qt.window_state import WindowState

    window = MainWindow(
        library_path,
        state=WindowState.ephemeral(),
        runner=TaskRunner(),
        create_library=False,
        open_slug=slug,
    )
    loop = QEventLoop()
    failure: list[str] = []
    window.article_ready.connect(loop.quit)
    window.library_failed.connect(lambda message: (failure.append(message), loop.quit()))
    QTimer.singleShot(READY_TIMEOUT_MS, lambda: (failure.append("timed out"), loop.quit()))
    window.resize(*size)
    window.show()
    try:
        loop.exec()
        if failure:
            raise CopydeskError(f"Cannot take the screenshot: {failure[0]}")
        return _settled_grab(window)
    finally:
        window.close()
        window.shutdown()
        _dispose(window)


def _dispose(window) -> None:  # type: ignore[no-untyped-def]
    """Delete the window now: QtWebEngine warns if a page outlives its profile at exit."""
    from PySide6.QtCore import QCoreApplication, QEvent

    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _settled_grab(window):  # type: ignore[no-untyped-def]
    """Grab once the preview has composited the article (it paints a frame after the DOM)."""
    from PySide6.QtCore import QEventLoop, QPoint, QRect, QTimer

    preview = QRect(window.preview.mapTo(window, QPoint(0, 0)), window.preview.size())
    image = window.grab().toImage()
    for _ in range(MAX_SETTLE_ROUNDS):
        loop = QEventLoop()
        QTimer.singleShot(SETTLE_MS, loop.quit)
        loop.exec()
        image = window.grab().toImage()
        if not is_blank(image.copy(preview)):
            break
    return image


def is_blank(image) -> bool:  # type: ignore[no-untyped-def]
    """True when a sample grid of pixels finds a single colour."""
    colours = set()
    width, height = image.width(), image.height()
    for y in range(0, height, max(1, height // 40)):
        for x in range(0, width, max(1, width // 40)):
            colours.add(image.pixel(x, y))
            if len(colours) > 1:
                return False
    return True


def _save_png(image, out: Path) -> None:  # type: ignore[no-untyped-def]
    temporary = out.with_name(f".{out.name}.partial")
    if not image.save(str(temporary), "PNG"):
        temporary.unlink(missing_ok=True)
        raise CopydeskError(f"Cannot write the screenshot to {out}.")
    os.replace(temporary, out)
