"""Which licence a picture's own metadata points at, when the desk has chosen none: a
Creative Commons or public-domain licence its rights fields name (``cc:license`` first, then
the web statement, the usage terms, the copyright notice), the public domain its
``xmpRights:Marked`` says, a news agency its credit line or source names (from a list the desk
edits in the preferences), a stock library its copyright notice names, a handout its
instructions announce. Offered as a fix, never chosen silently."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from copydesk.pictures import licensing
from copydesk.pictures.instructions import Restriction, read_instructions
from copydesk.pictures.licensing import Licence
from copydesk.preferences import DEFAULT_AGENCIES as DEFAULT_AGENCY_TEXT
from copydesk.records.picture import PictureMetadata

# Stock libraries, known by the copyright notice they write into their pictures.
STOCK_LIBRARIES = (
    "Getty Images",
    "iStock",
    "Shutterstock",
    "Adobe Stock",
    "Alamy",
    "Dreamstime",
    "123RF",
    "Depositphotos",
    "Pond5",
)


def agencies_from_text(text: str) -> tuple[str, ...]:
    """The preference's list (separated by commas, semicolons or lines)."""
    return tuple(dict.fromkeys(name.strip() for name in re.split(r"[\n,;]", text) if name.strip()))


DEFAULT_AGENCIES = agencies_from_text(DEFAULT_AGENCY_TEXT)


class Ground(StrEnum):
    """What the suggestion rests on (the window words it)."""

    RIGHTS = "rights"  # a CC or public-domain licence named in the rights fields
    MARKED = "marked"  # xmpRights:Marked is False: public domain
    AGENCY = "agency"  # the credit line or source names a news agency
    STOCK = "stock"  # the copyright notice names a stock library
    HANDOUT = "handout"  # the instructions say handout


@dataclass(frozen=True, slots=True)
class Suggestion:
    licence: Licence
    ground: Ground
    named: str  # the name found: the licence's, the agency's, the library's


def suggest_licence(
    metadata: PictureMetadata, agencies: Iterable[str] = DEFAULT_AGENCIES
) -> Suggestion | None:
    """The licence the metadata points at, and why; None when it points at none (or at
    several)."""
    rights = (
        metadata.cc_license,
        metadata.web_statement,
        metadata.usage_terms,
        metadata.copyright_notice,
        metadata.credit_override,
    )
    named = licensing.identify(*rights)
    if named is not None:
        return Suggestion(named, Ground.RIGHTS, named.name)
    if metadata.rights_marked.strip().casefold() == "false":
        return _catalogued("pdm-1.0", Ground.MARKED, "")
    if any(i.kind is Restriction.HANDOUT for i in read_instructions(metadata.special_instructions)):
        return _catalogued("handout", Ground.HANDOUT, "")
    library = _named_in(metadata.copyright_notice, STOCK_LIBRARIES)
    if library:
        return _catalogued("agency", Ground.STOCK, library)
    agency = _named_in(f"{metadata.credit_line} / {metadata.source}", agencies)
    if agency:
        return _catalogued("agency", Ground.AGENCY, agency)
    return None


def _catalogued(licence_id: str, ground: Ground, named: str) -> Suggestion | None:
    found = licensing.licence(licence_id)
    return Suggestion(found, ground, named) if found is not None else None


def _named_in(text: str, names: Iterable[str]) -> str:
    """The first of ``names`` that ``text`` gives as a whole word: short names ("AP", "AFP")
    in capitals as agencies write them, longer ones whatever the case."""
    for name in names:
        flags = 0 if len(name) <= 3 else re.IGNORECASE
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, flags):
            return name
    return ""


__all__ = [
    "DEFAULT_AGENCIES",
    "STOCK_LIBRARIES",
    "Ground",
    "Suggestion",
    "agencies_from_text",
    "suggest_licence",
]
