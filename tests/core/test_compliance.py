"""The compliance engine: each rule fires when it should, and only then."""

from __future__ import annotations

from datetime import date

import pytest

from copydesk.pictures.ai import discloses_ai, is_ai_generated
from copydesk.pictures.compliance import (
    ALT_TEXT_LIMIT,
    FIELD_ORDER,
    CreditProblem,
    check_picture,
    check_use,
    picture_status,
)
from copydesk.pictures.credits import compose_credit, parse_credit
from copydesk.records.picture import PictureMetadata, PictureStatus
from copydesk.records.problem import Severity
from tests.helpers import SHARED

TODAY = date(2025, 3, 15)
PAGE = "https://commons.wikimedia.org/wiki/File:Example.jpg"
CC_BY_DEED = "https://creativecommons.org/licenses/by/4.0/"
# A CC BY picture with everything its licence asks for.
CLEAN = PictureMetadata(
    creator="Jane Doe",
    source="Reuters",
    licence_id="cc-by-4.0",
    source_url=PAGE,
    description="Le Kremlin, à Moscou.",
)
# The IPTC reference image's fields as an import reads them (IIM/XMP of
# IPTC-PhotometadataRef-Std2017.1.jpg), given a licence and a source page.
IPTC_REFERENCE = PictureMetadata(
    creator="Creator1 (ref2017.1), Creator2 (ref2017.1)",
    creator_job_title="Creator's Job Title  (ref2017.1)",
    credit_line="Credit Line (ref2017.1)",
    copyright_notice="Copyright (Notice) 2017.1 IPTC - www.iptc.org  (ref2017.1)",
    source="Source (ref2017.1)",
    description="The description aka caption (ref2017.1)",
    headline="The Headline (ref2017.1)",
    web_statement="http://www.WebStatementOfRights.org/2017.1",
    usage_terms="Rights Usage Termns (ref2017.1)",
    licensor="Licensor Name 1 (ref2017.1)",
    digital_source_type="http://cv.iptc.org/newscodes/digitalsourcetype/softwareImage",
    city="City (Core) (ref2017.1)",
    country="Country (Core) (ref2017.1)",
    date_created="2017-07-13T17:01:00+00:00",
    licence_id="cc-by-4.0",
    source_url=PAGE,
)


def check(metadata: PictureMetadata, *, commercial: bool = False) -> list[CreditProblem]:
    return check_picture(metadata, language="fr", commercial=commercial, today=TODAY)


def codes(metadata: PictureMetadata, **options: bool) -> list[str]:
    return [problem.code for problem in check(metadata, **options)]


def the_problem(metadata: PictureMetadata, code: str, **options: bool) -> CreditProblem:
    (problem,) = [problem for problem in check(metadata, **options) if problem.code == code]
    return problem


def test_a_complete_picture_has_no_problems() -> None:
    assert check(CLEAN) == []
    assert check(CLEAN, commercial=True) == []
    assert picture_status(check(CLEAN)) is PictureStatus.COMPLETE


# ---------------------------------------------------------------------------------------------
# The reference article's credit


def test_the_reference_article_credit_is_not_compliant_and_says_how_to_fix_it() -> None:
    metadata = parse_credit("Photo : wikipedia.org, CC BY 4.0")
    problems = check_picture(metadata, language="fr", commercial=True, today=TODAY)
    # One cause, one problem: a website given as the author. The licence's need of a name and
    # the printed credit the creator was read from say the same thing, and are not repeated.
    assert [(problem.code, problem.field) for problem in problems] == [
        ("credit.website", "creator"),
        ("source_url.missing", "source_url"),
    ]
    website, link = problems
    assert website.severity is Severity.ERROR
    assert website.message == (
        "The creator names a website, “wikipedia.org”: a website is not an author."
    )
    assert website.params == {"website": "wikipedia.org", "field": "creator"}
    # The fix: name the author, and put the page in the source link.
    assert "Name the author" in website.suggestion and "source link" in website.suggestion

    assert link.severity is Severity.WARNING
    assert "link to the page" in link.message and "source link" in link.suggestion
    assert picture_status(problems) is PictureStatus.ERROR


