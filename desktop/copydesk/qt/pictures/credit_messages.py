"""Translated messages and suggestions of the compliance engine, chosen by problem code.

The core (``compliance``) writes plain English for the command line; here each code has a
template for its message and one for its suggestion, whose ``%1``, ``%2``… are filled from the
problem's ``params``. The source texts are the core's English word for word, so that with no
translator installed the window shows exactly what the command line prints. A code without a
template (added to the core later) falls back to the core's English.

Params that are English themselves (a licence's name such as "Used with permission") are
filled in as they are: they name something, and the catalogue words them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from copydesk.pictures.compliance import CreditProblem
from copydesk.qt.labels import fill

CONTEXT = "credits"
# Each text is looked up when shown, in the "credits" context (CONTEXT): lupdate collects
# only calls whose context is written out, hence the literal in every call.
translate = QCoreApplication.translate


# A template: its text, looked up when shown (after the translator is installed), and the
# names of the params that fill %1, %2…
_Template = tuple[Callable[[], str], tuple[str, ...]]
# Chooses the template for a problem's params; None when none fits (the core's English then).
_Choice = Callable[[Mapping[str, str]], _Template | None]


@dataclass(frozen=True, slots=True)
class _Wording:
    message: _Choice
    suggestion: _Choice


def _always(text: Callable[[], str], *names: str) -> _Choice:
    """The same template whatever the params."""
    return lambda _params: (text, names)


def _fixed(
    message: Callable[[], str],
    message_params: tuple[str, ...],
    suggestion: Callable[[], str],
    suggestion_params: tuple[str, ...] = (),
) -> _Wording:
    """A wording whose message and suggestion do not depend on the params' values."""
    return _Wording(_always(message, *message_params), _always(suggestion, *suggestion_params))


# ---- choices whose wording depends on the params -------------------------------------------


def _choose_licence_suggestion(params: Mapping[str, str]) -> _Template:
    """With a licence the picture's own metadata points at, the suggestion says which, and
    why."""
    if not params.get("guess"):
        return (lambda: translate("credits", "Choose the licence from the catalogue."), ())
    grounds: dict[str, _Template] = {
        "marked": (
            lambda: translate(
                "credits", "Choose %1: the picture's data marks it as public domain."
            ),
            ("guess",),
        ),
        "agency": (
            lambda: translate("credits", "Choose %1: the credit names the agency %2."),
            ("guess", "named"),
        ),
        "stock": (
            lambda: translate(
                "credits", "Choose %1: the copyright notice names the stock library %2."
            ),
            ("guess", "named"),
        ),
        "handout": (
            lambda: translate(
                "credits", "Choose %1: the supplier's instructions say it is a handout."
            ),
            ("guess",),
        ),
    }
    return grounds.get(
        params.get("ground", ""),
        (
            lambda: translate(
                "credits", "Choose the licence from the catalogue. The picture's own data names %1."
            ),
            ("guess",),
        ),
    )


def _choose_one_time_use(params: Mapping[str, str]) -> _Template:
    """The article that used the picture first, by its headline when it had one."""
    if params.get("headline"):
        return (
            lambda: translate(
                "credits", "The picture is for one-time use (“%1”), and “%2” used it first."
            ),
            ("wording", "headline"),
        )
    return (
        lambda: translate(
            "credits",
            "The picture is for one-time use (“%1”), and another article used it first.",
        ),
        ("wording",),
    )


def _choose_creator_missing(params: Mapping[str, str]) -> _Template:
    """A creator that is only a website is quoted; an empty one is not."""
    if params.get("creator"):
        return (
            lambda: translate("credits", "%1 requires the creator's name. “%2” is a website."),
            ("licence", "creator"),
        )
    return (lambda: translate("credits", "%1 requires the creator's name."), ("licence",))


