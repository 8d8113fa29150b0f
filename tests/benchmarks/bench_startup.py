"""Start-up: the real application started as a subprocess, again and again.

(a) time to the first painted main window, (b) time until the article is loaded and the
preview has rendered it. Both from just before the process is spawned, on the system-wide
monotonic clock the application prints its markers with. Targets (issue 3): (a) median
<= 250 ms, (b) median <= 600 ms.

    .venv/bin/python tests/benchmarks/bench_startup.py [--runs 20] [--platform xcb|offscreen]
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import Figure, no_display, report, x_display

import copydesk
from copydesk.articles.sample import add_sample_article
from copydesk.library.db import open_library

COPYDESK = Path(sys.executable).with_name("copydesk")
FIRST_PAINT_TARGET_MS = 250
ARTICLE_READY_TARGET_MS = 600
WARM_UP_RUNS = 2


def run_once(env: dict[str, str], command: Path | None = None) -> dict[str, float]:
    """The start-up marks of one run of ``command`` (this environment's copydesk)."""
    started = time.monotonic()
    process = subprocess.run(
        [str(command or COPYDESK)], env=env, capture_output=True, text=True, timeout=120,
        check=False,
    )  # fmt: skip
    if process.returncode != 0:
        raise RuntimeError(f"copydesk exited with {process.returncode}:\n{process.stderr}")
    marks = {}
    for line in process.stdout.splitlines():
        if line.startswith("copydesk-startup "):
            _, event, when = line.split()
            marks[event] = (float(when) - started) * 1000
    if set(marks) != {"first-paint", "article-ready"}:
        raise RuntimeError(f"missing start-up markers in:\n{process.stdout}\n{process.stderr}")
    return marks


def environment(folder: Path, library: Path, display: str | None) -> dict[str, str]:
    # Started as installed, from the bytecode compiled beforehand (see outside.environment).
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    env.update(
        COPYDESK_LIBRARY=str(library),
        COPYDESK_STARTUP_TRACE="exit",
        XDG_CONFIG_HOME=str(folder / "config"),
        XDG_CACHE_HOME=str(folder / "cache"),
        XDG_DATA_HOME=str(folder / "data"),
    )
    if display:
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--platform", choices=["xcb", "offscreen"], default="xcb")
    parser.add_argument(
        "--library",
        type=Path,
        help="also start on this library (a large one: bench_search's cache), runs interleaved",
    )
    args = parser.parse_args()

    # An installed application starts from compiled bytecode (pip compiles a wheel's
    # modules); the warm-up runs cannot write it when PYTHONDONTWRITEBYTECODE is set.
    compileall.compile_dir(Path(copydesk.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory(prefix="copydesk-bench-") as tmp:
        folder = Path(tmp)
        library = folder / "bench.copydesk"
        open_library(library, create=True, on_create=add_sample_article).close()
        with x_display() if args.platform == "xcb" else no_display() as display:
            env = environment(folder, library, display)
            large = environment(folder, args.library, display) if args.library else None
            for _ in range(WARM_UP_RUNS):
                run_once(env)
                if large:
                    run_once(large)
            runs: list[dict[str, float]] = []
            large_runs: list[dict[str, float]] = []
            for _ in range(args.runs):
                runs.append(run_once(env))
                if large:
                    large_runs.append(run_once(large))
    shown_on = f"Xvfb ({display})" if display else "offscreen platform"
    figures = [
        Figure(
            "(a) first painted main window", [r["first-paint"] for r in runs], FIRST_PAINT_TARGET_MS
        ),
        Figure(
            "(b) article loaded + preview rendered",
            [r["article-ready"] for r in runs],
            ARTICLE_READY_TARGET_MS,
        ),
    ]
    if large_runs:
        figures += [
            Figure(f"({mark}) {name}, the large library", [r[event] for r in large_runs])
            for mark, name, event in (
                ("a", "first paint", "first-paint"),
                ("b", "article ready", "article-ready"),
            )
        ]
    ok = report(
        "Start-up of the copydesk command, sample library",
        figures,
        [
            f"{args.runs} runs after {WARM_UP_RUNS} warm-up runs, shown on {shown_on}",
            f"{platform.node()}: {os.cpu_count()} CPUs, Python {platform.python_version()}",
            "measured from just before the process is spawned",
            *([f"large library: {args.library} (interleaved run by run)"] if large_runs else []),
        ],
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
