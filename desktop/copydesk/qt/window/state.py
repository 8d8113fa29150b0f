"""Window state (geometry, splitter sizes, last article): remembered, never a preference.

Kept apart from user preferences, in its own file under the user's config folder.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings


class WindowState:
    def __init__(self, settings: QSettings | None) -> None:
        self._settings = settings
        self._memory: dict[str, Any] = {}

    @classmethod
    def persistent(cls) -> WindowState:
        return cls(
            QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "copydesk", "state")
        )

    @classmethod
    def ephemeral(cls) -> WindowState:
        """Defaults in, nothing out: for screenshots and tests."""
        return cls(None)

    def _get(self, key: str) -> Any:
        if self._settings is None:
            return self._memory.get(key)
        return self._settings.value(key)

    def _set(self, key: str, value: Any) -> None:
        if self._settings is None:
            self._memory[key] = value
        else:
            self._settings.setValue(key, value)

    def bytes_value(self, key: str) -> QByteArray | None:
        value = self._get(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_bytes(self, key: str, value: QByteArray) -> None:
        self._set(key, value)

    def text_value(self, key: str, default: str) -> str:
        value = self._get(key)
        return value if isinstance(value, str) and value else default

    def set_text(self, key: str, value: str) -> None:
        self._set(key, value)

    def last_article_id(self, library: Path) -> int | None:
        value = self._get(f"last-article/{_library_key(library)}")
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def set_last_article_id(self, library: Path, article_id: int | None) -> None:
        self._set(f"last-article/{_library_key(library)}", article_id if article_id else "")

    def sync(self) -> None:
        if self._settings is not None:
            self._settings.sync()


def _library_key(library: Path) -> str:
    return hashlib.sha1(str(library.absolute()).encode("utf-8")).hexdigest()[:16]
