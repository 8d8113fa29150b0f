"""A bare preview pane on screen, and reading its page from Copydesk's isolated world."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from copydesk.qt.preview.preview_pane import PreviewPane
from copydesk.rendering.body_patch import block_wrapper

TIMEOUT_MS = 15_000


def open_pane(qtbot: QtBot) -> Iterator[PreviewPane]:
    """For a test module's ``pane`` fixture: ``yield from open_pane(qtbot)``."""
    preview = PreviewPane()
    preview.resize(900, 700)
    preview.show()
    qtbot.waitExposed(preview)
    preview.start()
    qtbot.waitUntil(lambda: preview.sync.connected, timeout=TIMEOUT_MS)
    yield preview
    preview.deleteLater()  # the page before its profile: both go with the pane
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def evaluate(qtbot: QtBot, pane: PreviewPane, script: str) -> object:
    results: list[object] = []
    pane.run_in_page(script, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=TIMEOUT_MS)
    return results[0]


def show(qtbot: QtBot, pane: PreviewPane, html: str, title: str = "Test") -> None:
    with qtbot.waitSignal(pane.rendered, timeout=TIMEOUT_MS):
        pane.show_html(html, language="en", title=title)


def article(blocks: list[str], first_line: int = 0, step: int = 2) -> str:
    """An article whose body holds ``blocks`` one per wrapper, lines ``first_line, +step …``."""
    wrapped = "".join(
        block_wrapper(html, first_line + index * step) for index, html in enumerate(blocks)
    )
    return (
        '<article class="cd-article"><header><h1 class="cd-headline">Headline</h1></header>'
        f'<div id="cd-body" class="cd-body">{wrapped}</div></article>'
    )


def paragraphs(count: int, words: int = 60) -> list[str]:
    return [f"<p>Paragraph {n}: " + "word " * words + "</p>" for n in range(count)]


def scroll_y(qtbot: QtBot, pane: PreviewPane) -> float:
    return float(str(evaluate(qtbot, pane, "String(window.scrollY)")))


def block_top(qtbot: QtBot, pane: PreviewPane, line: int) -> float:
    """Where the block starting at source ``line`` is, relative to the viewport's top."""
    script = f"String(document.querySelector('[data-line=\"{line}\"]').getBoundingClientRect().top)"
    return float(str(evaluate(qtbot, pane, script)))
