"""Where Copydesk keeps its files."""

from __future__ import annotations

import os
from pathlib import Path

APP_ID = "copydesk"
LIBRARY_ENV = "COPYDESK_LIBRARY"
LIBRARY_FILE_NAME = "library.copydesk"


def default_library_path() -> Path:
    """The library used when neither ``--library`` nor ``COPYDESK_LIBRARY`` names one."""
    import platformdirs  # deferred: only needed when no library was named

    return platformdirs.user_data_path(APP_ID, appauthor=False) / LIBRARY_FILE_NAME


def resolve_library_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """``--library`` wins over ``COPYDESK_LIBRARY``, which wins over the default."""
    chosen = cli_value or os.environ.get(LIBRARY_ENV)
    if chosen:
        return Path(chosen).expanduser().absolute()
    return default_library_path()
