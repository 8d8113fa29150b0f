"""The licence catalogue (``resources/licences.json``) and recognising a licence in text.

A picture's licence is stored as a catalogue id (``PictureMetadata.licence_id``). Ids are
stable: libraries and exported packages keep them. What each licence requires of a credit is
data here; judging a picture against it is ``compliance``'s job.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from copydesk.resources import read_resource_text
from copydesk.translation import N_, _, current_language

CATALOGUE_FILE = "licences.json"


class Family(StrEnum):
    CREATIVE_COMMONS = "creative-commons"  # the six CC BY licences, each in 2.0, 3.0, 4.0
    PUBLIC_DOMAIN = "public-domain"  # CC0 and the Public Domain Mark
    RIGHTS_RESERVED = "rights-reserved"  # agency, staff, handout, used with permission
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Licence:
    id: str
    name: str  # short and language-neutral, as printed in a credit: "CC BY-SA 3.0"
    title: str  # the full title: "Creative Commons Attribution-ShareAlike 3.0 Unported"
    family: Family
    version: str  # "4.0"; "" for licences without versions
    url: str | None  # the canonical deed; None for rights-reserved and unknown
    labels: Mapping[str, str] = field(hash=False)  # per language, where the name is English
    requires_creator: bool
    requires_source_link: bool
    requires_licence_link: bool
    allows_commercial: bool
    allows_derivatives: bool
    share_alike: bool
    attribution: str  # what attribution it requires, in English (``explanation`` translates)

    def explanation(self) -> str:
        """What the licence asks of a publication, in the person's language."""
        return _(self.attribution)

    def label(self, language: str) -> str:
        """The licence's name for people reading ``language``."""
        return self.labels.get(primary_language(language)) or self.labels.get("en") or self.name

    def shown_name(self) -> str:
        """The licence's name in the language of the person's screen (menus, columns)."""
        return self.label(current_language())

    def credit_name(self, language: str) -> str:
        """What a printed credit says about the licence; "" when it says nothing."""
        if self.family is Family.UNKNOWN:
            return ""
        if self.family is Family.RIGHTS_RESERVED:
            return self.label(language)
        return self.name


# The catalogue's ``attribution`` texts, marked for translation (the extraction reads the
# code, not ``licences.json``): keep them word for word as the catalogue has them.
_ATTRIBUTIONS = (
    N_(
        "None required: the creator waived their rights. Crediting the creator is still good"
        " practice."
    ),
    N_(
        "None required: the work is free of known copyright. Crediting the creator is still"
        " good practice."
    ),
    N_(
        "Credit the creator (and the title when given), link to the source page the licensor"
        " names and to the licence, and keep any copyright notice."
    ),
    N_(
        "Credit the creator (and the title when given), link to the source page the licensor"
        " names and to the licence, and keep any copyright notice. Adaptations must be shared"
        " under the same licence."
    ),
    N_(
        "Credit the creator (and the title when given), link to the source page the licensor"
        " names and to the licence, and keep any copyright notice. No adaptations: share the"
        " picture only unchanged."
    ),
    N_(
        "Credit the creator (and the title when given), link to the source page the licensor"
        " names and to the licence, and keep any copyright notice. Non-commercial use only."
    ),
    N_(
        "Credit the creator (and the title when given), link to the source page the licensor"
        " names and to the licence, and keep any copyright notice. Non-commercial use only."
        " Adaptations must be shared under the same licence."
    ),
    N_(
        "Credit the creator (and the title when given), link to the source page the licensor"
        " names and to the licence, and keep any copyright notice. Non-commercial use only."
        " No adaptations: share the picture only unchanged."
    ),
    N_(
        "Credit the creator, link to the source page and to the licence, and say whether the"
        " picture was changed."
    ),
    N_(
        "Credit the creator, link to the source page and to the licence, and say whether the"
        " picture was changed. Adaptations must be shared under the same licence."
    ),
    N_(
        "Credit the creator, link to the source page and to the licence, and say whether the"
        " picture was changed. No adaptations: share the picture only unchanged."
    ),
    N_(
        "Credit the creator, link to the source page and to the licence, and say whether the"
        " picture was changed. Non-commercial use only."
    ),
    N_(
        "Credit the creator, link to the source page and to the licence, and say whether the"
        " picture was changed. Non-commercial use only. Adaptations must be shared under the"
        " same licence."
    ),
    N_(
        "Credit the creator, link to the source page and to the licence, and say whether the"
        " picture was changed. Non-commercial use only. No adaptations: share the picture"
        " only unchanged."
    ),
    N_(
        "Credit the agency as the contract says (usually photographer / agency); use only"
        " under the subscription's terms."
    ),
    N_("Credit the staff photographer by name; the publication holds the rights."),
    N_("Credit the organisation that handed the picture out; editorial use only, as distributed."),
    N_(
        "Credit the rights holder who gave permission, in the terms they agreed to; keep a"
        " record of the permission."
    ),
    N_("Unknown: find out who holds the rights and on what terms before publishing."),
)


