"""Article → HTML: the template, the Markdown, and what is never let through."""

from __future__ import annotations

from datetime import date

import pytest

from copydesk.records import ArticleContent, RelatedLink
from copydesk.rendering.article import (
    format_dateline_date,
    join_names,
    render_article,
    render_page,
)
from copydesk.rendering.markdown import markdown_to_html
from copydesk.sample import sample_content


def test_the_sample_renders_every_part_in_reading_order() -> None:
    html = render_article(sample_content())
    parts = [
        '<time datetime="2026-11-20">20.11.2026</time>',
        '<span class="cd-edition">France</span>',
        'class="cd-kicker"',
        '<h1 class="cd-headline">À Saint-Aubin-des-Prés',
        'class="cd-standfirst"',
        'Par <span class="cd-author">Camille Perrin</span>',
        "<em>Soleil commun</em>",
        '<h2 id="un-bail-de-trente-ans">Un bail de trente ans</h2>',
        '<aside class="cd-related"><h2>À lire aussi</h2>',
        'href="https://www.example.org/energie/autoconsommation-collective"',
    ]
    positions = [html.index(part) for part in parts]
    assert positions == sorted(positions)


def test_a_page_is_a_complete_document_with_the_house_css() -> None:
    page = render_page(sample_content())
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="fr">' in page
    assert "<title>À Saint-Aubin-des-Prés" in page
    assert ".cd-headline" in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_plain_fields_are_escaped() -> None:
    content = ArticleContent(
        headline="<script>alert(1)</script> & co",
        kicker='"><img src=x onerror=alert(1)>',
        authors=("<b>Eve</b>",),
    )
    html = render_article(content)
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html


@pytest.mark.parametrize(
    "markdown, forbidden",
    [
        ("<script>document.title='x'</script>", "<script"),
        ('<img src="x" onerror="alert(1)">', "onerror"),
        ("[click](javascript:alert(1))", "javascript:"),
        ('<iframe src="https://example.org"></iframe>', "<iframe"),
        ('<a href="#" onclick="alert(1)">x</a>', "onclick"),
        ('<p style="background:url(https://tracker.example/p.gif)">x</p>', "tracker"),
        ("<form action='https://example.org'><input></form>", "<form"),
        ("<svg><script>alert(1)</script></svg>", "<script"),
    ],
)
def test_hostile_markdown_is_sanitized(markdown: str, forbidden: str) -> None:
    assert forbidden not in markdown_to_html(markdown)


def test_markdown_features_survive_sanitizing() -> None:
    html = markdown_to_html(
        "## Titre\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\nNote[^1].\n\n[^1]: Source.\n\n"
        "[lien](https://example.org)"
    )
    assert '<h2 id="titre">' in html
    assert '<td align="right">2</td>' in html
    assert 'id="fn:1"' in html and 'href="#fn:1"' in html
    assert '<a href="https://example.org" rel="noopener noreferrer">lien</a>' in html


def test_renders_do_not_leak_into_each_other() -> None:
    first = markdown_to_html("A[^1]\n\n[^1]: one")
    second = markdown_to_html("B")
    assert "fn:1" in first and "fn" not in second


def test_related_links_only_link_to_the_web() -> None:
    content = ArticleContent(
        related_title="Lire aussi",
        related_links=(
            RelatedLink("Bon", "https://example.org/a"),
            RelatedLink("Piège", "javascript:alert(1)"),
        ),
    )
    html = render_article(content)
    assert '<a href="https://example.org/a"' in html
    assert "javascript:" not in html and "<li>Piège</li>" in html


def test_untitled_articles_say_so_in_their_language() -> None:
    assert "Sans titre" in render_article(ArticleContent(language="fr"))
    assert "Untitled" in render_article(ArticleContent(language="en"))


def test_dates_and_bylines_follow_the_language() -> None:
    assert format_dateline_date(date(2025, 3, 15), "fr") == "15.03.2025"
    assert format_dateline_date(date(2025, 3, 15), "en") == "15 March 2025"
    assert join_names(("A", "B", "C"), "fr") == "A, B et C"
    assert join_names(("A", "B"), "en") == "A and B"
    assert join_names(("A",), "en") == "A"
