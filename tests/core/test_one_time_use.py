"""A picture for one-time use goes into one article: the first that used it, remembered even
once that article is deleted; a second article that shows it gets an error naming the first."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from copydesk.articles import store as articles
from copydesk.articles.pictures import check_pictures, load_article_pictures
from copydesk.library.db import Library
from copydesk.pictures import store as images
from copydesk.pictures.listing import Judgement
from copydesk.records.article import ArticleContent, ArticleRecord, LeadPictureUse
from copydesk.records.picture import PictureFile, PictureMetadata
from copydesk.records.problem import Problem, Severity
from tests.helpers import opened

FILE = PictureFile("a" * 64, "navy.jpg", "image/jpeg", 800, 600, 1000)
ONCE = PictureMetadata(
    creator="Ana Lima",
    credit_line="US Navy",
    licence_id="handout",
    alt_text="Un navire à quai",
    special_instructions="HANDOUT PHOTO. ONE TIME USE ONLY; NO ARCHIVES",
)
JUDGEMENT = Judgement("fr", False, date(2026, 3, 12))


def with_lead(headline: str, picture_id: int) -> ArticleContent:
    return ArticleContent(
        headline=headline,
        body="Texte.",
        lead_picture=LeadPictureUse(picture_id, "Le navire.", "Un navire à quai"),
    )


def once_problems(library: Library, record: ArticleRecord) -> list[Problem]:
    snapshot = load_article_pictures(library, {record.content.lead_picture.picture_id}, JUDGEMENT)  # type: ignore[union-attr]
    return [
        problem
        for problem in check_pictures(record.content, snapshot, record.uuid)
        if problem.code == "picture.instructions.one_time_use"
    ]


def test_the_first_article_may_use_it_a_second_may_not(library_path: Path) -> None:
    with opened(library_path) as library:
        with library.write() as session:
            picture = images.add_picture(session, FILE, ONCE)
            first = articles.create_article(session, with_lead("Le navire arrive", picture.id))
            second = articles.create_article(session, with_lead("Le navire repart", picture.id))
            remembered = images.get_picture(session, picture.id).metadata
        assert remembered.first_use_article == first.uuid
        assert remembered.first_use_headline == "Le navire arrive"
        assert once_problems(library, first) == []
        (problem,) = once_problems(library, second)
        assert problem.severity is Severity.ERROR
        assert problem.params["picture"] == picture.id
        assert "“Le navire arrive” used it first" in str(problem.params["detail"])

        # Deleting the first article does not make the picture free again.
        with library.write() as session:
            articles.delete_article(session, first.id)
        assert len(once_problems(library, second)) == 1


def test_an_unsaved_article_showing_it_is_warned_before_its_first_save(
    library_path: Path,
) -> None:
    with opened(library_path) as library:
        with library.write() as session:
            picture = images.add_picture(session, FILE, ONCE)
            articles.create_article(session, with_lead("Le navire arrive", picture.id))
        snapshot = load_article_pictures(library, {picture.id}, JUDGEMENT)
        found = check_pictures(with_lead("Brouillon", picture.id), snapshot, "")
    assert [problem.code for problem in found].count("picture.instructions.one_time_use") == 1


def test_an_old_copy_of_the_credit_never_clears_the_first_use(library_path: Path) -> None:
    with opened(library_path) as library, library.write() as session:
        picture = images.add_picture(session, FILE, ONCE)
        first = articles.create_article(session, with_lead("Le navire arrive", picture.id))
        # The credit editor still holds the picture as it was before that save.
        images.update_metadata(session, picture.id, ONCE.replace(creator="Ana Lima-Souza"))
        after = images.get_picture(session, picture.id).metadata
    assert after.creator == "Ana Lima-Souza"
    assert after.first_use_article == first.uuid


def test_pictures_used_twice_before_first_uses_were_remembered(library_path: Path) -> None:
    """A library from before: the first use is the earliest article that shows it."""
    with opened(library_path) as library:
        with library.write() as session:
            picture = images.add_picture(session, FILE, ONCE)
            first = articles.create_article(session, with_lead("Le navire arrive", picture.id))
            second = articles.create_article(session, with_lead("Le navire repart", picture.id))
            row_metadata = ONCE.replace(first_use_article="", first_use_headline="")
            row = images._row(session, picture.id)
            row.first_use_article = row.first_use_headline = ""  # as 0008 left it
            assert images.get_picture(session, picture.id).metadata == row_metadata
        assert len(once_problems(library, second)) == 1  # two articles use it: one too many
        with library.write() as session:
            articles.save_content(
                session, second.id, with_lead("Le navire repart enfin", picture.id)
            )
            remembered = images.get_picture(session, picture.id).metadata
    assert remembered.first_use_article == first.uuid


def test_an_advertising_article_is_warned_of_an_editorial_only_picture(
    library_path: Path,
) -> None:
    editorial = ONCE.replace(special_instructions="EDITORIAL USE ONLY")
    with opened(library_path) as library:
        with library.write() as session:
            picture = images.add_picture(session, FILE, editorial)
            news = articles.create_article(session, with_lead("Le navire arrive", picture.id))
            advert = articles.create_article(
                session, with_lead("Croisières", picture.id).replace(advertising=True)
            )
            assert articles.get_article(session, advert.id).content.advertising
        snapshot = load_article_pictures(library, {picture.id}, JUDGEMENT)

        def warned(record: ArticleRecord) -> list[Problem]:
            return [
                problem
                for problem in check_pictures(record.content, snapshot, record.uuid)
                if problem.code == "picture.instructions.editorial_only"
            ]

        assert warned(news) == []
        (problem,) = warned(advert)
        assert problem.severity is Severity.WARNING