def test_the_reference_credit_read_from_the_shared_article() -> None:
    article = (SHARED / "seed" / "reference-article.txt").read_text(encoding="utf-8")
    (credit,) = [line for line in article.splitlines() if line.startswith("Photo")]
    metadata = parse_credit(credit)
    assert (metadata.creator, metadata.licence_id) == ("wikipedia.org", "cc-by-4.0")
    assert codes(metadata) == ["credit.website", "source_url.missing"]


def test_the_reference_credit_once_fixed_passes() -> None:
    fixed = parse_credit("Photo : wikipedia.org, CC BY 4.0").replace(
        creator="Jane Doe", source_url=PAGE, credit_override=""
    )
    assert check(fixed, commercial=True) == []
    assert compose_credit(fixed, "fr") == "Photo\u00a0: Jane Doe, CC BY 4.0"


# ---------------------------------------------------------------------------------------------
# The licence


@pytest.mark.parametrize(
    ("licence_id", "code"),
    [
        ("", "licence.missing"),
        ("unknown", "licence.unknown"),
        ("cc-by-2.5", "licence.not_in_catalogue"),
    ],
)
def test_a_licence_must_be_chosen_from_the_catalogue(licence_id: str, code: str) -> None:
    # A source that names no agency: nothing in the metadata points at a licence.
    unsure = CLEAN.replace(licence_id=licence_id, source="Service de presse du Kremlin")
    problem = the_problem(unsure, code)
    assert problem.severity is Severity.ERROR and problem.field == "licence_id"
    assert problem.fix is None
    # Without a known licence, its requirements are not judged.
    assert codes(unsure.replace(creator="", source_url="")) == [code]


def test_a_missing_licence_is_suggested_from_the_files_own_rights_fields() -> None:
    metadata = CLEAN.replace(
        licence_id="", web_statement="https://creativecommons.org/licenses/by-sa/4.0/"
    )
    problem = the_problem(metadata, "licence.missing")
    assert problem.fix == {"licence_id": "cc-by-sa-4.0"}
    assert "CC BY-SA 4.0" in problem.suggestion
    assert problem.params == {"guess": "CC BY-SA 4.0", "ground": "rights", "named": "CC BY-SA 4.0"}


@pytest.mark.parametrize(
    ("fields", "licence_id", "suggestion"),
    [
        # Creative Commons XMP comes first.
        (
            {"cc_license": "https://creativecommons.org/licenses/by-sa/4.0/", "source": "AFP"},
            "cc-by-sa-4.0",
            "Choose the licence from the catalogue. The picture's own data names CC BY-SA 4.0.",
        ),
        (
            {"rights_marked": "False", "source": ""},
            "pdm-1.0",
            "Choose Public Domain Mark 1.0: the picture's data marks it as public domain.",
        ),
        (
            {"credit_line": "Agence France-Presse", "source": "XAF"},
            "agency",
            "Choose All rights reserved: the credit names the agency Agence France-Presse.",
        ),
        (
            {"copyright_notice": "© 2024 Getty Images", "source": ""},
            "agency",
            "Choose All rights reserved: the copyright notice names the stock library"
            " Getty Images.",
        ),
        (
            {"special_instructions": "HANDOUT PHOTO", "source": "US Navy"},
            "handout",
            "Choose Handout: the supplier's instructions say it is a handout.",
        ),
    ],
)
def test_a_missing_licence_is_suggested_from_the_metadata(
    fields: dict[str, str], licence_id: str, suggestion: str
) -> None:
    problem = the_problem(CLEAN.replace(licence_id="", **fields), "licence.missing")
    assert problem.fix == {"licence_id": licence_id}
    assert problem.suggestion == suggestion


def test_agencies_are_the_desks_list_and_short_names_are_matched_as_written() -> None:
    wire = CLEAN.replace(licence_id="", source="Agence Exemple")
    assert the_problem(wire, "licence.missing").fix is None
    found = check_picture(
        wire, language="fr", commercial=True, today=TODAY, agencies=("Agence Exemple",)
    )
    assert next(p for p in found if p.code == "licence.missing").fix == {"licence_id": "agency"}
    # "AP" names the agency; "ap" in "Gap Photos" or "Shape" does not.
    assert the_problem(CLEAN.replace(licence_id="", source="AP"), "licence.missing").fix
    assert the_problem(CLEAN.replace(licence_id="", source="Shape"), "licence.missing").fix is None