# One whole sentence per field, rather than a field name spliced into a sentence, so that a
# translation can agree the article and the verb with the field's name.
_WEBSITE_MESSAGES: dict[str, Callable[[], str]] = {
    "creator": lambda: translate(
        "credits", "The creator names a website, “%1”: a website is not an author."
    ),
    "credit_line": lambda: translate(
        "credits", "The credit line names a website, “%1”: a website is not an author."
    ),
    "source": lambda: translate(
        "credits", "The source names a website, “%1”: a website is not an author."
    ),
    "credit_override": lambda: translate(
        "credits", "The printed credit names a website, “%1”: a website is not an author."
    ),
}


def _choose_website_message(params: Mapping[str, str]) -> _Template | None:
    text = _WEBSITE_MESSAGES.get(params.get("field", ""))
    return (text, ("website",)) if text else None


# ---- every code the engine produces -----------------------------------------------------------


def _choose_disagreement(params: Mapping[str, str]) -> _Template:
    """ "Source: the file’s metadata disagrees (XMP “AFP”; IIM “AFP/STR”).", with the
    person's quotation marks."""
    try:
        choices = json.loads(params.get("values", "[]"))
        values = "; ".join(
            fill(translate("credits", "%1 “%2”"), ["/".join(sources), value])
            for value, sources in choices
        )
    except (ValueError, TypeError):
        values = ""
    label = field_label(params.get("field", ""))
    return (
        lambda: fill(
            translate("credits", "%1: the file’s metadata disagrees (%2)."), [label, values]
        ),
        (),
    )


def _choose_disagreement_suggestion(params: Mapping[str, str]) -> _Template:
    return (
        lambda: translate(
            "credits",
            "Keep “%1” (shown), or pick another value in the credit editor: it is written to "
            "IIM and XMP alike on export.",
        ),
        ("shown",),
    )


