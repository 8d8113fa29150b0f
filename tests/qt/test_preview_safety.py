"""Hostile HTML in the preview: nothing runs, nothing leaves the machine.

The sanitizer is the renderer's job; here the worst is assumed, and raw hostile HTML is put
straight into the page, through ``show_html`` and through ``patch_body``. Every payload
tries to set ``data-pwned`` on the root element and points its URLs at a local server that
counts the connections it accepts (http, https, ws and ftp alike). The pane's walls are
tested together (the house page as it ships) and without the page's CSP (the request
interceptor and the navigation guard alone).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from pytestqt.qtbot import QtBot

from copydesk.qt.preview import preview_pane, schemes
from copydesk.qt.preview.preview_pane import PreviewPane
from copydesk.records.article import ArticleContent
from copydesk.rendering.article import render_article
from copydesk.rendering.body_patch import BlockOp, BodyPatch
from tests.qt.preview_helpers import TIMEOUT_MS, article, evaluate, open_pane, show

PWN = "document.documentElement.setAttribute('data-pwned','1')"
SETTLE_MS = 1500  # long enough for a 0-second refresh, a failing image, a frame


class _Trap(ThreadingHTTPServer):
    """Counts every connection, whatever protocol speaks first."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Quiet)
        self.connections = 0

    def verify_request(self, request, client_address) -> bool:  # type: ignore[no-untyped-def]
        self.connections += 1
        return True


