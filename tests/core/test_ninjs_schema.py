"""IPTC's ninjs schemas: found at run time, one validator per version, formats checked."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from copydesk.errors import CopydeskError
from copydesk.exchange.ninjs import schema as ninjs_schema
from copydesk.exchange.ninjs.schema import (
    ENV_VARIABLE,
    SCHEMA_FILES,
    NinjsInvalid,
    NinjsSchemaMissing,
    NinjsVersion,
    is_date_time,
    is_uri_reference,
    schema_path,
    validate,
    validator,
)

# Beside the repository, as in CI's clone (a module constant: parametrize needs it early).
NINJS_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "ninjs"


@pytest.fixture
def ninjs_dir(shared: Path) -> Path:
    return shared / "ninjs"


def examples(version: str) -> list[Path]:
    return sorted((NINJS_DIR / f"examples-{version}").glob("*.json"))


def errors_of(document: Any, version: NinjsVersion = "3.1") -> list[tuple[str, str]]:
    with pytest.raises(NinjsInvalid) as caught:
        validate(document, version)
    return caught.value.errors


# ---------------------------------------------------------------------------------------------
# Finding the files


def test_the_errors_are_copydesk_errors() -> None:
    assert issubclass(NinjsInvalid, CopydeskError)
    assert issubclass(NinjsSchemaMissing, CopydeskError)


def test_schemas_are_found_beside_the_repository(
    ninjs_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV_VARIABLE, raising=False)
    for version, name in SCHEMA_FILES.items():
        assert schema_path(version) == ninjs_dir / name


def test_the_environment_variable_comes_first(
    ninjs_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(ninjs_dir / SCHEMA_FILES["3.1"], tmp_path)
    monkeypatch.setenv(ENV_VARIABLE, str(tmp_path))
    assert ninjs_schema.candidate_dirs()[0] == tmp_path
    assert schema_path("3.1") == tmp_path / SCHEMA_FILES["3.1"]
    # A folder lacking a version's file does not stop the search.
    assert schema_path("2.2") == ninjs_dir / SCHEMA_FILES["2.2"]


def test_search_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_VARIABLE, str(tmp_path))
    places = ninjs_schema.candidate_dirs()
    repository = Path(__file__).resolve().parents[2]
    assert places[0] == tmp_path
    assert places[1] == repository / "resources" / "ninjs"
    assert repository.parent / "shared" / "ninjs" in places[2:]


def test_missing_schemas_are_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    nowhere = [tmp_path / "a", tmp_path / "b"]
    monkeypatch.setattr(ninjs_schema, "candidate_dirs", lambda: nowhere)
    with pytest.raises(NinjsSchemaMissing) as caught:
        validate({"uri": "urn:x"}, "3.1")
    message = str(caught.value)
    assert "ninjs-schema_3.1.json was not found" in message
    assert ENV_VARIABLE in message
    assert str(tmp_path / "a") in message and str(tmp_path / "b") in message


def test_one_cached_validator_per_version_of_the_schemas_own_draft() -> None:
    for version in ninjs_schema.VERSIONS:
        assert validator(version) is validator(version)
        assert isinstance(validator(version), Draft202012Validator)
    assert validator("3.1") is not validator("2.2")


# ---------------------------------------------------------------------------------------------
# The official examples


@pytest.mark.parametrize("path", examples("3.1"), ids=lambda path: path.name)
def test_official_3_1_examples_are_valid_with_formats_checked(path: Path) -> None:
    validate(json.loads(path.read_text(encoding="utf-8")), "3.1")


@pytest.mark.parametrize("path", examples("2.2"), ids=lambda path: path.name)
def test_official_2_2_examples_are_valid_with_formats_checked(path: Path) -> None:
    validate(json.loads(path.read_text(encoding="utf-8")), "2.2")


def test_both_example_folders_are_there() -> None:
    assert len(examples("3.1")) == 8 and len(examples("2.2")) == 7


def test_versions_are_not_interchangeable() -> None:
    document = json.loads(examples("2.2")[0].read_text(encoding="utf-8"))
    assert errors_of(document, "3.1") == [
        ("$", "Unevaluated properties are not allowed ('versioncreated' was unexpected)")
    ]


# ---------------------------------------------------------------------------------------------
# Formats


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("2013-07-09T10:37:00Z", True),
        ("2025-03-15T08:30:00.123+01:00", True),
        ("2016-12-31T23:59:60Z", True),  # a leap second
        ("2025-03-15t08:30:00z", True),
        ("2025-03-15", False),  # a date is not a date-time
        ("2025-03-15T08:30:00", False),  # no UTC offset
        ("2025-03-15 08:30:00Z", False),
        ("2025-02-30T08:30:00Z", False),
        ("2025-03-15T25:00:00Z", False),
        ("yesterday", False),
    ],
)
def test_date_time_is_rfc_3339(value: str, valid: bool) -> None:
    assert is_date_time(value) is valid


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("urn:copydesk:lib:article:0b7e", True),
        ("https://creativecommons.org/licenses/by/4.0/", True),
        ("images/photo-1-1200.jpg", True),  # a package's relative href
        ("renditions-example", True),  # IPTC's own 002_renditions_example.json
        ("https://fr.wikipedia.org/wiki/Genève", True),  # an IRI
        ("https://example.org/a%20b", True),
        ("", False),
        ("has space", False),
        ("tab\there", False),
        ("https://example.org/<script>", False),
        ("https://example.org/100%", False),
        ("1abc:def", False),
    ],
)
def test_uri_is_a_uri_reference(value: str, valid: bool) -> None:
    assert is_uri_reference(value) is valid


def test_formats_are_asserted_by_validate() -> None:
    document = {"uri": "not a uri", "versionCreated": "2025-03-15"}
    assert sorted(errors_of(document)) == [
        ("$.uri", "'not a uri' is not a 'uri'"),
        ("$.versionCreated", "'2025-03-15' is not a 'date-time'"),
    ]


# ---------------------------------------------------------------------------------------------
# What is refused, and how it is said


def test_errors_name_path_and_problem_at_most_five() -> None:
    document = {
        "type": "texte",
        "headlines": [{"role": 1}],
        "associations": [{"uri": "urn:b", "renditions": [{"name": "x", "width": "1"}]}],
        "rightsInfo": {},
        "unknown": True,
    }
    errors = errors_of(document)
    assert 1 <= len(errors) <= ninjs_schema.MAX_ERRORS
    assert ("$", "'uri' is a required property") in errors
    assert all(path.startswith("$") for path, _ in errors)
    message = str(NinjsInvalid("3.1", errors))
    assert message.startswith("This is not valid ninjs 3.1:\n  $")


def test_one_of_errors_say_what_each_alternative_wanted() -> None:
    assert errors_of({"uri": "urn:a", "rightsInfo": {}}) == [
        (
            "$.rightsInfo",
            "expected one of: 'linkedRights' is a required property; "
            "or 'encodedRights' is a required property",
        )
    ]


def test_deep_documents_are_refused_without_recursion() -> None:
    document: dict[str, Any] = {"uri": "urn:a"}
    inner = document
    for _ in range(5000):
        inner["associations"] = [{"name": "x", "uri": "urn:b"}]
        inner = inner["associations"][0]
    errors = errors_of(document)
    assert errors[0][1] == f"nested more than {ninjs_schema.MAX_DEPTH} levels deep"


def test_not_an_object() -> None:
    assert errors_of(["uri"]) == [("$", "['uri'] is not of type 'object'")]


def test_geojson_places_validate_offline() -> None:
    place = {"name": "Genève", "geoJSON": {"type": "Point", "coordinates": [6.14, 46.2]}}
    validate({"uri": "urn:a", "places": [place]}, "3.1")
    validate({"uri": "urn:a", "places": [{"geojson": place["geoJSON"]}]}, "2.2")
    bad = {"uri": "urn:a", "places": [{"geoJSON": {"type": "Pointe"}}]}
    assert errors_of(bad)[0][0] == "$.places[0].geoJSON.type"
