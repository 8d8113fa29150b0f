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
