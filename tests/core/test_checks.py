"""Editorial checks of a whole article: what is reported, where, and how it is fixed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from copydesk.articles.checks import (
    NBSP,
    NNBSP,
    apply_fix,
    check_article,
    combine_fixes,
    fix_all,
    line_and_column,
)
from copydesk.preferences import Preferences
from copydesk.records.article import ArticleContent
from copydesk.records.problem import Problem, Severity, TextFix
from copydesk.text.typography import Edit
from tests.helpers import FULL_CONTENT

TODAY = date(2025, 3, 20)
CLEAN = ArticleContent(
    headline="Un titre",
    standfirst="Un chapeau.",
    body="Le texte de l’article.",
    authors=("Ana Lima",),
    dateline_date=date(2025, 3, 15),
)


def check(content: ArticleContent, **preferences: int) -> list[Problem]:
    return check_article(content, Preferences().replace(**preferences), TODAY)


def codes(content: ArticleContent, **preferences: int) -> list[str]:
    return [problem.code for problem in check(content, **preferences)]


def the_problem(content: ArticleContent, code: str) -> Problem:
    (problem,) = [p for p in check(content) if p.code == code]
    return problem


def test_a_clean_article_has_no_problems() -> None:
    assert check(CLEAN) == []
    assert check(CLEAN.replace(language="en", body="The article’s text.")) == []


@pytest.mark.parametrize(
    ("changes", "code", "severity", "field", "message"),
    [
        ({"headline": "  "}, "headline.missing", Severity.ERROR, "headline",
         "The headline is missing."),
        ({"standfirst": ""}, "standfirst.missing", Severity.WARNING, "standfirst",
         "The standfirst is missing."),
        ({"authors": ()}, "byline.missing", Severity.ERROR, "authors",
         "The byline is missing: name at least one author."),
        ({"authors": (" ",)}, "byline.missing", Severity.ERROR, "authors",
         "The byline is missing: name at least one author."),
        ({"body": "\n\n "}, "body.empty", Severity.ERROR, "body", "The body is empty."),
        ({"dateline_date": date(2025, 3, 21)}, "dateline.future", Severity.WARNING,
         "dateline_date", "The dateline date, 2025-03-21, is in the future."),
    ],
)  # fmt: skip
def test_missing_parts_and_future_dates(
    changes: dict[str, object], code: str, severity: Severity, field: str, message: str
) -> None:
    (problem,) = check(CLEAN.replace(**changes))
    assert (problem.code, problem.severity, problem.field) == (code, severity, field)
    assert problem.message == message
    assert problem.fix is None


def test_today_and_no_date_are_not_in_the_future() -> None:
    assert check(CLEAN.replace(dateline_date=TODAY)) == []
    assert check(CLEAN.replace(dateline_date=None)) == []
    problem = the_problem(CLEAN.replace(dateline_date=date(2026, 1, 1)), "dateline.future")
    assert problem.params == {"date": "2026-01-01"}


def test_a_headline_over_the_limit_is_an_error() -> None:
    headline = "x" * 104
    (problem,) = check(CLEAN.replace(headline=headline))
    assert problem.code == "headline.too_long" and problem.severity is Severity.ERROR
    assert problem.message == "The headline has 104 characters; the limit is 90."
    assert problem.params == {"length": 104, "limit": 90}
    assert (problem.start, problem.end) == (90, 104)  # the characters to cut
    assert check(CLEAN.replace(headline="x" * 90)) == []


def test_limits_come_from_the_preferences() -> None:
    content = CLEAN.replace(headline="x" * 50, standfirst="y" * 120)
    assert codes(content, headline_limit=40, standfirst_limit=100) == [
        "headline.too_long",
        "standfirst.too_long",
    ]
    problem = check(content, headline_limit=40, standfirst_limit=100)[1]
    assert problem.severity is Severity.WARNING
    assert problem.message == "The standfirst has 120 characters; the limit is 100."
    assert check(content) == []


def test_problems_are_sorted_as_the_fields_are_shown_then_by_position() -> None:
    content = ArticleContent(
        headline="Titre : un",
        kicker="L'avant-titre",
        body="Corps ; texte d'ici",
        dateline_date=date(2030, 1, 1),
    )
    assert [(p.field, p.code) for p in check(content)] == [
        ("dateline_date", "dateline.future"),
        ("kicker", "typography.fr.straight_apostrophe"),
        ("headline", "typography.fr.space_before_colon"),
        ("standfirst", "standfirst.missing"),
        ("authors", "byline.missing"),
        ("body", "typography.fr.space_before_semicolon"),
        ("body", "typography.fr.straight_apostrophe"),
    ]


# ---------------------------------------------------------------------------------------------
# Typography problems


def test_typography_problems_follow_the_article_language() -> None:
    content = CLEAN.replace(body='Il a dit "oui" : l\'été.')
    assert codes(content) == [
        "typography.fr.straight_double_quote",
        "typography.fr.straight_double_quote",
        "typography.fr.space_before_colon",
        "typography.fr.straight_apostrophe",
    ]
    assert codes(content.replace(language="en")) == [
        "typography.en.straight_double_quote",
        "typography.en.straight_double_quote",
        "typography.en.straight_apostrophe",
    ]


@pytest.mark.parametrize("field", ["headline", "kicker", "standfirst", "body"])
def test_every_text_field_is_checked_for_typography(field: str) -> None:
    text = "Quoi?"
    (problem,) = check(CLEAN.replace(**{field: text}))
    assert problem.field == field and problem.code == "typography.fr.space_before_question"
    assert problem.severity is Severity.WARNING
    assert text[problem.start : problem.end] == "?"
    assert problem.fix == TextFix(field, (Edit(4, 4, NNBSP),))
    assert apply_fix(text, problem.fix) == f"Quoi{NNBSP}?"


@pytest.mark.parametrize(
    ("body", "code", "message", "params"),
    [
        ("Bilan : lourd", "typography.fr.space_before_colon",
         "In French, the colon “:” takes a no-break space before it.", {"mark": ":"}),
        ("Quoi?!", "typography.fr.space_before_question",
         "In French, the question mark “?!” takes a narrow no-break space before it.",
         {"mark": "?!"}),
        (f"«{NBSP}oui»", "typography.fr.space_before_closing_guillemet",
         "In French, “»” takes a no-break space before it.", {}),
        ("deux  espaces", "typography.double_space",
         "There are 2 spaces here; one is enough.", {"count": "2"}),
    ],
)  # fmt: skip
def test_typography_messages_name_the_problem(
    body: str, code: str, message: str, params: dict[str, str]
) -> None:
    problem = the_problem(CLEAN.replace(body=body), code)
    assert problem.message == message
    assert problem.params == params


def test_one_problem_per_occurrence() -> None:
    body = "\n".join(["Texte : l'un"] * 500)
    problems = check(CLEAN.replace(body=body))
    assert len(problems) == 1000
    assert {body[p.start : p.end] for p in problems} == {":", "'"}


def test_line_and_column_locate_the_problem_in_the_body() -> None:
    body = "Première ligne.\n\nTroisième : ici\n😀 l'été"
    colon, apostrophe = check(CLEAN.replace(body=body))
    assert (colon.line, colon.column) == (3, 11)
    assert (apostrophe.line, apostrophe.column) == (4, 4)
    assert body[apostrophe.start : apostrophe.end] == "'"
    assert line_and_column("ab\ncd", 3) == (2, 1)
    assert line_and_column("ab\ncd", 2) == (1, 3)


def test_the_reference_article_body_has_straight_apostrophes(shared: Path) -> None:
    text = (shared / "seed" / "reference-article.txt").read_text(encoding="utf-8")
    body = text.split("CC BY 4.0\n", 1)[1].split("Nouvelles des partenaires")[0].strip()
    problems = check(CLEAN.replace(body=body))
    apostrophes = [p for p in problems if p.code == "typography.fr.straight_apostrophe"]
    assert [body[p.start - 3 : p.end + 2] for p in apostrophes] == [" qu'à "]
    assert body.count("'") == len(apostrophes)
    # Its colon and guillemets are spaced with plain spaces, not no-break ones.
    assert "typography.fr.space_before_colon" in {p.code for p in problems}
    assert fix_all(CLEAN.replace(body=body), "fr")["body"].edits


# ---------------------------------------------------------------------------------------------
# Fixes


def test_fix_all_fixes_every_text_field_and_is_idempotent() -> None:
    content = FULL_CONTENT.replace(
        headline='Titre : "oui"',
        standfirst="Chapeau  d'ici !",
        body="Corps; `a:b` et l'été.\n\n```\nx: 'y'\n```\n",
    )
    fixes = fix_all(content, "fr")
    assert set(fixes) == {"headline", "kicker", "standfirst", "body"}
    repaired = content.replace(
        **{name: apply_fix(getattr(content, name), fix) for name, fix in fixes.items()}
    )
    assert repaired.headline == f"Titre{NBSP}: «{NBSP}oui{NBSP}»"
    assert repaired.kicker == "1116 jour depuis l’invasion"
    assert repaired.standfirst == f"Chapeau d’ici{NNBSP}!"
    assert repaired.body == f"Corps{NNBSP}; `a:b` et l’été.\n\n```\nx: 'y'\n```\n"
    assert not [p for p in check(repaired) if p.is_typography]
    assert fix_all(repaired, "fr") == {}


def test_combine_fixes_merges_the_chosen_problems_per_field() -> None:
    content = CLEAN.replace(headline="L'un : l'autre", body="Quoi?")
    problems = [p for p in check(content) if p.fix]
    fixes = combine_fixes(problems)
    assert set(fixes) == {"headline", "body"}
    assert apply_fix(content.headline, fixes["headline"]) == f"L’un{NBSP}: l’autre"
    only_first = combine_fixes(problems[:1])
    assert apply_fix(content.headline, only_first["headline"]) == "L’un : l'autre"


def test_problems_are_values() -> None:
    (first,) = check(CLEAN.replace(body="Quoi?"))
    (second,) = check(CLEAN.replace(body="Quoi?"))
    assert first == second and hash(first) == hash(second)
    with pytest.raises(AttributeError):
        first.code = "other"  # type: ignore[misc]


# ---------------------------------------------------------------------------------------------
# A long article (its speed: tests/benchmarks/bench_text.py)


def test_fifty_thousand_words_are_all_checked() -> None:
    # About the density of the reference article: a few problems per paragraph.
    paragraph = (
        "Selon Trump, la conversation a été productive : les deux parties ont abordé la "
        "guerre en Ukraine, la situation au Moyen-Orient, l’énergie, l’intelligence artificielle "
        "et l’influence du dollar. Il a été précédemment rapporté qu'à partir du 12 mars, "
        "les États-Unis imposeront une taxe de 25 % sur l’importation d’acier en provenance "
        "du Canada ; voir [la source](https://x.org/a:b?c=d) et `code: x`. Les deux dirigeants "
        "ont évoqué les liens historiques entre les États-Unis et la Russie, rappelant leur "
        "lutte commune lors de la Seconde Guerre mondiale, puis « la paix »."
    )
    body = "\n\n".join([paragraph] * 600)
    assert len(body.split()) > 50_000
    content = CLEAN.replace(body=body)
    assert len(check(content)) == 600 * 5
