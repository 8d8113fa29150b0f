"""Building ninjs 3.1 and 2.2 documents: valid against IPTC's schemas, every field there."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from copydesk.exchange.ninjs import write as ninjs_export
from copydesk.exchange.ninjs.schema import SCHEMA_FILES, NinjsInvalid, NinjsVersion, validate
from copydesk.exchange.ninjs.write import (
    PictureAsset,
    PictureRole,
    Rendition,
    article_uri,
    association_names,
    build_ninjs,
    picture_uri,
)
from copydesk.records.article import ArticleStatus
from tests.core.ninjs_samples import (
    BODY_PICTURE,
    CREATED,
    FULL_CONTENT,
    LEAD,
    LIBRARY_ID,
    MINIMAL_CONTENT,
    NBSP,
    article,
    full_document,
    minimal_document,
)

VERSIONS: list[NinjsVersion] = ["3.1", "2.2"]


@pytest.fixture
def ninjs_dir(shared: Path) -> Path:
    return shared / "ninjs"


def independent_errors(
    document: dict[str, Any], version: NinjsVersion, ninjs_dir: Path
) -> list[str]:
    """Errors from a plain jsonschema validator on IPTC's file, without Copydesk's code."""
    schema = json.loads((ninjs_dir / SCHEMA_FILES[version]).read_text(encoding="utf-8"))
    return [error.message for error in Draft202012Validator(schema).iter_errors(document)]


def walk(value: Any, path: str = "$") -> Iterator[tuple[str, Any]]:
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, f"{path}[{index}]")


def by_role(entries: list[dict[str, Any]]) -> dict[str, str]:
    return {entry["role"]: entry["value"] for entry in entries}


# ---------------------------------------------------------------------------------------------
# Valid against both schemas


@pytest.mark.parametrize("version", VERSIONS)
def test_full_and_minimal_articles_are_valid(version: NinjsVersion, ninjs_dir: Path) -> None:
    for document in (full_document(version), minimal_document(version)):
        validate(document, version)
        assert independent_errors(document, version, ninjs_dir) == []
        assert document["standard"]["version"] == version


@pytest.mark.parametrize("version", VERSIONS)
def test_nothing_empty_is_written(version: NinjsVersion) -> None:
    for document in (full_document(version), minimal_document(version)):
        empty = [path for path, value in walk(document) if value in ("", [], {}, None)]
        assert empty == []


def test_minimal_article_has_no_optional_parts() -> None:
    document = minimal_document()
    for absent in ("by", "located", "subjects", "associations", "descriptions", "contentCreated"):
        assert absent not in document
    assert document["headlines"] == [{"role": "main", "value": "Brève"}]
    assert document["pubStatus"] == "withheld"  # a draft


# ---------------------------------------------------------------------------------------------
# Every field of the issue, 3.1


def test_article_fields_3_1() -> None:
    document = full_document("3.1")
    assert document["uri"] == article_uri(LIBRARY_ID, article().uuid)
    assert document["uri"].startswith(f"urn:copydesk:{LIBRARY_ID}:article:")
    assert document["type"] == "text"
    assert document["version"] == "4"
    assert document["firstCreated"] == "2025-03-15T07:45:00Z"
    assert document["versionCreated"] == "2025-03-15T09:30:12Z"
    assert document["contentCreated"] == "2025-03-15T00:00:00Z"  # the dateline's date
    assert document["language"] == "fr"
    assert document["slugline"] == "negociations-ukraine"
    assert by_role(document["headlines"]) == {
        "main": FULL_CONTENT.headline,
        "kicker": FULL_CONTENT.kicker,
    }
    assert document["descriptions"] == [
        {"role": "text", "contentType": "text/plain", "value": FULL_CONTENT.standfirst}
    ]
    assert document["by"] == "Olga Demidenko, Jean-Noël Roy"
    assert document["located"] == "France"
    assert document["subjects"] == [
        {"name": "Ukraine"},
        {"name": "diplomatie"},
        {"name": "États-Unis"},
    ]
    assert document["copyrightNotice"] == "© Copydesk 2025"
    assert document["pubStatus"] == "usable"


def test_bodies_carry_html_and_text_with_counts() -> None:
    html, text = full_document("3.1")["bodies"]
    assert html["role"] == "richtext" and html["contentType"] == "text/html"
    assert html["value"].startswith("<p>Le président a annoncé")
    assert text["role"] == "text" and text["contentType"] == "text/plain"
    assert text["value"].startswith("Le président a annoncé un accord «\u00a0historique")
    for body in (html, text):
        assert body["charCount"] == len(text["value"])
        assert body["wordCount"] == 38


def test_one_association_per_picture_3_1() -> None:
    lead, body = full_document("3.1")["associations"]
    assert [lead["name"], body["name"]] == ["lead", "body-1"]
    assert lead["uri"] == picture_uri(LIBRARY_ID, LEAD.picture.uuid)
    assert lead["type"] == "picture"
    assert by_role(lead["descriptions"]) == {
        "text": LEAD.caption,
        "alttext": LEAD.alt_text,
        "creditline": LEAD.credit_line,
    }
    assert lead["headlines"] == [{"role": "main", "value": "Poignée de main"}]
    assert lead["by"] == "Amélie Durand"
    assert lead["copyrightNotice"] == "© Amélie Durand"
    assert lead["usageTerms"] == "CC BY 4.0"
    assert lead["rightsInfo"] == {"linkedRights": "https://creativecommons.org/licenses/by/4.0/"}
    assert lead["located"] == "Genève, Suisse"
    assert lead["contentCreated"] == "2025-03-14T16:20:00+01:00"
    assert lead["genres"] == [{"name": "illustrative", "literal": "illustrative"}]
    assert lead["infoSources"][0]["name"] == "Wikimedia Commons"
    assert lead["renditions"][1] == {
        "name": "1200",
        "href": "images/photo-1-1200.jpg",
        "contentType": "image/jpeg",
        "width": 1200,
        "height": 900,
        "sizeInBytes": 234_567,
    }
    assert [rendition["name"] for rendition in lead["renditions"]] == [
        "original",
        "1200",
        "thumbnail",
    ]
    # No catalogue licence: the web statement of rights is the linked rights.
    assert body["rightsInfo"] == {"linkedRights": "https://example.org/rights"}
    assert "usageTerms" not in body and "genres" not in body


# ---------------------------------------------------------------------------------------------
# 2.2


def test_2_2_is_3_1_with_lower_case_names() -> None:
    document = full_document("2.2")
    keys = [path.rsplit(".", 1)[-1] for path, _ in walk(document) if not path.endswith("]")]
    assert all(key == key.lower() for key in keys)
    for name in ("versioncreated", "firstcreated", "contentcreated", "pubstatus"):
        assert name in document
    assert document["copyrightnotice"] == "© Copydesk 2025"
    assert document["bodies"][0]["charcount"] == document["bodies"][1]["charcount"]
    lead = document["associations"][0]
    assert lead["rightsinfo"] == {"linkedrights": "https://creativecommons.org/licenses/by/4.0/"}
    assert lead["usageterms"] == "CC BY 4.0"
    assert lead["renditions"][0]["contenttype"] == "image/jpeg"
    assert lead["renditions"][0]["sizeinbytes"] == 2_345_678
    same_3_1 = _lower(full_document("3.1"))
    assert same_3_1.pop("standard")["version"] == "3.1"
    assert document.pop("standard")["version"] == "2.2"
    assert document == same_3_1


def _lower(value: Any) -> Any:
    if isinstance(value, dict):
        return {key.lower(): _lower(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_lower(item) for item in value]
    return value


# ---------------------------------------------------------------------------------------------
# Identity, text, mistakes


def test_uris_are_stable_and_distinct() -> None:
    assert full_document()["uri"] == full_document()["uri"]
    assert article_uri("lib-a", "x") != article_uri("lib-b", "x")
    assert article_uri("lib a/é", "x") == "urn:copydesk:lib%20a%2F%C3%A9:article:x"
    with pytest.raises(ValueError):
        article_uri(" ", "x")


def test_french_typography_survives_serialisation() -> None:
    document = full_document()
    text = json.dumps(document, ensure_ascii=False)
    again = json.loads(text)
    assert (
        again["headlines"][0]["value"]
        == f"Négociations sur l’Ukraine{NBSP}: «{NBSP}un premier pas{NBSP}»"
    )
    assert again["associations"][1]["descriptions"][0]["value"] == BODY_PICTURE.caption
    assert NBSP in again["bodies"][1]["value"]


def test_a_broken_build_is_refused_never_returned(monkeypatch: pytest.MonkeyPatch) -> None:
    real = ninjs_export._article_document

    def without_uri(*args: Any) -> dict[str, Any]:
        document = real(*args)
        del document["uri"]
        return document

    monkeypatch.setattr(ninjs_export, "_article_document", without_uri)
    for version in VERSIONS:
        with pytest.raises(NinjsInvalid) as caught:
            full_document(version)
        assert ("$", "'uri' is a required property") in caught.value.errors


def test_an_unusable_href_is_refused() -> None:
    bad = PictureAsset(
        picture=LEAD.picture,
        role=PictureRole.LEAD,
        renditions=(Rendition("original", "images/my photo.jpg", 10, 10, "image/jpeg", 1),),
    )
    with pytest.raises(NinjsInvalid) as caught:
        build_ninjs(article(), library_id="l", body_html="", body_text="", pictures=[bad])
    assert caught.value.errors == [
        ("$.associations[0].renditions[0].href", "'images/my photo.jpg' is not a 'uri'")
    ]


def test_at_most_one_lead_picture() -> None:
    with pytest.raises(ValueError):
        build_ninjs(article(), library_id="l", body_html="", body_text="", pictures=[LEAD, LEAD])


def test_association_names() -> None:
    assert association_names([BODY_PICTURE, LEAD, BODY_PICTURE]) == ["body-1", "lead", "body-2"]


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (ArticleStatus.DRAFT, "withheld"),
        (ArticleStatus.IN_REVIEW, "withheld"),
        (ArticleStatus.READY, "usable"),
        (ArticleStatus.PUBLISHED, "usable"),
    ],
)
def test_pub_status(status: ArticleStatus, expected: str) -> None:
    record = article(MINIMAL_CONTENT.replace(status=status))
    document = build_ninjs(record, library_id="l", body_html="", body_text="")
    assert document["pubStatus"] == expected


def test_a_naive_time_is_taken_as_utc() -> None:
    record = article(MINIMAL_CONTENT)
    naive = dataclasses.replace(record, created_at=CREATED.replace(tzinfo=None))
    document = build_ninjs(naive, library_id="l", body_html="", body_text="")
    assert document["firstCreated"] == "2025-03-15T07:45:00Z"


def test_times_in_other_zones_are_written_in_utc() -> None:
    paris = timezone(timedelta(hours=1))
    record = article(MINIMAL_CONTENT)
    moved = dataclasses.replace(record, updated_at=datetime(2025, 3, 15, 10, 0, tzinfo=paris))
    document = build_ninjs(moved, library_id="l", body_html="", body_text="")
    assert document["versionCreated"] == "2025-03-15T09:00:00Z"
