"""ISO 8601 dates as pictures carry them: XMP's dates (some tools write EXIF-style colons),
IIM's DateCreated and TimeCreated."""

from __future__ import annotations

import re
from datetime import date

_ISO_DATE = re.compile(
    r"(?P<year>\d{4})(?:[-:](?P<month>\d{2})(?:[-:](?P<day>\d{2})"
    r"(?:[T ](?P<time>\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(?P<zone>Z|[+-]\d{2}:?\d{2})?)?)?)?"
)


def iso_date(text: str) -> str:
    """``text`` as an ISO 8601 date or date-time (as precise as it is), or "" if it is none.

    Accepts the EXIF-style colons some tools put in XMP dates (``2017:07:13 17:01:00``).
    """
    match = _ISO_DATE.fullmatch(text.strip())
    if not match or not _valid(match):
        return ""
    result = match["year"]
    for part, separator in (("month", "-"), ("day", "-"), ("time", "T")):
        if match[part] is None:
            return result
        result += separator + match[part]
    zone = match["zone"] or ""
    if zone and zone != "Z" and ":" not in zone:
        zone = f"{zone[:3]}:{zone[3:]}"
    return result + zone


def _valid(match: re.Match[str]) -> bool:
    try:
        date(int(match["year"]), int(match["month"] or 1), int(match["day"] or 1))
    except ValueError:
        return False
    hours, minutes, *seconds = (match["time"] or "0:0").split(":")
    return int(hours) < 24 and int(minutes) < 60 and float((seconds or ["0"])[0]) < 61


def iim_date_time(iso: str) -> tuple[str, str]:
    """IIM DateCreated ("YYYY-MM-DD") and TimeCreated ("HH:MM:SS±HH:MM") for an ISO date;
    "" for what IIM cannot say (a partial date, a time without UTC offset)."""
    match = _ISO_DATE.fullmatch(iso_date(iso))
    if not match or match["day"] is None:
        return "", ""
    day = f"{match['year']}-{match['month']}-{match['day']}"
    if match["time"] is None or match["zone"] is None:
        return day, ""
    clock = (match["time"].split(".")[0] + ":00")[:8]  # seconds default to 00, no fraction
    zone = "+00:00" if match["zone"] == "Z" else match["zone"]
    return day, clock + zone
