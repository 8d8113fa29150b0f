"""What a supplier's special instructions (IIM 2:40, XMP photoshop:Instructions) ask of the
desk, read in English and French agency wording, whatever the case.

Agencies write their restrictions in capitals, one after another: "MANDATORY CREDIT: JANE
DOE/REUTERS. ONE TIME USE ONLY. NO ARCHIVES." Each known phrase starts an instruction, which
runs to the next one; the words after a phrase are the credit a mandatory credit requires, or
the moment an embargo ends. Whatever is not understood is kept as written, for the desk to
read: an instruction is never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, timezone, tzinfo
from enum import StrEnum
from zoneinfo import ZoneInfo


class Restriction(StrEnum):
    MANDATORY_CREDIT = "mandatory-credit"
    ONE_TIME_USE = "one-time-use"
    NO_ARCHIVES = "no-archives"
    NO_SALES = "no-sales"
    EDITORIAL_ONLY = "editorial-only"
    MAGS_OUT = "mags-out"
    EMBARGO = "embargo"
    HANDOUT = "handout"
    FILE_PHOTO = "file-photo"


@dataclass(frozen=True, slots=True)
class Instruction:
    """One instruction: its ``kind`` (None for wording Copydesk does not know), the text as
    written, the ``credit`` a mandatory credit requires, the moment an embargo ends (``until``,
    None for a hold without a date)."""

    kind: Restriction | None
    text: str
    credit: str = ""
    until: datetime | None = None


_A = "['’]"  # French elision, typed or typographic
_PHRASES: dict[Restriction, str] = {
    Restriction.MANDATORY_CREDIT: (
        r"mandatory\s+(?:by-?line\s+and\s+)?credit(?:\s+line)?|credit\s+(?:is\s+)?mandatory"
        r"|must\s+credit|cr[ée]dit\s+(?:photo\s+)?obligatoire|mention\s+obligatoire"
    ),
    Restriction.ONE_TIME_USE: (
        r"(?:for\s+)?one[\s-]time\s+use(?:\s+only)?|single\s+use(?:\s+only)?"
        r"|(?:usage|utilisation|publication)\s+unique"
    ),
    Restriction.NO_ARCHIVES: (
        rf"no\s+archiv(?:es?|ing)|not\s+for\s+archiv(?:es?|ing)|pas\s+d{_A}archiv(?:es?|age)"
        r"|ne\s+pas\s+archiver|archivage\s+interdit"
    ),
    Restriction.NO_SALES: (
        r"no\s+(?:re)?sales?|not\s+for\s+(?:re)?sale|pas\s+de\s+(?:re)?vente"
        r"|(?:re)?vente\s+interdite|ne\s+pas\s+(?:re)?vendre"
    ),
    Restriction.EDITORIAL_ONLY: (
        r"(?:for\s+)?editorial\s+use\s+only|editorial\s+only|no\s+commercial\s+use"
        r"|(?:pour\s+(?:un\s+)?)?(?:usage|utilisation)\s+[ée]ditoriale?\s+(?:uniquement|seulement)"
        r"|(?:usage|utilisation)\s+commerciale?\s+interdite?"
    ),
    Restriction.MAGS_OUT: r"mags?\s+out|no\s+magazines?|pas\s+de\s+magazines?|magazines\s+exclus",
    Restriction.EMBARGO: (
        r"embargo(?:ed)?(?:\s+(?:until|till|to))?|hold\s+for\s+release(?:\s+until)?"
        r"|do\s+not\s+(?:publish|use)\s+before|ne\s+pas\s+(?:publier|diffuser)\s+avant"
        rf"|(?:sous\s+)?embargo\s+jusqu{_A}(?:au|à)"
    ),
    Restriction.HANDOUT: (
        r"handout(?:\s+(?:photo|picture|image))?|(?:photo|image|document)\s+(?:fournie?|remise?)"
    ),
    Restriction.FILE_PHOTO: (
        r"(?:eds?\s+note\s*:\s*(?:this\s+is\s+)?(?:a\s+)?)?file\s+(?:photo|picture|image)"
        rf"|(?:photo|image)\s+d{_A}archives?"
    ),
}
# The longest embargo phrase first: "sous embargo jusqu'au" before "embargo".
_EMBARGO_FIRST = (Restriction.EMBARGO,)
_PHRASE = re.compile(
    "|".join(
        rf"(?P<{kind.name}>(?<!\w)(?:{_PHRASES[kind]})(?!\w))"
        for kind in sorted(_PHRASES, key=lambda kind: kind not in _EMBARGO_FIRST)
    ),
    re.IGNORECASE,
)
# Between instructions, and after what a phrase takes.
_SEPARATORS = " \t\n\r.,;:!|–—-/"
# Where a required credit or a date ends: a sentence's end, a semicolon, a line's end.
_CLAUSE_END = re.compile(r"[;\n|]|\.(?=\s|$)")


def read_instructions(text: str, zone: tzinfo = UTC) -> list[Instruction]:
    """The instructions in ``text``, in order. An embargo's moment is read in ``zone`` (the
    person's time zone) when it names none."""
    found: list[Instruction] = []
    position = 0
    while (match := _PHRASE.search(text, position)) is not None:
        _keep_unknown(found, text[position : match.start()])
        kind = Restriction[match.lastgroup or ""]
        # A required credit and an embargo's moment run to their clause's end, and what they
        # say is theirs: "US Navy/Handout" is a credit, not a handout's mark.
        words, position = _clause(text, match.end()) if kind in _WITH_CLAUSE else ("", match.end())
        found.append(_instruction(kind, match[0], words, zone))
    _keep_unknown(found, text[position:])
    return found


