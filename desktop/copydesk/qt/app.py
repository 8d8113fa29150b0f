"""Starting the application."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from copydesk import __version__
from copydesk.qt import startup_trace
from copydesk.qt.language import apply_language
from copydesk.qt.tasks import TaskRunner
from copydesk.qt.window.main_window import MainWindow
from copydesk.qt.window.preferences_store import PreferencesStore
from copydesk.qt.window.state import WindowState


def prepare_environment() -> None:
    """Settings Qt reads before it starts."""
    # Chromium refuses to run as root with its sandbox (containers, CI).
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    if _without_gpu():
        # OpenGL would be Mesa's llvmpipe: the preview's frames composited on the CPU at
        # frame pace, delaying every patch by up to a frame (12 ms median measured under
        # Xvfb). Qt Quick's software renderer draws the same page without that wait.
        os.environ.setdefault("QT_QUICK_BACKEND", "software")
        # Nor load Mesa at all: GLX would map llvmpipe (about 70 MiB over the process tree)
        # that nothing draws with once Qt Quick renders in software.
        os.environ.setdefault("QT_XCB_GL_INTEGRATION", "none")


def _without_gpu(devices: Path = Path("/dev/dri")) -> bool:
    """Linux with no GPU render node (virtual machines, remote desktops, CI), unless the
    user chose a graphics backend."""
    if not sys.platform.startswith("linux") or "QSG_RHI_BACKEND" in os.environ:
        return False
    return not any(devices.glob("renderD*"))


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, created if needed."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Chromium must know the preview's URL schemes before the QApplication exists.
    from copydesk.qt.preview.schemes import register_schemes

    register_schemes()
    # Lets QtWebEngine start after the QApplication exists (the preview starts late).
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Copydesk")
    app.setOrganizationName("copydesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("copydesk")
    return app


def run_application(library_path: Path, *, imports: Sequence[Path] = ()) -> int:
    """The window on ``library_path``; ``imports`` (packages opened from the desktop) are
    imported into it once it is open."""
    prepare_environment()
    app = application()
    preferences = PreferencesStore.persistent()
    apply_language(preferences.current().language)
    window = MainWindow(
        library_path,
        state=WindowState.persistent(),
        runner=TaskRunner(),
        preferences=preferences,
    )
    startup_trace.attach(window)
    if imports:
        window.import_when_open(list(imports))
    window.library_opened.connect(freeze_startup_objects)
    window.library_failed.connect(lambda message: _library_failed(window, message))
    app.aboutToQuit.connect(window.shutdown)
    window.show()
    return app.exec()


def freeze_startup_objects() -> None:
    """Move what start-up created (Qt, SQLAlchemy, Markdown, the rendered article…) out of
    the garbage collector's sight. Otherwise every full collection scans all of it again, a
    40–50 ms pause of whichever thread triggers it, the GUI thread included, since the
    collector holds the GIL throughout (measured in ``bench_picture_import``)."""
    gc.freeze()


def _library_failed(window: MainWindow, message: str) -> None:
    if os.environ.get(startup_trace.TRACE_ENV) == "exit":
        return
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("MainWindow", "Cannot Open the Library"),
        message,
    )
    other = box.addButton(
        QCoreApplication.translate("MainWindow", "Open Another Library…"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(
        QCoreApplication.translate("MainWindow", "Quit"), QMessageBox.ButtonRole.RejectRole
    )
    box.exec()
    if box.clickedButton() is other and window.choose_library():
        return
    QCoreApplication.exit(1)
