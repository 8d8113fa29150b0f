"""The core must import and work with PySide6 unavailable."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import copydesk

CORE_ROOT = Path(copydesk.__file__).parent


def core_modules() -> list[str]:
    names = []
    for path in sorted(CORE_ROOT.rglob("*.py")):
        relative = path.relative_to(CORE_ROOT.parent).with_suffix("")
        parts = relative.parts
        if "qt" in parts[1:2] or "versions" in parts or parts[-1] == "env":
            continue  # the UI package; Alembic scripts run only inside Alembic
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def test_every_core_module_imports_with_pyside6_blocked() -> None:
    modules = core_modules()
    assert "copydesk.library.db" in modules and "copydesk.cli.main" in modules
    assert not any(name.startswith("copydesk.qt") for name in modules)
    script = textwrap.dedent(
        f"""
        import importlib, sys
        sys.modules["PySide6"] = None  # any "import PySide6..." now raises ImportError
        for name in {modules!r}:
            importlib.import_module(name)
        assert not any(m.startswith("PySide6") for m in sys.modules if sys.modules[m])
        print("ok", len({modules!r}))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")


def test_core_works_with_pyside6_blocked(tmp_path: Path) -> None:
    """Not only importable: a library can be created, listed and rendered without Qt."""
    script = textwrap.dedent(
        f"""
        import sys
        sys.modules["PySide6"] = None
        from copydesk.cli.main import main
        from copydesk.library.db import open_library
        from copydesk.articles.sample import add_sample_article
        open_library({str(tmp_path / "lib.copydesk")!r}, create=True,
                     on_create=add_sample_article).close()
        sys.exit(main(["--library", {str(tmp_path / "lib.copydesk")!r}, "list", "--json"]))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Saint-Aubin" in result.stdout
