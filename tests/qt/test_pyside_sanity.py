"""Guards against PySide6 defects that would crash Copydesk (see the pin in pyproject.toml)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal(object)


def test_emitting_a_signal_keeps_reference_counts_right() -> None:
    emitter = _Emitter()
    emitter.changed.connect(lambda _value: None)
    before = sys.getrefcount(True)
    for _ in range(500):
        emitter.changed.emit("x")
    assert abs(sys.getrefcount(True) - before) < 50
