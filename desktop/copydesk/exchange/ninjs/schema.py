"""Validating ninjs documents against IPTC's official JSON schemas (ninjs 3.1 and 2.2).

The schema files are IPTC's, not ours, and are not copied into the repository: they are
looked up at run time (``schema_dir``). A validator is built once per schema file.

Two things the official files need that ``jsonschema`` does not do by itself:

- ``places[].geoJSON`` (``geojson`` in 2.2) refers to ``https://geojson.org/schema/
  GeoJSON.json``. Copydesk works offline and must never fetch a schema from the network, so
  that address resolves to a small local stand-in (an object whose ``type`` is a GeoJSON
  type) and any other remote reference is refused.
- In JSON Schema 2020-12, ``format`` is only an annotation unless a format checker is given,
  and ``jsonschema``'s own checkers for ``date-time`` and ``uri`` silently do nothing unless
  optional packages are installed. ``FORMAT_CHECKER`` checks both itself:

  * ``date-time``: RFC 3339, strictly (a UTC offset is required). Every official example
    passes.
  * ``uri``: an RFC 3986 *reference*, not only an absolute URI. The official example
    ``002_renditions_example.json`` has ``"uri": "renditions-example"`` (a relative
    reference), which a strict check refuses; and a publishing package refers to its
    renditions by relative paths (``images/…``). Spaces, control characters, characters
    never allowed in a URI and malformed ``%`` escapes are still refused; non-ASCII letters
    are accepted, as in an IRI. The empty reference is refused: no ninjs field can mean
    "this document". Copydesk's own identifiers are absolute (``urn:copydesk:…``).
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from jsonschema import FormatChecker, validators
from jsonschema.exceptions import ValidationError, best_match, relevance
from jsonschema.protocols import Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from copydesk.errors import CopydeskError
from copydesk.exchange.ninjs.versions import DEFAULT_VERSION, VERSIONS, NinjsVersion
from copydesk.resources import resource_path
from copydesk.translation import _

SCHEMA_FILES: Final[Mapping[NinjsVersion, str]] = {
    "3.1": "ninjs-schema_3.1.json",
    "2.2": "ninjs-schema_2.2.json",
}
# The address each schema is published at (its ``$id`` without the empty fragment).
SCHEMA_URIS: Final[Mapping[NinjsVersion, str]] = {
    "3.1": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json",
    "2.2": "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json",
}
ENV_VARIABLE = "COPYDESK_NINJS_SCHEMAS"
MAX_ERRORS = 5
# Far deeper than any real ninjs (associations of associations of renditions …), shallow
# enough that the recursive validator cannot exhaust the stack.
MAX_DEPTH = 64
_MAX_MESSAGE = 200

_GEOJSON_URI = "https://geojson.org/schema/GeoJSON.json"
_GEOJSON_STAND_IN = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["type"],
    "properties": {
        "type": {
            "enum": [
                "Point",
                "MultiPoint",
                "LineString",
                "MultiLineString",
                "Polygon",
                "MultiPolygon",
                "GeometryCollection",
                "Feature",
                "FeatureCollection",
            ]
        }
    },
}


class NinjsSchemaMissing(CopydeskError):
    """IPTC's ninjs schema files are not installed where Copydesk looks for them."""


class NinjsInvalid(CopydeskError):
    """A document is not valid ninjs. ``errors`` lists ``(json_path, message)`` pairs, the
    most relevant first (at most ``MAX_ERRORS``)."""

    def __init__(self, version: str, errors: list[tuple[str, str]]) -> None:
        self.version = version
        self.errors = errors
        heading = _("This is not valid ninjs {version}:").format(version=version)
        lines = [
            "  " + _("{path}: {message}").format(path=path, message=message)
            for path, message in errors
        ]
        super().__init__("\n".join([heading, *lines]))


# ---------------------------------------------------------------------------------------------
# Finding the schema files


def candidate_dirs() -> list[Path]:
    """Where the schema files are looked for, in order: ``$COPYDESK_NINJS_SCHEMAS``; the
    installation's ``resources/ninjs``; a ``shared/ninjs`` folder beside the repository (or
    beside any folder above this file, which covers a checkout and CI's clone)."""
    found: list[Path] = []
    configured = os.environ.get(ENV_VARIABLE, "").strip()
    if configured:
        found.append(Path(configured).expanduser())
    # No resources folder at all is an incomplete installation, not this module's concern.
    with contextlib.suppress(FileNotFoundError):
        found.append(resource_path("ninjs"))
    here = Path(__file__).resolve()
    found.extend(folder / "shared" / "ninjs" for folder in here.parents)
    return found


def schema_path(version: NinjsVersion) -> Path:
    """The schema file for ``version``, from the first folder that holds it."""
    file_name = SCHEMA_FILES[version]
    searched = candidate_dirs()
    for folder in searched:
        if (folder / file_name).is_file():
            return folder / file_name
    places = "\n".join(f"  {folder}" for folder in searched)
    raise NinjsSchemaMissing(
        _(
            "IPTC's ninjs schema {file} was not found. Put the schema files in a folder "
            "and name it in the {variable} environment variable. Looked in:\n{places}"
        ).format(file=file_name, variable=ENV_VARIABLE, places=places)
    )


# ---------------------------------------------------------------------------------------------
# Formats

FORMAT_CHECKER = FormatChecker(formats=())