def primary_language(language: str) -> str:
    """The primary subtag: "fr" for "fr", "fr-CA" or "fr_FR"."""
    return language.replace("_", "-").split("-")[0].lower()


# ---------------------------------------------------------------------------------------------
# The catalogue


@functools.cache
def catalogue() -> tuple[Licence, ...]:
    """Every licence, in the catalogue's order (the order a licence menu shows)."""
    document = json.loads(read_resource_text(CATALOGUE_FILE))
    return tuple(_licence_from_json(entry) for entry in document["licences"])


@functools.cache
def _by_id() -> dict[str, Licence]:
    return {entry.id: entry for entry in catalogue()}


def licence(licence_id: str) -> Licence | None:
    return _by_id().get(licence_id)


_FLAGS = (
    "requires_creator",
    "requires_source_link",
    "requires_licence_link",
    "allows_commercial",
    "allows_derivatives",
    "share_alike",
)
_TEXTS = ("id", "name", "title", "version", "attribution")


def _licence_from_json(entry: dict[str, Any]) -> Licence:
    """A catalogue entry, refusing wrong types: a typo in the file must not pass as False."""
    for key in _TEXTS:
        _expect(entry, key, isinstance(entry.get(key), str))
    for key in _FLAGS:
        _expect(entry, key, isinstance(entry.get(key), bool))
    _expect(entry, "url", entry.get("url") is None or isinstance(entry["url"], str))
    labels = entry.get("labels", {})
    _expect(entry, "labels", isinstance(labels, dict))
    _expect(entry, "labels", all(isinstance(v, str) for v in labels.values()))
    return Licence(
        id=entry["id"],
        name=entry["name"],
        title=entry["title"],
        family=Family(entry["family"]),
        version=entry["version"],
        url=entry["url"],
        labels=MappingProxyType(dict(labels)),
        attribution=entry["attribution"],
        **{key: entry[key] for key in _FLAGS},
    )


def _expect(entry: dict[str, Any], key: str, ok: bool) -> None:
    if not ok:
        raise ValueError(f"{CATALOGUE_FILE}: entry {entry.get('id')!r} has a bad {key!r}")


# ---------------------------------------------------------------------------------------------
# Recognising a licence in text


@dataclass(frozen=True, slots=True)
class LicenceMention:
    """Where ``text[start:end]`` names a licence. ``licence`` is None when it names one that
    the catalogue does not hold (a ported CC licence such as "CC BY-SA 3.0 DE", version 2.5):
    recognisably a licence, but not one we can vouch for."""

    start: int
    end: int
    licence: Licence | None
    generic: bool = False  # "public domain": a phrase, not the name of an instrument


# CC elements in their canonical order (an id is "cc-" + elements joined with "-").
_ELEMENT_ORDER = ("by", "nc", "sa", "nd")
# The elements as the full titles spell them, in English and French.
_LONG_ELEMENT = re.compile(
    r"(?P<sa>share\s*-?\s*alike|partage\s+dans\s+les\s+m[eê]mes\s+conditions)"
    r"|(?P<nc>non\s*-?\s*commercial|pas\s+d['’]\s*utilisation\s+commerciale)"
    r"|(?P<nd>no\s*-?\s*deriv(?:ative)?s|pas\s+de\s+modification)",
    re.IGNORECASE,
)


def _version(name: str) -> str:
    """A version such as "4.0", "v4.0" or "4", but not the start of "4.01" or "2.5"."""
    scope = r"(?:\s+(?:international|unported|generic|universal)\b)?"  # part of the title
    return rf"v?(?P<{name}>\d(?:\.\d)?)(?!\.?\d){scope}"