@pytest.mark.parametrize("licence_id", ["cc-by-2.0", "cc-by-nc-sa-3.0", "cc-by-nd-4.0"])
def test_cc_licences_require_the_creator(licence_id: str) -> None:
    assert "creator.missing" in codes(CLEAN.replace(licence_id=licence_id, creator=""))
    assert "creator.missing" not in codes(CLEAN.replace(licence_id=licence_id))
    # A website as the creator is reported as such, once: not also as a missing name.
    website = codes(CLEAN.replace(licence_id=licence_id, creator=" flickr.com"))
    assert "credit.website" in website and "creator.missing" not in website


@pytest.mark.parametrize("licence_id", ["cc0-1.0", "pdm-1.0", "agency", "handout", "permission"])
def test_other_licences_do_not_require_the_creator(licence_id: str) -> None:
    metadata = CLEAN.replace(licence_id=licence_id, creator="", source="AFP")
    assert "creator.missing" not in codes(metadata)


def test_cc_licences_want_a_link_to_the_source_page() -> None:
    problem = the_problem(CLEAN.replace(source_url=""), "source_url.missing")
    assert problem.severity is Severity.WARNING
    assert "source_url.missing" not in codes(CLEAN)
    assert "source_url.missing" not in codes(CLEAN.replace(licence_id="cc0-1.0", source_url=""))


def test_a_page_typed_as_a_name_is_offered_as_the_source_link() -> None:
    metadata = CLEAN.replace(source=PAGE, source_url="")
    assert the_problem(metadata, "source_url.missing").fix == {"source_url": PAGE}
    assert the_problem(metadata, "credit.website").fix == {"source": "", "source_url": PAGE}


def test_a_source_link_must_be_a_web_address() -> None:
    problem = the_problem(
        CLEAN.replace(source_url="flickr.com/photos/jane/1"), "source_url.invalid"
    )
    assert problem.fix == {"source_url": "https://flickr.com/photos/jane/1"}
    assert the_problem(CLEAN.replace(source_url="ask Jane"), "source_url.invalid").fix is None
    assert "source_url.invalid" not in codes(CLEAN.replace(source_url="http://example.org/a"))


@pytest.mark.parametrize("licence_id", ["cc-by-nc-4.0", "cc-by-nc-sa-2.0", "cc-by-nc-nd-3.0"])
def test_non_commercial_licences_in_a_commercial_publication(licence_id: str) -> None:
    metadata = CLEAN.replace(licence_id=licence_id)
    problem = the_problem(metadata, "licence.non_commercial", commercial=True)
    assert problem.severity is Severity.ERROR and problem.field == "licence_id"
    assert "licence.non_commercial" not in codes(metadata, commercial=False)
    assert "licence.non_commercial" not in codes(CLEAN, commercial=True)


@pytest.mark.parametrize("licence_id", ["cc-by-nd-4.0", "cc-by-nc-nd-2.0"])
def test_no_derivatives_licences_on_a_cropped_picture(licence_id: str) -> None:
    metadata = CLEAN.replace(licence_id=licence_id)
    problem = the_problem(metadata.replace(cropped=True), "licence.no_derivatives")
    assert problem.severity is Severity.WARNING and problem.field == "cropped"
    assert "licence.no_derivatives" not in codes(metadata)
    assert "licence.no_derivatives" not in codes(CLEAN.replace(cropped=True))


# ---------------------------------------------------------------------------------------------
# Websites are not authors


@pytest.mark.parametrize(
    "website",
    [
        "wikipedia.org",
        "www.flickr.com",
        "fr.wikipedia.org",
        "https://commons.wikimedia.org/wiki/File:Other.jpg",  # not the picture's own page
        "Wikimedia Commons",
        "Wikipédia",
        "Flickr",
        "x.com",
        "Jane Doe (instagram.com/janedoe)",
    ],
)
@pytest.mark.parametrize("field", ["creator", "credit_line", "source", "credit_override"])
def test_a_website_given_as_a_name(field: str, website: str) -> None:
    metadata = CLEAN.replace(**{field: website})
    problem = the_problem(metadata, "credit.website")
    assert problem.field == field and problem.severity is Severity.ERROR
    assert problem.params["field"] == field and problem.params["website"] in website


