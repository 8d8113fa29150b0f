"""A window on a library that is not in a newsroom pays nothing for it: the network's
modules (psycopg, the sync engine, the merge library, the keyring) load only once a
library is a replica."""

from __future__ import annotations

import subprocess
import sys
import textwrap

NEWSROOM_ONLY = ("psycopg", "merge3", "keyring", "copydesk.sync.engine", "copydesk.sync.live")


def test_the_window_module_loads_no_newsroom_module() -> None:
    script = textwrap.dedent(
        f"""
        import sys
        import copydesk.qt.window.main_window
        loaded = [name for name in {NEWSROOM_ONLY!r} if name in sys.modules]
        print(loaded)
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
