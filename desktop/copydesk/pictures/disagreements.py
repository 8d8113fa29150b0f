"""When a picture's file says two things about one field: its IIM, XMP (or EXIF) values differ.

Copydesk reads one value per field by the Metadata Working Group's precedence (``metadata``)
and shows it; a desk still needs to see the others and choose, for no rule knows which tool
wrote the right one (a file with no IPTC digest says nothing of which is newer). What was
found is kept on the picture, in ``PictureMetadata.disagreements``, as JSON:

    {"source": {"IIM": "AFP/STR", "XMP": "AFP"}, "date_created": {...}}

A field leaves it when the desk picks a value (``pick``), keeps the one shown (``keep``), or
changes the field (``settled``). On export the field's value is written to IIM and XMP alike,
so the exported file no longer disagrees.

Differences that are not disagreements: spacing, an IIM text cut at its length limit (the
start of the XMP text), a date given with and without its time, and a list of creators that
holds the other's (XMP lists two photographers, IIM the first).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from copydesk.pictures.problems import CreditProblem
from copydesk.pictures.problems import warning as _warning
from copydesk.records.picture import PictureMetadata
from copydesk.translation import N_, _

# The blocks of metadata, in the order their values are listed (the precedence's order).
SOURCES = ("XMP", "IIM", "EXIF")
# The fields two blocks can both hold, named as the command line names them.
FIELD_NAMES = {
    "creator": N_("Creator"),
    "creator_job_title": N_("Creator's job title"),
    "credit_line": N_("Credit line"),
    "copyright_notice": N_("Copyright notice"),
    "source": N_("Source"),
    "description": N_("Description"),
    "headline": N_("Headline"),
    "city": N_("City"),
    "country": N_("Country"),
    "date_created": N_("Date created"),
    "special_instructions": N_("Special instructions"),
}
_CUT_SLACK = 3  # bytes: a tool may drop a character cut in two at the IIM limit


@dataclass(frozen=True, slots=True)
class Disagreement:
    """The values the file's blocks hold for ``field``, by block (``SOURCES`` order)."""

    field: str
    values: tuple[tuple[str, str], ...]

    def choices(self) -> list[tuple[str, tuple[str, ...]]]:
        """Each distinct value once, with the blocks that hold it, in precedence order."""
        found: dict[str, list[str]] = {}
        for source, value in self.values:
            found.setdefault(value, []).append(source)
        return [(value, tuple(sources)) for value, sources in found.items()]


# ---- finding them (when the file is read) --------------------------------------------------


def find(
    field: str, values: Mapping[str, str], iim_limit: int | None = None
) -> Disagreement | None:
    """The disagreement among the blocks' ``values`` for ``field`` (empty values are no
    value), or None when they agree. ``iim_limit``: the IIM dataset's length in bytes."""
    present = [(source, values[source]) for source in SOURCES if values.get(source)]
    if len(present) < 2:
        return None
    first = present[0][1]
    if all(_agree(field, first, value, source, iim_limit) for source, value in present[1:]):
        return None
    return Disagreement(field, tuple(present))


def _agree(field: str, shown: str, other: str, source: str, iim_limit: int | None) -> bool:
    a, b = " ".join(shown.split()), " ".join(other.split())
    if a == b:
        return True
    if field == "date_created":
        return _same_moment(a, b)
    if field == "creator":  # a list that names the other's creators, and more, holds it
        return set(b.split(", ")) <= set(a.split(", "))
    if source == "IIM" and iim_limit is not None and a.startswith(b):
        return len(b.encode("utf-8")) >= iim_limit - _CUT_SLACK  # cut at the limit
    return False


def _same_moment(a: str, b: str) -> bool:
    """ISO dates: a date agrees with any time of that day; two times, when the same moment."""
    if len(a) <= 10 or len(b) <= 10:
        return a[:10] == b[:10]
    try:
        first, second = datetime.fromisoformat(a), datetime.fromisoformat(b)
        if (first.tzinfo is None) != (second.tzinfo is None):
            return first.replace(tzinfo=None) == second.replace(tzinfo=None)
        return first == second
    except ValueError:
        return False


def encode(found: Iterable[Disagreement]) -> str:
    """The JSON kept on the picture ("" for none)."""
    data = {d.field: dict(d.values) for d in found}
    return json.dumps(data, ensure_ascii=False, sort_keys=True) if data else ""


# ---- reading and settling them ---------------------------------------------------------------


def disagreements_of(metadata: PictureMetadata) -> list[Disagreement]:
    """The picture's disagreements, in the editor's field order; none from damaged JSON (it
    may come from a package: it is a report, and nothing depends on it)."""
    try:
        data = json.loads(metadata.disagreements) if metadata.disagreements else {}
    except ValueError:
        return []
    if not isinstance(data, dict):
        return []
    found = []
    for field in FIELD_NAMES:
        values = data.get(field)
        if isinstance(values, dict):
            pairs = tuple(
                (source, values[source])
                for source in SOURCES
                if isinstance(values.get(source), str) and values[source]
            )
            if len(pairs) >= 2:
                found.append(Disagreement(field, pairs))
    return found


def _without(metadata: PictureMetadata, fields: set[str]) -> str:
    return encode(d for d in disagreements_of(metadata) if d.field not in fields)


def pick(metadata: PictureMetadata, field: str, value: str) -> dict[str, str]:
    """The changes that give ``field`` the ``value`` the desk picked and settle it."""
    return {field: value, "disagreements": _without(metadata, {field})}


def keep(metadata: PictureMetadata, field: str) -> dict[str, str]:
    """The changes that keep the value shown for ``field`` and settle it."""
    return {"disagreements": _without(metadata, {field})}


def settled(old: PictureMetadata, new: PictureMetadata) -> PictureMetadata:
    """``new``, where a field changed from ``old`` by other means than ``pick`` (typed, from a
    preset) no longer disagrees: the desk has decided. An edit that restores the
    disagreements themselves (undo) keeps them."""
    if new.disagreements != old.disagreements or not new.disagreements:
        return new
    changed = {field for field in FIELD_NAMES if getattr(old, field) != getattr(new, field)}
    if not changed:
        return new
    return new.replace(disagreements=_without(new, changed))


# ---- the warning ------------------------------------------------------------------------------


def disagreement_problems(metadata: PictureMetadata) -> list[CreditProblem]:
    """A warning per field the file disagrees about, listing the values; its fix keeps the
    value shown."""
    return [
        _warning(
            "metadata.disagrees",
            found.field,
            _("{field}: the file’s metadata disagrees ({values}).").format(
                field=_(FIELD_NAMES[found.field]), values=describe(found)
            ),
            {
                "field": found.field,
                "values": json.dumps(found.choices(), ensure_ascii=False),
                "shown": getattr(metadata, found.field),
            },
            _(
                "Keep “{value}” (shown), or pick another value in the credit editor: it is "
                "written to IIM and XMP alike on export."
            ).format(value=getattr(metadata, found.field)),
            keep(metadata, found.field),
        )
        for found in disagreements_of(metadata)
    ]


def describe(found: Disagreement) -> str:
    """ "XMP “AFP”; IIM/EXIF “AFP/STR”"."""
    return "; ".join(f"{'/'.join(sources)} “{value}”" for value, sources in found.choices())
