"""Runs the real Copydesk window on a library and works in it the way a desk does while
other programs write to the same library: it types words into the open article (the
window's own autosave writes them) and, over and over, opens the file dialogs a person
opens (Picture Library ▸ Import Files in the library's folder, Import a Folder, File ▸
Import Articles in the media folder, File ▸ Open Library) and cancels them once they have
listed the folder.

The torture test starts it as a separate process while it runs ``copydesk import`` and
``copydesk pictures import`` in a loop; the driver stops when its standard input closes
or says ``stop``, closes the window the way a person does, and prints the words it typed.

    python -m tests.e2e.torture_driver LIBRARY MEDIA_FOLDER

Lines printed: ``ready``, ``dialog NAME`` for each dialog opened and cancelled,
``modal TEXT`` for any other modal window (closed), then ``typed WORDS`` and ``closed``.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

TYPING_INTERVAL_MS = 20
DIALOG_INTERVAL_MS = 250
# How long a dialog stays open: long enough for its model to list the folder and the
# icon gatherer to describe every file in it.
DIALOG_OPEN_MS = 600


def main(library: Path, media_folder: Path) -> int:
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
    from PySide6.QtGui import QKeyEvent, QTextCursor
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

    from copydesk.qt.app import application, prepare_environment
    from copydesk.qt.exchange.importing.controller import FOLDER_KEY
    from copydesk.qt.tasks import TaskRunner
    from copydesk.qt.window.main_window import MainWindow
    from copydesk.qt.window.state import WindowState

    prepare_environment()
    app = application()
    state = WindowState.ephemeral()
    state.set_text(FOLDER_KEY, str(media_folder))
    window = MainWindow(library, state=state, runner=TaskRunner())
    window.resize(1200, 800)

    class Stdin(QObject):
        stop = Signal()

    stdin = Stdin()

    def read_stdin() -> None:
        for line in sys.stdin:
            if line.strip() == "stop":
                break
        stdin.stop.emit()

    words: list[str] = []
    pending = ""
    dialogs = [
        ("picture-files", lambda: window.picture_library.choose_files()),
        ("article-files", lambda: window.imports.choose_files()),
        ("picture-folder", lambda: window.picture_library.choose_folder()),
        ("library", lambda: window.choose_library()),
    ]
    opened = 0
    stopping = False

    def type_next() -> None:
        nonlocal pending
        if not pending:
            pending = f"mot{len(words):04d} "
            words.append(pending.strip())
        char, pending = pending[0], pending[1:]
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(window.editor.body, event)

    def open_next_dialog() -> None:
        nonlocal opened
        if stopping or QApplication.activeModalWidget() is not None:
            return
        name, show = dialogs[opened % len(dialogs)]
        opened += 1
        QTimer.singleShot(DIALOG_OPEN_MS, lambda: dismiss(name))
        show()  # modal: typing goes on in its event loop

    def dismiss(name: str) -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QFileDialog):
            modal.reject()
            print(f"dialog {name}", flush=True)
        elif isinstance(modal, QMessageBox):
            print(f"modal {modal.text()} {modal.informativeText()}", flush=True)
            modal.reject()

    def stop() -> None:
        nonlocal stopping
        stopping = True
        typing.stop()
        while pending:  # the word under way is finished
            type_next()
        dialog_timer.stop()
        dismiss("last")
        window.editor.body.setFocus()
        # Close like a person: any box asking about unsaved text is reported and answered.
        QTimer.singleShot(0, close)

    def close() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            dismiss("close")
            QTimer.singleShot(50, close)
            return
        print(f"typed {' '.join(words)}", flush=True)
        window.close()
        if window.isVisible():
            QTimer.singleShot(100, close)
            return
        print("closed", flush=True)
        app.quit()

    def start() -> None:
        window.open_picture_library()
        window.picture_library.hide()
        window.activateWindow()
        window.editor.body.setFocus()
        window.editor.body.moveCursor(QTextCursor.MoveOperation.End)
        typing.start()
        dialog_timer.start()
        threading.Thread(target=read_stdin, daemon=True).start()
        print("ready", flush=True)

    typing = QTimer(window)
    typing.setInterval(TYPING_INTERVAL_MS)
    typing.timeout.connect(type_next)
    dialog_timer = QTimer(window)
    dialog_timer.setInterval(DIALOG_INTERVAL_MS)
    dialog_timer.timeout.connect(open_next_dialog)
    stdin.stop.connect(stop)
    window.library_opened.connect(start)
    window.show()
    return app.exec()


if __name__ == "__main__":
    os.chdir(Path(sys.argv[1]).parent)  # the Picture Library's dialogs open here
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
