"""The Picture Library's list in the database: pages in the list's order, filters and search
in SQL, and the stored verdicts they read, kept no older than the pictures."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from copydesk.articles import store as articles
from copydesk.library.db import Library
from copydesk.library.models import Picture, PictureVerdict
from copydesk.pictures import browsing, operations, verdicts
from copydesk.pictures import store as images
from copydesk.pictures.listing import Judgement, PictureFilter, PictureQuery
from copydesk.records.article import ArticleContent, LeadPictureUse
from copydesk.records.picture import PictureFile, PictureMetadata, PictureStatus
from tests.helpers import opened

TODAY = date(2026, 12, 3)
JUDGEMENT = Judgement(today=TODAY)
START = datetime(2026, 1, 1, tzinfo=UTC)
COMPLETE = PictureMetadata(
    creator="Zoë Lefèvre",
    credit_line="Zoë Lefèvre / AFP",
    copyright_notice="© Zoë Lefèvre",
    source="AFP",
    description="Le stade de Gerland.",
    licence_id="agency",
    alt_text="Un stade",
)


def add(
    library: Library, n: int, metadata: PictureMetadata = COMPLETE, *, present: bool = True
) -> int:
    sha256 = f"{n:064x}" if present else ""
    file = PictureFile(sha256, f"photo-{n:04d}.jpg", "image/jpeg" if present else "", 10, 10, 10)
    with library.write() as session:
        when = START + timedelta(minutes=n)
        return images.add_picture(session, file, metadata, now=when).id


def stale(library: Library) -> int:
    with library.read() as session:
        return verdicts.stale_count(session, JUDGEMENT)


def judge_all(library: Library, judgement: Judgement = JUDGEMENT) -> None:
    left, after = operations.judge_pictures(library, judgement, batch=7)
    while left:
        left, after = operations.judge_pictures(library, judgement, after, batch=7)


def ids(library: Library, query: PictureQuery, judgement: Judgement = JUDGEMENT) -> list[int]:
    """Every id the query keeps, page after page, in the list's order."""
    page = operations.browse_pictures(library, query, judgement)
    found = [listing.record.id for listing in page.listings]
    after = page.after
    while after is not None:
        batch = operations.more_pictures(library, query, after, judgement)
        found += [listing.record.id for listing in batch.listings]
        after = batch.after
    assert len(found) == page.count == len(set(found))
    return found


@pytest.fixture
def library(library_path: Path) -> Iterator[Library]:
    with opened(library_path) as library:
        yield library


def test_the_list_is_read_a_page_at_a_time_most_recent_first(library: Library) -> None:
    added = [add(library, n) for n in range(120)]
    page = operations.browse_pictures(library, PictureQuery(), JUDGEMENT)
    assert len(page.listings) == browsing.PAGE_SIZE < 120
    assert (page.count, page.total, page.unjudged) == (120, 120, 120)
    assert ids(library, PictureQuery()) == added[::-1]
    # A picture changed goes first.
    with library.write() as session:
        images.update_metadata(session, added[5], COMPLETE.replace(city="Lyon"))
    assert ids(library, PictureQuery())[0] == added[5]
    # Without the totals (a filter changed on a list already shown), they are not counted.
    page = operations.browse_pictures(library, PictureQuery(), JUDGEMENT, totals=False)
    assert (page.total, page.unjudged) == (-1, -1)


def test_the_filters_on_status_read_the_verdicts_once_judged(library: Library) -> None:
    complete = add(library, 1)
    unlicensed = add(library, 2, COMPLETE.replace(licence_id=""))  # an error
    errors = PictureQuery(filter=PictureFilter.ERRORS)
    assert ids(library, errors) == []  # nothing judged yet
    page = operations.browse_pictures(library, PictureQuery(), JUDGEMENT)
    assert page.unjudged == 2
    judge_all(library)
    assert operations.browse_pictures(library, PictureQuery(), JUDGEMENT).unjudged == 0
    assert ids(library, errors) == [unlicensed]
    statuses = {
        listing.record.id: listing.status
        for listing in operations.browse_pictures(library, PictureQuery(), JUDGEMENT).listings
    }
    assert statuses == {complete: PictureStatus.COMPLETE, unlicensed: PictureStatus.ERROR}
    # Whoever changes a picture (here the store, as an import or a pull would), its verdict
    # goes: the filters leave it out until it is judged again.
    with library.write() as session:
        images.update_metadata(session, complete, COMPLETE.replace(licence_id=""))
    assert ids(library, errors) == [unlicensed]
    assert stale(library) == 1
    judge_all(library)
    assert ids(library, errors) == [complete, unlicensed]
    # Saved through the use case, the verdict is kept in the same transaction.
    operations.save_metadata(library, {unlicensed: COMPLETE}, JUDGEMENT)
    assert stale(library) == 0
    assert ids(library, errors) == [complete]
    # A deleted picture's verdict goes with it.
    with library.write() as session:
        images.delete_picture(session, complete)
    with library.read() as session:
        assert session.scalar(select(func.count()).select_from(PictureVerdict)) == 1


