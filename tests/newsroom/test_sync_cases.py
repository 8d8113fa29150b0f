"""Concurrent changes on two replicas of the Politique desk (alice and bob), one case per row:
the thing is made on alice's replica and synced to bob's, each side changes it, alice syncs
first, then bob, then both again; every case ends in a definite state on both replicas and on
the server (merged into a revision with two parents, a conflict kept for a person, the edit
winning over a delete, or gone everywhere)."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import select

from copydesk.articles import operations as articles
from copydesk.library.db import Library
from copydesk.library.models import Article, Picture, ReplicaNotice
from copydesk.pictures import operations as pictures
from copydesk.records.article import ArticleContent, ArticleStatus, LeadPictureUse, RelatedLink
from copydesk.records.imports import ImportOutcome
from copydesk.sync import local, operations, replica
from copydesk.sync.wire import ARTICLE, PICTURE
from tests.newsroom.newsroom import Newsroom, connect_as

Make = Callable[[Library, Path], str]  # makes the thing on a replica, returns its uuid
Change = Callable[[Library, str], None]

# ---- what a case does -------------------------------------------------------------------------


def article(**fields: Any) -> Make:
    def make(library: Library, _folder: Path) -> str:
        shown = articles.create_article(library, ArticleContent(**fields))
        assert shown.record is not None
        return shown.record.uuid

    return make


def picture(**metadata: Any) -> Make:
    def make(library: Library, folder: Path) -> str:
        path = folder / "photo.jpg"
        image = Image.frombytes("RGB", (48, 32), os.urandom(48 * 32 * 3))
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=90)
        path.write_bytes(buffer.getvalue())
        (item,) = pictures.import_files(library, [path]).items
        assert item.outcome is ImportOutcome.IMPORTED and item.picture_id is not None
        _set_metadata(library, item.picture_id, **metadata)
        with library.read() as session:
            row = session.get(Picture, item.picture_id)
            assert row is not None
            return row.uuid

    return make


def _article_id(library: Library, uuid: str) -> int:
    with library.read() as session:
        found = session.scalar(select(Article.id).where(Article.uuid == uuid))
    assert found is not None
    return found


def _set_metadata(library: Library, picture_id: int, **changes: Any) -> None:
    listing = pictures.picture_listing(library, picture_id, pictures.Judgement())
    changed = listing.record.metadata.replace(**changes)
    pictures.save_metadata(library, {picture_id: changed}, pictures.Judgement())


def edit(**changes: Any) -> Change:
    def change(library: Library, uuid: str) -> None:
        article_id = _article_id(library, uuid)
        record = articles.load_article(library, article_id).record
        assert record is not None
        articles.save_article(library, article_id, record.content.replace(**changes))

    return change


def delete() -> Change:
    def change(library: Library, uuid: str) -> None:
        articles.delete_article(library, _article_id(library, uuid))

    return change


def credit(**changes: Any) -> Change:
    def change(library: Library, uuid: str) -> None:
        with library.read() as session:
            found = session.scalar(select(Picture.id).where(Picture.uuid == uuid))
        assert found is not None
        _set_metadata(library, found, **changes)

    return change


def formed() -> Change:
    """What a sync that died after forming its revisions leaves: the outbox turned into a
    revision that waits, so that the next edit makes a second one on top of it."""

    def change(library: Library, _uuid: str) -> None:
        with library.write() as session:
            replica.form_revisions(session)

    return change


def then(*changes: Change) -> Change:
    def change(library: Library, uuid: str) -> None:
        for one in changes:
            one(library, uuid)

    return change


@dataclass(frozen=True)
class Case:
    id: str
    make: Make
    alice: Change  # synced first
    bob: Change
    outcome: str  # "merged", "conflict", "edit wins" or "gone"
    expected: dict[str, Any] = field(default_factory=dict)  # fields everywhere, in the end
    conflict_fields: tuple[str, ...] = ()
    never_together: tuple[str, str] | None = None  # in no text anywhere, ever
    deleter: str | None = None  # who is told that the edit overruled the delete
    entity: str = ARTICLE


TWO_PARAGRAPHS = "Premier paragraphe.\n\nSecond paragraphe."

CASES = [
    Case(
        "edits in different paragraphs",
        article(headline="Conseil", body=TWO_PARAGRAPHS),
        edit(body="Premier paragraphe, revu.\n\nSecond paragraphe."),
        edit(body="Premier paragraphe.\n\nSecond paragraphe, revu."),
        "merged",
        {"body": "Premier paragraphe, revu.\n\nSecond paragraphe, revu."},
    ),
    Case(
        "two edits made apart on one side, one on the other",
        article(headline="Conseil", body="Un.\n\nDeux.\n\nTrois."),
        edit(body="Un, revu.\n\nDeux.\n\nTrois."),
        then(
            edit(body="Un.\n\nDeux, revu.\n\nTrois."),
            formed(),
            edit(body="Un.\n\nDeux, revu.\n\nTrois, revu."),
        ),
        "merged",
        {"body": "Un, revu.\n\nDeux, revu.\n\nTrois, revu."},
    ),
    Case(
        "Monday to Tuesday against Monday to Wednesday",
        article(headline="Conseil", body="Rendez-vous lundi."),
        edit(body="Rendez-vous mardi."),
        edit(body="Rendez-vous mercredi."),
        "conflict",
        {"body": ("Rendez-vous mardi.", "Rendez-vous mercredi.")},
        conflict_fields=("body",),
        never_together=("mardi", "mercredi"),
    ),
    Case(
        "headline on one side, body on the other",
        article(headline="Conseil", body=TWO_PARAGRAPHS),
        edit(headline="Conseil des ministres"),
        edit(body="Premier paragraphe.\n\nSecond paragraphe, revu."),
        "merged",
        {
            "headline": "Conseil des ministres",
            "body": "Premier paragraphe.\n\nSecond paragraphe, revu.",
        },
    ),
    Case(
        "the same change on both sides",
        article(headline="Conseil", body=TWO_PARAGRAPHS),
        edit(body="Premier paragraphe, revu.\n\nSecond paragraphe."),
        edit(body="Premier paragraphe, revu.\n\nSecond paragraphe."),
        "merged",
        {"body": "Premier paragraphe, revu.\n\nSecond paragraphe."},
    ),
    Case(
        "deleted, then edited",
        article(headline="Conseil", body=TWO_PARAGRAPHS),
        delete(),
        edit(body="Premier paragraphe.\n\nSecond paragraphe, revu."),
        "edit wins",
        {"body": "Premier paragraphe.\n\nSecond paragraphe, revu."},
        deleter="alice",
    ),
    Case(
        "edited, then deleted",
        article(headline="Conseil", body=TWO_PARAGRAPHS),
        edit(body="Premier paragraphe, revu.\n\nSecond paragraphe."),
        delete(),
        "edit wins",
        {"body": "Premier paragraphe, revu.\n\nSecond paragraphe."},
        deleter="bob",
    ),
    Case(
        "deleted on both sides",
        article(headline="Conseil", body=TWO_PARAGRAPHS),
        delete(),
        delete(),
        "gone",
    ),
    Case(
        "a ready article edited in different paragraphs",
        article(headline="Conseil", body=TWO_PARAGRAPHS, status=ArticleStatus.READY),
        edit(body="Premier paragraphe, revu.\n\nSecond paragraphe."),
        edit(body="Premier paragraphe.\n\nSecond paragraphe, revu."),
        "conflict",
        {
            "body": (
                "Premier paragraphe, revu.\n\nSecond paragraphe.",
                "Premier paragraphe.\n\nSecond paragraphe, revu.",
            )
        },
        conflict_fields=("body",),
        never_together=("Premier paragraphe, revu", "Second paragraphe, revu"),
    ),
    Case(
        "a keyword added on one side, another removed on the other",
        article(headline="Conseil", body="Texte.", keywords=("Élysée", "budget")),
        edit(keywords=("Élysée", "budget", "Sénat")),
        edit(keywords=("budget",)),
        "merged",
        {"keywords": ["budget", "Sénat"]},
    ),
    Case(
        "authors added on both sides",
        article(headline="Conseil", body="Texte.", authors=("Jean Roy",)),
        edit(authors=("Jean Roy", "Olga Demidenko")),
        edit(authors=("Ana Lima", "Jean Roy")),
        "merged",
        {"authors": ["Ana Lima", "Jean Roy", "Olga Demidenko"]},
    ),
    Case(
        "a related link added on each side",
        article(
            headline="Conseil",
            body="Texte.",
            related_links=(RelatedLink("Élysée", "https://example.org/elysee"),),
        ),
        edit(
            related_links=(
                RelatedLink("Élysée", "https://example.org/elysee"),
                RelatedLink("Sénat", "https://example.org/senat"),
            )
        ),
        edit(
            related_links=(
                RelatedLink("Élysée", "https://example.org/elysee"),
                RelatedLink("Matignon", "https://example.org/matignon"),
            )
        ),
        "merged",
        {  # bob's (he merged: "mine"), then alice's, after the link both kept
            "related_links": [
                ["Élysée", "https://example.org/elysee"],
                ["Matignon", "https://example.org/matignon"],
                ["Sénat", "https://example.org/senat"],
            ]
        },
    ),
    Case(
        "a picture's credit edited field by field",
        picture(creator="J. Roy", credit_line="Agence", source="Archives"),
        credit(creator="Jean Roy"),
        credit(credit_line="AFP", copyright_notice="© AFP 2025"),
        "merged",
        {
            "creator": "Jean Roy",
            "credit_line": "AFP",
            "copyright_notice": "© AFP 2025",
            "source": "Archives",
        },
        entity=PICTURE,
    ),
    Case(
        "a picture's credit line changed two ways",
        picture(credit_line="Agence"),
        credit(credit_line="AFP"),
        credit(credit_line="Reuters"),
        "conflict",
        {"credit_line": ("AFP", "Reuters")},
        conflict_fields=("credit_line",),
        entity=PICTURE,
    ),
]


# ---- what the replicas and the server hold ------------------------------------------------------


def held(library: Library, entity: str, uuid: str) -> dict[str, Any] | None:
    with library.read() as session:
        return local.read(session, entity, uuid)


def on_server(room: Newsroom, uuid: str) -> dict[str, Any]:
    with connect_as(room) as admin:
        cursor = admin.execute(
            "SELECT i.deleted, i.in_conflict, i.content, r.parent_id::text AS parent,"
            " r.merge_parent_id::text AS merge_parent FROM copydesk.items i"
            " JOIN copydesk.revisions r ON r.id = i.head_revision WHERE i.uuid = %s",
            (uuid,),
        )
        row = cursor.fetchone()
        assert row is not None
        names = [column.name for column in cursor.description or ()]
        return dict(zip(names, row, strict=True))


def server_texts(room: Newsroom, uuid: str) -> list[str]:
    """Every text field of every revision of the item the server ever kept."""
    with connect_as(room) as admin:
        rows = admin.execute(
            "SELECT content FROM copydesk.revisions WHERE item_uuid = %s", (uuid,)
        ).fetchall()
    return [value for (content,) in rows for value in content.values() if isinstance(value, str)]


def two_parent_revisions(room: Newsroom, uuid: str) -> int:
    with connect_as(room) as admin:
        row = admin.execute(
            "SELECT count(*) FROM copydesk.revisions WHERE item_uuid = %s AND outcome = 'head'"
            " AND parent_id IS NOT NULL AND merge_parent_id IS NOT NULL",
            (uuid,),
        ).fetchone()
    return int(row[0]) if row else 0


def notices(library: Library) -> list[tuple[str, str]]:
    with library.read() as session:
        return [(row.kind, row.uuid) for row in session.scalars(select(ReplicaNotice))]


def sync_all(*libraries: Library) -> None:
    for library in libraries:
        operations.sync(library)


def assert_never_together(texts: list[str], words: tuple[str, str]) -> None:
    for text in texts:
        assert not (words[0] in text and words[1] in text), text


# ---- the table ---------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_concurrent_changes_end_in_a_definite_state(
    newsroom: Newsroom, tmp_path: Path, case: Case
) -> None:
    alice = newsroom.replica(tmp_path / "a.copydesk", "alice", "Politique")
    bob = newsroom.replica(tmp_path / "b.copydesk", "bob", "Politique")
    uuid = case.make(alice, tmp_path)
    sync_all(alice, bob)
    base = held(bob, case.entity, uuid)
    assert base is not None and base == held(alice, case.entity, uuid)

    case.alice(alice, uuid)
    case.bob(bob, uuid)
    alices, bobs = held(alice, case.entity, uuid), held(bob, case.entity, uuid)
    sync_all(alice, bob, alice, bob)

    mine, theirs = held(alice, case.entity, uuid), held(bob, case.entity, uuid)
    server = on_server(newsroom, uuid)
    if case.never_together is not None:
        texts = [*server_texts(newsroom, uuid)]
        for content in (mine, theirs):
            texts += [value for value in (content or {}).values() if isinstance(value, str)]
        assert_never_together(texts, case.never_together)

    if case.outcome == "merged":
        assert mine is not None and mine == theirs == server["content"]
        assert {name: mine[name] for name in case.expected} == case.expected
        assert server["deleted"] is False and server["in_conflict"] is False
        assert two_parent_revisions(newsroom, uuid) >= 1
        assert server["parent"] is not None and server["merge_parent"] is not None
        for library in (alice, bob):
            assert operations.list_conflicts(library) == []
            assert operations.status(library).waiting == 0  # type: ignore[union-attr]
    elif case.outcome == "conflict":
        assert mine == alices and theirs == bobs  # each keeps its side until settled
        assert server["content"] == alices and server["in_conflict"] is True
        for name, (first, second) in case.expected.items():
            assert mine is not None and theirs is not None
            assert (mine[name], theirs[name]) == (first, second)
        assert operations.list_conflicts(alice) == []
        (conflict,) = operations.list_conflicts(bob)
        assert conflict.fields == case.conflict_fields
        assert conflict.theirs == alices and conflict.mine == bobs
        _settle_with_mine(newsroom, alice, bob, case, conflict.id, uuid, bobs)
    elif case.outcome == "edit wins":
        edited = alices if case.deleter == "bob" else bobs
        assert edited is not None
        assert mine == theirs == server["content"] == edited
        assert {name: edited[name] for name in case.expected} == case.expected
        assert server["deleted"] is False and server["in_conflict"] is False
        deleter, editor = (alice, bob) if case.deleter == "alice" else (bob, alice)
        assert notices(deleter) == [("delete_overruled", uuid)]
        assert notices(editor) == []
        for library in (alice, bob):
            assert operations.list_conflicts(library) == []
            assert operations.status(library).waiting == 0  # type: ignore[union-attr]
    else:
        assert case.outcome == "gone"
        assert mine is None and theirs is None
        assert server["deleted"] is True and server["in_conflict"] is False
        assert notices(alice) == notices(bob) == []
        for library in (alice, bob):
            assert operations.list_conflicts(library) == []
            assert operations.status(library).waiting == 0  # type: ignore[union-attr]

    # Nothing moves any more: more syncs change nothing anywhere.
    settled = (held(alice, case.entity, uuid), held(bob, case.entity, uuid))
    server_now = on_server(newsroom, uuid)
    sync_all(alice, bob)
    assert (held(alice, case.entity, uuid), held(bob, case.entity, uuid)) == settled
    assert on_server(newsroom, uuid) == server_now


def _settle_with_mine(
    room: Newsroom,
    alice: Library,
    bob: Library,
    case: Case,
    conflict_id: int,
    uuid: str,
    bobs: dict[str, Any] | None,
) -> None:
    """Bob keeps his side: it becomes everyone's, the server's conflict settled."""
    operations.settle_conflict(bob, conflict_id, "mine")
    sync_all(bob, alice)
    assert held(alice, case.entity, uuid) == held(bob, case.entity, uuid) == bobs
    server = on_server(room, uuid)
    assert server["content"] == bobs and server["in_conflict"] is False
    assert server["merge_parent"] is not None
    assert operations.list_conflicts(bob) == []


# ---- an article and the pictures it shows -------------------------------------------------------


@pytest.mark.parametrize("bob_joins", ["before", "after"])
def test_an_article_arrives_with_its_pictures_whatever_the_order_of_their_changes(
    newsroom: Newsroom, tmp_path: Path, bob_joins: str
) -> None:
    """The picture changes after the article that shows it: the server's change numbers put
    the article first, and the replica that pulls them must still end with the article
    showing the picture (lead and body), as on the replica that wrote it. (At 49c6a28 the
    lead picture was dropped, and the next edit there took it off everyone's copy.)"""
    alice = newsroom.replica(tmp_path / "a.copydesk", "alice", "Politique")
    if bob_joins == "before":
        bob = newsroom.replica(tmp_path / "b.copydesk", "bob", "Politique")
    picture_uuid = picture(credit_line="Agence")(alice, tmp_path)
    operations.sync(alice)
    with alice.read() as session:
        picture_id = session.scalar(select(Picture.id).where(Picture.uuid == picture_uuid))
    assert picture_id is not None
    shown = articles.create_article(
        alice,
        ArticleContent(
            headline="Conseil",
            body=f"Texte.\n\n![Vue de la salle](image:{picture_id})\n\nSuite.",
            lead_picture=LeadPictureUse(picture_id, caption="La salle"),
        ),
    )
    assert shown.record is not None
    article_uuid = shown.record.uuid
    operations.sync(alice)
    credit(credit_line="AFP")(alice, picture_uuid)  # the picture now comes after the article
    operations.sync(alice)
    written = held(alice, ARTICLE, article_uuid)
    assert written is not None and written["lead_picture"]["picture_id"] == picture_uuid
    assert f"image:{picture_uuid})" in written["body"]

    if bob_joins == "after":
        bob = newsroom.replica(tmp_path / "b.copydesk", "bob", "Politique")
    else:
        operations.sync(bob)
    assert held(bob, PICTURE, picture_uuid) == held(alice, PICTURE, picture_uuid)
    with bob.read() as session:
        bob_picture = session.scalar(select(Picture.id).where(Picture.uuid == picture_uuid))
    record = articles.load_article(bob, _article_id(bob, article_uuid)).record
    assert record is not None
    assert f"(image:{bob_picture})" in record.content.body  # a local reference, as written
    assert held(bob, ARTICLE, article_uuid) == written

    # And bob's next edit of the article must not take the picture off everyone's copy.
    edit(headline="Conseil des ministres")(bob, article_uuid)
    sync_all(bob, alice)
    again = held(alice, ARTICLE, article_uuid)
    assert again is not None and again["lead_picture"] == written["lead_picture"]


# ---- settling a conflict keeps what did not conflict --------------------------------------------


@pytest.mark.parametrize("keep", ["mine", "theirs"])
def test_settling_a_conflict_keeps_the_changes_that_did_not_conflict(
    newsroom: Newsroom, tmp_path: Path, keep: str
) -> None:
    """Keeping a side decides the fields in conflict only. (At 49c6a28 the whole side was
    kept: the other side's changes to fields that merged cleanly were dropped.)"""
    alice = newsroom.replica(tmp_path / "a.copydesk", "alice", "Politique")
    bob = newsroom.replica(tmp_path / "b.copydesk", "bob", "Politique")
    uuid = article(headline="Conseil", body="Rendez-vous lundi.", keywords=("budget",))(
        alice, tmp_path
    )
    sync_all(alice, bob)
    edit(headline="Conseil des ministres", body="Rendez-vous mardi.")(alice, uuid)
    edit(body="Rendez-vous mercredi.", keywords=("budget", "Sénat"))(bob, uuid)
    sync_all(alice, bob)
    (conflict,) = operations.list_conflicts(bob)
    assert conflict.fields == ("body",)  # the headline and the keywords merged cleanly
    operations.settle_conflict(bob, conflict.id, keep)  # type: ignore[arg-type]
    sync_all(bob, alice)
    final = held(alice, ARTICLE, uuid)
    assert final is not None and final == held(bob, ARTICLE, uuid)
    body = "Rendez-vous mercredi." if keep == "mine" else "Rendez-vous mardi."
    assert (final["headline"], final["body"], final["keywords"]) == (
        "Conseil des ministres",  # alice's, which bob never touched
        body,
        ["budget", "Sénat"],  # bob's, which alice never touched
    )


# ---- a replica holds its desk -------------------------------------------------------------------


def test_a_replica_of_one_desk_holds_that_desk_only(newsroom: Newsroom, tmp_path: Path) -> None:
    """(At 49c6a28 the pull read every item the login may see: a person of two desks got
    the other desk's articles in this desk's library.)"""
    from copydesk.sync.server.admin import Person, add_person

    newsroom.passwords["dave"] = "Deux-Desks-42"
    add_person(
        newsroom.admin,
        Person("dave", newsroom.passwords["dave"], ("Politique", "Sport")),
        newsroom.server.superuser_password,
    )
    carol = newsroom.replica(tmp_path / "c.copydesk", "carol", "Sport")
    alice = newsroom.replica(tmp_path / "a.copydesk", "alice", "Politique")
    sport = article(headline="Match", body="Score.")(carol, tmp_path)
    politique = article(headline="Conseil", body="Lundi.")(alice, tmp_path)
    sync_all(carol, alice)
    dave = newsroom.replica(tmp_path / "d.copydesk", "dave", "Politique")
    assert held(dave, ARTICLE, politique) is not None
    assert held(dave, ARTICLE, sport) is None


# ---- three replicas ---------------------------------------------------------------------------


def test_three_replicas_editing_three_paragraphs_all_merge(
    newsroom: Newsroom, tmp_path: Path
) -> None:
    first = newsroom.replica(tmp_path / "a.copydesk", "alice", "Politique")
    second = newsroom.replica(tmp_path / "b.copydesk", "bob", "Politique")
    third = newsroom.replica(tmp_path / "c.copydesk", "alice", "Politique")  # another device
    uuid = article(headline="Conseil", body="Un.\n\nDeux.\n\nTrois.")(first, tmp_path)
    sync_all(first, second, third)
    edit(body="Un, revu.\n\nDeux.\n\nTrois.")(first, uuid)
    edit(body="Un.\n\nDeux, revu.\n\nTrois.")(second, uuid)
    edit(body="Un.\n\nDeux.\n\nTrois, revu.")(third, uuid)
    sync_all(first, second, third, first, second)
    expected = "Un, revu.\n\nDeux, revu.\n\nTrois, revu."
    contents = [held(library, ARTICLE, uuid) for library in (first, second, third)]
    server = on_server(newsroom, uuid)
    assert all(content is not None and content == server["content"] for content in contents)
    assert server["content"]["body"] == expected
    assert server["in_conflict"] is False
    assert two_parent_revisions(newsroom, uuid) == 2
    for library in (first, second, third):
        assert operations.list_conflicts(library) == []
        assert notices(library) == []


def test_a_library_joined_with_its_articles_and_pictures_arrives_whole(
    newsroom: Newsroom, tmp_path: Path
) -> None:
    from copydesk.library.db import open_library

    library = open_library(tmp_path / "a.copydesk", create=True)
    newsroom.libraries.append(library)
    picture_uuid = picture(credit_line="AFP")(library, tmp_path)
    with library.read() as session:
        picture_id = session.scalar(select(Picture.id).where(Picture.uuid == picture_uuid))
    assert picture_id is not None
    article_uuid = article(
        headline="Conseil",
        body=f"Texte.\n\n![Vue](image:{picture_id})",
        lead_picture=LeadPictureUse(picture_id, caption="La salle"),
    )(library, tmp_path)
    report = operations.join(library, newsroom.url("alice"), "Politique")
    assert report.pushed.sent == 2 and report.waiting == 0
    bob = newsroom.replica(tmp_path / "b.copydesk", "bob", "Politique")
    assert held(bob, PICTURE, picture_uuid) == held(library, PICTURE, picture_uuid)
    written = held(library, ARTICLE, article_uuid)
    assert written is not None and written["lead_picture"]["picture_id"] == picture_uuid
    assert held(bob, ARTICLE, article_uuid) == written


def test_the_first_pull_reports_its_progress_up_to_the_end(
    newsroom: Newsroom, tmp_path: Path
) -> None:
    """A person of two desks joins one: the progress counts what this desk's library
    takes, and ends at its total. (While the pull was first limited to the replica's desk,
    the count still took every desk's items: the progress ended short.)"""
    from copydesk.library.db import open_library
    from copydesk.sync.server.admin import Person, add_person

    newsroom.passwords["dave"] = "Deux-Desks-42"
    add_person(
        newsroom.admin,
        Person("dave", newsroom.passwords["dave"], ("Politique", "Sport")),
        newsroom.server.superuser_password,
    )
    carol = newsroom.replica(tmp_path / "c.copydesk", "carol", "Sport")
    alice = newsroom.replica(tmp_path / "a.copydesk", "alice", "Politique")
    for number in range(3):
        article(headline=f"Match {number}", body="Score.")(carol, tmp_path)
        article(headline=f"Conseil {number}", body="Lundi.")(alice, tmp_path)
    picture(credit_line="AFP")(alice, tmp_path)
    sync_all(carol, alice)
    dave = open_library(tmp_path / "d.copydesk", create=True)
    newsroom.libraries.append(dave)
    calls: list[tuple[int, int]] = []
    operations.join(
        dave,
        newsroom.url("dave"),
        "Politique",
        progress=lambda done, total: calls.append((done, total)),
    )
    with dave.read() as session:
        received = len(session.scalars(select(Article)).all()) + len(
            session.scalars(select(Picture)).all()
        )
    assert calls, "no progress was reported"
    assert all(done <= total for done, total in calls)
    assert calls[-1] == (received, received)
