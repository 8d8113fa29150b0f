"""The licence catalogue: the file against the catalogue's rules, and recognising licences."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from copydesk.pictures import licensing
from copydesk.pictures.licensing import Family, catalogue, find_licences, identify, licence
from copydesk.resources import read_resource_text

CC_VARIANTS = ("by", "by-sa", "by-nd", "by-nc", "by-nc-sa", "by-nc-nd")
CC_VERSIONS = ("2.0", "3.0", "4.0")
RESERVED = ("agency", "staff", "handout", "permission")


def raw_entries() -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = json.loads(read_resource_text("licences.json"))["licences"]
    return entries


# ---------------------------------------------------------------------------------------------
# The file


def test_ids_are_unique_and_every_required_licence_is_there() -> None:
    ids = [entry["id"] for entry in raw_entries()]
    assert len(ids) == len(set(ids))
    expected = {f"cc-{variant}-{version}" for variant in CC_VARIANTS for version in CC_VERSIONS}
    expected |= {"cc0-1.0", "pdm-1.0", *RESERVED, "unknown"}
    assert set(ids) == expected
    assert len(catalogue()) == len(expected) == 25


@pytest.mark.parametrize("variant", CC_VARIANTS)
@pytest.mark.parametrize("version", CC_VERSIONS)
def test_each_cc_licence_follows_its_elements(variant: str, version: str) -> None:
    found = licence(f"cc-{variant}-{version}")
    assert found is not None
    assert found.family is Family.CREATIVE_COMMONS and found.version == version
    assert found.name == f"CC {variant.upper()} {version}"
    assert found.url == f"https://creativecommons.org/licenses/{variant}/{version}/"
    assert found.requires_creator and found.requires_source_link and found.requires_licence_link
    assert found.allows_commercial is ("nc" not in variant)
    assert found.allows_derivatives is ("nd" not in variant)
    assert found.share_alike is ("sa" in variant)
    assert found.title.startswith("Creative Commons Attribution") and version in found.title
    assert found.attribution


def test_urls_are_canonical_https_deeds_and_only_cc_entries_have_one() -> None:
    deed = re.compile(
        r"https://creativecommons\.org/(licenses/[a-z-]+|publicdomain/(zero|mark))/\d\.0/"
    )
    for entry in catalogue():
        if entry.family in (Family.CREATIVE_COMMONS, Family.PUBLIC_DOMAIN):
            assert entry.url is not None and deed.fullmatch(entry.url), entry.id
        else:
            assert entry.url is None, entry.id
    cc0, pdm = licence("cc0-1.0"), licence("pdm-1.0")
    assert cc0 is not None and cc0.url == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert pdm is not None and pdm.url == "https://creativecommons.org/publicdomain/mark/1.0/"


def test_the_file_holds_every_field_with_its_type() -> None:
    flags = (
        "requires_creator",
        "requires_source_link",
        "requires_licence_link",
        "allows_commercial",
        "allows_derivatives",
        "share_alike",
    )
    for entry in raw_entries():
        assert all(isinstance(entry[key], bool) for key in flags), entry["id"]
        assert all(entry[key] for key in ("id", "name", "title", "attribution"))
        assert re.fullmatch(r"[a-z0-9.-]+", entry["id"])
        Family(entry["family"])


def test_non_cc_entries_have_french_and_english_labels() -> None:
    for entry_id in (*RESERVED, "unknown"):
        found = licence(entry_id)
        assert found is not None and set(found.labels) >= {"fr", "en"}
    agency = licence("agency")
    assert agency is not None
    assert agency.label("fr") == "Tous droits réservés"
    assert agency.label("en-GB") == "All rights reserved"
    assert agency.label("de") == "All rights reserved"  # falls back to English


def test_what_a_credit_prints_for_each_family() -> None:
    def printed(entry_id: str, language: str) -> str:
        found = licence(entry_id)
        assert found is not None
        return found.credit_name(language)

    assert printed("cc-by-sa-3.0", "fr") == "CC BY-SA 3.0"
    assert printed("cc0-1.0", "fr") == "CC0 1.0"
    assert printed("pdm-1.0", "en") == "Public Domain Mark 1.0"
    assert printed("agency", "fr") == "Tous droits réservés"
    assert printed("handout", "en") == "Handout"
    assert printed("unknown", "fr") == ""


def test_lookup_of_an_id_the_catalogue_does_not_hold() -> None:
    assert licence("cc-by-2.5") is None
    assert licence("") is None


def test_a_bad_entry_is_refused_rather_than_read_as_false() -> None:
    entry = dict(raw_entries()[0], allows_commercial="yes")
    with pytest.raises(ValueError, match="allows_commercial"):
        licensing._licence_from_json(entry)


def test_licences_are_hashable_values() -> None:
    assert len(set(catalogue())) == len(catalogue())


# ---------------------------------------------------------------------------------------------
# Recognising a licence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://creativecommons.org/licenses/by/4.0/", "cc-by-4.0"),
        ("https://creativecommons.org/licenses/by/4.0", "cc-by-4.0"),
        ("http://creativecommons.org/licenses/by-sa/3.0/", "cc-by-sa-3.0"),
        ("http://www.creativecommons.org/licenses/by-nc-sa/3.0", "cc-by-nc-sa-3.0"),
        ("www.creativecommons.org/licenses/by-nd/2.0/", "cc-by-nd-2.0"),
        ("creativecommons.org/licenses/by/2.0/deed.fr", "cc-by-2.0"),
        ("https://creativecommons.org/licenses/by/4.0/deed.en", "cc-by-4.0"),
        ("https://creativecommons.org/licenses/by-sa/4.0/legalcode", "cc-by-sa-4.0"),
        ("https://creativecommons.org/licenses/by-nc/4.0/legalcode.fr", "cc-by-nc-4.0"),
        ("HTTPS://CreativeCommons.org/Licenses/BY-NC-ND/4.0/", "cc-by-nc-nd-4.0"),
        ("https://creativecommons.org/publicdomain/zero/1.0/", "cc0-1.0"),
        ("https://creativecommons.org/publicdomain/zero/1.0/deed.fr", "cc0-1.0"),
        ("http://creativecommons.org/publicdomain/mark/1.0/", "pdm-1.0"),
        ("Licensed under https://creativecommons.org/licenses/by/2.0/.", "cc-by-2.0"),
    ],
)
def test_identify_a_deed_url_in_its_usual_shapes(text: str, expected: str) -> None:
    assert _id(identify(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CC BY-SA 4.0", "cc-by-sa-4.0"),
        ("CC-BY 4.0", "cc-by-4.0"),
        ("cc by 4.0", "cc-by-4.0"),
        ("CC BY 4", "cc-by-4.0"),
        ("CC-BY-NC-ND-4.0", "cc-by-nc-nd-4.0"),  # SPDX
        ("CC BY NC SA 3.0", "cc-by-nc-sa-3.0"),
        ("CC BY\u2011SA\u00a03.0", "cc-by-sa-3.0"),  # typeset: non-breaking hyphen and space
        ("Creative Commons Attribution 4.0 International", "cc-by-4.0"),
        ("Creative Commons Attribution-ShareAlike 3.0", "cc-by-sa-3.0"),
        ("Creative Commons Attribution-Share Alike 3.0 Unported", "cc-by-sa-3.0"),
        ("Attribution-NonCommercial-NoDerivatives 4.0 International", "cc-by-nc-nd-4.0"),
        ("Creative Commons Attribution-NoDerivs 2.0 Generic", "cc-by-nd-2.0"),
        (
            "Attribution - Pas d’Utilisation Commerciale - Partage dans les Mêmes Conditions"
            " 4.0 International",
            "cc-by-nc-sa-4.0",
        ),
        ("Creative Commons Paternité 2.0", "cc-by-2.0"),
        ("CC0", "cc0-1.0"),
        ("CC0 1.0 Universal Public Domain Dedication", "cc0-1.0"),
        ("Creative Commons Zero", "cc0-1.0"),
        ("Public domain", "pdm-1.0"),
        ("Photo dans le domaine public", "pdm-1.0"),
        ("Public Domain Mark 1.0", "pdm-1.0"),
        ("Photo : wikipedia.org, CC BY 4.0", "cc-by-4.0"),
    ],
)
def test_identify_a_licence_by_name(text: str, expected: str) -> None:
    assert _id(identify(text)) == expected


@pytest.mark.parametrize(
    "texts",
    [
        (),
        ("",),
        ("CC BY",),  # which version?
        ("Creative Commons Attribution-ShareAlike",),
        ("CC BY 2.5",),  # not in the catalogue
        ("CC BY-SA 3.0 DE",),  # a ported licence
        ("https://creativecommons.org/licenses/by-sa/3.0/de/",),
        ("https://creativecommons.org/licenses/by/3.0/igo/",),
        ("CC BY-SA-ND 4.0",),  # no such licence
        ("CC BY 4.0 and CC BY-SA 4.0",),  # two licences
        ("CC BY 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
        ("All rights reserved",),
        # The IPTC reference image's rights fields name no licence.
        ("Copyright (Notice) 2017.1 IPTC - www.iptc.org  (ref2017.1)",),
        ("Rights Usage Termns (ref2017.1)", "http://www.WebStatementOfRights.org/2017.1"),
        ("Creator1 (ref2017.1), Creator2 (ref2017.1)",),
        ("Public domain", "CC BY 4.0"),  # contradict each other
    ],
)
def test_identify_returns_none_when_unsure(texts: tuple[str, ...]) -> None:
    assert identify(*texts) is None


def test_identify_agrees_across_texts() -> None:
    url = "https://creativecommons.org/licenses/by-sa/4.0/"
    assert _id(identify("CC BY-SA 4.0", url, "")) == "cc-by-sa-4.0"
    assert _id(identify("", "Creative Commons Attribution-ShareAlike 4.0", url)) == "cc-by-sa-4.0"
    # "Public domain" is a phrase; a named licence says which instrument.
    assert _id(identify("Public domain dedication", "CC0 1.0")) == "cc0-1.0"


def test_every_catalogue_licence_is_identified_by_its_own_name_title_and_url() -> None:
    for entry in catalogue():
        if entry.family in (Family.CREATIVE_COMMONS, Family.PUBLIC_DOMAIN):
            assert entry.url is not None
            for text in (entry.name, entry.title, entry.url):
                assert identify(text) == entry, (entry.id, text)


def test_mentions_give_spans_to_cut_out_of_a_credit() -> None:
    text = "Photo : Jane Doe, CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"
    mentions = find_licences(text)
    assert [text[m.start : m.end] for m in mentions] == [
        "CC BY 4.0",
        "https://creativecommons.org/licenses/by/4.0/",
    ]
    (ported,) = find_licences("CC BY-SA 3.0 DE")
    assert ported.licence is None and (ported.start, ported.end) == (0, 15)


def _id(found: licensing.Licence | None) -> str | None:
    return found.id if found else None
