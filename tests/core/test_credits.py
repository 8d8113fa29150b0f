"""Credit lines: the house style per language, and reading printed credits back."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from copydesk.pictures import licensing
from copydesk.pictures.credits import (
    compose_credit,
    credit_for,
    fill_template,
    names_in,
    parse_credit,
)
from copydesk.pictures.licensing import Family
from copydesk.records.picture import PictureMetadata

NBSP = "\u00a0"
JANE = PictureMetadata(creator="Jane Doe", source="Reuters", licence_id="cc-by-sa-3.0")


# ---------------------------------------------------------------------------------------------
# Composing


def test_french_and_english_house_styles() -> None:
    assert compose_credit(JANE, "fr") == f"Photo{NBSP}: Jane Doe / Reuters, CC BY-SA 3.0"
    assert compose_credit(JANE, "en") == "Photo: Jane Doe / Reuters, CC BY-SA 3.0"
    assert compose_credit(JANE, "fr-CA") == compose_credit(JANE, "fr")
    assert compose_credit(JANE, "de") == compose_credit(JANE, "en")  # the default style


@pytest.mark.parametrize(
    ("metadata", "french", "english"),
    [
        (PictureMetadata(creator="Jane Doe"), "Jane Doe", "Jane Doe"),
        (PictureMetadata(creator="Jane Doe", source="AFP"), "Jane Doe / AFP", "Jane Doe / AFP"),
        (
            PictureMetadata(creator="Jane Doe", licence_id="cc-by-4.0"),
            "Jane Doe, CC BY 4.0",
            "Jane Doe, CC BY 4.0",
        ),
        (PictureMetadata(source="Flickr", licence_id="cc0-1.0"), "Flickr, CC0 1.0", None),
        (PictureMetadata(licence_id="pdm-1.0"), "Public Domain Mark 1.0", None),
        # No creator: the credit line (the credit the supplier requires), else the source.
        (PictureMetadata(credit_line="AFP", source="Getty"), "AFP", None),
        (PictureMetadata(source="Getty"), "Getty", None),
        # Creator / credit line; the source (often an agency's internal code) only without one.
        (
            PictureMetadata(creator="Jane Doe", credit_line="Agence France-Presse", source="XAF"),
            "Jane Doe / Agence France-Presse",
            None,
        ),
        (PictureMetadata(creator="Jane Doe", source="AFP"), "Jane Doe / AFP", None),
        # A credit line that names the creator already is printed alone.
        (
            PictureMetadata(creator="Jane Doe", credit_line="JANE DOE/Reuters", source="RTR"),
            "JANE DOE/Reuters",
            None,
        ),
        # The same text twice is printed once.
        (PictureMetadata(creator="AFP", source=" afp "), "AFP", None),
        (PictureMetadata(credit_line="Reuters", source="REUTERS"), "Reuters", None),
        # Labels of the rights-reserved kinds, per language.
        (
            PictureMetadata(creator="Jane Doe", source="AFP", licence_id="agency"),
            "Jane Doe / AFP, Tous droits réservés",
            "Jane Doe / AFP, All rights reserved",
        ),
        (
            PictureMetadata(creator="Ana Lima", licence_id="staff"),
            "Ana Lima, Rédaction",
            "Ana Lima, Staff",
        ),
        (
            PictureMetadata(source="Ministry of Defence", licence_id="handout"),
            "Ministry of Defence, Document remis",
            "Ministry of Defence, Handout",
        ),
        (
            PictureMetadata(creator="Jo Bloggs", licence_id="permission"),
            "Jo Bloggs, Avec autorisation",
            "Jo Bloggs, Used with permission",
        ),
        # Nothing is printed for an unknown or unset licence, or one not in the catalogue.
        (PictureMetadata(creator="Jane Doe", licence_id="unknown"), "Jane Doe", "Jane Doe"),
        (PictureMetadata(creator="Jane Doe", licence_id="cc-by-2.5"), "Jane Doe", None),
        (PictureMetadata(creator="  Jane Doe  ", source=" "), "Jane Doe", None),
    ],
)
def test_missing_parts_drop_out_cleanly(
    metadata: PictureMetadata, french: str, english: str | None
) -> None:
    assert compose_credit(metadata, "fr") == f"Photo{NBSP}: {french}"
    assert compose_credit(metadata, "en") == f"Photo: {english or french}"


def test_nothing_to_credit_composes_nothing() -> None:
    assert compose_credit(PictureMetadata(), "fr") == ""
    assert compose_credit(PictureMetadata(licence_id="unknown", description="x"), "en") == ""


def test_no_separator_dangles_whatever_is_missing() -> None:
    for creator in ("", "C"):
        for source in ("", "S"):
            for licence_id in ("", "cc-by-4.0"):
                metadata = PictureMetadata(creator=creator, source=source, licence_id=licence_id)
                credit = compose_credit(metadata, "en")
                assert not credit.endswith((" ", "/", ",")), credit
                assert ": /" not in credit and ": ," not in credit and "/ ," not in credit


def test_fill_template_keeps_separators_only_between_filled_fields() -> None:
    template = "[{a} - {b} ({c})]"
    assert fill_template(template, {"a": "1", "b": "2", "c": "3"}) == "[1 - 2 (3)]"
    assert fill_template(template, {"b": "2"}) == "[2)]"  # a trailing literal is kept as is
    assert fill_template("{a}, {b}", {"b": "2"}) == "2"


def test_credit_for_prefers_the_override() -> None:
    assert credit_for(JANE, "en") == "Photo: Jane Doe / Reuters, CC BY-SA 3.0"
    typed = JANE.replace(credit_override="  Jane Doe for Reuters (CC BY-SA 3.0) ")
    assert credit_for(typed, "en") == "Jane Doe for Reuters (CC BY-SA 3.0)"
    assert credit_for(JANE.replace(credit_override="   "), "fr").startswith("Photo\u00a0:")


# ---------------------------------------------------------------------------------------------
# Parsing


@pytest.mark.parametrize(
    ("text", "creator", "source", "licence_id"),
    [
        # The reference article: the website stays where it was found.
        ("Photo : wikipedia.org, CC BY 4.0", "wikipedia.org", "", "cc-by-4.0"),
        ("Photo: X / Y, CC BY-SA 3.0", "X", "Y", "cc-by-sa-3.0"),
        ("Crédit : AFP", "AFP", "", ""),
        ("© Jane Doe", "Jane Doe", "", ""),
        ("Copyright © 2024 Jane Doe", "Jane Doe", "", ""),
        ("(c) Jane Doe / AFP", "Jane Doe", "AFP", ""),
        ("Crédit photo\u202f: Jean Roy", "Jean Roy", "", ""),
        ("Jane Doe/AFP", "Jane Doe", "AFP", ""),
        ("Photo by Jane Doe via Flickr, CC BY-SA 2.0", "Jane Doe", "Flickr", "cc-by-sa-2.0"),
        (
            "Photo: Jane Doe, CC BY 2.0 (https://creativecommons.org/licenses/by/2.0/)",
            "Jane Doe",
            "",
            "cc-by-2.0",
        ),
        (
            "Photo: Jane Doe / https://commons.wikimedia.org/wiki/File:X.jpg, CC BY-SA 4.0",
            "Jane Doe",
            "https://commons.wikimedia.org/wiki/File:X.jpg",
            "cc-by-sa-4.0",
        ),
        (
            "Photo : Creator1 (ref2017.1), Creator2 (ref2017.1) / Source (ref2017.1), CC BY 4.0",
            "Creator1 (ref2017.1), Creator2 (ref2017.1)",
            "Source (ref2017.1)",
            "cc-by-4.0",
        ),
        ("HANDOUT / Russian Defence Ministry / AFP", "Russian Defence Ministry", "AFP", "handout"),
        (f"Photo{NBSP}: Jane Doe / AFP, Tous droits réservés", "Jane Doe", "AFP", "agency"),
        ("Photo: Jane Doe / The Staff Room", "Jane Doe", "The Staff Room", ""),
        ("Photo: A / B / C", "A", "B / C", ""),
        ("Photo: CC0", "", "", "cc0-1.0"),
        # A ported licence is cut out of the names but not vouched for.
        ("Photo : Jean Dupont, CC BY-SA 3.0 DE", "Jean Dupont", "", ""),
        ("Photo: Jane Doe, CC BY 4.0, CC BY-SA 4.0", "Jane Doe", "", ""),
        ("", "", "", ""),
    ],
)
def test_parse_a_printed_credit(text: str, creator: str, source: str, licence_id: str) -> None:
    parsed = parse_credit(text)
    assert (parsed.creator, parsed.source, parsed.licence_id) == (creator, source, licence_id)
    assert parsed.credit_override == text.strip()
    assert credit_for(parsed, "fr") == text.strip() or not text


def test_parse_leaves_everything_else_unset() -> None:
    parsed = parse_credit("Photo : wikipedia.org, CC BY 4.0")
    assert parsed.replace(creator="", licence_id="", credit_override="") == PictureMetadata()


_NAME = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéçÉ '.-"),
    min_size=1,
    max_size=30,
).map(str.strip)


def _plain_name(name: str) -> bool:
    """A name that is not itself something the parser reads as a licence or a separator."""
    parsed = parse_credit(name)
    return (
        bool(name.strip(" '.-"))
        and " via " not in f" {name.lower()} "
        and parsed.creator == name
        and not licensing.find_licences(name)
    )


@given(
    creator=_NAME,
    source=_NAME,
    licence_id=st.sampled_from([entry.id for entry in licensing.catalogue()] + [""]),
    language=st.sampled_from(["fr", "en"]),
)
def test_a_composed_credit_reads_back(
    creator: str, source: str, licence_id: str, language: str
) -> None:
    assume(_plain_name(creator) and _plain_name(source) and creator.casefold() != source.casefold())
    # A supplier that names the creator already ("Jane Doe/Reuters") is printed alone.
    assume(not names_in(creator, source))
    metadata = PictureMetadata(creator=creator, source=source, licence_id=licence_id)
    parsed = parse_credit(compose_credit(metadata, language))
    assert (parsed.creator, parsed.source) == (creator, source)
    found = licensing.licence(licence_id)
    expected = "" if found is None or found.family is Family.UNKNOWN else licence_id
    assert parsed.licence_id == expected
