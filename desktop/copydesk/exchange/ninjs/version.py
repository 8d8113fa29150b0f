"""Which ninjs a document is: the version it declares, checked against the schemas, or the one
its key casing betrays; ninjs 1.x is refused by name."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from copydesk.exchange.ninjs.schema import NinjsInvalid, NinjsVersion, validate
from copydesk.translation import _

# ---------------------------------------------------------------------------------------------
# Which version


def names(*texts: str) -> frozenset[str]:
    """A set of names from space-separated lists (one argument per line)."""
    return frozenset(" ".join(texts).split())


_CAMEL_CASE_PROPERTIES = names(
    "versionCreated firstCreated contentCreated embargoedUntil pubStatus copyrightHolder",
    "copyrightNotice usageTerms edNote representationType contentType charCount wordCount",
    "sizeInBytes altIds infoSources trustIndicators rightsInfo linkedRights encodedRights",
    "langId digitalSourceType contactInfo eventDetails plannedCoverage postalCode",
    "symbolType geoJSON",
)
_LOWER_CASE_PROPERTIES = frozenset(name.lower() for name in _CAMEL_CASE_PROPERTIES) | {"embargoed"}


def validated_version(document: dict[str, Any], declared: NinjsVersion | None) -> NinjsVersion:
    if declared is not None:
        validate(document, declared)
        return declared
    _refuse_ninjs_1(document)
    casing = _version_from_casing(document)
    if casing is not None:
        validate(document, casing)
        return casing
    try:  # nothing tells: a minimal document may be valid as both
        validate(document, "3.1")
        return "3.1"
    except NinjsInvalid as error_3:
        try:
            validate(document, "2.2")
        except NinjsInvalid:
            raise error_3 from None
        return "2.2"


def declared_version(document: dict[str, Any]) -> NinjsVersion | None:
    """The version ``standard`` (or a ``$schema`` link) names: any 3.x is read as 3.1 and any
    2.x as 2.2, the latest minor versions of their branches that IPTC's files cover."""
    standard = document.get("standard")
    claims = [standard.get("version"), standard.get("schema")] if isinstance(standard, dict) else []
    claims.append(document.get("$schema"))
    for claim in claims:
        if isinstance(claim, str):
            match = re.search(r"(?:^|schema_|ninjs[ -]?)(\d)\.\d", claim.strip())
            if match:
                return _branch(match.group(1), claim)
    return None


def _branch(major: str, claim: str) -> NinjsVersion:
    if major == "3":
        return "3.1"
    if major == "2":
        return "2.2"
    message = _("declares ninjs “{claim}”: only ninjs 2.x and 3.x are imported").format(claim=claim)
    raise NinjsInvalid(_("2.x or 3.x"), [("$", message)])


def _refuse_ninjs_1(document: dict[str, Any]) -> None:
    """ninjs 1.x (``headline``, ``body_text``, associations as an object …) has its own
    schema, which Copydesk does not carry: say so rather than list a dozen schema errors."""
    signs = [key for key in document if key in ("$standard", "headline", "byline")]
    signs += [key for key in document if re.match(r"(headline|body|description)_", key)]
    signs += [key for key in ("associations", "renditions") if isinstance(document.get(key), dict)]
    if signs:
        found = ", ".join(signs[:3])
        message = _(
            "this looks like ninjs 1.x ({found}); only ninjs 2.x and 3.x are imported"
        ).format(found=found)
        raise NinjsInvalid(_("2.x or 3.x"), [("$", message)])


def _version_from_casing(document: dict[str, Any]) -> NinjsVersion | None:
    """3.x spells properties in camelCase, 2.x in lower case: the first telling name wins."""
    for key in _all_keys(document):
        if key in _CAMEL_CASE_PROPERTIES:
            return "3.1"
        if key in _LOWER_CASE_PROPERTIES:
            return "2.2"
    return None


def _all_keys(document: object) -> Iterator[str]:
    """Every property name in the document, breadth first, without recursion."""
    queue: list[object] = [document]
    for item in queue:  # the list grows while it is read
        if isinstance(item, dict):
            yield from item.keys()
            queue.extend(value for value in item.values() if isinstance(value, dict | list))
        elif isinstance(item, list):
            queue.extend(value for value in item if isinstance(value, dict | list))


def lower_keys(value: Any) -> Any:
    """Property names in lower case, so that one reader serves 2.x and 3.x. Recursion is
    safe: the document passed validation, which bounds its depth."""
    if isinstance(value, dict):
        return {key.lower(): lower_keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [lower_keys(item) for item in value]
    return value
