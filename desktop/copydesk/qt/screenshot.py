"""``copydesk screenshot``: the main window rendered offscreen, saved as a PNG."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QPoint, QRect, QTimer
from PySide6.QtGui import QGuiApplication, QImage

from copydesk.errors import CopydeskError
from copydesk.qt.labels import Context
from copydesk.qt.tasks import TaskRunner
from copydesk.qt.window.main_window import MainWindow
from copydesk.qt.window.state import WindowState

READY_TIMEOUT_MS = 60_000
SETTLE_MS = 150
MAX_SETTLE_ROUNDS = 20

screenshot = Context("screenshot")


def take_screenshot(library_path: Path, out: Path, slug: str | None, size: tuple[int, int]) -> None:
    if not out.parent.is_dir():
        raise CopydeskError(
            screenshot.tr("Cannot save the screenshot: the folder %1 does not exist.").replace(
                "%1", str(out.parent)
            )
        )
    if QGuiApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # read when the application starts
    from copydesk.qt.app import application, prepare_environment
    from copydesk.qt.language import apply_language

    prepare_environment()
    application()
    apply_language()  # the system's language, as the command line speaks it
    _save_png(_render_window(library_path, slug, size), out)


def _render_window(library_path: Path, slug: str | None, size: tuple[int, int]) -> QImage:
    """Open the window on the library (never creating it, never remembering its state) and
    wait until the article is on the page and the library fully open."""
    window = MainWindow(
        library_path,
        state=WindowState.ephemeral(),
        runner=TaskRunner(),
        create_library=False,
        open_slug=slug,
    )
    loop = QEventLoop()
    failure: list[str] = []
    waiting = {"article", "library"}

    def done(what: str) -> None:
        waiting.discard(what)
        if not waiting:
            loop.quit()

    def fail(message: str) -> None:
        failure.append(message)
        loop.quit()

    window.article_ready.connect(lambda: done("article"))
    window.library_opened.connect(lambda: done("library"))
    window.library_failed.connect(fail)
    QTimer.singleShot(READY_TIMEOUT_MS, lambda: fail(screenshot.tr("timed out")))
    window.resize(*size)
    window.show()
    try:
        loop.exec()
        if failure:
            raise CopydeskError(
                screenshot.tr("Cannot take the screenshot: %1").replace("%1", failure[0])
            )
        return _settled_grab(window)
    finally:
        window.close()
        window.shutdown()
        window.deleteLater()  # QtWebEngine wants its pages gone before the application
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _settled_grab(window: MainWindow) -> QImage:
    """Grab once the preview has composited the article (it paints a frame after the DOM)."""
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


def is_blank(image: QImage) -> bool:
    """True when a sample grid of pixels finds a single colour."""
    colours = set()
    width, height = image.width(), image.height()
    for y in range(0, height, max(1, height // 40)):
        for x in range(0, width, max(1, width // 40)):
            colours.add(image.pixel(x, y))
            if len(colours) > 1:
                return False
    return True


def _save_png(image: QImage, out: Path) -> None:
    temporary = out.with_name(f".{out.name}.partial")
    if not image.save(str(temporary), "PNG"):
        temporary.unlink(missing_ok=True)
        raise CopydeskError(
            screenshot.tr("Cannot write the screenshot to %1.").replace("%1", str(out))
        )
    os.replace(temporary, out)