_WORDINGS: dict[str, _Wording] = {
    # The licence chosen
    "licence.missing": _Wording(
        _always(
            lambda: translate(
                "credits", "No licence is chosen: without one, the picture cannot be published."
            )
        ),
        _choose_licence_suggestion,
    ),
    "licence.unknown": _Wording(
        _always(
            lambda: translate(
                "credits",
                "The licence is unknown: find out who holds the rights and on what terms.",
            )
        ),
        _choose_licence_suggestion,
    ),
    "licence.not_in_catalogue": _Wording(
        _always(
            lambda: translate("credits", "The licence “%1” is not in the catalogue."), "licence"
        ),
        _choose_licence_suggestion,
    ),
    # What the licence requires
    "creator.missing": _Wording(
        _choose_creator_missing,
        _always(
            lambda: translate(
                "credits",
                "Name the photographer or author in the creator field; the picture's page"
                " usually gives it (on Wikimedia Commons, the file page's “Author”).",
            )
        ),
    ),
    "source_url.missing": _fixed(
        lambda: translate("credits", "%1 requires a link to the page the picture comes from."),
        ("licence",),
        lambda: translate(
            "credits",
            "Put the address of the picture's page (where it was found) in the source link.",
        ),
    ),
    "licence.non_commercial": _fixed(
        lambda: translate(
            "credits", "%1 forbids commercial use, and this publication is commercial."
        ),
        ("licence",),
        lambda: translate(
            "credits",
            "Ask the rights holder for a licence that allows commercial use, or use another"
            " picture.",
        ),
    ),
    "licence.no_derivatives": _fixed(
        lambda: translate("credits", "%1 forbids adaptations, and the picture is cropped."),
        ("licence",),
        lambda: translate(
            "credits",
            "Publish the picture uncropped, or ask the rights holder whether cropping is allowed.",
        ),
    ),
    "source_url.invalid": _fixed(
        lambda: translate("credits", "The source link “%1” is not a web address (https://…)."),
        ("url",),
        lambda: translate(
            "credits", "Paste the full address of the picture's page, starting with https://."
        ),
    ),
    # Websites given as names
    "credit.website": _Wording(
        _choose_website_message,
        _always(
            lambda: translate(
                "credits",
                "Name the author (the photographer or agency) and put the address of the page"
                " the picture comes from in the source link.",
            )
        ),
    ),
    # A credit typed by hand
    "credit_override.creator_missing": _fixed(
        lambda: translate(
            "credits", "The printed credit leaves out the creator, “%1”, whom %2 requires."
        ),
        ("creator", "licence"),
        lambda: translate(
            "credits",
            "Add the creator's name to the credit, or clear it to print the composed credit.",
        ),
    ),
    "credit_override.licence_mismatch": _fixed(
        lambda: translate("credits", "The printed credit names “%1”, but the licence is %2."),
        ("named", "licence"),
        lambda: translate("credits", "Name the licence as “%1” (linked to %2)."),
        ("licence", "url"),
    ),
    "credit_override.licence_missing": _fixed(
        lambda: translate("credits", "The printed credit does not name the licence, %1."),
        ("licence",),
        lambda: translate("credits", "Name the licence as “%1” (linked to %2)."),
        ("licence", "url"),
    ),
    # Kinds of rights reserved
    "agency.no_credit": _fixed(
        lambda: translate(
            "credits",
            "An agency picture must credit the agency: the credit line and the source are empty.",
        ),
        (),
        lambda: translate(
            "credits", "Put the agency's name (AFP, Reuters, …) in the credit line or the source."
        ),
    ),
    "handout.no_source": _fixed(
        lambda: translate("credits", "A handout picture should name who handed it out."),
        (),
        lambda: translate(
            "credits", "Put the organisation that provided the picture in the source."
        ),
    ),
    "staff.no_creator": _fixed(
        lambda: translate("credits", "A staff picture should name the staff photographer."),
        (),
        lambda: translate("credits", "Put the photographer's name in the creator field."),
    ),
    "permission.no_holder": _fixed(
        lambda: translate("credits", "A picture used with permission should name who gave it."),
        (),
        lambda: translate(
            "credits", "Put the rights holder's name in the creator field or the source."
        ),
    ),
    # AI-generated pictures, rights that run out. The disclosure is in the publication's
    # language, not the user's: it is the sentence to print, so it is a param.
    "ai.undisclosed": _fixed(
        lambda: translate(
            "credits", "The picture was generated by AI, and its caption does not say so."
        ),
        (),
        lambda: translate(
            "credits", "Say in the caption that the image was generated by AI (“%1”)."
        ),
        ("disclosure",),
    ),
    "rights.expired": _fixed(
        lambda: translate("credits", "The rights to the picture ran out on %1."),
        ("date",),
        lambda: translate(
            "credits", "Renew the rights with the rights holder, or use another picture."
        ),
    ),
    # One use of a picture in an article
    "alt_text.missing": _fixed(
        lambda: translate(
            "credits",
            "The alt text is missing: screen readers have nothing to say about the picture.",
        ),
        (),
        lambda: translate("credits", "Describe what the picture shows, in a sentence."),
    ),
    "alt_text.same_as_caption": _fixed(
        lambda: translate("credits", "The alt text repeats the caption: screen readers read both."),
        (),
        lambda: translate(
            "credits",
            "Describe what the picture shows (people, place, action) rather than repeat the"
            " caption.",
        ),
    ),
    "alt_text.too_long": _fixed(
        lambda: translate(
            "credits", "The alt text has %1 characters; the recommended limit is %2."
        ),
        ("length", "limit"),
        lambda: translate(
            "credits", "Keep the alt text to what the picture shows; details belong in the caption."
        ),
    ),
    # The supplier's instructions
    "instructions.credit_missing": _fixed(
        lambda: translate(
            "credits",
            "The supplier requires the credit “%1”, and the printed credit leaves it out.",
        ),
        ("credit",),
        lambda: translate("credits", "Print the required credit: it becomes the credit line."),
    ),
    "credit.override_omits_credit_line": _fixed(
        lambda: translate(
            "credits",
            "The printed credit, typed by hand, leaves out the supplier’s credit line “%1”.",
        ),
        ("credit_line",),
        lambda: translate("credits", "Print the composed credit, which gives the credit line."),
    ),
    "instructions.one_time_use": _Wording(
        _choose_one_time_use,
        _always(
            lambda: translate(
                "credits", "Choose another picture, or ask the supplier for another use."
            )
        ),
    ),
    "instructions.embargo": _fixed(
        lambda: translate(
            "credits", "The picture is under embargo until %1: it cannot be published before."
        ),
        ("until",),
        lambda: translate("credits", "Wait for the embargo to end, or choose another picture."),
    ),
    "instructions.hold": _fixed(
        lambda: translate(
            "credits", "The supplier holds the picture for release (“%1”), without a date."
        ),
        ("wording",),
        lambda: translate("credits", "Ask the supplier whether it may be published now."),
    ),
    "instructions.editorial_only": _fixed(
        lambda: translate(
            "credits",
            "The supplier allows editorial use only (“%1”), and the article is advertising.",
        ),
        ("wording",),
        lambda: translate(
            "credits",
            "Check with the supplier that this use is allowed, or choose another picture.",
        ),
    ),
    "instructions.handout_source": _fixed(
        lambda: translate(
            "credits", "The picture is a handout, and nothing says who handed it out."
        ),
        (),
        lambda: translate("credits", "Name the organisation that handed it out in the source."),
    ),
    "instructions.file_photo": _fixed(
        lambda: translate(
            "credits", "The supplier says this is a file photo, and the caption does not."
        ),
        (),
        lambda: translate("credits", "Add “%1” to the caption."),
        ("wording",),
    ),
    "metadata.disagrees": _Wording(_choose_disagreement, _choose_disagreement_suggestion),
}