_WITH_CLAUSE = (Restriction.MANDATORY_CREDIT, Restriction.EMBARGO)


def _instruction(kind: Restriction, phrase: str, words: str, zone: tzinfo) -> Instruction:
    if kind is Restriction.MANDATORY_CREDIT:
        return Instruction(kind, f"{phrase}: {words}" if words else phrase, credit=words)
    if kind is Restriction.EMBARGO:
        until = read_moment(words, zone) if words else None
        return Instruction(kind, f"{phrase} {words}".strip(), until=until)
    return Instruction(kind, phrase)


def _clause(text: str, start: int) -> tuple[str, int]:
    """The words from ``start`` to the end of their clause, and where that is."""
    end = _CLAUSE_END.search(text, start)
    stop = end.start() if end else len(text)
    return text[start:stop].strip(" \t:,-–—"), stop


def _keep_unknown(found: list[Instruction], text: str) -> None:
    words = text.strip(_SEPARATORS)
    if any(char.isalnum() for char in words):
        found.append(Instruction(None, " ".join(words.split())))


# ---------------------------------------------------------------------------------------------
# When an embargo ends

_MONTH_NAMES = (
    ("january", "jan", "janvier", "janv"),
    ("february", "feb", "février", "fevrier", "févr", "fevr"),
    ("march", "mar", "mars"),
    ("april", "apr", "avril", "avr"),
    ("may", "mai"),
    ("june", "jun", "juin"),
    ("july", "jul", "juillet", "juil"),
    ("august", "aug", "août", "aout"),
    ("september", "sep", "sept", "septembre"),
    ("october", "oct", "octobre"),
    ("november", "nov", "novembre"),
    ("december", "dec", "décembre", "decembre", "déc"),
)
_MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, 1) for name in names}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::\d{2})?"
    r"(?:\.\d+)?(?P<offset>Z|[+-]\d{2}:?\d{2})?)?"
)
_NUMERIC = re.compile(r"(?<!\d)(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4})(?!\d)")
_DAY_MONTH = re.compile(
    rf"(?<!\w)(?P<d>\d{{1,2}})(?:er)?\.?\s+(?P<month>{_MONTH})\.?,?\s+(?P<y>\d{{4}})", re.I
)
_MONTH_DAY = re.compile(
    rf"(?<!\w)(?P<month>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})", re.I
)
# 06:00, 6h00, 06H, 0600 GMT, 6 am / 6.30 pm
_CLOCK = re.compile(
    r"(?<![\d/.-])(?P<H>\d{1,2})(?:[:hH.](?P<M>\d{2})?|(?P<M2>\d{2})(?=\s*(?:gmt|utc|z\b)))"
    r"\s*(?P<ampm>[ap]\.?m\.?)?(?!\d)|(?<!\d)(?P<H3>\d{1,2})\s*(?P<ampm3>[ap]\.?m\.?)(?!\w)",
    re.I,
)
_ZONES: dict[str, tzinfo] = {
    "gmt": UTC,
    "utc": UTC,
    "z": UTC,
    "cet": ZoneInfo("Europe/Paris"),
    "cest": ZoneInfo("Europe/Paris"),
    "heure de paris": ZoneInfo("Europe/Paris"),
    "paris time": ZoneInfo("Europe/Paris"),
    "heure française": ZoneInfo("Europe/Paris"),
    "bst": ZoneInfo("Europe/London"),
    "london time": ZoneInfo("Europe/London"),
    "et": ZoneInfo("America/New_York"),
    "est": ZoneInfo("America/New_York"),
    "edt": ZoneInfo("America/New_York"),
    "new york time": ZoneInfo("America/New_York"),
}
_ZONE_NAMES = "|".join(re.escape(name) for name in sorted(_ZONES, key=len, reverse=True))
_ZONE = re.compile(
    # An offset first: "UTC+1" is not UTC.
    r"(?P<offset>(?:gmt|utc)\s*[+-]\d{1,2}(?::?\d{2})?|(?<![\w:])[+-]\d{2}:\d{2})(?!\d)"
    rf"|(?<!\w)(?P<name>{_ZONE_NAMES})(?!\w)",
    re.I,
)