@pytest.mark.parametrize(
    "name",
    [
        "Jane Doe",
        "J.R.R. Tolkien",
        "Jean-Pierre Dupont / AFP",
        "Reuters",
        "Getty Images",
        "Wikimedia Foundation",  # an organisation, not the platform
        "Ministère des Armées",
        "A. B. de Vries",
        "Dr. Who",
        "Source (ref2017.1)",
        "jane@example.com",
    ],
)
@pytest.mark.parametrize("field", ["creator", "credit_line", "source"])
def test_a_name_is_not_taken_for_a_website(field: str, name: str) -> None:
    assert "credit.website" not in codes(CLEAN.replace(**{field: name}))


@pytest.mark.parametrize("licence_id", ["cc0-1.0", "pdm-1.0", "agency", "handout", "permission"])
def test_a_website_as_the_creator_is_reported_whatever_the_licence_requires(
    licence_id: str,
) -> None:
    metadata = CLEAN.replace(licence_id=licence_id, creator="wikipedia.org", source="AFP")
    problem = the_problem(metadata, "credit.website")
    assert problem.field == "creator" and problem.severity is Severity.ERROR
    assert problem.params == {"website": "wikipedia.org", "field": "creator"}
    assert "creator.missing" not in codes(metadata)


@pytest.mark.parametrize(
    ("creator", "override"),
    [
        ("wikipedia.org", "Photo : wikipedia.org, CC BY 4.0"),
        ("Wikipedia", "Photo : WIKIPEDIA, CC BY 4.0"),
        ("https://www.flickr.com/", "Photo : flickr.com, CC BY 4.0"),
        ("Jane Doe (instagram.com/janedoe)", "Photo : Jane Doe (instagram.com/janedoe), CC BY 4.0"),
    ],
)
def test_a_printed_credit_naming_the_creators_website_is_not_reported_again(
    creator: str, override: str
) -> None:
    metadata = CLEAN.replace(creator=creator, credit_override=override)
    websites = [p for p in check(metadata) if p.code == "credit.website"]
    assert [problem.field for problem in websites] == ["creator"]


def test_a_printed_credit_naming_the_sources_website_is_not_reported_again() -> None:
    # An import reads the source out of the printed credit: one website, one cause.
    metadata = parse_credit("Photo : Jane Doe / unsplash.com, CC BY 4.0").replace(source_url=PAGE)
    assert metadata.source == "unsplash.com"
    assert [(p.code, p.field) for p in check(metadata)] == [("credit.website", "source")]


def test_a_printed_credit_naming_a_website_of_its_own_is_reported() -> None:
    metadata = CLEAN.replace(credit_override="Photo : unsplash.com, CC BY 4.0")
    problem = the_problem(metadata, "credit.website")
    assert problem.field == "credit_override" and problem.severity is Severity.ERROR
    assert problem.params == {"website": "unsplash.com", "field": "credit_override"}
    # The field holds the credit as printed, typed by hand or kept by an import: the message
    # does not say someone typed it.
    assert problem.message == (
        "The printed credit names a website, “unsplash.com”: a website is not an author."
    )
    # Besides the creator's website, another one in the printed credit is its own cause.
    both = CLEAN.replace(creator="wikipedia.org", credit_override="Photo : wikipedia.org / flickr")
    websites = [(p.field, p.params["website"]) for p in check(both) if p.code == "credit.website"]
    assert websites == [("creator", "wikipedia.org"), ("credit_override", "flickr")]


def test_the_iptc_reference_fields_are_not_websites() -> None:
    assert check(IPTC_REFERENCE) == []
    typed = compose_credit(IPTC_REFERENCE, "en")
    assert (
        # The credit line, the credit its supplier requires, rather than the source.
        typed
        == "Photo: Creator1 (ref2017.1), Creator2 (ref2017.1) / Credit Line (ref2017.1), CC BY 4.0"
    )
    assert check(IPTC_REFERENCE.replace(credit_override=typed)) == []
    assert check(parse_credit(typed).replace(source_url=PAGE)) == []


