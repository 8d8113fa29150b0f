"""The pictures extension and the lead figure: plain Markdown tests, no Qt."""

from __future__ import annotations

from copydesk.records.article import ArticleContent
from copydesk.rendering.article import render_article
from copydesk.rendering.incremental import IncrementalRenderer
from copydesk.rendering.markdown import markdown_to_html
from copydesk.rendering.pictures import LeadPicture, Picture

PHOTO = Picture("copydesk-media:/p1", "Photo : Ana Lima, CC BY 4.0", 1200, 800)
PICTURES = {"p1": PHOTO}


def test_a_picture_alone_is_a_figure_with_caption_and_credit() -> None:
    html = markdown_to_html('![Le toit](image:p1 "Le gymnase")', "fr", PICTURES.get)
    assert html == (
        '<figure class="cd-figure"><img src="copydesk-media:/p1" alt="Le toit" width="1200" '
        'height="800"><figcaption>Le gymnase <span class="cd-credit">Photo : Ana Lima, '
        "CC BY 4.0</span></figcaption></figure>"
    )


def test_a_picture_in_a_sentence_stays_inline() -> None:
    html = markdown_to_html("Voir ![toit](image:p1) ici.", "fr", PICTURES.get)
    assert html.startswith("<p>Voir <img ") and html.endswith(" ici.</p>")
    assert 'class="cd-inline-picture"' in html and 'src="copydesk-media:/p1"' in html
    assert "<figure" not in html


def test_an_unknown_picture_is_a_visible_placeholder_in_the_article_language() -> None:
    french = markdown_to_html('![x](image:nope "Légende")', "fr", PICTURES.get)
    assert '<figure class="cd-figure cd-figure-missing">' in french
    assert "Image introuvable dans la bibliothèque : nope" in french
    assert "<figcaption>Légende</figcaption>" in french and "<img" not in french
    english = markdown_to_html("![x](image:nope)", "en")
    assert "Picture missing from the library: nope" in english and "<img" not in english
    inline = markdown_to_html("Voir ![x](image:nope).", "fr")
    assert '<span class="cd-missing">[Image introuvable' in inline and "<img" not in inline


def test_caption_and_credit_are_escaped() -> None:
    hostile = Picture('x" onerror="alert(1)', "<b>Eve</b>")
    html = markdown_to_html('![a](image:h "<script>")', "fr", {"h": hostile}.get)
    assert 'onerror="' not in html and "<script" not in html and "<b>" not in html


def test_media_urls_are_for_images_only() -> None:
    html = markdown_to_html("[lien](copydesk-media:/p1) ![i](copydesk-media:/p1)")
    assert 'src="copydesk-media:/p1"' in html
    assert "href" not in html


def test_the_renderer_follows_the_resolver() -> None:
    credits = dict(PICTURES)
    renderer = IncrementalRenderer("fr", lambda pid: credits.get(pid))
    renderer.update("Texte.\n\n![a](image:p1)")
    credits["p1"] = Picture("copydesk-media:/p1", "Photo : Jo Roy, CC BY 4.0")
    patch = renderer.update("Texte.\n\n![a](image:p1)")
    assert [(op.kind, op.index) for op in patch.ops] == [("replace", 1)]
    assert "Jo Roy" in patch.ops[0].html


def test_the_lead_figure_sits_between_byline_and_body() -> None:
    content = ArticleContent(headline="H", authors=("Ana",), body="Texte.")
    lead = LeadPicture("p1", PHOTO, alt="Deux hommes", caption="Photo d’illustration")
    html = render_article(content, lead_picture=lead)
    figure = '<figure class="cd-lead"><img src="copydesk-media:/p1" alt="Deux hommes"'
    assert html.index('class="cd-byline"') < html.index(figure) < html.index('id="cd-body"')
    assert '<span class="cd-credit">Photo : Ana Lima, CC BY 4.0</span>' in html
    missing = render_article(content, lead_picture=LeadPicture("gone", None, alt="x"))
    assert "Image introuvable dans la bibliothèque : gone" in missing


def test_data_urls_are_for_images_only() -> None:
    html = markdown_to_html("[x](data:text/html,hi) ![i](data:image/png;base64,AAAA)")
    assert 'src="data:image/png;base64,AAAA"' in html and "data:text" not in html