def read_moment(text: str, zone: tzinfo = UTC) -> datetime | None:
    """The moment ``text`` names ("2026-03-12T06:00Z", "12/03/2026 à 06h00", "0600 GMT
    12 March 2026", "March 12, 2026 6 am ET"), as an aware date-time; ``zone`` when it
    names none; midnight when it gives a day only. None when there is no date."""
    iso = _ISO.search(text)
    if iso:
        day = _date(int(iso["y"]), int(iso["m"]), int(iso["d"]))
        if day is None:
            return None
        clock = time(int(iso["H"] or 0), int(iso["M"] or 0)) if iso["H"] else None
        offset = _offset(iso["offset"]) if iso["offset"] else None
        rest = text[: iso.start()] + " " + text[iso.end() :]
        return _moment(day, clock or _clock(rest), offset or _zone(rest) or zone)
    found = _NUMERIC.search(text) or _DAY_MONTH.search(text) or _MONTH_DAY.search(text)
    if found is None:
        return None
    groups = found.groupdict()
    month = int(groups["m"]) if groups.get("m") else _MONTHS[groups["month"].casefold()]
    day = _date(int(groups["y"]), month, int(groups["d"]))
    if day is None:
        return None
    rest = text[: found.start()] + " " + text[found.end() :]
    return _moment(day, _clock(rest), _zone(rest) or zone)


def _date(year: int, month: int, day: int) -> datetime | None:
    try:
        return datetime(year, month, day)
    except ValueError:
        return None


def _clock(text: str) -> time | None:
    match = _CLOCK.search(text)
    if match is None:
        return None
    hours = int(match["H"] or match["H3"])
    minutes = int(match["M"] or match["M2"] or 0)
    ampm = (match["ampm"] or match["ampm3"] or "").lower().replace(".", "")
    if ampm == "pm" and hours < 12:
        hours += 12
    elif ampm == "am" and hours == 12:
        hours = 0
    if hours > 23 or minutes > 59:
        return None
    return time(hours, minutes)


def _zone(text: str) -> tzinfo | None:
    match = _ZONE.search(text)
    if match is None:
        return None
    if match["name"]:
        return _ZONES[match["name"].casefold()]
    return _offset(re.sub(r"(?i)gmt|utc|\s", "", match["offset"]))


def _offset(text: str) -> tzinfo | None:
    if text.upper() == "Z":
        return UTC
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-").replace(":", "")
    hours, minutes = (int(digits), 0) if len(digits) <= 2 else (int(digits[:-2]), int(digits[-2:]))
    if hours > 14 or minutes > 59:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _moment(day: datetime, clock: time | None, zone: tzinfo) -> datetime:
    naive = datetime.combine(day.date(), clock or time(0, 0))
    return naive.replace(tzinfo=zone)


__all__ = ["Instruction", "Restriction", "read_instructions", "read_moment"]
