"""``copydesk screenshot``: a screen of Copydesk rendered offscreen, saved as a PNG: the main
window, the Picture Library, or the report of exporting the open article."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QPoint, QRect, QTimer
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QWidget

from copydesk.errors import CopydeskError
from copydesk.qt.labels import Context
from copydesk.qt.tasks import TaskRunner
from copydesk.qt.window.main_window import MainWindow
from copydesk.qt.window.state import WindowState

READY_TIMEOUT_MS = 60_000
SETTLE_MS = 150
MAX_SETTLE_ROUNDS = 20
VIEWS = ("window", "pictures", "export")

screenshot = Context("screenshot")


def take_screenshot(
    library_path: Path,
    out: Path,
    slug: str | None,
    size: tuple[int, int],
    view: str = "window",
) -> None:
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
    _save_png(_render(library_path, slug, size, view), out)


def _render(library_path: Path, slug: str | None, size: tuple[int, int], view: str) -> QImage:
    """Open the window on the library (never creating it, never remembering its state), wait
    until the article is on the page and the library fully open, then show ``view``."""
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
        if view == "pictures":
            return _picture_library(window, size)
        if view == "export":
            return _export_report(window)
        return _settled_grab(window)
    finally:
        if window.picture_library is not None:
            window.picture_library.close()
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


def _picture_library(window: MainWindow, size: tuple[int, int]) -> QImage:
    """The Picture Library, with the open article's lead picture selected when it has one."""
    current = window.current
    lead = current.content.lead_picture if current is not None else None
    window.open_picture_library(lead.picture_id if lead is not None else None)
    shown = window.picture_library
    if shown is None:
        raise CopydeskError(screenshot.tr("Cannot take the screenshot: %1").replace("%1", "?"))
    shown.resize(*size)
    return _steady_grab(shown)


def _export_report(window: MainWindow) -> QImage:
    """What a person reads after exporting the open article: written (to a folder that is
    thrown away afterwards) or refused with the problems to fix."""
    from copydesk.qt.exchange.export.exporter import ExportSettings

    exports = window.exports
    with tempfile.TemporaryDirectory(prefix="copydesk-screenshot-") as folder:
        _wait_for(
            exports.finished, lambda: exports.export_open_article(ExportSettings(Path(folder)))
        )
        dialog = exports.dialog
        if dialog is None:
            raise CopydeskError(
                screenshot.tr("Cannot take the screenshot: %1").replace("%1", "no report")
            )
        try:
            return _steady_grab(dialog)
        finally:
            dialog.close()


def _wait_for(signal: object, start: Callable[[], None]) -> None:
    loop = QEventLoop()
    signal.connect(lambda *_args: loop.quit())  # type: ignore[attr-defined]
    QTimer.singleShot(READY_TIMEOUT_MS, loop.quit)
    start()
    loop.exec()


def _steady_grab(widget: QWidget) -> QImage:
    """Grab once two grabs in a row agree (thumbnails and lists fill in after showing)."""
    previous = QImage()
    for _ in range(MAX_SETTLE_ROUNDS):
        loop = QEventLoop()
        QTimer.singleShot(SETTLE_MS * 2, loop.quit)
        loop.exec()
        image = widget.grab().toImage()
        if image == previous:
            break
        previous = image
    return previous


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