_MENTION = re.compile(
    rf"""
    (?P<url>(?:https?://)?(?:www\.)?creativecommons\.org/
        (?:licen[cs]es?/(?P<url_elements>[a-z]+(?:-[a-z]+)*)/(?P<url_version>\d\.\d)
          |publicdomain/(?P<url_pd>zero|mark)/(?P<url_pd_version>\d\.\d))
        (?P<url_rest>(?:/(?:\w(?:[\w.-]*\w)?)?)*))  # a sentence's full stop is not in it
    |(?P<short>\bcc[\s_-]*(?P<short_elements>by(?:[\s_-]*(?:nc|sa|nd)\b)*)[\s_-]*
        {_version("short_version")})
    |(?P<long>(?:\bcreative\s+commons\s*-?\s*)?\b(?:attribution|paternit[eé])
        (?P<long_elements>(?:\s*[-,]?\s*(?:{_LONG_ELEMENT.pattern}))*)
        \s*(?:licen[cs]e\s+)?{_version("long_version")})
    |(?P<cc0>\bcc[\s-]?(?:0|zero)\b(?:\s*(?:v?1\.0|universal))*|\bcreative\s+commons\s+zero\b)
    |(?P<pdm>\bpublic\s+domain\s+mark\b(?:\s*1\.0)?)
    |(?P<public_domain>\bpublic[\s-]+domain\b|\bdomaine\s+public\b)
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Spaces and dashes of typeset text, one character for one so that offsets hold.
_PLAIN = str.maketrans("\u00a0\u202f\u2009\u2010\u2011\u2012\u2013\u2014", "   -----")
# A jurisdiction port after a short name ("CC BY-SA 3.0 DE"): upper case only, since a
# lower-case pair may be a word ("de", "by").
_PORT_AFTER_NAME = re.compile(r"\s+(?:[A-Z]{2}|IGO)\b")


def find_licences(text: str) -> list[LicenceMention]:
    """Every licence named in ``text``, left to right, without overlaps."""
    plain = text.translate(_PLAIN)
    return [_mention(match, plain) for match in _MENTION.finditer(plain)]


def identify(*texts: str) -> Licence | None:
    """The one licence ``texts`` name (a CC deed URL in any of its usual shapes, a short or
    full CC name, CC0, "public domain"), or None when they name none, several, or one the
    catalogue does not hold."""
    mentions = [mention for text in texts for mention in find_licences(text)]
    if any(mention.licence is None for mention in mentions):
        return None
    named = {m.licence.id: m.licence for m in mentions if m.licence and not m.generic}
    generic = {m.licence.id: m.licence for m in mentions if m.licence and m.generic}
    if generic and any(found.family is not Family.PUBLIC_DOMAIN for found in named.values()):
        return None  # "public domain" and a CC BY licence contradict each other
    found = named or generic  # "CC0 … public domain dedication" is CC0, not the Mark
    return next(iter(found.values())) if len(found) == 1 else None


def _mention(match: re.Match[str], plain: str) -> LicenceMention:
    if match["url"]:
        return _url_mention(match)
    if match["short"]:
        return _name_mention(match, plain, match["short_elements"], match["short_version"])
    if match["long"]:
        found = (m.lastgroup or "" for m in _LONG_ELEMENT.finditer(match["long_elements"]))
        return _name_mention(match, plain, " ".join(("by", *found)), match["long_version"])
    if match["cc0"]:
        return LicenceMention(match.start(), match.end(), licence("cc0-1.0"))
    if match["pdm"]:
        return LicenceMention(match.start(), match.end(), licence("pdm-1.0"))
    return LicenceMention(match.start(), match.end(), licence("pdm-1.0"), generic=True)


def _url_mention(match: re.Match[str]) -> LicenceMention:
    start, end = match.span()
    if not _plain_url_rest(match["url_rest"]):
        return LicenceMention(start, end, None)  # ported ("/3.0/fr/") or unknown shape
    if match["url_pd"]:
        kind = "cc0" if match["url_pd"].lower() == "zero" else "pdm"
        return LicenceMention(start, end, licence(f"{kind}-{match['url_pd_version']}"))
    return LicenceMention(start, end, _cc_licence(match["url_elements"], match["url_version"]))


def _plain_url_rest(rest: str) -> bool:
    """True for what follows the version in an unported deed URL: "", "/", "/deed.fr",
    "/legalcode", "/legalcode.fr", "/deed.en"."""
    segments = [segment for segment in rest.lower().split("/") if segment]
    return len(segments) <= 1 and all(
        segment.startswith(("deed", "legalcode")) or segment == "rdf" for segment in segments
    )


def _name_mention(match: re.Match[str], plain: str, elements: str, version: str) -> LicenceMention:
    start, end = match.span()
    port = _PORT_AFTER_NAME.match(plain, end)
    if port and not version.startswith("4"):
        return LicenceMention(start, port.end(), None)  # no 4.0 ports exist
    return LicenceMention(start, end, _cc_licence(elements, version))


def _cc_licence(elements: str, version: str) -> Licence | None:
    """The CC licence with these elements ("by-nc-sa", "BY NC SA") and version ("4", "4.0")."""
    parts = re.split(r"[\s_-]+", elements.strip().lower())
    if parts[0] != "by" or len(set(parts)) != len(parts) or {"sa", "nd"} <= set(parts):
        return None
    ordered = sorted(parts, key=_ELEMENT_ORDER.index)
    version = version if "." in version else f"{version}.0"
    return licence(f"cc-{'-'.join(ordered)}-{version}")


__all__ = [
    "CATALOGUE_FILE",
    "Family",
    "Licence",
    "LicenceMention",
    "catalogue",
    "find_licences",
    "identify",
    "licence",
    "primary_language",
]
