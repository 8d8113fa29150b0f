"""Start-up markers for the benchmark: ``COPYDESK_STARTUP_TRACE=1`` prints them,
``COPYDESK_STARTUP_TRACE=exit`` also quits once the article is on screen.

Each line is ``copydesk-startup EVENT SECONDS`` on the system-wide monotonic clock, so the
process that started Copydesk can subtract its own start time.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QCoreApplication, QTimer

from copydesk.qt.window.main_window import MainWindow

TRACE_ENV = "COPYDESK_STARTUP_TRACE"


def mark(event: str) -> None:
    print(f"copydesk-startup {event} {time.monotonic():.6f}", file=sys.stdout, flush=True)


def _tell_modules(event: str) -> None:
    """The top-level packages loaded at ``event`` (``copydesk-modules EVENT NAME…``): the
    start-up test checks that none is heavy at the first paint, and that a library outside
    any newsroom never loads the PostgreSQL driver."""
    loaded = sorted({name.split(".", 1)[0] for name in list(sys.modules)})
    print(f"copydesk-modules {event} {' '.join(loaded)}", file=sys.stdout, flush=True)


def _tell_geometry(window: MainWindow) -> None:
    """Where the preview and the body are on the screen, for the benchmark that watches
    their pixels from outside (``copydesk-geometry NAME X Y WIDTH HEIGHT``)."""
    widgets = {"preview": window.preview.view or window.preview, "body": window.editor.body}
    for name, widget in widgets.items():
        corner = widget.mapToGlobal(widget.rect().topLeft())
        print(
            f"copydesk-geometry {name} {corner.x()} {corner.y()} {widget.width()}"
            f" {widget.height()}",
            file=sys.stdout,
            flush=True,
        )


def attach(window: MainWindow) -> None:
    mode = os.environ.get(TRACE_ENV, "")
    if not mode:
        return
    window.first_painted.connect(lambda: mark("first-paint"))
    window.first_painted.connect(lambda: _tell_modules("first-paint"))
    window.library_opened.connect(lambda: _tell_modules("library-opened"))
    window.article_ready.connect(lambda: mark("article-ready"))
    window.article_ready.connect(lambda: _tell_geometry(window))
    window.library_failed.connect(lambda message: mark("library-failed"))
    if mode == "exit":
        window.article_ready.connect(lambda: QTimer.singleShot(0, window.close))
        window.library_failed.connect(lambda _message: QCoreApplication.exit(1))
