"""What a check found: an article's problems (``copydesk.articles.checks``) and the severity
that picture credit problems share (``copydesk.pictures.compliance``)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum

from copydesk.text.typography import Edit


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class TextFix:
    """Edits to one field's text, with offsets into the text that was checked."""

    field: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing to look at. ``field[start:end]`` is what ``message`` is about; ``line`` and
    ``column`` (1-based) locate ``start`` in that field's text."""

    code: str
    severity: Severity
    field: str
    start: int
    end: int
    message: str
    params: dict[str, str | int] = dataclasses.field(default_factory=dict, hash=False)
    fix: TextFix | None = None
    line: int = 1
    column: int = 1

    @property
    def is_typography(self) -> bool:
        return self.code.startswith("typography.")
