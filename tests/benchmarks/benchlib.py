"""Shared bits for the benchmarks: statistics, a virtual X display, the report table."""

from __future__ import annotations

import math
import os
import shutil
import statistics
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Figure:
    name: str
    samples_ms: list[float]
    target_ms: float | None = None
    target_p95_ms: float | None = None  # a target on the slowest runs rather than the median

    @property
    def median(self) -> float:
        return statistics.median(self.samples_ms)

    @property
    def p95(self) -> float:
        ordered = sorted(self.samples_ms)
        return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]

    @property
    def met(self) -> bool:
        median_met = self.target_ms is None or self.median <= self.target_ms
        return median_met and (self.target_p95_ms is None or self.p95 <= self.target_p95_ms)


def report(title: str, figures: list[Figure], notes: list[str] = ()) -> bool:  # type: ignore[assignment]
    print(f"\n{title}")
    for note in notes:
        print(f"  {note}")
    print(f"  {'measure':<44} {'n':>3} {'median':>9} {'p95':>9} {'min':>9} {'max':>9}  target")
    for figure in figures:
        target = f"median <= {figure.target_ms:.0f} ms" if figure.target_ms else ""
        if figure.target_p95_ms:
            target = f"p95 <= {figure.target_p95_ms:.0f} ms"
        verdict = ("met" if figure.met else "MISSED") if target else ""
        print(
            f"  {figure.name:<44} {len(figure.samples_ms):>3} {figure.median:>7.1f}ms"
            f" {figure.p95:>7.1f}ms {min(figure.samples_ms):>7.1f}ms"
            f" {max(figure.samples_ms):>7.1f}ms  {target} {verdict}"
        )
    return all(figure.met for figure in figures)


@contextmanager
def x_display() -> Iterator[str | None]:
    """A private Xvfb display, or None when Xvfb is not installed."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        yield None
        return
    number = 80 + os.getpid() % 9
    server = subprocess.Popen(
        [xvfb, f":{number}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp", "-noreset"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("Xvfb did not start")
            time.sleep(0.05)
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@contextmanager
def no_display() -> Iterator[None]:
    """Stands in for ``x_display`` when the offscreen platform is asked for."""
    yield None


RESULTS = Path(__file__).resolve().parent / "results"


def record(bench: str, figures: list[Figure]) -> None:
    """Prints each figure beside the last recorded one (results/BENCH.json, committed when an
    issue closes) and records the new figures there."""
    import json

    path = RESULTS / f"{bench}.json"
    before = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    now = {
        figure.name: {"median_ms": round(figure.median, 1), "p95_ms": round(figure.p95, 1)}
        for figure in figures
    }
    print(f"  against the last record ({path.relative_to(RESULTS.parent)}):")
    for name, figures_now in now.items():
        was = before.get(name)
        if was is None:
            print(f"    {name:<44} {figures_now['median_ms']:>7.1f}ms  (new)")
            continue
        change = figures_now["median_ms"] - was["median_ms"]
        share = change / was["median_ms"] * 100 if was["median_ms"] else 0.0
        print(
            f"    {name:<44} {figures_now['median_ms']:>7.1f}ms  was {was['median_ms']:.1f}ms"
            f" ({change:+.1f} ms, {share:+.0f}%)"
        )
    RESULTS.mkdir(exist_ok=True)
    path.write_text(json.dumps({**before, **now}, indent=1, ensure_ascii=False) + "\n", "utf-8")
