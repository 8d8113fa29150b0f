"""Reading a supplier's special instructions: restrictions in English and French agency
wording, the credit a mandatory credit requires, when an embargo ends, and whatever is not
understood kept as written."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from copydesk.pictures.instructions import Instruction, Restriction, read_instructions, read_moment

PARIS = ZoneInfo("Europe/Paris")


def kinds(text: str) -> list[Restriction | None]:
    return [instruction.kind for instruction in read_instructions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ONE TIME USE ONLY", Restriction.ONE_TIME_USE),
        ("For one-time use only", Restriction.ONE_TIME_USE),
        ("USAGE UNIQUE", Restriction.ONE_TIME_USE),
        ("utilisation unique", Restriction.ONE_TIME_USE),
        ("NO ARCHIVES", Restriction.NO_ARCHIVES),
        ("Not for archiving", Restriction.NO_ARCHIVES),
        ("PAS D’ARCHIVAGE", Restriction.NO_ARCHIVES),
        ("ne pas archiver", Restriction.NO_ARCHIVES),
        ("NO SALES", Restriction.NO_SALES),
        ("NOT FOR RESALE", Restriction.NO_SALES),
        ("VENTE INTERDITE", Restriction.NO_SALES),
        ("EDITORIAL USE ONLY", Restriction.EDITORIAL_ONLY),
        ("Usage éditorial uniquement", Restriction.EDITORIAL_ONLY),
        ("MAGS OUT", Restriction.MAGS_OUT),
        ("HANDOUT PHOTO", Restriction.HANDOUT),
        ("Photo fournie", Restriction.HANDOUT),
        ("EDS NOTE: A FILE PHOTO", Restriction.FILE_PHOTO),
        ("PHOTO D'ARCHIVES", Restriction.FILE_PHOTO),
        ("HOLD FOR RELEASE", Restriction.EMBARGO),
        ("Embargoed until 2026-03-12", Restriction.EMBARGO),
        ("MANDATORY CREDIT", Restriction.MANDATORY_CREDIT),
        ("Crédit obligatoire", Restriction.MANDATORY_CREDIT),
    ],
)
def test_each_restriction_is_recognised_whatever_the_case(text: str, expected: Restriction) -> None:
    assert kinds(text) == [expected]
    assert kinds(text.lower()) == [expected]
    assert kinds(text.upper()) == [expected]


def test_a_file_photo_is_not_a_ban_on_archives() -> None:
    """ "Photo d'archives" (a file photo) and "pas d'archives" (no archives) differ by a word."""
    assert kinds("PHOTO D’ARCHIVES. PAS D’ARCHIVES") == [
        Restriction.FILE_PHOTO,
        Restriction.NO_ARCHIVES,
    ]


def test_a_wire_instruction_reads_as_each_of_its_restrictions() -> None:
    found = read_instructions("MANDATORY CREDIT: Jane Doe/Reuters. ONE TIME USE ONLY; NO ARCHIVES.")
    assert found == [
        Instruction(
            Restriction.MANDATORY_CREDIT,
            "MANDATORY CREDIT: Jane Doe/Reuters",
            credit="Jane Doe/Reuters",
        ),
        Instruction(Restriction.ONE_TIME_USE, "ONE TIME USE ONLY"),
        Instruction(Restriction.NO_ARCHIVES, "NO ARCHIVES"),
    ]


def test_a_french_mandatory_credit_gives_its_credit() -> None:
    found = read_instructions("CRÉDIT OBLIGATOIRE : AFP / Jean Dupont. USAGE UNIQUE")
    assert found[0].credit == "AFP / Jean Dupont"
    assert found[1].kind is Restriction.ONE_TIME_USE


def test_unknown_wording_is_kept_as_written() -> None:
    found = read_instructions("Call the picture desk first. NO SALES. Crop to the faces only")
    assert found == [
        Instruction(None, "Call the picture desk first"),
        Instruction(Restriction.NO_SALES, "NO SALES"),
        Instruction(None, "Crop to the faces only"),
    ]
    assert read_instructions("An Instruction (ref2017.1)") == [
        Instruction(None, "An Instruction (ref2017.1)")
    ]
    assert read_instructions("") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("EMBARGOED UNTIL 0600 GMT 12 MARCH 2026", datetime(2026, 3, 12, 6, 0, tzinfo=UTC)),
        ("embargo until 2026-03-12T06:00Z", datetime(2026, 3, 12, 6, 0, tzinfo=UTC)),
        (
            "HOLD FOR RELEASE UNTIL March 12, 2026 6 am ET",
            datetime(2026, 3, 12, 6, 0, tzinfo=ZoneInfo("America/New_York")),
        ),
        (
            "EMBARGO JUSQU’AU 12/03/2026 À 06H00 (heure de Paris)",
            datetime(2026, 3, 12, 6, 0, tzinfo=PARIS),
        ),
        (
            "Sous embargo jusqu'au 12 mars 2026 à 18h30 UTC+1",
            datetime(2026, 3, 12, 18, 30, tzinfo=timezone(timedelta(hours=1))),
        ),
        # No zone named: the person's.
        ("Ne pas publier avant le 12/03/2026 à 6h", datetime(2026, 3, 12, 6, 0, tzinfo=PARIS)),
        # No time: from midnight.
        ("Embargoed until 12 March 2026", datetime(2026, 3, 12, 0, 0, tzinfo=PARIS)),
    ],
)
def test_an_embargo_ends_at_the_moment_it_names(text: str, expected: datetime) -> None:
    (instruction,) = read_instructions(text, PARIS)
    assert instruction.kind is Restriction.EMBARGO
    assert instruction.until == expected


def test_a_hold_without_a_date_has_no_end() -> None:
    (instruction,) = read_instructions("HOLD FOR RELEASE")
    assert instruction.until is None


def test_an_impossible_date_is_no_date() -> None:
    assert read_moment("31/02/2026") is None
    assert read_moment("2026-13-01") is None
    assert read_moment("no date here") is None


def test_what_a_mandatory_credit_requires_is_its_own() -> None:
    """ "Handout" in the required credit is part of the credit, not a handout's mark."""
    assert read_instructions("MANDATORY CREDIT: US Navy/Handout. NO SALES") == [
        Instruction(
            Restriction.MANDATORY_CREDIT,
            "MANDATORY CREDIT: US Navy/Handout",
            credit="US Navy/Handout",
        ),
        Instruction(Restriction.NO_SALES, "NO SALES"),
    ]
