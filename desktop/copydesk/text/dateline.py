"""Datelines and dates as newsrooms write them, in French and English: "PARIS, 15 mars 2025",
"March 15, 2025 — London", "15/03/2025"."""

from __future__ import annotations

import re
from datetime import date

# ---------------------------------------------------------------------------------------------
# The dateline

_FRENCH_MONTHS = (
    "janvier|janv|février|fevrier|févr|fevr|fév|fev|mars|avril|avr|mai|juin|juillet|juil"
    "|août|aout|septembre|sept|octobre|oct|novembre|nov|décembre|decembre|déc|dec"
)
_ENGLISH_MONTHS = (
    "january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug"
    "|september|sept|sep|october|oct|november|nov|december|dec"
)
_MONTH_NUMBERS = {
    **dict.fromkeys(("janvier", "janv", "january", "jan"), 1),
    **dict.fromkeys(("février", "fevrier", "févr", "fevr", "fév", "fev", "february", "feb"), 2),
    **dict.fromkeys(("mars", "march", "mar"), 3),
    **dict.fromkeys(("avril", "avr", "april", "apr"), 4),
    **dict.fromkeys(("mai", "may"), 5),
    **dict.fromkeys(("juin", "june", "jun"), 6),
    **dict.fromkeys(("juillet", "juil", "july", "jul"), 7),
    **dict.fromkeys(("août", "aout", "august", "aug"), 8),
    **dict.fromkeys(("septembre", "sept", "september", "sep"), 9),
    **dict.fromkeys(("octobre", "oct", "october"), 10),
    **dict.fromkeys(("novembre", "nov", "november"), 11),
    **dict.fromkeys(("décembre", "decembre", "déc", "dec", "december"), 12),
}
_MONTH = rf"(?P<month_name>{_FRENCH_MONTHS}|{_ENGLISH_MONTHS})\.?"
_WEEKDAY = (
    r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+)?"
)
_DATES = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"(?P<day>\d{1,2})[./-](?P<month>\d{1,2})[./-](?P<year>\d{4})",
        r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})",
        rf"{_WEEKDAY}(?P<day>\d{{1,2}})(?:er|st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})",
        rf"{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})",
    )
]
_EDITION_SEPARATORS = " ,;|·•—–-"


def parse_date(text: str) -> date | None:
    """A date written as 15.03.2025, 15/03/2025, 2025-03-15, 15 mars 2025, 1er mars 2025,
    samedi 15 mars 2025, March 15, 2025 or 15 March 2025; None otherwise. Numeric dates are
    day first, as in French; month first only when day first is impossible (03/15/2025)."""
    for pattern in _DATES:
        match = pattern.fullmatch(text.strip())
        if match:
            return _date_of(match)
    return None


def _date_of(match: re.Match[str]) -> date | None:
    year, day = int(match["year"]), int(match["day"])
    groups = match.groupdict()
    if groups.get("month_name"):
        return _valid_date(year, _MONTH_NUMBERS[match["month_name"].lower()], day)
    month = int(match["month"])
    return _valid_date(year, month, day) or _valid_date(year, day, month)


def _valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def split_dateline(line: str) -> tuple[date, str] | None:
    """(date, edition) of a dateline: the date, then the edition ("15.03.2025 France"), or
    the edition, then the date ("Paris, 15 mars 2025"). The edition is a short name, so a
    sentence that opens with a date is not a dateline."""
    for pattern in _DATES:
        for match in (pattern.match(line), _match_at_end(pattern, line)):
            if match is None:
                continue
            found = _date_of(match)
            edition = (line[: match.start()] + line[match.end() :]).strip(_EDITION_SEPARATORS)
            if found and edition_like(edition):
                return found, edition
    return None


def _match_at_end(pattern: re.Pattern[str], line: str) -> re.Match[str] | None:
    for match in re.finditer(r"(?:^|[\s,;|·•—–-])(?=\S)", line):
        found = pattern.fullmatch(line, match.end())
        if found:
            return found
    return None


def edition_like(text: str) -> bool:
    return len(text) <= 60 and len(text.split()) <= 6 and not re.search(r"[.!?:;\d]", text)
