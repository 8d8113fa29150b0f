"""Start-up pays only for the window: importing the application and its main window loads none
of the heavy libraries (SQLAlchemy, jsonschema, Pillow, pyexiv2, Python-Markdown). They come
after the first paint, on the threads that need them. Deterministic: no clock, the list of
modules a fresh interpreter holds."""

from __future__ import annotations

import subprocess
import sys
import textwrap

HEAVY = ("sqlalchemy", "jsonschema", "PIL", "pyexiv2", "markdown", "alembic", "nh3")


def test_starting_the_window_imports_nothing_heavy() -> None:
    script = textwrap.dedent(
        f"""
        import sys
        import copydesk.qt.app
        import copydesk.qt.window.main_window
        import copydesk.qt.startup_trace
        print([name for name in {HEAVY!r} if name in sys.modules])
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
