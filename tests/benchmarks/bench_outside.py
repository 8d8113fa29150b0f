"""Copydesk as a person sees it, measured from outside the process (issue 20): the real
``copydesk`` command on a private Xvfb display, keys sent through XTest, the screen read with
XGetImage every 2 ms until the pixels change.

- start → main window visible, and → the article's preview drawn (10,000 words);
- key → preview pixels changed at 1,000, 10,000 and 50,000 words, typing near the top of the
  body (single keys after a pause, and bursts of 10 keys a second) and at its end (the
  preview follows the cursor there);
- key → glyph painted in the editor at 50,000 words;
- memory of the whole process tree (RSS and PSS, the web engine's processes included) with
  50,000 words open.

The start-up markers the application prints (``COPYDESK_STARTUP_TRACE``) are shown beside
the outside figures as the breakdown.

    .venv/bin/python tests/benchmarks/bench_outside.py [--runs 8] [--keys 20]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import Figure, record, report, x_display
from corpus import article_body
from outside import Rect, Screen, copydesk, environment, tree_memory

START_VISIBLE_TARGET_MS = 250
START_PREVIEW_TARGET_MS = 600
KEY_TO_PIXELS_TARGET_MS = 16
KEY_TO_PIXELS_P95_MS = 33
MEMORY_TARGET_MIB = 400
IDLE_S = 0.3  # between single keys: each one after a pause, as a person types a correction
BURST_S = 0.1  # 10 keys a second, as a person types a sentence
SETTLE_S = 1.5  # after opening or moving the cursor, for the window to go quiet


def make_library(path: Path, words: int) -> None:
    from copydesk.articles import store as articles
    from copydesk.library.db import open_library
    from copydesk.records.article import ArticleContent

    content = ArticleContent(headline="Un très long article", body=article_body(words))
    open_library(
        path, create=True, on_create=lambda session: articles.create_article(session, content)
    ).close()


def start_up(screen: Screen, folder: Path, library: Path, runs: int) -> list[Figure]:
    visible, drawn, inside_paint, inside_ready = [], [], [], []
    env = environment(folder, library, screen_name(screen))
    preview: Rect | None = None
    for _run in range(runs + 1):  # the first run only learns where the preview is
        with copydesk(env) as app:
            window = None
            while window is None:
                window = screen.copydesk_window()
                if window is None:
                    time.sleep(0.002)
            shown = (time.monotonic() - app.started) * 1000
            if preview is not None:
                while not screen.painted(_inner(preview)):
                    time.sleep(0.002)
                preview_ms = (time.monotonic() - app.started) * 1000
            app.wait_for("article-ready")
            while "preview" not in app.places:
                time.sleep(0.01)
            if preview is None:
                preview = app.places["preview"]
                continue
            visible.append(shown)
            drawn.append(preview_ms)
            inside_paint.append(app.marks.get("first-paint", float("nan")))
            inside_ready.append(app.marks["article-ready"])
    return [
        Figure("start → window visible (outside)", visible, START_VISIBLE_TARGET_MS),
        Figure("  inside: first paint", inside_paint),
        Figure("start → article preview drawn (outside)", drawn, START_PREVIEW_TARGET_MS),
        Figure("  inside: article ready", inside_ready),
    ]


def _inner(rect: Rect) -> Rect:
    """The preview's text column, away from its edges and scroll bar."""
    return Rect(rect.x + 8, rect.y + 8, max(8, rect.width - 40), max(8, rect.height - 16))


def typing(screen: Screen, folder: Path, library: Path, words: int, keys: int) -> list[Figure]:
    env = environment(folder, library, screen_name(screen))
    figures = []
    with copydesk(env) as app:
        app.wait_for("article-ready")
        while "preview" not in app.places or "body" not in app.places:
            time.sleep(0.01)
        preview, body = _inner(app.places["preview"]), app.places["body"]
        time.sleep(SETTLE_S)
        screen.click(body.x + 60, body.y + 12)  # the first line of the body
        time.sleep(SETTLE_S)
        figures.append(_keys(screen, preview, keys, f"{words:,} words, top: key → preview"))
        burst = _keys(screen, preview, keys, f"{words:,} words, top, 10 keys/s", every=BURST_S)
        figures.append(burst)
        if words >= 50_000:
            glyphs = _keys(screen, _inner(body), keys, f"{words:,} words: key → glyph")
            figures.append(glyphs)
        screen.key("End", modifiers=("Control_L",))
        time.sleep(SETTLE_S)
        # The line at the top of the editor: the preview shows the same block at its top.
        screen.click(body.x + 60, body.y + 12)
        time.sleep(SETTLE_S * 2)
        figures.append(_keys(screen, preview, keys, f"{words:,} words, end: key → preview"))
        if words >= 50_000:
            time.sleep(SETTLE_S)
            rss, pss = tree_memory(app.process.pid)
            print(
                f"  memory of the process tree, {words:,} words open: RSS {rss:.0f} MiB,"
                f" PSS {pss:.0f} MiB (target RSS <= {MEMORY_TARGET_MIB} MiB:"
                f" {'met' if rss <= MEMORY_TARGET_MIB else 'MISSED'})"
            )
    return figures


FRAMES: Path | None = None  # --frames DIR: the screen before and after one key, to look at


def _keys(
    screen: Screen, rect: Rect, keys: int, name: str, *, every: float | None = None
) -> Figure:
    """Each key after a pause (``IDLE_S``), or one every ``every`` seconds (a burst: each
    key is sent on time whatever the last one cost, as a person keeps typing)."""
    samples = []
    for index in range(keys + 2):
        sent = time.monotonic()
        samples.append(screen.time_to_change(rect, lambda: screen.key("x")))
        if index == 2 and FRAMES is not None:
            screen.save_frames(FRAMES / name.replace(" ", "_").replace("→", "to"))
        if every is None:
            time.sleep(IDLE_S)
        else:
            time.sleep(max(0.0, every - (time.monotonic() - sent)))
    return Figure(name, samples[2:], KEY_TO_PIXELS_TARGET_MS, None)


def screen_name(screen: Screen) -> str:
    return screen.display.get_display_name()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=8)
    parser.add_argument("--keys", type=int, default=20)
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--frames", type=Path, help="save the frames around one key per figure")
    args = parser.parse_args()
    global FRAMES
    FRAMES = args.frames
    sizes = [int(size) for size in args.sizes.split(",")]
    met = True
    with x_display() as name, tempfile.TemporaryDirectory(prefix="copydesk-out-") as tmp:
        if name is None:
            print("bench_outside: Xvfb is not installed; nothing measured")
            return 0
        screen = Screen(name)
        folder = Path(tmp)
        libraries = {}
        for words in sorted({*sizes, 10_000}):
            libraries[words] = folder / f"article-{words}.copydesk"
            make_library(libraries[words], words)
        figures = start_up(screen, folder, libraries[10_000], args.runs)
        met &= report("Start-up, seen from outside (10,000-word article)", figures)
        record("outside-startup", figures)
        typed = []
        for words in sizes:
            typed += typing(screen, folder, libraries[words], words, args.keys)
        met &= report(
            "Typing, seen from outside: key sent → pixels changed on the screen",
            typed,
            [
                f"targets: median <= {KEY_TO_PIXELS_TARGET_MS} ms"
                f" (p95 <= {KEY_TO_PIXELS_P95_MS} ms)",
                f"single keys {IDLE_S * 1000:.0f} ms apart; the screen read every 2 ms",
            ],
        )
        record("outside-typing", typed)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
