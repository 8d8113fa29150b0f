"""Searching the newsroom's archive on the server: French and English stemming, accents
folded, prefixes being typed, newest first a page at a time, only what the person may read;
an article found there is brought into the replica on demand."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from copydesk.articles import operations as articles
from copydesk.library.db import Library
from copydesk.records.article import ArticleContent, ArticleStatus
from copydesk.sync import operations
from copydesk.sync import search as server_search
from copydesk.sync.errors import NewsroomError
from tests.newsroom.newsroom import Newsroom, connect_as
from tests.support.fault_proxy import FaultProxy

FRENCH = ArticleContent(
    headline="La croissance économique ralentit",
    standfirst="Les prévisions sont revues à la baisse.",
    body="Le ministre de l’Économie a présenté ses chiffres lundi, et les économies d’énergie.",
    language="fr",
)
ENGLISH = ArticleContent(
    headline="Elections: turnout was high",
    standfirst="Voters queued for hours.",
    body="The running count favours the incumbent.",
    language="en",
)
GERMAN = ArticleContent(
    headline="Wahlen in Bayern", body="Die Wähler haben entschieden.", language="de"
)


def create(library: Library, content: ArticleContent) -> int:
    shown = articles.create_article(library, content)
    assert shown.record is not None
    return shown.record.id


@pytest.fixture
def politics(newsroom: Newsroom, tmp_path: Path) -> Library:
    """Alice's replica of Politique, holding the three articles (sent to the server)."""
    library = newsroom.replica(tmp_path / "alice.copydesk", "alice", "Politique")
    for content in (FRENCH, ENGLISH, GERMAN):
        create(library, content)
    operations.sync(library)
    return library


def headlines(found: list[server_search.ServerArticle]) -> list[str]:
    return [article.headline for article in found]


def test_words_are_found_by_their_stem_in_the_article_s_language(politics: Library) -> None:
    def found(text: str) -> list[str]:
        return headlines(server_search.search(politics, text))

    assert found("économiques ") == [FRENCH.headline]  # French: économique(s), Économie
    assert found("economie ") == [FRENCH.headline]  # accents folded
    assert found("prévision ") == [FRENCH.headline]  # the standfirst, singular
    assert found("energie ") == [FRENCH.headline]  # after a typographic apostrophe: d’énergie
    assert found("election ") == [ENGLISH.headline]  # English: elections
    assert found("run ") == [ENGLISH.headline]  # English: running
    assert found("wahlen ") == [GERMAN.headline]  # another language: the words as written
    assert found("waehler ") == []  # no German stemming or transliteration
    assert found("croissance turnout ") == []  # every word must match


def test_the_word_being_typed_is_a_prefix(politics: Library) -> None:
    assert headlines(server_search.search(politics, "croiss")) == [FRENCH.headline]
    assert headlines(server_search.search(politics, "croiss ")) == []  # a word ended
    assert headlines(server_search.search(politics, "croissance é")) == [FRENCH.headline]


def test_hostile_text_is_searched_as_words(politics: Library) -> None:
    for text in [
        "'",
        "\\",
        "a & b | !c",
        "(croissance",
        "croissance:*",
        "croissance' | 'x",
        "\x00",
    ]:
        server_search.search(politics, text)  # never raises
    assert headlines(server_search.search(politics, "croissance' | 'turnout")) == []
    assert headlines(server_search.search(politics, "&&& croissance !!!")) == [FRENCH.headline]
    assert server_search.words_query("!!! ...") is None
    assert server_search.words_query("l’éco") == "'l' & 'éco':*"


def test_newest_first_a_page_at_a_time(politics: Library) -> None:
    for number in range(5):  # one sync each: the server dates a change by its transaction
        create(politics, FRENCH.replace(headline=f"Économie, épisode {number}"))
        operations.sync(politics)
    first = server_search.search(politics, "économie ", limit=4)
    second = server_search.search(politics, "économie ", limit=4, after=first[-1].place)
    names = headlines(first + second)
    assert names[:5] == [f"Économie, épisode {number}" for number in range(4, -1, -1)]
    assert names[5:] == [FRENCH.headline]
    assert all(a.updated_at >= b.updated_at for a, b in itertools.pairwise(first))


def test_only_what_the_person_may_read(
    newsroom: Newsroom, politics: Library, tmp_path: Path
) -> None:
    sport = newsroom.replica(tmp_path / "carol.copydesk", "carol", "Sport")
    create(sport, ArticleContent(headline="Le derby économique", language="fr"))
    operations.sync(sport)
    assert headlines(server_search.search(sport, "économie ")) == ["Le derby économique"]
    everything = newsroom.replica(tmp_path / "chief.copydesk", "chief", "Politique")
    found = server_search.search(everything, "économie ")
    assert sorted(headlines(found)) == sorted([FRENCH.headline, "Le derby économique"])
    assert {article.desk for article in found} == {"Politique", "Sport"}