def test_a_credit_typed_by_hand_may_link_the_licence_and_the_source_page() -> None:
    override = f"Photo : Jane Doe ({PAGE}), CC BY 4.0 https://creativecommons.org/licenses/by/4.0/"
    assert check(CLEAN.replace(credit_override=override)) == []
    other_page = CLEAN.replace(credit_override=override, source_url=PAGE + "?x")
    assert "credit.website" in codes(other_page)


# ---------------------------------------------------------------------------------------------
# A credit typed by hand


def test_a_credit_typed_by_hand_must_name_the_creator() -> None:
    metadata = CLEAN.replace(credit_override="Photo : Reuters, CC BY 4.0")
    problem = the_problem(metadata, "credit_override.creator_missing")
    assert problem.severity is Severity.ERROR and problem.params["creator"] == "Jane Doe"
    assert problem.fix == {"credit_override": "Photo\u00a0: Jane Doe / Reuters, CC BY 4.0"}
    fine = CLEAN.replace(credit_override="Photo : JANE  DOE pour Reuters (CC BY 4.0)")
    assert check(fine) == []


def test_several_creators_may_be_named_in_any_order() -> None:
    metadata = CLEAN.replace(
        creator="Ana Lima, Jo Bloggs", credit_override="Photos : Jo Bloggs et Ana Lima, CC BY 4.0"
    )
    assert check(metadata) == []
    missing = metadata.replace(credit_override="Photos : Jo Bloggs, CC BY 4.0")
    assert "credit_override.creator_missing" in codes(missing)


@pytest.mark.parametrize(
    "override",
    [
        "Photo : Jane Doe, CC BY 4.0",
        "Photo : Jane Doe, cc-by 4.0",
        "Photo : Jane Doe, Creative Commons Attribution 4.0 International",
        "Photo : Jane Doe (https://creativecommons.org/licenses/by/4.0/deed.fr)",
    ],
)
def test_a_credit_typed_by_hand_names_the_licence(override: str) -> None:
    assert check(CLEAN.replace(credit_override=override)) == []


def test_a_credit_typed_by_hand_must_name_the_licence() -> None:
    problem = the_problem(
        CLEAN.replace(credit_override="Photo : Jane Doe"), "credit_override.licence_missing"
    )
    assert problem.severity is Severity.ERROR
    assert problem.params == {"licence": "CC BY 4.0", "url": CC_BY_DEED}
    assert problem.fix == {"credit_override": "Photo\u00a0: Jane Doe / Reuters, CC BY 4.0"}
    assert CC_BY_DEED in problem.suggestion


def test_a_credit_typed_by_hand_must_name_the_right_licence() -> None:
    metadata = CLEAN.replace(credit_override="Photo : Jane Doe, CC BY-SA 4.0")
    problem = the_problem(metadata, "credit_override.licence_mismatch")
    assert problem.params == {"licence": "CC BY 4.0", "url": CC_BY_DEED, "named": "CC BY-SA 4.0"}
    assert "credit_override.licence_missing" not in codes(metadata)


def test_no_fix_is_offered_when_the_composed_credit_would_fail_too() -> None:
    metadata = CLEAN.replace(source="flickr.com", credit_override="Photo : Jane Doe")
    assert the_problem(metadata, "credit_override.licence_missing").fix is None


def test_licences_without_attribution_do_not_judge_a_typed_credit() -> None:
    metadata = CLEAN.replace(licence_id="cc0-1.0", credit_override="Photo : Reuters")
    assert check(metadata) == []
    public_domain = CLEAN.replace(licence_id="cc0-1.0", credit_override="CC0 1.0, domaine public")
    assert check(public_domain) == []


# ---------------------------------------------------------------------------------------------
# Kinds of rights reserved


