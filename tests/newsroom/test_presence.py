"""Presence: who else has an article open, as a soft signal that expires on its own."""

from __future__ import annotations

from pathlib import Path

from copydesk.articles import operations as articles
from copydesk.records.article import ArticleContent
from copydesk.sync import operations, presence
from tests.newsroom.newsroom import Newsroom


def test_each_replica_sees_the_others_on_an_article(newsroom: Newsroom, tmp_path: Path) -> None:
    first = newsroom.replica(tmp_path / "a.copydesk", "alice", "Politique")
    second = newsroom.replica(tmp_path / "b.copydesk", "bob", "Politique")
    shown = articles.create_article(first, ArticleContent(headline="Ensemble", body="Texte."))
    assert shown.record is not None
    uuid = shown.record.uuid
    operations.sync(first)
    operations.sync(second)
    presence.announce(first, uuid)
    presence.announce(second, uuid)
    (seen,) = presence.others_on(second, uuid)
    assert (seen.login, seen.display_name) == ("alice", "alice")
    assert [p.login for p in presence.others_on(first, uuid)] == ["bob"]
    presence.withdraw(first, uuid)
    assert presence.others_on(second, uuid) == []


def test_another_desk_does_not_see_who_is_on_an_article_it_cannot_see(
    newsroom: Newsroom, tmp_path: Path
) -> None:
    first = newsroom.replica(tmp_path / "a.copydesk", "alice", "Politique")
    sport = newsroom.replica(tmp_path / "c.copydesk", "carol", "Sport")
    shown = articles.create_article(first, ArticleContent(headline="Politique", body="Texte."))
    assert shown.record is not None
    operations.sync(first)
    presence.announce(first, shown.record.uuid)
    assert presence.others_on(sport, shown.record.uuid) == []
