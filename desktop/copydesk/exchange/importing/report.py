"""What became of each file of an import: the lines and JSON the command line prints, the
counts the window shows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from copydesk.exchange.importing.prepared import ImportKind


class ImportOutcome(StrEnum):
    IMPORTED = "imported"
    REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class ImportItem:
    """What became of one file."""

    path: str
    outcome: ImportOutcome
    kind: ImportKind | None = None
    article_id: int | None = None
    slug: str = ""
    headline: str = ""
    pictures_added: int = 0
    pictures_reused: int = 0
    pictures_awaiting: int = 0
    notes: tuple[str, ...] = ()
    reason: str = ""

    def line(self) -> str:
        """One line for the command line's report."""
        if self.outcome is ImportOutcome.REFUSED:
            return f"{self.path}: {self.reason}"
        return f"{self.path}: imported as {self.slug} ({self.kind})"

    def as_json(self) -> dict[str, Any]:
        values = {name: getattr(self, name) for name in self.__dataclass_fields__}
        values["notes"] = list(self.notes)
        return values


@dataclass(frozen=True, slots=True)
class ImportReport:
    items: tuple[ImportItem, ...]
    cancelled: bool = False

    def count(self, outcome: ImportOutcome) -> int:
        return sum(1 for item in self.items if item.outcome is outcome)

    @property
    def article_ids(self) -> list[int]:
        return [item.article_id for item in self.items if item.article_id is not None]


Progress = Callable[[int, int], None]
