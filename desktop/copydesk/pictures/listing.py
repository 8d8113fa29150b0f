"""A picture as the screens show it: its credit, what the compliance engine says of it and
where it is used, judged without the database (the window loads this before its first paint;
``copydesk.pictures.operations`` reads and writes the pictures)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from copydesk.pictures import compliance, credits
from copydesk.pictures.licence_suggestions import DEFAULT_AGENCIES, agencies_from_text
from copydesk.preferences import Preferences
from copydesk.records.picture import PictureRecord, PictureStatus

if TYPE_CHECKING:
    from copydesk.pictures.compliance import CreditProblem
    from copydesk.pictures.store import PictureUsage


@dataclass(frozen=True, slots=True)
class PictureListing:
    """A picture as the library view shows it: its credit as composed (or typed), what the
    compliance engine says of it, and where it is used."""

    record: PictureRecord
    credit: str
    problems: tuple[CreditProblem, ...]
    status: PictureStatus
    usages: tuple[PictureUsage, ...]


@dataclass(frozen=True, slots=True)
class Judgement:
    """How pictures are judged: in which language credits are composed, whether the
    publication is commercial, and today's date (rights expire)."""

    language: str = "fr"
    commercial: bool = True
    today: date | None = None
    agencies: tuple[str, ...] = DEFAULT_AGENCIES  # their credits suggest the agency licence

    @classmethod
    def from_preferences(cls, preferences: Preferences, language: str = "fr") -> Judgement:
        agencies = agencies_from_text(preferences.news_agencies)
        return cls(language, preferences.commercial_publication, agencies=agencies)

    def replace(self, **changes: object) -> Judgement:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


def judge(
    record: PictureRecord, judgement: Judgement, usages: Sequence[PictureUsage] = ()
) -> PictureListing:
    metadata = record.metadata
    problems = compliance.check_picture(
        metadata,
        language=judgement.language,
        commercial=judgement.commercial,
        today=judgement.today or date.today(),
        agencies=judgement.agencies,
    )
    return PictureListing(
        record,
        credits.credit_for(metadata, judgement.language),
        tuple(problems),
        compliance.picture_status(problems),
        tuple(usages),
    )


class PictureFilter(StrEnum):
    """What the Picture Library's filter keeps."""

    ALL = "all"
    ERRORS = "errors"
    WARNINGS = "warnings"
    MISSING_CREDIT = "missing_credit"
    AWAITING_FILE = "awaiting_file"
    UNUSED = "unused"


@dataclass(frozen=True, slots=True)
class PictureQuery:
    """The Picture Library's search (words found, case and accents as typed folded by
    ``casefold``, in the file name, creator, credit, caption, source or headline), its filter
    and a licence."""

    words: tuple[str, ...] = ()
    filter: PictureFilter = PictureFilter.ALL
    licence: str = ""

    @classmethod
    def of(
        cls, text: str = "", kind: PictureFilter = PictureFilter.ALL, licence: str = ""
    ) -> PictureQuery:
        return cls(tuple(text.casefold().split()), kind, licence)


# Where a page of pictures ends: the last one's (updated_at, id), the list's order.
PictureKey = tuple[datetime, int]


@dataclass(frozen=True, slots=True)
class PictureBatch:
    """Pictures of a query from where the list had stopped; ``after`` is where the next batch
    starts (``None``: no more)."""

    listings: tuple[PictureListing, ...]
    after: PictureKey | None


@dataclass(frozen=True, slots=True)
class PicturePage:
    """The first pictures of a query, most recently changed first, how many match (``count``)
    and how many the library holds (``total``). ``unjudged`` pictures have not been judged
    since they changed (or since the judgement's settings did): until they are, the filters
    on errors and warnings leave them out. ``total`` and ``unjudged`` are ``-1`` when not
    asked for (a search or filter changed on a list already shown)."""

    query: PictureQuery
    listings: tuple[PictureListing, ...]
    after: PictureKey | None
    count: int
    total: int
    unjudged: int = 0
