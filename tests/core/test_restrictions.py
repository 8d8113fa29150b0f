"""The supplier's instructions as rules: pictures made as wires, agencies and handouts send
them, with the credit they print and the problems and fixes they get."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from copydesk.pictures.compliance import CreditProblem, check_picture
from copydesk.pictures.credits import credit_for
from copydesk.pictures.restrictions import use_problems
from copydesk.records.picture import PictureMetadata
from copydesk.records.problem import Severity

NOW = datetime(2026, 3, 12, 5, 0, tzinfo=UTC)
PARIS = ZoneInfo("Europe/Paris")

WIRE = PictureMetadata(
    creator="Jane Smith",
    credit_line="Agence France-Presse",
    source="XAF",
    licence_id="agency",
    description="Des manifestants devant la préfecture.",
    alt_text="Des manifestants.",
)
HANDOUT = PictureMetadata(
    special_instructions=(
        "HANDOUT PHOTO. MANDATORY CREDIT: US Navy/Handout. ONE TIME USE ONLY; NO ARCHIVES"
    ),
    licence_id="handout",
    description="The ship in port.",
)
FILE_PHOTO = WIRE.replace(special_instructions="EDS NOTE: A FILE PHOTO")


def problems(
    metadata: PictureMetadata,
    *,
    language: str = "en",
    commercial: bool = False,
    now: datetime = NOW,
) -> list[CreditProblem]:
    return check_picture(
        metadata, language=language, commercial=commercial, today=now.date(), now=now
    )


def codes(metadata: PictureMetadata, **options: object) -> list[str]:
    return [problem.code for problem in problems(metadata, **options)]  # type: ignore[arg-type]


def apply(metadata: PictureMetadata, problem: CreditProblem) -> PictureMetadata:
    assert problem.fix is not None
    return metadata.replace(**problem.fix)


def only(found: list[CreditProblem], code: str) -> CreditProblem:
    (problem,) = [problem for problem in found if problem.code == code]
    return problem


def test_a_wire_photo_prints_the_agency_credit_line_not_its_source_code() -> None:
    assert (
        credit_for(WIRE, "fr")
        == "Photo\u00a0: Jane Smith / Agence France-Presse, Tous droits réservés"
    )
    assert credit_for(WIRE, "en") == "Photo: Jane Smith / Agence France-Presse, All rights reserved"
    assert problems(WIRE) == []


def test_a_credit_typed_by_hand_must_keep_the_credit_line() -> None:
    typed = WIRE.replace(credit_override="Photo: Jane Smith / XAF")
    problem = only(problems(typed), "credit.override_omits_credit_line")
    assert problem.severity is Severity.ERROR and problem.field == "credit_override"
    assert problem.params == {"credit_line": "Agence France-Presse"}
    fixed = apply(typed, problem)
    assert "credit.override_omits_credit_line" not in codes(fixed)
    assert "Agence France-Presse" in credit_for(fixed, "en")
    # A typed credit that gives it is the desk's choice.
    kept = WIRE.replace(credit_override="Jane Smith (AGENCE FRANCE-PRESSE)")
    assert "credit.override_omits_credit_line" not in codes(kept)


def test_a_handout_prints_its_mandatory_credit_and_names_who_handed_it_out() -> None:
    found = problems(HANDOUT)
    missing = only(found, "instructions.credit_missing")
    assert missing.severity is Severity.ERROR
    assert missing.params == {"credit": "US Navy/Handout"}
    assert only(found, "instructions.handout_source").severity is Severity.ERROR
    fixed = apply(HANDOUT, missing)
    assert credit_for(fixed, "en") == "Photo: US Navy/Handout, Handout"
    assert "instructions.credit_missing" not in codes(fixed)
    assert "instructions.handout_source" not in codes(fixed)  # the credit line names them


def test_a_mandatory_credit_left_out_of_a_typed_credit_is_put_back() -> None:
    typed = HANDOUT.replace(credit_line="US Navy/Handout", credit_override="Photo: US Navy")
    missing = only(problems(typed), "instructions.credit_missing")
    assert missing.field == "credit_override"
    fixed = apply(typed, missing)
    assert fixed.credit_override == "" and "US Navy/Handout" in credit_for(fixed, "en")
    # One problem for one omission: the credit line left out is the mandatory credit.
    assert "credit.override_omits_credit_line" not in codes(typed)


def test_a_file_photo_caption_says_so_in_the_articles_language() -> None:
    english = only(problems(FILE_PHOTO), "instructions.file_photo")
    assert english.severity is Severity.WARNING
    assert apply(FILE_PHOTO, english).description.endswith("préfecture. File photo.")
    french = only(problems(FILE_PHOTO, language="fr"), "instructions.file_photo")
    fixed = apply(FILE_PHOTO, french)
    assert fixed.description.endswith("Photo d’archives.")
    assert "instructions.file_photo" not in codes(fixed, language="fr")


def test_an_embargo_is_an_error_until_it_ends() -> None:
    embargoed = WIRE.replace(special_instructions="EMBARGOED UNTIL 0600 GMT 12 MARCH 2026")
    before = only(problems(embargoed, now=NOW), "instructions.embargo")
    assert before.severity is Severity.ERROR
    assert before.params == {"until": "2026-03-12 06:00"}
    after = datetime(2026, 3, 12, 6, 0, tzinfo=UTC)
    assert "instructions.embargo" not in codes(embargoed, now=after)


def test_an_embargo_without_a_zone_is_in_the_persons_time_zone() -> None:
    embargoed = WIRE.replace(special_instructions="Embargo jusqu'au 12/03/2026 à 07h00")
    in_paris = datetime(2026, 3, 12, 6, 30, tzinfo=PARIS)  # 07:00 in Paris is still ahead
    problem = only(problems(embargoed, now=in_paris), "instructions.embargo")
    assert problem.params == {"until": "2026-03-12 07:00"}
    later = datetime(2026, 3, 12, 7, 0, tzinfo=PARIS)
    assert "instructions.embargo" not in codes(embargoed, now=later)


def test_a_hold_without_a_date_is_a_warning() -> None:
    held = WIRE.replace(special_instructions="HOLD FOR RELEASE")
    assert only(problems(held), "instructions.hold").severity is Severity.WARNING


def test_editorial_use_only_warns_an_advertising_article_only() -> None:
    editorial = WIRE.replace(special_instructions="EDITORIAL USE ONLY - NO SALES")
    # An editorial article of a commercial publication is an editorial use.
    assert "instructions.editorial_only" not in codes(editorial, commercial=True)
    assert use_problems(editorial, article_uuid="a", using_articles=1) == []
    (problem,) = use_problems(editorial, article_uuid="a", using_articles=1, advertising=True)
    assert problem.code == "instructions.editorial_only"
    assert problem.severity is Severity.WARNING
    assert problem.params == {"wording": "EDITORIAL USE ONLY, NO SALES"}
    assert use_problems(WIRE, article_uuid="a", using_articles=1, advertising=True) == []


def test_french_agency_wording_is_obeyed_too() -> None:
    french = PictureMetadata(
        creator="Jean Dupont",
        credit_line="AFP",
        licence_id="agency",
        special_instructions="CRÉDIT OBLIGATOIRE : AFP / Jean Dupont. USAGE ÉDITORIAL UNIQUEMENT",
    )
    assert "instructions.credit_missing" in codes(french, language="fr")
    advertised = use_problems(french, article_uuid="a", using_articles=1, advertising=True)
    assert [problem.code for problem in advertised] == ["instructions.editorial_only"]


def test_an_unknown_instruction_is_no_problem() -> None:
    """The editor and the pane show it; a rule cannot judge it."""
    unknown = WIRE.replace(special_instructions="An Instruction (ref2017.1)")
    assert problems(unknown) == []


def test_the_person_clock_is_the_default() -> None:
    embargoed = WIRE.replace(special_instructions="Embargoed until 1 January 2999")
    found = check_picture(embargoed, language="en", commercial=False, today=date.today())
    assert [problem.code for problem in found] == ["instructions.embargo"]


def test_a_mandatory_credit_in_capitals_is_given_by_the_house_style() -> None:
    # "JANE DOE/REUTERS" is what "Jane Doe / Reuters" prints: case and spaces aside.
    wire = PictureMetadata(
        creator="Jane Doe",
        credit_line="Reuters",
        licence_id="agency",
        special_instructions="MANDATORY CREDIT: JANE DOE/REUTERS",
    )
    assert credit_for(wire, "fr").startswith("Photo\u00a0: Jane Doe / Reuters")
    assert "instructions.credit_missing" not in codes(wire)
    assert "instructions.credit_missing" in codes(wire.replace(creator="John Roe"))
