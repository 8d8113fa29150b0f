"""A new library opens on two sample articles, French and English, each with a lead picture and
a body picture whose files are in the media store; one credit has a problem with a fix, and
the fix leaves it clean."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from copydesk.articles import operations
from copydesk.articles import store as articles
from copydesk.articles.pictures import check_pictures, picture_ids, read_article_pictures
from copydesk.library.media_store import MediaStore
from copydesk.pictures import store as images
from copydesk.pictures.compliance import check_picture
from copydesk.pictures.operations import default_judgement


def test_a_new_library_holds_a_french_and_an_english_article_with_their_pictures(
    tmp_path: Path,
) -> None:
    path = tmp_path / "first.copydesk"
    opened = operations.open_library(path, create=True)
    library = opened.library
    try:
        with library.read() as session:
            ids_ = [summary.id for summary in articles.list_summaries(session)]
            records = list(articles.get_articles(session, ids_).values())
            assert sorted(record.content.language for record in records) == ["en", "fr"]
            media = MediaStore.beside(path)
            problems_by_language = {}
            for record in records:
                content = record.content
                assert content.lead_picture is not None
                ids = picture_ids(content)
                assert len(ids) == 2, "a lead picture and a body picture"
                pictures = read_article_pictures(session, ids, default_judgement(content.language))
                problems_by_language[content.language] = check_pictures(content, pictures)
                for picture_id in ids:
                    file = images.get_picture(session, picture_id).file
                    assert file is not None and media.contains(file.sha256, file.media_type)
    finally:
        library.close()
    assert problems_by_language["fr"] == []
    [problem] = problems_by_language["en"]
    assert problem.field == "lead_picture" and "licence" in problem.message.lower()


def test_the_sample_credit_problem_has_a_fix_that_leaves_the_credit_clean(
    tmp_path: Path,
) -> None:
    library = operations.open_library(tmp_path / "first.copydesk", create=True).library
    try:
        with library.read() as session:
            pictures = images.list_pictures(session)
    finally:
        library.close()
    today = date(2026, 12, 3)
    findings = {
        picture.file.file_name if picture.file else "": check_picture(
            picture.metadata, language="en", commercial=True, today=today
        )
        for picture in pictures
    }
    assert len(findings) == 4
    [(name, [problem])] = [(name, found) for name, found in findings.items() if found]
    assert name == "harbour.jpg" and problem.fix == {"licence_id": "cc-by-4.0"}
    [harbour] = [p for p in pictures if p.file and p.file.file_name == "harbour.jpg"]
    fixed = harbour.metadata.replace(**problem.fix)
    assert check_picture(fixed, language="en", commercial=True, today=today) == []
