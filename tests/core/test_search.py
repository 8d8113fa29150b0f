"""Full-text search of the article list: what the user types, what it finds, in what order."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from copydesk.articles import operations
from copydesk.articles import search as fulltext
from copydesk.articles import store as articles
from copydesk.library.db import Library
from copydesk.records.article import ArticleContent, ArticleQuery, ArticleStatus
from tests.helpers import FIXTURES, opened

T0 = datetime(2025, 3, 15, 8, 0, tzinfo=UTC)

# Oldest first: each article is changed an hour after the one before it.
CONTENTS = [
    ArticleContent(
        headline="Le conseil municipal vote le budget",
        standfirst="Les élus ont débattu jusqu’à minuit.",
        body="Le budget de l'école primaire augmente de 3 %.",
        status=ArticleStatus.PUBLISHED,
    ),
    ArticleContent(
        headline="Grève dans les transports",
        standfirst="Trains et métros à l'arrêt lundi.",
        body="Les syndicats réclament des hausses de salaire. Le C++ n'y est pour rien.",
        status=ArticleStatus.DRAFT,
    ),
    ArticleContent(
        headline="Festival de musique au village",
        standfirst="Trois jours de concerts en plein air.",
        body="Les bénévoles préparent la fête depuis mars; NEAR the river, AND more.",
        language="en",
        status=ArticleStatus.IN_REVIEW,
    ),
    ArticleContent(
        headline="L’école Jules-Ferry rénovée",
        standfirst="Le chantier a duré deux ans.",
        body="Les élèves découvrent une cour arborée et un nouveau préau.",
        status=ArticleStatus.DRAFT,
    ),
]
BUDGET, STRIKE, FESTIVAL, SCHOOL = range(4)


@pytest.fixture
def library(library_path: Path) -> Iterator[Library]:
    with opened(library_path) as library:
        with library.write() as session:
            for hours, content in enumerate(CONTENTS):
                articles.create_article(session, content, now=T0 + timedelta(hours=hours))
        yield library


def found(library: Library, text: str, status: ArticleStatus | None = None) -> list[int]:
    """Positions in CONTENTS of the articles found, in the order found."""
    with library.read() as session:
        ids = fulltext.search_ids(session, text, status)
    return [article_id - 1 for article_id in ids]  # ids are given 1, 2, 3… in CONTENTS order


def test_finds_by_headline_standfirst_and_body(library: Library) -> None:
    assert found(library, "conseil") == [BUDGET]
    assert found(library, "minuit") == [BUDGET]
    assert found(library, "syndicats") == [STRIKE]


def test_every_word_must_match(library: Library) -> None:
    assert found(library, "budget école") == [BUDGET]
    assert found(library, "budget concerts") == []


def test_the_word_being_typed_is_a_prefix(library: Library) -> None:
    assert found(library, "synd") == [STRIKE]
    assert found(library, "budget prim") == [BUDGET]
    assert found(library, "synd ") == []  # a space ends the word: no more a prefix


def test_a_single_letter_being_typed_is_ignored_until_the_next(library: Library) -> None:
    assert fulltext.match_expression("budget p") == '"budget"'
    assert found(library, "budget p") == [BUDGET]
    assert fulltext.match_expression("p") is None


def test_accents_and_case_are_ignored(library: Library) -> None:
    assert found(library, "ecole") == [SCHOOL, BUDGET]
    assert found(library, "ÉCOLE") == [SCHOOL, BUDGET]
    assert found(library, "greve") == [STRIKE]
    assert found(library, "benevoles fete") == [FESTIVAL]


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_apostrophes_of_either_kind(library: Library, apostrophe: str) -> None:
    assert found(library, f"l{apostrophe}école") == [SCHOOL, BUDGET]
    assert found(library, f"l{apostrophe}arr") == [STRIKE]


def test_the_status_filter(library: Library) -> None:
    assert found(library, "", ArticleStatus.DRAFT) == [SCHOOL, STRIKE]
    assert found(library, "école", ArticleStatus.DRAFT) == [SCHOOL]
    assert found(library, "école", ArticleStatus.READY) == []


def test_results_are_ordered_by_last_change(library: Library) -> None:
    assert found(library, "") == [SCHOOL, FESTIVAL, STRIKE, BUDGET]
    assert found(library, "les") == [SCHOOL, FESTIVAL, STRIKE, BUDGET]
    with library.write() as session:
        content = CONTENTS[BUDGET].replace(body="Le budget est revu.")
        articles.save_content(session, BUDGET + 1, content, now=T0 + timedelta(days=1))
    assert found(library, "les")[0] == BUDGET
    assert found(library, "")[0] == BUDGET


HOSTILE = [
    "c++",
    "AND",
    "OR",
    "NOT",
    "NEAR(a b)",
    "NEAR",
    '"',
    '""',
    '"unterminated',
    "*",
    "^",
    "-",
    "-budget",
    "^budget",
    "budget*",
    "headline:budget",
    "{headline standfirst}: budget",
    "(budget",
    "budget)",
    "(",
    ")",
    "!!! ... ???",
    ":",
    "a\x00b",
    "\t\n",
    "budget AND OR NOT",
    "école " * 5_000,
    "x" * 10_000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=lambda text: repr(text[:20]))
def test_hostile_input_is_searched_literally(library: Library, text: str) -> None:
    results = found(library, text)  # never raises
    assert set(results) <= {BUDGET, STRIKE, FESTIVAL, SCHOOL}


def test_operators_and_syntax_are_plain_words(library: Library) -> None:
    assert found(library, "c++") == [STRIKE]  # the tokenizer keeps only the "c"
    assert found(library, "AND") == [FESTIVAL]  # the word, not the operator
    assert found(library, "NEAR the") == [FESTIVAL]
    assert found(library, "headline:budget") == []  # no column filter: both words needed
    assert found(library, "-budget") == [BUDGET]  # no exclusion either
    assert found(library, "(budget)") == [BUDGET]
    assert found(library, "budget*") == [BUDGET]


def test_nothing_searchable_lists_everything(library: Library) -> None:
    for text in ["", "   ", '"', '""', "*", "^", "-", "!!! ... ???", "()"]:
        assert fulltext.match_expression(text) is None, text
        assert found(library, text) == [SCHOOL, FESTIVAL, STRIKE, BUDGET]


def test_the_expression_quotes_every_word() -> None:
    assert fulltext.match_expression('say "hi" NEAR(xy') == '"say" AND """hi""" AND "NEAR(xy"*'
    assert fulltext.match_expression("budget ") == '"budget"'
    words = fulltext.match_expression("mot " * 1_000)
    assert words is not None and words.count('"mot"') == fulltext.MAX_WORDS


def test_the_index_follows_creation_changes_and_deletion(library: Library) -> None:
    with library.write() as session:
        created = articles.create_article(session, ArticleContent(headline="Inondations"))
    assert found(library, "inondations") == [created.id - 1]
    with library.write() as session:
        articles.save_content(session, created.id, ArticleContent(headline="Sécheresse"))
    assert found(library, "inondations") == []
    assert found(library, "secheresse") == [created.id - 1]
    with library.write() as session:
        articles.delete_article(session, created.id)
    assert found(library, "secheresse") == []


def test_summaries_by_ids_keep_the_order_given(library: Library) -> None:
    with library.read() as session:
        summaries = fulltext.summaries_by_ids(session, [3, 1, 999, 2])
        every = {summary.id: summary for summary in articles.list_summaries(session)}
    assert summaries == [every[3], every[1], every[2]]  # the missing id is left out


def test_search_articles_gives_the_ids_and_the_first_page(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(operations, "PAGE_SIZE", 2)
    listing = operations.search_articles(library, ArticleQuery("les"))
    assert listing.ids == [4, 3, 2, 1]
    assert [summary.id for summary in listing.first_page] == [4, 3]
    drafts = operations.search_articles(library, ArticleQuery("", ArticleStatus.DRAFT))
    assert drafts.ids == [4, 2]
    assert [summary.id for summary in operations.article_summaries(library, [1, 2])] == [1, 2]


def test_deleting_in_search_results_shows_the_next_result(library: Library) -> None:
    shown = operations.delete_article(library, 3, ArticleQuery("les"))  # FESTIVAL
    assert shown.listing is not None and shown.listing.ids == [4, 2, 1]
    assert shown.record is not None and shown.record.id == 2  # STRIKE came after it


def test_an_upgraded_0001_library_is_searchable(tmp_path: Path) -> None:
    path = tmp_path / "0001.copydesk"
    shutil.copy(FIXTURES / "libraries" / "0001.copydesk", path)
    with opened(path, create=False) as library, library.read() as session:
        every = fulltext.search_ids(session, "")
        budget = fulltext.search_ids(session, "budget")
        schools = fulltext.search_ids(session, "ecoles")
        headlines = [s.headline for s in fulltext.summaries_by_ids(session, budget)]
    assert len(every) >= 2
    assert headlines == ["Le conseil municipal adopte le budget 2025"]
    assert set(budget) <= set(schools)


@pytest.mark.parametrize("up_to", [0, 1, 2_000])
def test_few_and_many_matches_come_in_the_same_order(
    library: Library, monkeypatch: pytest.MonkeyPatch, up_to: int
) -> None:
    # Sorted in SQL (few matches) or kept from the walk of every id (many): the same list.
    monkeypatch.setattr(fulltext, "SORTED_IN_SQL_UP_TO", up_to)
    assert found(library, "les") == [SCHOOL, FESTIVAL, STRIKE, BUDGET]
    assert found(library, "école") == [SCHOOL, BUDGET]
    assert found(library, "école", ArticleStatus.DRAFT) == [SCHOOL]
    assert found(library, "introuvable") == []
    with library.write() as session:
        content = CONTENTS[BUDGET].replace(body="Les écoles et le budget.")
        articles.save_content(session, BUDGET + 1, content, now=T0 + timedelta(days=2))
    assert found(library, "école") == [BUDGET, SCHOOL]


def test_a_rare_word_does_not_walk_every_article(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    def walked(*_args: object) -> list[int]:
        raise AssertionError("every article's id was walked for a handful of matches")

    monkeypatch.setattr(fulltext, "_keep", walked)
    assert found(library, "Jules") == [SCHOOL]  # sorted in SQL: nothing kept from a walk
