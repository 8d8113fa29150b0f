"""Article → HTML: the template, the Markdown, and what is never let through."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from copydesk.articles.sample import sample_content
from copydesk.records.article import ArticleContent, RelatedLink
from copydesk.rendering.article import (
    format_dateline_date,
    join_names,
    page_title,
    render_article,
    render_page,
)
from copydesk.rendering.markdown import markdown_to_html


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


def test_an_untitled_article_says_so_in_the_person_s_language_as_the_list_does() -> None:
    from copydesk import translation

    # An English screen on a French article: the list's word, not the article's.
    assert "Untitled" in render_article(ArticleContent(language="fr"))
    try:
        translation.use_language("fr")
        assert "Sans titre" in render_article(ArticleContent(language="en"))
    finally:
        translation.use_language("en")
    # The page's title (exports) stays in the article's language.
    assert page_title(ArticleContent(language="fr")) == "Sans titre"


def test_dates_and_bylines_follow_the_language() -> None:
    assert format_dateline_date(date(2025, 3, 15), "fr") == "15.03.2025"
    assert format_dateline_date(date(2025, 3, 15), "en") == "15 March 2025"
    assert join_names(("A", "B", "C"), "fr") == "A, B et C"
    assert join_names(("A", "B"), "en") == "A and B"
    assert join_names(("A",), "en") == "A"


# ---- block wrappers, languages, sanitizing --------------------------------------------


def test_the_body_is_made_of_block_wrappers() -> None:
    html = render_article(sample_content())
    assert '<div id="cd-body" class="cd-body">\n<div class="cd-block" data-line="0"><p>' in html
    assert '<div class="cd-block" data-line="4"><h2 id="un-bail-de-trente-ans">' in html


def test_french_quotes_get_guillemets_and_no_break_spaces() -> None:
    html = markdown_to_html('Il a dit "oui" et l\'a répété.', "fr")
    assert html == "<p>Il a dit «&nbsp;oui&nbsp;» et l’a répété.</p>"


def test_english_quotes_are_curly() -> None:
    html = markdown_to_html("She said \"yes\" and 'maybe', it's fine.", "en")
    assert html == "<p>She said “yes” and ‘maybe’, it’s fine.</p>"


def test_an_unknown_language_gets_english_typography() -> None:
    assert markdown_to_html('"a"', "de") == "<p>“a”</p>"


def test_code_keeps_straight_quotes() -> None:
    assert markdown_to_html('`"x"`\n\n```\n"y"\n```', "fr") == (
        '<p><code>"x"</code></p>\n<pre><code>"y"\n</code></pre>'
    )


def test_footnote_backlinks_speak_the_article_language() -> None:
    assert "Revenir à l’appel de note 1" in markdown_to_html("A[^1]\n\n[^1]: n", "fr")


def test_the_page_allows_library_pictures_and_nothing_remote() -> None:
    page = render_page(sample_content())
    assert "img-src data: copydesk-media:;" in page
    assert "<script" not in page and "http" not in page.split("<body>")[0].replace(
        'http-equiv="Content-Security-Policy"', ""
    )


def test_hostile_markdown_is_sanitized_in_blocks_too() -> None:
    html = render_article(
        ArticleContent(
            body="<script>x</script>\n\n[a](javascript:alert(1))\n\n<img src=x onerror=y>"
        )
    )
    assert "<script" not in html and "javascript:" not in html and "onerror" not in html


def test_building_a_converter_reads_no_package_metadata() -> None:
    # Extensions named by string make Markdown scan every installed package's entry points
    # (importlib.metadata): tens of milliseconds before the first preview.
    code = (
        "import sys\n"
        "from copydesk.rendering.article import render_article\n"
        "from copydesk.records.article import ArticleContent\n"
        "render_article(ArticleContent(headline='T', body='# A\\n\\nB *c*.'))\n"
        "print('importlib.metadata' in sys.modules)\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert found.strip() == "False"