def problem_message(problem: CreditProblem) -> str:
    """The problem's message in the user's language."""
    wording = _WORDINGS.get(problem.code)
    return _worded(wording.message if wording else None, problem.params, problem.message)


def problem_suggestion(problem: CreditProblem) -> str:
    """What to do about the problem, in the user's language ("" when the core has nothing)."""
    if not problem.suggestion:
        return ""
    wording = _WORDINGS.get(problem.code)
    return _worded(wording.suggestion if wording else None, problem.params, problem.suggestion)


def _worded(choice: _Choice | None, params: Mapping[str, str], english: str) -> str:
    template = choice(params) if choice else None
    if template is None:
        return english
    text, names = template
    return fill(text(), [str(params.get(name, "")) for name in names])


def field_label(field: str) -> str:
    """The name the user knows a field by (a PictureMetadata field, "alt_text" or "caption")."""
    labels = {
        "creator": translate("credits", "Creator"),
        "creator_job_title": translate("credits", "Creator's job title"),
        "credit_line": translate("credits", "Credit line"),
        "copyright_notice": translate("credits", "Copyright notice"),
        "source": translate("credits", "Source"),
        "description": translate("credits", "Description"),
        "headline": translate("credits", "Headline"),
        "web_statement": translate("credits", "Web statement of rights"),
        "usage_terms": translate("credits", "Usage terms"),
        "licensor": translate("credits", "Licensor"),
        "digital_source_type": translate("credits", "Digital source type"),
        "alt_text": translate("credits", "Alt text"),
        "city": translate("credits", "City"),
        "country": translate("credits", "Country"),
        "date_created": translate("credits", "Date created"),
        "special_instructions": translate("credits", "Special instructions"),
        "image_supplier": translate("credits", "Image supplier"),
        "rights_marked": translate("credits", "Rights marked"),
        "cc_license": translate("credits", "Creative Commons licence"),
        "cc_attribution_name": translate("credits", "Attribution name"),
        "cc_attribution_url": translate("credits", "Attribution address"),
        "model_release_status": translate("credits", "Model release"),
        "property_release_status": translate("credits", "Property release"),
        "licence_id": translate("credits", "Licence"),
        "source_url": translate("credits", "Source page"),
        "rights_expiry": translate("credits", "Rights expiry"),
        "cropped": translate("credits", "Cropped"),
        "credit_override": translate("credits", "Printed credit"),
        "first_use_article": translate("credits", "First used in"),
        "first_use_headline": translate("credits", "Headline of the first use"),
        "disagreements": translate("credits", "Where the file disagrees"),
        "caption": translate("credits", "Caption"),
    }
    return labels.get(field, field)


def known_codes() -> set[str]:
    return set(_WORDINGS)
