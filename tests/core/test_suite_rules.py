"""Rules of the test suite itself: CI runs on a shared, sometimes busy machine."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
CLOCKS = {"perf_counter", "perf_counter_ns", "process_time", "thread_time"}


def test_no_unit_test_times_itself() -> None:
    """Speed is measured in tests/benchmarks (median and p95, ``make bench``); a test checks
    behaviour or a deterministic proxy, never a stopwatch."""
    offenders = []
    for path in sorted(TESTS.rglob("*.py")):
        if "benchmarks" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", None)
            if name in CLOCKS:
                offenders.append(f"{path.relative_to(TESTS)}:{node.lineno}")  # type: ignore[attr-defined]
    assert not offenders, "move the timing to tests/benchmarks: " + ", ".join(offenders)
