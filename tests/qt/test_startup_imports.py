"""Start-up pays only for the window: importing the application and its main window loads none
of the heavy libraries (SQLAlchemy, jsonschema, Pillow, pyexiv2, Python-Markdown). They come
after the first paint, on the threads that need them. Deterministic: no clock, the list of
modules a fresh interpreter holds."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

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


def test_the_copydesk_command_paints_its_window_before_anything_heavy(tmp_path: Path) -> None:
    """The real path: the command's parser (every subcommand's options), the application,
    the window, up to its first paint, as ``copydesk`` runs it; then, once its library is open, a
    library outside any newsroom has not loaded the PostgreSQL driver."""
    from copydesk.articles import store as articles
    from copydesk.library.db import open_library
    from copydesk.records.article import ArticleContent

    library = tmp_path / "news.copydesk"
    content = ArticleContent(headline="Une", body="Le texte.")
    open_library(
        library, create=True, on_create=lambda session: articles.create_article(session, content)
    ).close()
    command = Path(sys.executable).with_name("copydesk")
    result = subprocess.run(
        [str(command)],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "COPYDESK_LIBRARY": str(library),
            "COPYDESK_STARTUP_TRACE": "exit",
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "XDG_DATA_HOME": str(tmp_path / "data"),
            "XDG_CACHE_HOME": str(tmp_path / "cache"),
        },
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded = {
        line.split()[1]: line.split()[2:]
        for line in result.stdout.splitlines()
        if line.startswith("copydesk-modules ")
    }
    modules = loaded["first-paint"]
    assert "PySide6" in modules and "copydesk" in modules  # the line lists what was loaded
    assert [name for name in HEAVY if name in modules] == []
    assert "sqlalchemy" in loaded["library-opened"]  # the library was opened and read
    assert "psycopg" not in loaded["library-opened"]
