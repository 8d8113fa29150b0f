"""Translated messages of the editorial checks, chosen by problem code.

The core writes plain English for the command line; here each code has a template whose
``%1``, ``%2``… are filled from the problem's ``params``. A code without a template (added to
the core later) falls back to the core's English message.
"""

from __future__ import annotations

from collections.abc import Callable

from copydesk.qt.labels import Context, field_label, fill
from copydesk.records.problem import Problem

checks = Context("checks")


# code → (template, names of the params that fill %1, %2…). Templates are functions so that
# the translation is looked up when shown, after the translator is installed.
_TEMPLATES: dict[str, tuple[Callable[[], str], tuple[str, ...]]] = {
    "headline.missing": (
        lambda: checks.tr("The headline is missing."),
        (),
    ),
    "headline.too_long": (
        lambda: checks.tr("The headline has %1 characters; the limit is %2."),
        ("length", "limit"),
    ),
    "standfirst.missing": (
        lambda: checks.tr("The standfirst is missing."),
        (),
    ),
    "standfirst.too_long": (
        lambda: checks.tr("The standfirst has %1 characters; the limit is %2."),
        ("length", "limit"),
    ),
    "byline.missing": (
        lambda: checks.tr("The byline is missing: name at least one author."),
        (),
    ),
    "body.empty": (lambda: checks.tr("The body is empty."), ()),
    "dateline.future": (
        lambda: checks.tr("The dateline date, %1, is in the future."),
        ("date",),
    ),
    "spelling.unknown_word": (
        lambda: checks.tr("Possible spelling mistake: “%1”."),
        ("word",),
    ),
    "typography.fr.space_before_colon": (
        lambda: checks.tr("In French, the colon “%1” takes a no-break space before it."),
        ("mark",),
    ),
    "typography.fr.space_before_semicolon": (
        lambda: checks.tr("In French, the semicolon “%1” takes a narrow no-break space before it."),
        ("mark",),
    ),
    "typography.fr.space_before_exclamation": (
        lambda: checks.tr(
            "In French, the exclamation mark “%1” takes a narrow no-break space before it.",
        ),
        ("mark",),
    ),
    "typography.fr.space_before_question": (
        lambda: checks.tr(
            "In French, the question mark “%1” takes a narrow no-break space before it."
        ),
        ("mark",),
    ),
    "typography.fr.space_after_opening_guillemet": (
        lambda: checks.tr("In French, “«” takes a no-break space after it."),
        (),
    ),
    "typography.fr.space_before_closing_guillemet": (
        lambda: checks.tr("In French, “»” takes a no-break space before it."),
        (),
    ),
    "typography.fr.space_after_closing_guillemet": (
        lambda: checks.tr("In French, “»” takes a space after it."),
        (),
    ),
    "typography.space_after_mark": (
        lambda: checks.tr("Put a space after “%1”."),
        ("mark",),
    ),
    "typography.fr.straight_double_quote": (
        lambda: checks.tr("Use the French quotation mark “%1” instead of a straight quote."),
        ("replacement",),
    ),
    "typography.fr.straight_apostrophe": (
        lambda: checks.tr("Use the typographic apostrophe “’” instead of a straight one."),
        (),
    ),
    "typography.en.straight_double_quote": (
        lambda: checks.tr("Use the curly quotation mark “%1” instead of a straight quote."),
        ("replacement",),
    ),
    "typography.en.straight_single_quote": (
        lambda: checks.tr("Use the curly quotation mark “%1” instead of a straight one."),
        ("replacement",),
    ),
    "typography.en.straight_apostrophe": (
        lambda: checks.tr("Use the typographic apostrophe “’” instead of a straight one."),
        (),
    ),
    "typography.double_space": (
        lambda: checks.tr("There are %1 spaces here; one is enough."),
        ("count",),
    ),
}


def problem_message(problem: Problem) -> str:
    """The problem's message in the user's language."""
    if problem.code.startswith(PICTURE_PREFIX):
        return _picture_message(problem)
    known = _TEMPLATES.get(problem.code)
    if known is None:
        return problem.message
    template, names = known
    return fill(template(), [str(problem.params.get(name, "")) for name in names])


PICTURE_PREFIX = "picture."
# The picture problems of the article's own (``article_pictures.check_pictures``); the others
# are the compliance engine's, worded by ``credits.credit_messages``.
_PICTURE_TEMPLATES: dict[str, tuple[Callable[[], str], tuple[str, ...]]] = {
    "picture.missing": (
        lambda: checks.tr("Picture %1 is not in the library."),
        ("picture",),
    ),
    "picture.awaiting_file": (
        lambda: checks.tr(
            "%1 awaits its file: attach the picture in the Picture Library before publishing.",
        ),
        ("file",),
    ),
}


def _picture_message(problem: Problem) -> str:
    """A problem of a picture the article shows: which picture, then what the compliance
    engine says (translated by the credit messages)."""
    from copydesk.pictures.compliance import CreditProblem
    from copydesk.qt.pictures import credit_messages

    params = {name: str(value) for name, value in problem.params.items()}
    known = _PICTURE_TEMPLATES.get(problem.code)
    if known is not None:
        template, names = known
        return fill(template(), [params.get(name, "") for name in names])
    detail = CreditProblem(
        problem.code.removeprefix(PICTURE_PREFIX),
        problem.severity,
        params.get("picture_field", ""),
        params.get("detail", problem.message),
        params,
    )
    # Named by its file: the location before it already says lead picture or body.
    return fill(
        checks.tr("%1: %2"),
        [params.get("file", ""), credit_messages.problem_message(detail)],
    )


def problem_location(problem: Problem) -> str:
    """Where the problem is: the field, with the line in the multi-line ones (not for a
    problem about the whole field, such as an empty body)."""
    points_into_text = problem.end > problem.start or problem.start > 0
    if problem.field in ("body", "standfirst") and points_into_text:
        return fill(
            checks.tr("%1, line %2"),
            [field_label(problem.field), str(problem.line)],
        )
    return field_label(problem.field)


def known_codes() -> set[str]:
    return set(_TEMPLATES)


def known_picture_codes() -> set[str]:
    """The picture codes worded here rather than by the credit messages."""
    return set(_PICTURE_TEMPLATES)
