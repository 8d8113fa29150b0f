"""Where the user's preferences live: their own settings file, apart from window state.

Every preference is declared once, with its default, in ``copydesk.preferences``; this
store only reads and writes the fields of that dataclass.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal

from copydesk.preferences import Preferences


class PreferencesStore(QObject):
    changed = Signal(object)  # Preferences

    def __init__(self, settings: QSettings | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._current = self._read()

    @classmethod
    def persistent(cls) -> PreferencesStore:
        return cls(
            QSettings(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, "copydesk", "preferences"
            )
        )

    @classmethod
    def ephemeral(cls, preferences: Preferences | None = None) -> PreferencesStore:
        store = cls(None)
        if preferences is not None:
            store._current = preferences
        return store

    def current(self) -> Preferences:
        return self._current

    def update(self, preferences: Preferences) -> None:
        if preferences == self._current:
            return
        self._current = preferences
        if self._settings is not None:
            for field in dataclasses.fields(Preferences):
                value = getattr(preferences, field.name)
                self._settings.setValue(f"preferences/{field.name}", value)
            self._settings.sync()
        self.changed.emit(preferences)

    def _read(self) -> Preferences:
        defaults = Preferences()
        if self._settings is None:
            return defaults
        values: dict[str, Any] = {}
        for field in dataclasses.fields(Preferences):
            default = getattr(defaults, field.name)
            stored = self._settings.value(f"preferences/{field.name}", default)
            values[field.name] = _coerce(stored, default)
        return Preferences(**values)


def _coerce(stored: object, default: Any) -> Any:
    """INI files give strings back; a value that does not parse falls back to the default."""
    try:
        if isinstance(default, bool):
            return str(stored).lower() in {"1", "true", "yes"}
        if isinstance(default, int):
            value = int(str(stored))
            return value if value > 0 else default
        return str(stored)
    except (TypeError, ValueError):
        return default