def test_an_agency_picture_must_credit_the_agency() -> None:
    agency = PictureMetadata(creator="Jane Doe", licence_id="agency")
    problem = the_problem(agency, "agency.no_credit")
    assert problem.severity is Severity.ERROR
    assert "agency.no_credit" not in codes(agency.replace(credit_line="AFP"))
    assert "agency.no_credit" not in codes(agency.replace(source="Reuters"))
    assert "agency.no_credit" in codes(agency.replace(source="afp.com"))
    assert check(agency.replace(source="AFP"), commercial=True) == []


def test_a_handout_should_name_who_handed_it_out() -> None:
    handout = PictureMetadata(licence_id="handout")
    assert the_problem(handout, "handout.no_source").severity is Severity.WARNING
    assert check(handout.replace(source="Ministère des Armées")) == []


def test_a_staff_picture_should_name_the_photographer() -> None:
    staff = PictureMetadata(licence_id="staff", source="Le Journal")
    assert the_problem(staff, "staff.no_creator").severity is Severity.WARNING
    assert check(staff.replace(creator="Ana Lima")) == []


def test_a_picture_used_with_permission_should_name_who_gave_it() -> None:
    permission = PictureMetadata(licence_id="permission")
    assert the_problem(permission, "permission.no_holder").severity is Severity.WARNING
    assert check(permission.replace(source="Famille Dupont")) == []


# ---------------------------------------------------------------------------------------------
# AI-generated pictures


AI_TYPES = [
    "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
    "https://cv.iptc.org/newscodes/digitalsourcetype/compositeSynthetic/",
    "http://cv.iptc.org/newscodes/digitalsourcetype/algorithmicMedia",
    "http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia",
    "digsrctype:trainedAlgorithmicMedia",
]


@pytest.mark.parametrize("source_type", AI_TYPES)
def test_an_ai_generated_picture_must_say_so_in_its_caption(source_type: str) -> None:
    metadata = CLEAN.replace(digital_source_type=source_type)
    problem = the_problem(metadata, "ai.undisclosed")
    assert problem.severity is Severity.WARNING and problem.field == "description"
    assert problem.fix == {
        "description": "Le Kremlin, à Moscou. Image générée par intelligence artificielle."
    }
    assert problem.params["disclosure"] == "Image générée par intelligence artificielle."
    fixed = metadata.replace(**problem.fix)
    assert check(fixed) == []


@pytest.mark.parametrize(
    "source_type",
    [
        "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture",
        "http://cv.iptc.org/newscodes/digitalsourcetype/softwareImage",
        "http://cv.iptc.org/newscodes/digitalsourcetype/compositeCapture",
        "",
    ],
)
def test_other_source_types_need_no_disclosure(source_type: str) -> None:
    assert not is_ai_generated(source_type)
    assert check(CLEAN.replace(digital_source_type=source_type)) == []


@pytest.mark.parametrize(
    "caption",
    [
        "Vue d’artiste, générée par IA.",
        "Image générée avec l’IA Midjourney",
        "Illustration générée à l’aide d’une intelligence artificielle",
        "Créée par IA",
        "Une scène imaginée (intelligence artificielle)",
        "AI-generated image of a city",
        "An illustration generated with AI.",
        "Made using artificial intelligence",
    ],
)
def test_disclosures_in_french_and_english(caption: str) -> None:
    assert discloses_ai(caption)
    metadata = CLEAN.replace(digital_source_type=AI_TYPES[0], description=caption)
    assert "ai.undisclosed" not in codes(metadata)


@pytest.mark.parametrize(
    "caption", ["", "Le Kremlin, à Moscou.", "Un général ivre", "Said the aide"]
)
def test_captions_without_a_disclosure(caption: str) -> None:
    assert not discloses_ai(caption)


def test_the_disclosure_offered_is_in_the_publications_language() -> None:
    metadata = CLEAN.replace(digital_source_type=AI_TYPES[0], description="")
    (problem,) = check_picture(metadata, language="en", commercial=False, today=TODAY)
    assert problem.fix == {"description": "AI-generated image."}


# ---------------------------------------------------------------------------------------------
# Rights that run out


