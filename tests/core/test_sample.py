"""The first-run sample: our own article, in the shape of the reference article."""

from __future__ import annotations

from pathlib import Path

from copydesk.articles.sample import sample_content
from copydesk.records.article import ArticleStatus


def test_the_sample_fills_every_part_of_a_news_article() -> None:
    content = sample_content()
    assert content.dateline_date is not None and content.edition == "France"
    assert content.kicker and content.headline and content.standfirst
    assert content.authors and content.keywords
    assert content.body.count("\n\n") >= 5 and "## " in content.body
    assert content.related_title and len(content.related_links) >= 2
    assert content.language == "fr" and content.status is ArticleStatus.DRAFT


def test_the_sample_is_not_the_reference_article(shared: Path) -> None:
    reference = (shared / "seed" / "reference-article.txt").read_text(encoding="utf-8")
    content = sample_content()
    for line in content.body.splitlines():
        if len(line) > 30:
            assert line not in reference
    assert content.headline not in reference


def test_the_sample_uses_french_typography() -> None:
    body = sample_content().body
    assert "« " not in body and " »" not in body  # non-breaking spaces inside guillemets
    assert " :" not in body and " ;" not in body
    assert "'" not in body  # typographic apostrophes
