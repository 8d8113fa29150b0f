"""Editorial checks of an article: missing parts, lengths, dates and typography.

``check_article`` runs live while the editor types (debounced), so it stays cheap: one pass
of regular expressions per text field, no Markdown rendering. Messages are in the core's
language (``copydesk.translation``) for the command line; the window translates each problem
by its ``code`` from its ``params``.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from datetime import date

from copydesk.preferences import Preferences
from copydesk.records.article import ArticleContent
from copydesk.records.problem import Problem, Severity, TextFix
from copydesk.text.typography import (
    NBSP,
    NNBSP,
    Edit,
    Finding,
    apply_edits,
    check_typography,
    fix_all_typography,
    non_overlapping_edits,
)
from copydesk.translation import N_, _, current_language, ngettext

# Fields in the order the editor shows them, top to bottom: problems are listed this way.
FIELD_ORDER = (
    "dateline_date",
    "edition",
    "kicker",
    "headline",
    "standfirst",
    "authors",
    "keywords",
    "lead_picture",
    "body",
)
TYPOGRAPHY_FIELDS = ("kicker", "headline", "standfirst", "body")


def check_article(content: ArticleContent, preferences: Preferences, today: date) -> list[Problem]:
    """Every problem of ``content``, sorted by field (as shown) then position."""
    problems = [
        *_headline_problems(content.headline, preferences.headline_limit),
        *_standfirst_problems(content.standfirst, preferences.standfirst_limit),
        *_byline_problems(content.authors),
        *_body_problems(content.body),
        *_dateline_problems(content.dateline_date, today),
    ]
    for name in TYPOGRAPHY_FIELDS:
        problems += typography_problems(name, getattr(content, name), content.language)
    problems.sort(key=problem_order)
    return problems


def problem_order(problem: Problem) -> tuple[int, int]:
    """Problems are listed by field, as the editor shows them, then by position."""
    return FIELD_ORDER.index(problem.field), problem.start


# ---------------------------------------------------------------------------------------------
# Fields that must be there, lengths, dates


def _headline_problems(headline: str, limit: int) -> Iterator[Problem]:
    if not headline.strip():
        yield Problem("headline.missing", Severity.ERROR, "headline", 0, 0,
                      _("The headline is missing."))  # fmt: skip
    elif len(headline) > limit:
        yield _too_long("headline", headline, limit, Severity.ERROR)


def _standfirst_problems(standfirst: str, limit: int) -> Iterator[Problem]:
    if not standfirst.strip():
        yield Problem("standfirst.missing", Severity.WARNING, "standfirst", 0, 0,
                      _("The standfirst is missing."))  # fmt: skip
    elif len(standfirst) > limit:
        yield _too_long("standfirst", standfirst, limit, Severity.WARNING)


def _too_long(name: str, text: str, limit: int, severity: Severity) -> Problem:
    """Points at the characters past the limit, the ones to cut."""
    line, column = line_and_column(text, limit)
    length = len(text)
    if name == "headline":
        message = ngettext(
            "The headline has {length} character; the limit is {limit}.",
            "The headline has {length} characters; the limit is {limit}.",
            length,
        )
    else:
        message = ngettext(
            "The standfirst has {length} character; the limit is {limit}.",
            "The standfirst has {length} characters; the limit is {limit}.",
            length,
        )
    return Problem(
        f"{name}.too_long",
        severity,
        name,
        limit,
        len(text),
        message.format(length=length, limit=limit),
        {"length": len(text), "limit": limit},
        line=line,
        column=column,
    )


def _byline_problems(authors: tuple[str, ...]) -> Iterator[Problem]:
    if not any(author.strip() for author in authors):
        yield Problem("byline.missing", Severity.ERROR, "authors", 0, 0,
                      _("The byline is missing: name at least one author."))  # fmt: skip


def _body_problems(body: str) -> Iterator[Problem]:
    if not body.strip():
        yield Problem("body.empty", Severity.ERROR, "body", 0, 0, _("The body is empty."))


def _dateline_problems(dateline: date | None, today: date) -> Iterator[Problem]:
    if dateline is not None and dateline > today:
        yield Problem(
            "dateline.future",
            Severity.WARNING,
            "dateline_date",
            0,
            0,
            _("The dateline date, {date}, is in the future.").format(date=dateline.isoformat()),
            {"date": dateline.isoformat()},
        )


# ---------------------------------------------------------------------------------------------
# Typography

# One whole sentence per rule, translated when a message is built (``_typography_message``);
# ``{mark}`` and ``{replacement}`` are filled from the finding's params.
_MESSAGES = {
    "fr.space_before_colon": N_("In French, the colon “{mark}” takes a no-break space before it."),
    "fr.space_before_semicolon": N_(
        "In French, the semicolon “{mark}” takes a narrow no-break space before it."
    ),
    "fr.space_before_exclamation": N_(
        "In French, the exclamation mark “{mark}” takes a narrow no-break space before it."
    ),
    "fr.space_before_question": N_(
        "In French, the question mark “{mark}” takes a narrow no-break space before it."
    ),
    "fr.space_after_opening_guillemet": N_("In French, “«” takes a no-break space after it."),
    "fr.space_before_closing_guillemet": N_("In French, “»” takes a no-break space before it."),
    "fr.space_after_closing_guillemet": N_("In French, “»” takes a space after it."),
    "space_after_mark": N_("Put a space after “{mark}”."),
    "fr.straight_double_quote": N_(
        "Use the French quotation mark “{replacement}” instead of a straight quote."
    ),
    "fr.straight_apostrophe": N_("Use the typographic apostrophe “’” instead of a straight one."),
    "en.straight_double_quote": N_(
        "Use the curly quotation mark “{replacement}” instead of a straight quote."
    ),
    "en.straight_single_quote": N_(
        "Use the curly quotation mark “{replacement}” instead of a straight one."
    ),
    "en.straight_apostrophe": N_("Use the typographic apostrophe “’” instead of a straight one."),
    # Two spaces at least: the plural form is always the one.
    "double_space": N_("There are {count} spaces here; one is enough."),
}
_UNKNOWN_RULE = N_("The typography here should be corrected.")


def typography_problems(name: str, text: str, language: str) -> list[Problem]:
    """One problem per typography finding in the field ``name``, each with its own fix."""
    findings = check_typography(text, language)
    if not findings:
        return []
    lines = _LineIndex(text)
    return [_typography_problem(name, text, found, lines) for found in findings]


def _typography_problem(name: str, text: str, found: Finding, lines: _LineIndex) -> Problem:
    line, column = lines.locate(found.start)
    return Problem(
        code=f"typography.{found.rule}",
        severity=Severity.WARNING,
        field=name,
        start=found.start,
        end=found.end,
        message=_typography_message(found.rule, found.params, current_language()),
        params=dict(found.params),
        fix=TextFix(name, found.edits),
        line=line,
        column=column,
    )


# A long body repeats the same few messages thousands of times. The language is part of the
# key: a message cached in one language is never shown in another.
@functools.lru_cache(maxsize=256)
def _typography_message(rule: str, found_params: tuple[tuple[str, str], ...], language: str) -> str:
    template = _MESSAGES.get(rule)
    if template is None:
        return _(_UNKNOWN_RULE)
    params = dict(found_params)
    return _(template).format(
        mark=params.get("mark", ""),
        replacement=params.get("replacement", ""),
        count=params.get("count", ""),
    )


class _LineIndex:
    """Line starts of a text, so that locating many offsets costs a bisection each."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        position = text.find("\n")
        while position >= 0:
            self._starts.append(position + 1)
            position = text.find("\n", position + 1)

    def locate(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index] + 1


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    return _LineIndex(text).locate(offset)