_DATE_TIME = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})[Tt](?P<time>\d{2}:\d{2}:\d{2})(?P<fraction>\.\d+)?"
    r"(?P<offset>[Zz]|[+-]\d{2}:\d{2})"
)
# RFC 3986 characters (unreserved, reserved, "%"), plus any non-ASCII character that is not
# a space or a control (an IRI's ucschar, loosely).
_URI_REFERENCE = re.compile(
    r"(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2}|[^\x00-\x7f])*"
)
_URI_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_NOT_URI_TEXT = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u2028\u2029]")


@FORMAT_CHECKER.checks("date-time")
def is_date_time(value: object) -> bool:
    """RFC 3339 ``date-time``: ``2025-03-15T08:30:00Z``, ``…T08:30:00.5+01:00``."""
    if not isinstance(value, str):
        return True  # formats apply to strings only; "type" judges the rest
    match = _DATE_TIME.fullmatch(value)
    if not match:
        return False
    seconds_60 = match["time"].endswith(":60")  # a leap second: valid, but not for datetime
    time = match["time"][:-2] + "59" if seconds_60 else match["time"]
    offset = "+00:00" if match["offset"] in "Zz" else match["offset"]
    try:
        datetime.fromisoformat(f"{match['date']}T{time}{offset}")
    except ValueError:
        return False  # 2025-02-30, 25:00, +24:00 …
    return True


@FORMAT_CHECKER.checks("uri")
def is_uri_reference(value: object) -> bool:
    """An RFC 3986 URI reference (see the module's docstring for why not only absolute)."""
    if not isinstance(value, str):
        return True
    if not value or _NOT_URI_TEXT.search(value) or not _URI_REFERENCE.fullmatch(value):
        return False
    # "a:b" is a URI whose scheme is "a"; "1a:b" or ":b" is neither a URI nor a path.
    first_segment = re.split(r"[/?#]", value, maxsplit=1)[0]
    return ":" not in first_segment or bool(_URI_SCHEME.match(first_segment))


def is_absolute_uri(value: str) -> bool:
    """A URI with a scheme (``urn:…``, ``https://…``), as an identifier must be."""
    return is_uri_reference(value) and bool(_URI_SCHEME.match(value))


# ---------------------------------------------------------------------------------------------
# Validators


# An explicit registry: without one, jsonschema falls back to fetching unknown "$ref"s over
# the network. This one knows the GeoJSON stand-in and nothing else, so any other remote
# reference fails instead of being fetched.
_REGISTRY: Registry[Any] = Registry().with_resource(
    _GEOJSON_URI, DRAFT202012.create_resource(_GEOJSON_STAND_IN)
)


def load_schema(version: NinjsVersion) -> dict[str, Any]:
    return _load_schema_file(schema_path(version))


@functools.cache
def _load_schema_file(path: Path) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


def validator(version: NinjsVersion) -> Validator:
    """The validator for ``version``, built once per schema file."""
    return _validator_for(schema_path(version))


@functools.cache
def _validator_for(path: Path) -> Validator:
    schema = _load_schema_file(path)
    # The schema's own "$schema" picks the draft (2020-12 for both versions today).
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, registry=_REGISTRY, format_checker=FORMAT_CHECKER)


def validate(document: Any, version: NinjsVersion) -> None:
    """Raise ``NinjsInvalid`` unless ``document`` is valid ninjs ``version``."""
    _check_depth(document, version)
    errors = sorted(validator(version).iter_errors(document), key=relevance, reverse=True)
    if errors:
        # The root and the "ninjsType" it refers to may both report the same problem.
        described = list(dict.fromkeys(_describe(error) for error in errors))
        raise NinjsInvalid(version, described[:MAX_ERRORS])


def _check_depth(document: object, version: str) -> None:
    for path, depth in _containers(document):
        if depth > MAX_DEPTH:
            message = _("nested more than {count} levels deep").format(count=MAX_DEPTH)
            raise NinjsInvalid(version, [(path, message)])


def _containers(document: object) -> Iterator[tuple[str, int]]:
    """Each object and array with its JSON path and depth, without recursion."""
    if not isinstance(document, dict | list):
        return
    stack: list[tuple[object, str, int]] = [(document, "$", 1)]
    while stack:
        item, path, depth = stack.pop()
        yield path, depth
        children = item.items() if isinstance(item, dict) else enumerate(item)  # type: ignore[arg-type]
        for key, value in children:
            if isinstance(value, dict | list):
                step = f"[{key}]" if isinstance(item, list) else f".{key}"
                stack.append((value, path + step, depth + 1))


def _describe(error: ValidationError) -> tuple[str, str]:
    """The error's path and message; for "not valid under any of the given schemas" (oneOf,
    anyOf), the most telling error of the alternatives instead."""
    error = best_match([error]) or error
    message = error.message
    if error.context:  # the alternatives fail alike: say what each one wanted
        wanted = dict.fromkeys(alternative.message for alternative in error.context)
        alternatives = _("; or ").join(list(wanted)[:3])
        message = _("expected one of: {alternatives}").format(alternatives=alternatives)
    if len(message) > _MAX_MESSAGE:
        message = message[: _MAX_MESSAGE - 1] + "…"
    return error.json_path, message


__all__ = [
    "DEFAULT_VERSION",
    "ENV_VARIABLE",
    "FORMAT_CHECKER",
    "SCHEMA_FILES",
    "SCHEMA_URIS",
    "VERSIONS",
    "NinjsInvalid",
    "NinjsSchemaMissing",
    "NinjsVersion",
    "candidate_dirs",
    "is_absolute_uri",
    "is_date_time",
    "is_uri_reference",
    "load_schema",
    "schema_path",
    "validate",
    "validator",
]
