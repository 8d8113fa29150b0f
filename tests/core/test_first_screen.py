"""The head of a long body shown before the rest is rendered: cut at a paragraph's end,
never inside fenced code, the whole body when it is short."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from copydesk.articles import operations
from copydesk.articles import store as articles
from copydesk.library.db import open_library
from copydesk.records.article import ArticleContent
from copydesk.rendering.first_screen import first_screen


def test_a_short_body_is_whole() -> None:
    body = "Un paragraphe.\n\nUn autre."
    assert first_screen(body, chars=100) is body


def test_a_long_body_is_cut_at_the_first_blank_line_after_the_limit() -> None:
    paragraphs = [f"Paragraphe {n}" + " mot" * 20 for n in range(50)]
    body = "\n\n".join(paragraphs)
    head = first_screen(body, chars=500)
    assert body.startswith(head)
    assert 500 <= len(head) < 500 + len(paragraphs[0]) + 4
    assert head.endswith("\n")  # ends with a whole paragraph
    assert not head.rstrip("\n").endswith(" ")  # no paragraph cut in the middle
    assert head.rstrip("\n").split("\n\n")[-1] in paragraphs


def test_never_inside_fenced_code() -> None:
    code = "```\n" + "ligne\n\n" * 100 + "```\n"
    body = "Avant.\n\n" + code + "\nAprès.\n\n" + "fin " * 500
    head = first_screen(body, chars=20)
    assert head.count("```") == 2  # the whole code block, closed, and nothing cut inside
    assert head.endswith("```\n")  # cut at the blank line right after it


def test_a_body_with_no_blank_line_after_the_limit_is_whole() -> None:
    body = "mot " * 5000
    assert first_screen(body, chars=100) == body


def test_opening_a_long_article_renders_its_first_screen_only(tmp_path: Path) -> None:
    long_body = "\n\n".join(f"Paragraphe numéro {n}, avec quelques mots." for n in range(800))

    def fill(session: Session) -> None:
        articles.create_article(session, ArticleContent(headline="Long", body=long_body))
        articles.create_article(session, ArticleContent(headline="Court", body="Un mot."))

    library = open_library(tmp_path / "news.copydesk", create=True, on_create=fill)
    try:
        ids = {summary.headline: summary.id for summary in operations.list_articles(library.path)}
        long = operations.load_article(library, ids["Long"])
        short = operations.load_article(library, ids["Court"])
    finally:
        library.close()
    assert not long.whole and long.record is not None
    assert long.record.content.body == long_body  # the editor gets every word
    assert "Paragraphe numéro 0," in long.html and "Paragraphe numéro 799" not in long.html
    assert short.whole and "Un mot." in short.html
