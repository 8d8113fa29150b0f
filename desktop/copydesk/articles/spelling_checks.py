"""Spelling mistakes of the headline and the standfirst, as problems for the checks panel.

The body's mistakes are underlined where they are typed; the headline and standfirst, the
lines a reader sees first, are listed as well. A ``Speller`` is given by the caller (the
window has one per language, with the newsroom dictionary's words): without one, no problem.
"""

from __future__ import annotations

from copydesk.articles.checks import line_and_column
from copydesk.records.article import ArticleContent
from copydesk.records.problem import Problem, Severity
from copydesk.text.spelling import Speller
from copydesk.translation import _

SPELLING_FIELDS = ("headline", "standfirst")
CODE = "spelling.unknown_word"


def spelling_problems(content: ArticleContent, speller: Speller | None) -> list[Problem]:
    """A warning for each word of the headline and standfirst the dictionary does not know."""
    if speller is None:
        return []
    problems = []
    for name in SPELLING_FIELDS:
        text = getattr(content, name)
        for mistake in speller.misspellings(text):
            line, column = line_and_column(text, mistake.start)
            problems.append(
                Problem(
                    code=CODE,
                    severity=Severity.WARNING,
                    field=name,
                    start=mistake.start,
                    end=mistake.end,
                    message=_("Possible spelling mistake: “{word}”.").format(word=mistake.word),
                    params={"word": mistake.word},
                    line=line,
                    column=column,
                )
            )
    return problems