class _Quiet(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<script>" + PWN.encode() + b"</script>")

    do_POST = do_GET

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def trap() -> Iterator[_Trap]:
    server = _Trap()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def pane(qtbot: QtBot) -> Iterator[PreviewPane]:
    yield from open_pane(qtbot)


@pytest.fixture
def pane_without_csp(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[PreviewPane]:
    """The house page with neither its CSP meta tag nor the scheme's CSP header."""
    house = preview_pane.page_html

    def without_csp(content: str, *, language: str, title: str) -> str:
        page = house(content, language=language, title=title)
        start = page.index('<meta http-equiv="Content-Security-Policy"')
        return page[:start] + page[page.index(">", start) + 1 :]

    monkeypatch.setattr(preview_pane, "page_html", without_csp)
    monkeypatch.setattr(schemes, "CONTENT_SECURITY_POLICY", "")
    yield from open_pane(qtbot)


def payloads(port: int) -> list[str]:
    http, https = f"http://127.0.0.1:{port}", f"https://127.0.0.1:{port}"
    return [
        f"<script>{PWN}</script>",
        f'<img src="x" onerror="{PWN}">',
        f'<p onclick="{PWN}">click me</p>',
        f'<a href="javascript:{PWN}">js link</a>',
        f'<a href="data:text/html,&lt;script&gt;{PWN}&lt;/script&gt;">data link</a>',
        f'<a href="{http}/link" ping="{http}/ping">link</a>',
        f'<a href="{https}/window" target="_blank">new window</a>',
        f'<iframe src="{https}/frame"></iframe><iframe src="{http}/frame"></iframe>',
        f'<iframe srcdoc="&lt;script&gt;parent.{PWN}&lt;/script&gt;"></iframe>',
        f'<object data="{http}/object"></object><embed src="{http}/embed">',
        f'<form action="{https}/form" method="post"><input name="a" value="b">'
        '<button type="submit">send</button></form>',
        f'<svg xmlns="http://www.w3.org/2000/svg" onload="{PWN}"><script>{PWN}</script>'
        f'<image href="{http}/svg-image.png" width="10" height="10"/></svg>',
        f"<style>@import url({https}/import.css); @font-face {{ font-family: x;"
        f" src: url({http}/font.woff); }} p {{ font-family: x; }}</style>",
        f'<div style="background:url({http}/background.png)">background</div>',
        f'<link rel="stylesheet" href="{https}/style.css"><link rel="prefetch" href="{http}/pre">',
        f'<meta http-equiv="refresh" content="0;url={http}/refresh">',
        f'<img src="{https}/pixel.gif" width="1" height="1" alt="">',
        f'<img src="{http}/pixel2.gif" srcset="{http}/srcset.png 2x">',
        f'<img src="ftp://127.0.0.1:{port}/ftp.gif"><img src="ws://127.0.0.1:{port}/ws">',
        f'<video src="{http}/video.mp4" autoplay></video><audio src="{http}/a.mp3" autoplay>',
        f'<base href="{http}/"><img src="relative-to-base.png">',
    ]


# Clicks and submits from Copydesk's world: isolated worlds share the DOM, not JS globals.
_ACT = """(function () {
  var clicked = document.querySelectorAll("#cd-page a, #cd-page button, #cd-page p");
  for (var i = 0; i < clicked.length; i++) { clicked[i].click(); }
  var forms = document.querySelectorAll("#cd-page form");
  for (var j = 0; j < forms.length; j++) { forms[j].submit(); }
  return String(clicked.length + forms.length);
})()"""


def _attack(qtbot: QtBot, pane: PreviewPane, minimum: int = 8) -> None:
    assert int(str(evaluate(qtbot, pane, _ACT))) >= minimum
    qtbot.wait(SETTLE_MS)


def _assert_unharmed(qtbot: QtBot, pane: PreviewPane, trap: _Trap) -> None:
    flag = evaluate(qtbot, pane, "String(document.documentElement.getAttribute('data-pwned'))")
    assert flag == "null"
    assert evaluate(qtbot, pane, "location.href") == schemes.PAGE_URL.toString()
    assert evaluate(qtbot, pane, "String(!!document.querySelector('#cd-page .cd-body'))") == "true"
    assert trap.connections == 0


def _hostile_article(port: int) -> str:
    return article(["<p>Before</p>", *payloads(port), "<p>After</p>"])


def test_hostile_html_shown_in_full_does_nothing(
    qtbot: QtBot, pane: PreviewPane, trap: _Trap
) -> None:
    show(qtbot, pane, _hostile_article(trap.server_address[1]))
    _attack(qtbot, pane)
    _assert_unharmed(qtbot, pane, trap)
    assert pane.page is not None
    refused = " ".join(pane.page.refused_navigations)
    for path in ("/link", "/form", "/refresh"):
        assert path in refused


def test_hostile_html_patched_in_does_nothing(qtbot: QtBot, pane: PreviewPane, trap: _Trap) -> None:
    show(qtbot, pane, article(["<p>Before</p>"]))
    hostile = payloads(trap.server_address[1])
    ops = tuple(BlockOp("insert", 1 + n, html) for n, html in enumerate(hostile))
    done: list[bool] = []
    pane.patch_body(BodyPatch(ops, tuple(range(len(hostile) + 1))), done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=TIMEOUT_MS)
    assert done == [True]
    _attack(qtbot, pane, minimum=6)
    _assert_unharmed(qtbot, pane, trap)


def test_the_interceptor_alone_keeps_the_page_offline(
    qtbot: QtBot, pane_without_csp: PreviewPane, trap: _Trap
) -> None:
    pane = pane_without_csp
    show(qtbot, pane, _hostile_article(trap.server_address[1]))
    _attack(qtbot, pane)
    _assert_unharmed(qtbot, pane, trap)
    assert pane.interceptor is not None
    blocked = " ".join(pane.interceptor.blocked_urls)
    for path in ("/pixel.gif", "/import.css", "/style.css", "/background.png", "/font.woff"):
        assert path in blocked
    assert "ftp://" in blocked and "ws://" in blocked
    assert pane.interceptor.blocked_count >= 10
    # Frames, plugins, links, forms and refreshes are navigations: refused before any request.
    assert pane.page is not None
    refused = " ".join(pane.page.refused_navigations)
    for path in ("/frame", "/object", "/embed", "/link", "/form", "/refresh"):
        assert path in refused


def test_hostile_markdown_through_the_renderer_does_nothing(
    qtbot: QtBot, pane: PreviewPane, trap: _Trap
) -> None:
    port = trap.server_address[1]
    body = "Intro paragraph.\n\n" + "\n\n".join(payloads(port))
    body += f"\n\n[a link](javascript:{PWN}) ![pixel](https://127.0.0.1:{port}/md-pixel.gif)\n"
    html = render_article(ArticleContent(headline="Hostile", body=body, language="en"))
    show(qtbot, pane, html)
    _attack(qtbot, pane, minimum=1)
    _assert_unharmed(qtbot, pane, trap)
    markup = str(evaluate(qtbot, pane, "document.getElementById('cd-page').innerHTML"))
    assert "<script" not in markup and "onerror" not in markup and "javascript:" not in markup
