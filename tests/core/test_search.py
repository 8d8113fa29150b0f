"""Full-text search of the article list: what the user types, what it finds, in what order."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy

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


@pytest.mark.parametrize("most", [64, 1, 0])
def test_a_long_word_being_typed_is_read_as_the_words_it_begins(
    library: Library, monkeypatch: pytest.MonkeyPatch, most: int
) -> None:
    # Past the prefix indexes (4 letters) the index's vocabulary gives the words; with more
    # of them than MAX_PREFIX_TERMS, FTS5's own prefix query: the same results either way.
    monkeypatch.setattr(fulltext, "MAX_PREFIX_TERMS", most)
    assert found(library, "syndi") == [STRIKE]
    assert found(library, "ÉCOLE") == [SCHOOL, BUDGET]  # folded as the index folds
    assert found(library, "prépar") == [FESTIVAL]
    assert found(library, "les bénév") == [FESTIVAL]
    assert found(library, "zzzzzz") == []
    with library.read() as session:
        expression = fulltext._expression(session, "les bénév")
    if most >= 1:  # one word begins with "benev"
        assert expression == '"les" AND ("benevoles")'
    else:
        assert expression == '"les" AND "bénév"*'


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


def test_the_expression_quotes_every_token() -> None:
    # The index holds no positions: a word of several tokens is its tokens ANDed.
    assert fulltext.match_expression('say "hi" NEAR(xy') == '"say" AND "hi" AND "NEAR" AND "xy"*'
    assert fulltext.match_expression("cessez-le-feu") == '"cessez" AND "le" AND "feu"*'
    assert fulltext.match_expression("l’école ") == '"l" AND "école"'
    assert fulltext.match_expression("c++") == '"c"'  # ended by punctuation: not a prefix
    assert fulltext.match_expression("e\u0301cole ") == '"école"'  # composed first
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


def test_search_articles_gives_the_first_page_and_the_count(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(operations, "PAGE_SIZE", 2)
    query = ArticleQuery("les")
    listing = operations.search_articles(library, query)
    assert listing.ids == [4, 3] and listing.count == 4 and listing.count_is_exact
    assert listing.query == query and listing.after is not None
    page = operations.more_articles(library, query, listing.after)
    assert [summary.id for summary in page.summaries] == [2, 1] and page.after is None
    drafts = operations.search_articles(library, ArticleQuery("", ArticleStatus.DRAFT))
    assert drafts.ids == [4, 2] and drafts.count == 2 and drafts.after is None
    every = operations.search_articles(library, ArticleQuery(), at_least=3)
    assert every.ids == [4, 3, 2] and every.count == 4  # a list read again as far as scrolled
    assert [summary.id for summary in operations.article_summaries(library, [1, 2])] == [1, 2]


@pytest.mark.parametrize(
    "query",
    [ArticleQuery(), ArticleQuery("les"), ArticleQuery("", ArticleStatus.DRAFT)],
    ids=["everything", "search", "status"],
)
def test_pages_follow_each_other_without_a_gap_or_a_repeat(
    library: Library, query: ArticleQuery
) -> None:
    with library.write() as session:
        for number in range(7):
            articles.create_article(
                session,
                CONTENTS[number % 4].replace(headline=f"Les nouvelles {number}"),
                now=T0 + timedelta(days=2),  # the same moment: keys follow the writing order
            )
    with library.read() as session:
        expected = fulltext.search_ids(session, query.text, query.status)
        listing = fulltext.first_page(session, query, 3)
        walked = list(listing.ids)
        after = listing.after
        while after is not None:
            page = fulltext.next_page(session, query, after, 3)
            walked += [summary.id for summary in page.summaries]
            after = page.after
    assert walked == expected and len(expected) == len(set(expected)) > 3
    assert walked[:7] == list(range(11, 4, -1)) or query.status is not None


def test_a_search_counts_up_to_a_limit(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fulltext, "COUNT_UP_TO", 2)
    with library.read() as session:
        found_all = fulltext.first_page(session, ArticleQuery("les"), 1)
        drafts = fulltext.first_page(session, ArticleQuery("les", ArticleStatus.DRAFT), 1)
        one_page = fulltext.first_page(session, ArticleQuery("les"), 10)
    assert (found_all.count, found_all.count_is_exact) == (2, False)  # "more than 2"
    assert (drafts.count, drafts.count_is_exact) == (1, False)  # the drafts among those read
    assert (one_page.count, one_page.count_is_exact) == (4, True)  # all on the page: exact


def test_the_neighbour_of_an_article_in_a_list(library: Library) -> None:
    with library.read() as session:
        assert fulltext.neighbour(session, ArticleQuery(), 3) == 2
        assert fulltext.neighbour(session, ArticleQuery(), 1) == 2  # the last: the one above
        assert fulltext.neighbour(session, ArticleQuery("", ArticleStatus.DRAFT), 4) == 2
        assert fulltext.neighbour(session, ArticleQuery("festival"), 3) is None  # alone


def test_deleting_in_search_results_shows_the_next_result(library: Library) -> None:
    shown = operations.delete_article(library, 3, ArticleQuery("les"))  # FESTIVAL
    assert shown.listing is not None and shown.listing.ids == [4, 2, 1]
    assert shown.record is not None and shown.record.id == 2  # STRIKE came after it
    shown = operations.delete_article(library, 1, ArticleQuery("les"))  # the last one
    assert shown.record is not None and shown.record.id == 2  # the one above it


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


def test_list_keys_follow_the_last_change(library: Library) -> None:
    """Every write path keys the article: created, saved (text or status only), deleted;
    the index follows its key, and the library's change feed notes each change once."""
    from copydesk.library import changes

    def keys() -> dict[int, int]:
        with library.read() as session:
            rows = session.execute(sqlalchemy.text("SELECT id, list_key FROM articles")).all()
        return {article_id: key for article_id, key in rows}

    before = keys()
    assert sorted(before, key=before.__getitem__) == [1, 2, 3, 4]  # by last change
    with library.read() as session:
        seen = changes.latest(session)
    with library.write() as session:
        content = CONTENTS[BUDGET].replace(status=ArticleStatus.READY)
        articles.save_content(session, 1, content, now=T0 + timedelta(days=3))
    after = keys()
    assert after[1] > max(before.values()) and {k: after[k] for k in (2, 3, 4)} == {
        k: before[k] for k in (2, 3, 4)
    }
    assert found(library, "conseil") == [BUDGET] and found(library, "")[0] == BUDGET
    with library.read() as session:
        noted = changes.changes_since(session, seen)
    assert noted.articles == {1}
    with library.write() as session:  # FTS5 compares its index with the articles' text
        check = "INSERT INTO article_search(article_search, rank) VALUES ('integrity-check', 1)"
        session.execute(sqlalchemy.text(check))


def test_a_thousand_articles_changed_in_one_microsecond_all_get_a_key(library: Library) -> None:
    with library.write() as session:
        for number in range(1_002):
            articles.create_article(
                session, ArticleContent(headline=f"Brève {number}"), now=T0 + timedelta(days=5)
            )
    with library.read() as session:
        keys = [key for (key,) in session.execute(sqlalchemy.text("SELECT list_key FROM articles"))]
        first = fulltext.first_page(session, ArticleQuery("brève"), 2)
    assert None not in keys and len(set(keys)) == len(keys) == 1_006
    assert first.count == 1_002 and len(first.ids) == 2
