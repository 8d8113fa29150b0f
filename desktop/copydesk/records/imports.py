"""What became of each file of an import, for articles and pictures alike: the lines and
JSON the command line prints, the counts and lists the window shows."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from copydesk.translation import _


class ImportOutcome(StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"  # a picture already in the library: nothing stored again
    REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class ImportItem:
    """What became of one file: an article (``article_id`` and what it brought) or a picture
    (``picture_id``); ``reason`` says, in the person's language, why it was refused."""

    path: str
    outcome: ImportOutcome
    kind: str | None = None  # the kind of article file (package, ninjs, markdown, plain text)
    article_id: int | None = None
    slug: str = ""
    headline: str = ""
    pictures_added: int = 0
    pictures_reused: int = 0
    pictures_awaiting: int = 0
    notes: tuple[str, ...] = ()
    reason: str = ""
    picture_id: int | None = None

    def line(self) -> str:
        """One line for the command line's report of an article import."""
        if self.outcome is ImportOutcome.REFUSED:
            return _("{path}: {reason}").format(path=self.path, reason=self.reason)
        return _("{path}: imported as {slug} ({kind})").format(
            path=self.path, slug=self.slug, kind=self.kind
        )

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

    @property
    def picture_ids(self) -> list[int]:
        return [item.picture_id for item in self.items if item.picture_id is not None]