def test_expired_rights() -> None:
    problem = the_problem(CLEAN.replace(rights_expiry=date(2025, 3, 14)), "rights.expired")
    assert problem.severity is Severity.ERROR and problem.params == {"date": "2025-03-14"}
    assert check(CLEAN.replace(rights_expiry=TODAY)) == []  # still valid on the day
    assert check(CLEAN.replace(rights_expiry=date(2026, 1, 1))) == []


# ---------------------------------------------------------------------------------------------
# Order and status


def test_problems_come_in_the_editors_field_order() -> None:
    metadata = PictureMetadata(
        creator="flickr.com",
        licence_id="cc-by-nc-nd-4.0",
        cropped=True,
        rights_expiry=date(2020, 1, 1),
    )
    problems = check(metadata, commercial=True)
    fields = [problem.field for problem in problems]
    assert fields == sorted(fields, key=FIELD_ORDER.index)
    assert {problem.code for problem in problems} == {
        "credit.website",
        "licence.non_commercial",
        "source_url.missing",
        "rights.expired",
        "licence.no_derivatives",
    }


def test_status_is_the_worst_severity() -> None:
    warning = CreditProblem("x", Severity.WARNING, "source_url", "m")
    error = CreditProblem("y", Severity.ERROR, "creator", "m")
    assert picture_status([]) is PictureStatus.COMPLETE
    assert picture_status([warning]) is PictureStatus.WARNING
    assert picture_status([warning, error]) is PictureStatus.ERROR
    assert picture_status(iter([error])) is PictureStatus.ERROR


def test_problems_are_hashable_values() -> None:
    problems = check(parse_credit("Photo : wikipedia.org, CC BY 4.0"))
    assert len(set(problems)) == len(problems)


# ---------------------------------------------------------------------------------------------
# One use of a picture


def test_a_use_with_a_good_alt_text_has_no_problems() -> None:
    alt = "Vladimir Poutine serre la main de Donald Trump devant des drapeaux."
    assert check_use(alt, "Vladimir Poutine et Donald Trump", illustrative=False) == []


@pytest.mark.parametrize("alt_text", ["", "   ", " … "])
def test_alt_text_is_required(alt_text: str) -> None:
    (problem,) = check_use(alt_text, "Une légende", illustrative=False)
    assert (problem.code, problem.severity, problem.field) == (
        "alt_text.missing",
        Severity.ERROR,
        "alt_text",
    )


def test_alt_text_over_the_recommended_limit() -> None:
    (problem,) = check_use("a" * (ALT_TEXT_LIMIT + 1), "Une légende", illustrative=False)
    assert problem.code == "alt_text.too_long" and problem.severity is Severity.WARNING
    assert problem.params == {"length": "251", "limit": "250"}
    assert check_use("a" * ALT_TEXT_LIMIT, "Une légende", illustrative=False) == []


@pytest.mark.parametrize(
    ("alt_text", "caption"),
    [
        ("Vladimir Poutine et Donald Trump", "Vladimir Poutine et Donald Trump"),
        ("vladimir poutine et donald trump.", "Vladimir  Poutine et Donald Trump"),
        ("L’Élysée, à Paris", "l'élysée à paris !"),
    ],
)
def test_alt_text_that_repeats_the_caption(alt_text: str, caption: str) -> None:
    (problem,) = check_use(alt_text, caption, illustrative=False)
    assert problem.code == "alt_text.same_as_caption" and problem.severity is Severity.WARNING


def test_the_reference_articles_alt_text_repeats_its_illustrative_caption() -> None:
    alt, caption = (
        "Vladimir Poutine et Donald Trump",
        "Vladimir Poutine et Donald Trump, photo illustrative",
    )
    assert [p.code for p in check_use(alt, caption, illustrative=True)] == [
        "alt_text.same_as_caption"
    ]
    # Not marked illustrative, the caption says more than the alt text.
    assert check_use(alt, caption, illustrative=False) == []
    for marked in ("Manifestation (image d’illustration)", "Manifestation – illustrative photo"):
        assert check_use("Manifestation", marked, illustrative=True) != []


def test_a_different_alt_text_or_an_empty_caption_is_fine() -> None:
    assert check_use("Deux hommes se serrent la main.", "Poutine et Trump", illustrative=True) == []
    assert check_use("Deux hommes se serrent la main.", "", illustrative=False) == []
