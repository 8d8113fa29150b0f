"""The floor under Copydesk's outside figures: the least a Qt editor beside a QtWebEngine
preview can cost on this machine. A QPlainTextEdit (no highlighter, no checks, no outline)
and a QWebEngineView holding the text as plain paragraphs; each edit sets the text of the
one paragraph that changed, the smallest patch a page can take. Started with the same Qt
and Chromium settings as Copydesk (``prepare_environment``), it prints the same start-up and
geometry lines, so ``bench_outside`` measures it exactly as it measures Copydesk.

    python tests/benchmarks/floor_app.py WORDS
"""

from __future__ import annotations

import html
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import article_body

from copydesk.qt.app import application, prepare_environment

PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body {{ font: 18px/1.6 serif; max-width: 40em; margin: 1em auto; padding: 0 1em;
       overflow-wrap: anywhere; }}
p:empty {{ display: none; }}
</style></head><body><div id="b">{paragraphs}</div></body></html>"""


def mark(event: str) -> None:
    """As ``copydesk.qt.startup_trace.mark``, without importing the main window."""
    print(f"copydesk-startup {event} {time.monotonic():.6f}", flush=True)


def main() -> int:
    words = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    prepare_environment()
    app = application()

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QTextOption
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QPlainTextEdit, QSplitter

    text = article_body(words) if words else "Une page vide."
    window = QSplitter()
    window.setWindowTitle("Copydesk floor")
    body = QPlainTextEdit()
    # As Copydesk's editor: a long run of typed letters wraps instead of leaving the view.
    body.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    body.setPlainText(text)
    preview = QWebEngineView()
    window.addWidget(body)
    window.addWidget(preview)
    window.resize(1400, 900)
    window.setSizes([700, 700])
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n"))
    preview.setHtml(PAGE.format(paragraphs=paragraphs))

    def patch(position: int, _removed: int, _added: int) -> None:
        block = body.document().findBlock(position)
        paragraph = f"document.getElementById('b').children[{block.blockNumber()}]"
        script = f"{paragraph}.textContent = {json.dumps(block.text())};"
        preview.page().runJavaScript(script)

    def tell_geometry(ok: bool) -> None:
        mark("article-ready")
        for name, widget in (("preview", preview), ("body", body)):
            corner = widget.mapToGlobal(widget.rect().topLeft())
            print(
                f"copydesk-geometry {name} {corner.x()} {corner.y()} {widget.width()}"
                f" {widget.height()}",
                flush=True,
            )

    def follow() -> None:
        # Copydesk's preview follows the cursor's block; so does the floor's.
        number = body.textCursor().blockNumber()
        if number != shown_block[0]:
            shown_block[0] = number
            script = f"document.getElementById('b').children[{number}].scrollIntoView();"
            preview.page().runJavaScript(script)

    shown_block = [0]
    body.document().contentsChange.connect(patch)
    body.cursorPositionChanged.connect(follow)
    preview.loadFinished.connect(tell_geometry)
    window.show()
    QTimer.singleShot(0, lambda: mark("first-paint"))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
