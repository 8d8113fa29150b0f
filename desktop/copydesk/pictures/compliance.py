"""The compliance engine: whether a picture's credit and rights let it be published.

``check_picture`` judges what a desk set about a picture against what its licence requires
(``licensing``); ``check_use`` judges one use of a picture in an article (its alt text and
caption). Messages and suggestions are in the person's language (``copydesk.translation``)
for the command line; the window words each problem itself, by its ``code`` from its
``params``.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime

from copydesk.pictures import licensing
from copydesk.pictures.ai import DISCLOSURE_TEXT, discloses_ai, is_ai_generated
from copydesk.pictures.credits import compose_credit
from copydesk.pictures.disagreements import disagreement_problems
from copydesk.pictures.licence_suggestions import (
    DEFAULT_AGENCIES,
    Ground,
    Suggestion,
    suggest_licence,
)
from copydesk.pictures.licensing import Family, Licence
from copydesk.pictures.problems import CreditProblem
from copydesk.pictures.problems import error as _error
from copydesk.pictures.problems import warning as _warning
from copydesk.pictures.restrictions import local_now, restriction_problems
from copydesk.pictures.websites import bare_link, page_address, real_name, website_in, websites_in
from copydesk.records.picture import PictureMetadata, PictureStatus
from copydesk.records.problem import Severity
from copydesk.translation import N_, _

ALT_TEXT_LIMIT = 250  # characters; screen readers and guidelines advise keeping it short
# Problems are listed in the order the credit editor shows the fields.
FIELD_ORDER = (*(f.name for f in dataclasses.fields(PictureMetadata)), "caption")
# Fields where a website passes for an author when it is given as a name.
NAME_FIELDS = ("creator", "credit_line", "source", "credit_override")
# What is said of each of them when it names a website (one whole sentence per field). The
# credit override is the credit as printed, typed by hand or kept by an import from the credit
# line it read: its message does not say who set it.
_WEBSITE_MESSAGES = {
    "creator": N_("The creator names a website, “{website}”: a website is not an author."),
    "credit_line": N_("The credit line names a website, “{website}”: a website is not an author."),
    "source": N_("The source names a website, “{website}”: a website is not an author."),
    "credit_override": N_(
        "The printed credit names a website, “{website}”: a website is not an author."
    ),
}


def check_picture(
    metadata: PictureMetadata,
    *,
    language: str,
    commercial: bool,
    today: date,
    now: datetime | None = None,
    agencies: Iterable[str] = DEFAULT_AGENCIES,
) -> list[CreditProblem]:
    """Every problem of ``metadata`` for a publication in ``language`` on ``today``;
    ``commercial`` when the publication is commercial (sold, paywalled or carrying ads).
    ``now`` (aware; the person's clock by default) is the moment embargoes are judged at, in
    its time zone. A credit line or source naming one of ``agencies`` suggests the agency
    licence."""
    found = licensing.licence(metadata.licence_id)
    moment = now or local_now()
    problems = [
        *restriction_problems(
            metadata,
            language=language,
            now=moment,
            zone=moment.tzinfo or UTC,
        ),
        *_licence_choice_problems(metadata, found, agencies),
        *_website_problems(metadata),
        *_ai_problems(metadata, language),
        *_expiry_problems(metadata, today),
        *_source_url_problems(metadata),
        *disagreement_problems(metadata),
    ]
    if found is not None and found.family is not Family.UNKNOWN:
        problems += [
            *_requirement_problems(metadata, found, commercial),
            *_override_problems(metadata, found, language),
            *_kind_problems(metadata, found),
        ]
    return sort_problems(problems)


def sort_problems(problems: Iterable[CreditProblem]) -> list[CreditProblem]:
    """By field, as the editor shows them; within a field, in the order found."""
    return sorted(problems, key=lambda problem: FIELD_ORDER.index(problem.field))


def picture_status(problems: Iterable[CreditProblem]) -> PictureStatus:
    """The badge: the worst severity among ``problems``."""
    severities = {problem.severity for problem in problems}
    if Severity.ERROR in severities:
        return PictureStatus.ERROR
    return PictureStatus.WARNING if severities else PictureStatus.COMPLETE


# ---------------------------------------------------------------------------------------------
# The licence chosen


def _licence_choice_problems(
    metadata: PictureMetadata, found: Licence | None, agencies: Iterable[str]
) -> Iterator[CreditProblem]:
    chosen = metadata.licence_id.strip()
    if found is not None and found.family is not Family.UNKNOWN:
        return
    # The picture's own metadata may point at the licence: offered as the fix.
    suggested = suggest_licence(metadata, agencies)
    fix = {"licence_id": suggested.licence.id} if suggested else None
    suggestion = _suggestion_text(suggested)
    params = (
        {
            "guess": suggested.licence.shown_name(),  # as the licence menu names it
            "ground": str(suggested.ground),
            "named": suggested.named,
        }
        if suggested
        else {}
    )
    if not chosen:
        message = _("No licence is chosen: without one, the picture cannot be published.")
        yield _error("licence.missing", "licence_id", message, params, suggestion, fix)
    elif found is not None:
        message = _("The licence is unknown: find out who holds the rights and on what terms.")
        yield _error("licence.unknown", "licence_id", message, params, suggestion, fix)
    else:
        message = _("The licence “{licence}” is not in the catalogue.").format(licence=chosen)
        yield _error(
            "licence.not_in_catalogue",
            "licence_id",
            message,
            {"licence": chosen, **params},
            suggestion,
            fix,
        )


def _suggestion_text(suggested: Suggestion | None) -> str:
    if suggested is None:
        return _("Choose the licence from the catalogue.")
    licence, named = suggested.licence.shown_name(), suggested.named
    texts = {
        Ground.RIGHTS: _(
            "Choose the licence from the catalogue. The picture's own data names {licence}."
        ),
        Ground.MARKED: _("Choose {licence}: the picture's data marks it as public domain."),
        Ground.AGENCY: _("Choose {licence}: the credit names the agency {named}."),
        Ground.STOCK: _("Choose {licence}: the copyright notice names the stock library {named}."),
        Ground.HANDOUT: _("Choose {licence}: the supplier's instructions say it is a handout."),
    }
    return texts[suggested.ground].format(licence=licence, named=named)


def _requirement_problems(
    metadata: PictureMetadata, found: Licence, commercial: bool
) -> Iterator[CreditProblem]:
    params = {"licence": found.name}
    # A creator that names a website is reported once, as a website (credit.website): that the
    # licence requires a name is the same cause, with the same fix.
    creator = metadata.creator
    if found.requires_creator and not real_name(creator) and not website_in(creator):
        yield _creator_missing(metadata, found)
    if found.requires_source_link and not metadata.source_url.strip():
        yield _warning(
            "source_url.missing",
            "source_url",
            _("{licence} requires a link to the page the picture comes from.").format(
                licence=found.name
            ),
            params,
            _("Put the address of the picture's page (where it was found) in the source link."),
            _source_url_guess(metadata),
        )
    if commercial and not found.allows_commercial:
        yield _error(
            "licence.non_commercial",
            "licence_id",
            _("{licence} forbids commercial use, and this publication is commercial.").format(
                licence=found.name
            ),
            params,
            _(
                "Ask the rights holder for a licence that allows commercial use, or use another"
                " picture."
            ),
        )
    if metadata.cropped and not found.allows_derivatives:
        yield _warning(
            "licence.no_derivatives",
            "cropped",
            _("{licence} forbids adaptations, and the picture is cropped.").format(
                licence=found.name
            ),
            params,
            _(
                "Publish the picture uncropped, or ask the rights holder whether cropping is"
                " allowed."
            ),
        )


def _creator_missing(metadata: PictureMetadata, found: Licence) -> CreditProblem:
    creator = metadata.creator.strip()
    if creator:
        message = _("{licence} requires the creator's name. “{creator}” is a website.").format(
            licence=found.name, creator=creator
        )
    else:
        message = _("{licence} requires the creator's name.").format(licence=found.name)
    return _error(
        "creator.missing",
        "creator",
        message,
        {"licence": found.name, "creator": creator},
        _(
            "Name the photographer or author in the creator field; the picture's page usually"
            " gives it (on Wikimedia Commons, the file page's “Author”)."
        ),
    )


def _source_url_guess(metadata: PictureMetadata) -> dict[str, str] | None:
    """A page address typed into a name field is most likely the source link."""
    for name in ("creator", "credit_line", "source"):
        page = page_address(getattr(metadata, name))
        if page:
            return {"source_url": page}
    return None


def _source_url_problems(metadata: PictureMetadata) -> Iterator[CreditProblem]:
    url = metadata.source_url.strip()
    if url and not re.fullmatch(r"https?://[^\s/]+\.[^\s/]+(?:/\S*)?", url, re.IGNORECASE):
        yield _warning(
            "source_url.invalid",
            "source_url",
            _("The source link “{url}” is not a web address (https://…).").format(url=url),
            {"url": url},
            _("Paste the full address of the picture's page, starting with https://."),
            {"source_url": f"https://{url}"} if website_in(url) == url else None,
        )


# ---------------------------------------------------------------------------------------------
# Websites given as names


def _website_problems(metadata: PictureMetadata) -> Iterator[CreditProblem]:
    reported: set[str] = set()  # the websites named by the fields reported so far, bare
    for name in NAME_FIELDS:
        value = getattr(metadata, name)
        websites = list(websites_in(value, _allowed_links(metadata, name)))
        if name == "credit_override":
            # The printed credit is often where the other names came from (an import reads
            # them out of it): a website already reported in one of them is the same cause.
            websites = [website for website in websites if bare_link(website) not in reported]
        if websites:
            yield _website_problem(metadata, name, websites[0])
            reported.update(bare_link(website) for website in websites)


def _website_problem(metadata: PictureMetadata, name: str, website: str) -> CreditProblem:
    return _error(
        "credit.website",
        name,
        _(_WEBSITE_MESSAGES[name]).format(website=website),
        {"website": website, "field": name},
        _(
            "Name the author (the photographer or agency) and put the address of the page the"
            " picture comes from in the source link."
        ),
        _website_fix(metadata, name),
    )


def _website_fix(metadata: PictureMetadata, name: str) -> dict[str, str] | None:
    """A field holding nothing but a page address: move it to the empty source link."""
    value = getattr(metadata, name).strip()
    page = page_address(value)
    if page and website_in(value) == value and not metadata.source_url.strip():
        return {name: "", "source_url": page}
    return None


def _allowed_links(metadata: PictureMetadata, name: str) -> tuple[str, ...]:
    """Besides licence deeds, the link a credit typed by hand may print: the picture's page."""
    source_url = metadata.source_url.strip()
    return (source_url,) if name == "credit_override" and source_url else ()


# ---------------------------------------------------------------------------------------------
# A credit typed by hand


def _override_problems(
    metadata: PictureMetadata, found: Licence, language: str
) -> Iterator[CreditProblem]:
    override = metadata.credit_override.strip()
    if not override:
        return
    problems = list(_override_findings(override, metadata, found))
    composed = compose_credit(metadata, language)
    good = composed and not list(_override_findings(composed, metadata, found))
    fix = {"credit_override": composed} if good and not website_in(composed) else None
    for problem in problems:
        yield dataclasses.replace(problem, fix=fix)


def _override_findings(
    text: str, metadata: PictureMetadata, found: Licence
) -> Iterator[CreditProblem]:
    creator = metadata.creator.strip()
    if found.requires_creator and real_name(creator) and not _names_creator(text, creator):
        yield _error(
            "credit_override.creator_missing",
            "credit_override",
            _(
                "The printed credit leaves out the creator, “{creator}”, whom {licence} requires."
            ).format(creator=creator, licence=found.name),
            {"creator": creator, "licence": found.name},
            _("Add the creator's name to the credit, or clear it to print the composed credit."),
        )
    if found.requires_licence_link:
        yield from _override_licence_findings(text, found)


def _override_licence_findings(text: str, found: Licence) -> Iterator[CreditProblem]:
    mentions = licensing.find_licences(text)
    others = [
        text[mention.start : mention.end]
        for mention in mentions
        if mention.licence != found and not (mention.generic and _public_domain(found))
    ]
    params = {"licence": found.name, "url": found.url or ""}
    suggestion = _("Name the licence as “{licence}” (linked to {url}).").format(
        licence=found.name, url=found.url
    )
    if others:
        yield _error(
            "credit_override.licence_mismatch",
            "credit_override",
            _("The printed credit names “{named}”, but the licence is {licence}.").format(
                named=others[0], licence=found.name
            ),
            {**params, "named": others[0]},
            suggestion,
        )
    elif not any(mention.licence == found for mention in mentions):
        yield _error(
            "credit_override.licence_missing",
            "credit_override",
            _("The printed credit does not name the licence, {licence}.").format(
                licence=found.name
            ),
            params,
            suggestion,
        )


def _public_domain(found: Licence) -> bool:
    return found.family is Family.PUBLIC_DOMAIN


def _names_creator(text: str, creator: str) -> bool:
    """Whether ``text`` names ``creator``: all of it, or each of several creators."""
    folded = _fold(text)
    names = [_fold(name) for name in re.split(r"[,;]", creator) if name.strip()]
    return _fold(creator) in folded or all(name in folded for name in names)


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


# ---------------------------------------------------------------------------------------------
# Kinds of rights reserved


def _kind_problems(metadata: PictureMetadata, found: Licence) -> Iterator[CreditProblem]:
    creator, source = real_name(metadata.creator), real_name(metadata.source)
    credit_line = real_name(metadata.credit_line)
    if found.id == "agency" and not (credit_line or source):
        yield _error(
            "agency.no_credit",
            "credit_line",
            _(
                "An agency picture must credit the agency: the credit line and the source are"
                " empty."
            ),
            {},
            _("Put the agency's name (AFP, Reuters, …) in the credit line or the source."),
        )
    elif found.id == "handout" and not source:
        yield _warning(
            "handout.no_source",
            "source",
            _("A handout picture should name who handed it out."),
            {},
            _("Put the organisation that provided the picture in the source."),
        )
    elif found.id == "staff" and not creator:
        yield _warning(
            "staff.no_creator",
            "creator",
            _("A staff picture should name the staff photographer."),
            {},
            _("Put the photographer's name in the creator field."),
        )
    elif found.id == "permission" and not (creator or source):
        yield _warning(
            "permission.no_holder",
            "creator",
            _("A picture used with permission should name who gave it."),
            {},
            _("Put the rights holder's name in the creator field or the source."),
        )


# ---------------------------------------------------------------------------------------------
# AI-generated pictures, rights that run out


def _ai_problems(metadata: PictureMetadata, language: str) -> Iterator[CreditProblem]:
    if not is_ai_generated(metadata.digital_source_type) or discloses_ai(metadata.description):
        return
    disclosure = DISCLOSURE_TEXT.get(licensing.primary_language(language), DISCLOSURE_TEXT["en"])
    caption = " ".join(part for part in (metadata.description.strip(), disclosure) if part)
    yield _warning(
        "ai.undisclosed",
        "description",
        _("The picture was generated by AI, and its caption does not say so."),
        {"source_type": metadata.digital_source_type, "disclosure": disclosure},
        _("Say in the caption that the image was generated by AI (“{disclosure}”).").format(
            disclosure=disclosure
        ),
        {"description": caption},
    )


def _expiry_problems(metadata: PictureMetadata, today: date) -> Iterator[CreditProblem]:
    expiry = metadata.rights_expiry
    if expiry is not None and expiry < today:
        yield _error(
            "rights.expired",
            "rights_expiry",
            _("The rights to the picture ran out on {date}.").format(date=expiry.isoformat()),
            {"date": expiry.isoformat()},
            _("Renew the rights with the rights holder, or use another picture."),
        )


# ---------------------------------------------------------------------------------------------
# One use of a picture in an article

# How a caption says its picture is illustrative ("…, photo illustrative").
_ILLUSTRATIVE_MARK = re.compile(
    r"""[\s,;:.(\[–—-]*(?:
        (?:photo|image|illustration)s?\s+(?:d['’]\s*)?illustrati(?:ve|on)s?
        |illustrative\s+(?:photo|image|picture)s?|\(\s*illustration
        |(?:photo|image)\s+for\s+illustration(?:\s+purposes)?)[\s)\].]*$""",
    re.IGNORECASE | re.VERBOSE,
)


def marks_illustrative(caption: str) -> bool:
    """Whether the caption ends with an illustrative mark ("…, photo illustrative")."""
    return _ILLUSTRATIVE_MARK.search(caption.strip()) is not None


def strip_illustrative_mark(caption: str) -> str:
    return _ILLUSTRATIVE_MARK.sub("", caption.strip())


def check_use(alt_text: str, caption: str, *, illustrative: bool) -> list[CreditProblem]:
    """Problems of one use of a picture: its alt text against its caption. When the picture
    is marked ``illustrative``, the caption's "photo illustrative" mark is not compared."""
    alt = alt_text.strip()
    if not _comparable(alt):
        return [
            _error(
                "alt_text.missing",
                "alt_text",
                _("The alt text is missing: screen readers have nothing to say about the picture."),
                {},
                _("Describe what the picture shows, in a sentence."),
            )
        ]
    problems = []
    if len(alt) > ALT_TEXT_LIMIT:
        problems.append(_alt_too_long(alt))
    if illustrative:
        caption = _ILLUSTRATIVE_MARK.sub("", caption)
    if _comparable(caption) and _comparable(alt) == _comparable(caption):
        problems.append(
            _warning(
                "alt_text.same_as_caption",
                "alt_text",
                _("The alt text repeats the caption: screen readers read both."),
                {},
                _(
                    "Describe what the picture shows (people, place, action) rather than repeat"
                    " the caption."
                ),
            )
        )
    return problems


def _alt_too_long(alt: str) -> CreditProblem:
    return _warning(
        "alt_text.too_long",
        "alt_text",
        _("The alt text has {length} characters; the recommended limit is {limit}.").format(
            length=len(alt), limit=ALT_TEXT_LIMIT
        ),
        {"length": str(len(alt)), "limit": str(ALT_TEXT_LIMIT)},
        _("Keep the alt text to what the picture shows; details belong in the caption."),
    )


def _comparable(text: str) -> str:
    """Letters and digits only, case-folded: what is left when case, spaces and
    punctuation are ignored."""
    return "".join(char for char in unicodedata.normalize("NFC", text).casefold() if char.isalnum())


__all__ = [
    "ALT_TEXT_LIMIT",
    "FIELD_ORDER",
    "CreditProblem",
    "check_picture",
    "check_use",
    "marks_illustrative",
    "picture_status",
    "sort_problems",
    "strip_illustrative_mark",
]