def test_results_say_what_the_replica_holds_and_bring_the_rest(
    newsroom: Newsroom, politics: Library, tmp_path: Path
) -> None:
    chief = newsroom.replica(tmp_path / "chief.copydesk", "chief", "Sport")
    (found,) = server_search.search(chief, "croissance ")
    assert not found.here and found.status is ArticleStatus.DRAFT and found.desk == "Politique"
    assert server_search.search(politics, "croissance ")[0].here
    ids = server_search.bring(chief, [found.uuid])
    shown = articles.load_article(chief, ids[found.uuid])
    assert shown.record is not None and shown.record.content.body == FRENCH.body
    assert server_search.search(chief, "croissance ")[0].here
    assert server_search.bring(chief, ["00000000-0000-0000-0000-000000000000"]) == {}


def test_the_index_follows_edits_and_deletions(politics: Library) -> None:
    (article,) = [a for a in server_search.search(politics, "croissance ")]
    local_id = server_search.bring(politics, [article.uuid])[article.uuid]
    record = articles.load_article(politics, local_id).record
    assert record is not None
    articles.save_article(politics, local_id, record.content.replace(headline="La récession"))
    operations.sync(politics)
    assert server_search.search(politics, "croissance ") == []
    assert headlines(server_search.search(politics, "récession ")) == ["La récession"]
    articles.delete_article(politics, local_id)
    operations.sync(politics)
    assert server_search.search(politics, "récession ") == []


def test_a_server_that_cannot_be_reached_is_said(
    newsroom: Newsroom, fault_proxy: FaultProxy, tmp_path: Path
) -> None:
    library = newsroom.replica(tmp_path / "a.copydesk", "alice", "Politique", port=fault_proxy.port)
    fault_proxy.refuse()
    with pytest.raises(NewsroomError, match="Cannot reach the newsroom server"):
        server_search.search(library, "croissance ")
    with pytest.raises(NewsroomError, match="Cannot reach the newsroom server"):
        server_search.bring(library, ["00000000-0000-0000-0000-000000000000"])


def test_a_common_word_walks_the_order_of_change_and_a_rare_one_the_word_index(
    newsroom: Newsroom, politics: Library
) -> None:
    """The server chooses per search: a page of a word most articles hold is read along the
    order of change, a rare word through the GIN index (checked on the indexes' scan counts,
    not on a clock)."""
    with connect_as(newsroom) as connection:
        connection.execute(
            "INSERT INTO copydesk.items (uuid, kind, desk_id, version, seq, head_revision,"
            " content, updated_at, updated_by)"
            " SELECT gen_random_uuid(), 'article', d.id, 1, nextval('copydesk.change_seq'),"
            " gen_random_uuid(), jsonb_build_object('headline', 'Conseil ' || n,"
            " 'body', 'Le conseil municipal se réunit. Dossier' || n % 300 || ' lieu' || n % 701,"
            " 'language', 'fr'), now() - n * interval '1 minute', 'alice'"
            " FROM generate_series(1, 20000) AS n, copydesk.desks d WHERE d.name = 'Politique'"
        )
        # Other words, a few hundred articles each, as an archive has: PostgreSQL's statistics
        # then know a word they do not list is rare (with one body for all, they would take
        # any word for a common one).
        connection.execute("ANALYZE copydesk.items")

    def scans(words: str) -> dict[str, int]:
        with connect_as(newsroom, "alice") as reader:
            # A table this small is read whole for a rare word (rightly, at this size): the
            # choice asked about is between the word index and the order of change.
            reader.execute("SET enable_seqscan = off")
            before = index_scans(newsroom)
            found = server_search.search_server(reader, words)
            reader.execute("SELECT pg_stat_force_next_flush()")
        assert found
        after = index_scans(newsroom)
        return {name: after[name] - before[name] for name in after}

    common = scans("conseil ")
    assert common["items_articles_by_change"] > 0 and common["items_search"] == 0
    rare = scans("croissance ")
    assert rare["items_search"] > 0 and rare["items_articles_by_change"] == 0


def index_scans(newsroom: Newsroom) -> dict[str, int]:
    with connect_as(newsroom) as connection:
        rows = connection.execute(
            "SELECT indexrelname, idx_scan FROM pg_stat_user_indexes"
            " WHERE indexrelname IN ('items_search', 'items_articles_by_change')"
        ).fetchall()
    return {name: int(count) for name, count in rows}