# ---------------------------------------------------------------------------------------------
# Fixes


def apply_fix(text: str, fix: TextFix) -> str:
    """``text`` (the field's text the fix was computed on) with the fix applied."""
    return apply_edits(text, fix.edits)


def combine_fixes(problems: Iterable[Problem]) -> dict[str, TextFix]:
    """The fixes of ``problems`` merged per field; a fix that would overlap one before it
    is left out (the next check finds it again)."""
    groups: dict[str, list[tuple[Edit, ...]]] = {}
    for problem in problems:
        if problem.fix is not None:
            groups.setdefault(problem.fix.field, []).append(problem.fix.edits)
    return {
        name: TextFix(name, tuple(non_overlapping_edits(edits))) for name, edits in groups.items()
    }


def fix_all(content: ArticleContent, language: str) -> dict[str, TextFix]:
    """Every typography fix of the article's text fields, by field (fields without any are
    left out)."""
    fixes: dict[str, TextFix] = {}
    for name in TYPOGRAPHY_FIELDS:
        edits = fix_all_typography(getattr(content, name), language)
        if edits:
            fixes[name] = TextFix(name, tuple(edits))
    return fixes


__all__ = [
    "FIELD_ORDER",
    "NBSP",
    "NNBSP",
    "Edit",
    "Problem",
    "Severity",
    "TextFix",
    "apply_fix",
    "check_article",
    "combine_fixes",
    "fix_all",
    "line_and_column",
    "typography_problems",
]
