"""Typing latency with spelling on: key press → character painted, in the middle of a
50,000-word French body with misspelt words underlined.

The same measure as ``bench_typing.py`` (a real MainWindow, a temporary library, keys posted
as QKeyEvents with a typist's pauses, timed to the end of the body viewport's paint event
that shows the character), on a body where one word in forty is misspelt, with the window's
spelling on (its French dictionary opened and the underlines drawn before the first key).
Besides the latency it prints how many blocks the spelling checked per keystroke, which
stays a handful whatever the article's length. Target (issue 17): median <= 16 ms.

    .venv/bin/python tests/benchmarks/bench_spelling.py [--keys 200] [--platform xcb|offscreen]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_typing import PaintClock, close_application, make_library, pause
from benchlib import Figure, no_display, report, x_display
from corpus import article_body

TARGET_MS = 16
BODY_WORDS = 50_000
WARM_UP_KEYS = 20
PAUSE_RANGE_MS = (40, 280)
TYPOS = ("conseill", "budjet", "habitans", "tempette", "équipagge", "Zelenski")
TYPED = "Une phrase tapée au milieu de l’article, avec une fautte, lettre après lettre. " * 20


def misspelt_body(words: int) -> str:
    """The benchmarks' article body with one word in forty replaced by a misspelt one."""
    rnd = random.Random(17)
    parts = article_body(words).split(" ")
    for index in range(20, len(parts), 40):
        if parts[index].isalpha():
            parts[index] = rnd.choice(TYPOS)
    return " ".join(parts)


def measure(library: Path, keys: int) -> tuple[list[float], list[int], int, int]:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QTextCursor

    from copydesk.qt.app import application, prepare_environment
    from copydesk.text.stats import count_words

    prepare_environment()
    application()
    from copydesk.qt.tasks import TaskRunner
    from copydesk.qt.window.main_window import MainWindow
    from copydesk.qt.window.state import WindowState

    window = MainWindow(library, state=WindowState.ephemeral(), runner=TaskRunner())
    ready = QEventLoop()
    window.article_ready.connect(ready.quit)
    QTimer.singleShot(60_000, ready.quit)
    window.resize(1400, 900)
    window.show()
    ready.exec()
    body = window.editor.body
    highlighter = body.highlighter
    for _ in range(200):  # the French dictionary opens on its own thread
        if highlighter.speller is not None:
            break
        pause(50)
    if highlighter.speller is None:
        raise RuntimeError("spelling did not start: " + str(window.spelling.service.reason("fr")))
    words = count_words(body.toPlainText())
    cursor = body.textCursor()
    cursor.setPosition(body.document().characterCount() // 2)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    body.setTextCursor(cursor)
    body.centerCursor()
    window.activateWindow()
    body.setFocus()
    pause(500)
    spelling = window.editor.spelling[2]
    underlined = len(spelling.misspellings())  # every block, checked now: counted once

    clock = PaintClock(body)
    checked: list[int] = []
    pauses = random.Random(1)
    for char in TYPED[: WARM_UP_KEYS + keys]:
        before = highlighter.spelt_blocks
        clock.type_key(char)
        pause(pauses.randint(*PAUSE_RANGE_MS))
        checked.append(highlighter.spelt_blocks - before)
    window.shutdown()
    window.deleteLater()
    close_application()
    return clock.samples[WARM_UP_KEYS:], checked[WARM_UP_KEYS:], words, underlined


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--platform", choices=["xcb", "offscreen"], default="xcb")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="copydesk-bench-") as tmp:
        folder = Path(tmp)
        for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
            os.environ[name] = str(folder / name.lower())
        library = folder / "spelling.copydesk"
        make_library(library, misspelt_body(BODY_WORDS))
        with x_display() if args.platform == "xcb" else no_display() as display:
            if display:
                os.environ.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
            else:
                os.environ["QT_QPA_PLATFORM"] = "offscreen"
            samples, checked, words, underlined = measure(library, args.keys)
    shown_on = f"Xvfb ({display})" if display else "offscreen platform"
    ok = report(
        "Typing in the middle of a long article, spelling on",
        [Figure("key press → character painted", samples, TARGET_MS)],
        [
            f"{len(samples)} keystrokes after {WARM_UP_KEYS} warm-up ones,"
            f" {PAUSE_RANGE_MS[0]}–{PAUSE_RANGE_MS[1]} ms apart,"
            f" body of {words:,} words with {underlined:,} misspelt words underlined,"
            f" shown on {shown_on}",
            f"blocks whose spelling was checked per keystroke: median"
            f" {statistics.median(checked):g}, most {max(checked)}",
            f"{platform.node()}: {os.cpu_count()} CPUs, Python {platform.python_version()}",
            "measured from posting the QKeyEvent to the end of the viewport's paint event",
        ],
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