def test_other_settings_or_an_expired_licence_judge_again(library: Library) -> None:
    expiring = add(library, 1, COMPLETE.replace(rights_expiry=TODAY + timedelta(days=3)))
    add(library, 2)
    judge_all(library)
    errors = PictureQuery(filter=PictureFilter.ERRORS)
    assert ids(library, errors) == []
    later = Judgement(today=TODAY + timedelta(days=4))
    with library.read() as session:
        assert verdicts.stale_count(session, later) == 0  # not known before judging
    judge_all(library, later)  # drops the verdicts whose licence expired, and judges them
    assert ids(library, errors, later) == [expiring]
    english = Judgement(language="en", today=TODAY)
    with library.read() as session:
        assert verdicts.stale_count(session, english) == 2
    judge_all(library, english)
    with library.read() as session:
        assert verdicts.stale_count(session, english) == 0
        assert verdicts.stale_count(session, later) == 2


def test_the_other_filters_and_the_licence(library: Library) -> None:
    complete = add(library, 1)
    # As Python reads it: the creator is the credit even if it is blank, so this one lacks one.
    blank = add(library, 2, COMPLETE.replace(creator=" \u00a0", credit_line="AFP"))
    uncredited = add(library, 3, COMPLETE.replace(creator="", credit_line=""))
    awaited = add(library, 4, present=False)
    cc = add(library, 5, COMPLETE.replace(licence_id="cc-by-4.0"))
    with library.write() as session:
        lead = LeadPictureUse(complete, "Légende", "Un stade")
        articles.create_article(session, ArticleContent(headline="Stade", lead_picture=lead))
    assert ids(library, PictureQuery(filter=PictureFilter.MISSING_CREDIT)) == [uncredited, blank]
    assert ids(library, PictureQuery(filter=PictureFilter.AWAITING_FILE)) == [awaited]
    assert complete not in ids(library, PictureQuery(filter=PictureFilter.UNUSED))
    assert len(ids(library, PictureQuery(filter=PictureFilter.UNUSED))) == 4
    assert ids(library, PictureQuery(licence="cc-by-4.0")) == [cc]
    judge_all(library)
    licensed_errors = PictureQuery(filter=PictureFilter.ERRORS, licence="agency")
    assert set(ids(library, licensed_errors)) <= {blank, uncredited, awaited}


def test_the_search_folds_case_and_accents_as_typed_judged_or_not(library: Library) -> None:
    zoe = add(library, 1)
    other = add(library, 2, COMPLETE.replace(creator="Sam Carter", credit_line="Sam Carter"))
    for judged in (False, True):
        if judged:
            judge_all(library)
        assert ids(library, PictureQuery.of("ZOË")) == [zoe]
        assert ids(library, PictureQuery.of("zoë gerland")) == [zoe]
        assert ids(library, PictureQuery.of("photo-0002")) == [other]
        assert ids(library, PictureQuery.of("carter zoë")) == []
        assert ids(library, PictureQuery.of("100%_")) == []  # no LIKE wildcards
    assert ids(library, PictureQuery.of("stade", PictureFilter.ALL, "agency")) == [other, zoe]


def test_the_list_is_read_down_to_a_picture_asked_for(library: Library) -> None:
    added = [add(library, n) for n in range(80)]
    oldest = added[0]
    with library.read() as session:
        page = browsing.through(session, PictureQuery(), oldest, JUDGEMENT)
        assert page is not None and page.listings[-1].record.id == oldest
        assert page.after is None and len(page.listings) == 80
        assert browsing.through(session, PictureQuery(), oldest, JUDGEMENT, deepest=50) is None
        newest = browsing.through(session, PictureQuery(), added[-1], JUDGEMENT, deepest=1)
        assert newest is not None and newest.listings[0].record.id == added[-1]
        left_out = PictureQuery.of("photo-0003")
        assert browsing.through(session, left_out, oldest, JUDGEMENT) is None


def test_following_changes_judges_them_and_says_which_the_list_keeps(library: Library) -> None:
    complete = add(library, 1)
    unlicensed = add(library, 2, COMPLETE.replace(licence_id=""))
    errors = PictureQuery(filter=PictureFilter.ERRORS)
    listings, kept = operations.follow_pictures(
        library, {complete, unlicensed, 99}, errors, JUDGEMENT
    )
    assert {listing.record.id for listing in listings} == {complete, unlicensed}
    assert kept == {unlicensed}
    with library.read() as session:
        assert verdicts.stale_count(session, JUDGEMENT) == 0


def test_a_verdict_stays_below_its_picture_whatever_writes_it(library: Library) -> None:
    picture = add(library, 1)
    judge_all(library)
    with library.write() as session:  # a raw write, as a newsroom pull makes
        session.execute(update(Picture).where(Picture.id == picture).values(city="Lyon"))
    with library.read() as session:
        assert session.scalar(select(func.count()).select_from(PictureVerdict)) == 0
