"""Reading ninjs 2.x and 3.x: every IPTC example, the round trip, hostile and invalid input,
and the HTML → Markdown converter the bodies go through."""

from __future__ import annotations

import json
from dataclasses import astuple
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from copydesk.exchange.ninjs.read import ImportedNinjs, parse_ninjs
from copydesk.exchange.ninjs.schema import NinjsInvalid, NinjsVersion
from copydesk.exchange.ninjs.write import PictureRole
from copydesk.exchange.safe_json import load_json
from copydesk.rendering.markdown import markdown_to_html
from copydesk.text.html_markdown import html_to_markdown, html_to_text, text_to_markdown
from tests.core.ninjs_samples import (
    BODY_PICTURE,
    FULL_CONTENT,
    LEAD,
    MINIMAL_CONTENT,
    NBSP,
    NINJS_DIR,
    full_document,
    minimal_document,
)

EXAMPLES = sorted(NINJS_DIR.glob("examples-*/*.json"))
ARTICLE_FIELDS = (
    "headline",
    "kicker",
    "standfirst",
    "body",
    "language",
    "dateline_date",
    "edition",
    "authors",
    "keywords",
)


@pytest.fixture
def ninjs_dir(shared: Path) -> Path:
    return shared / "ninjs"


def example(ninjs_dir: Path, version: str, name: str) -> ImportedNinjs:
    path = ninjs_dir / f"examples-{version}" / name
    return parse_ninjs(load_json(path.read_bytes(), max_bytes=1024 * 1024))


def invalid(document: Any) -> NinjsInvalid:
    with pytest.raises(NinjsInvalid) as caught:
        parse_ninjs(document)
    return caught.value


# ---------------------------------------------------------------------------------------------
# Every official example


def test_there_are_fifteen_examples() -> None:
    assert len(EXAMPLES) == 15


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_every_example_imports(path: Path) -> None:
    imported = parse_ninjs(load_json(path.read_bytes(), max_bytes=1024 * 1024))
    assert imported.version == path.parent.name.removeprefix("examples-")
    assert imported.uri
    assert imported.content.headline or imported.pictures  # 002 is renditions only


@pytest.mark.parametrize("version", ["2.2", "3.1"])
def test_text_article(ninjs_dir: Path, version: str) -> None:
    imported = example(ninjs_dir, version, "005_complex_text_article.json")
    content = imported.content
    assert content.headline == "Captain of wrecked cruise ship on trial in Italy"
    assert content.language == "en"
    assert content.edition == "Grossetto, Italy"
    assert content.authors == ("Paulo Santalucia", "Frances d'Emilio")
    assert content.dateline_date == date(2013, 7, 9)
    # The HTML body, one paragraph per <p>, preferred to the plain text.
    paragraphs = content.body.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("GROSSETO, Italy (AP) -- The trial")
    assert imported.pictures == ()
    assert {name.lower() for name in imported.dropped} == {
        "copyrightnotice",
        "people",
        "places",
        "organisations",
    }


@pytest.mark.parametrize("version", ["2.2", "3.1"])
def test_plain_text_body(ninjs_dir: Path, version: str) -> None:
    content = example(ninjs_dir, version, "001_simple_example.json").content
    assert content.body.startswith("GROSSETO, Italy (AP) -- The trial")
    assert "\n" not in content.body  # one paragraph, as written


@pytest.mark.parametrize("version", ["2.2", "3.1"])
def test_photo_only_item_is_an_article_with_its_picture(ninjs_dir: Path, version: str) -> None:
    imported = example(ninjs_dir, version, "006_photo_only.json")
    assert imported.type == "picture"
    assert imported.content.headline == "Costa Concordia cruise ship"
    assert imported.content.authors == ()  # "by" is the photographer
    assert imported.content.standfirst == ""  # the description is the caption
    (picture,) = imported.pictures
    assert picture.role is PictureRole.LEAD
    assert picture.uri == "http://ninjs.example.com/newsitems/20130709simpPh123"
    assert picture.creator == "Paulo Santalucia"
    assert picture.caption.startswith("The Costa Concordia cruise ship lies on its side")
    assert [(r.name, r.width, r.height, r.media_type) for r in picture.renditions] == [
        ("main", 429, 281, "image/jpg"),
        ("small", 179, 117, "image/jpg"),
    ]
    assert picture.renditions[0].href.endswith("-big.jpg")
    assert imported.dropped == ()


@pytest.mark.parametrize("version", ["2.2", "3.1"])
def test_multimedia_associations(ninjs_dir: Path, version: str) -> None:
    imported = example(ninjs_dir, version, "007_multimedia.json")
    lead, portrait = imported.pictures
    assert (lead.name, lead.role) == ("mainpic", PictureRole.LEAD)
    assert (portrait.name, portrait.role) == ("portrait", PictureRole.BODY)
    assert lead.copyright_notice.startswith("Copyright 2013 The News Agency")
    assert portrait.caption.startswith("Francesco Schettino the captain")
    assert portrait.headline == "Francesco Schettino at court"


@pytest.mark.parametrize("version", ["2.2", "3.1"])
def test_associations_without_details(ninjs_dir: Path, version: str) -> None:
    imported = example(ninjs_dir, version, "003_associations_example.json")
    logo, photo = imported.pictures
    assert photo.role is PictureRole.LEAD  # the photograph, not the logo
    assert logo.role is PictureRole.BODY
    assert [r.name for r in photo.renditions] == ["thumbnail", "highres"]
    assert photo.renditions[0].width is None


@pytest.mark.parametrize("version", ["2.2", "3.1"])
def test_renditions_only(ninjs_dir: Path, version: str) -> None:
    imported = example(ninjs_dir, version, "002_renditions_example.json")
    (picture,) = imported.pictures
    assert [(r.width, r.byte_size) for r in picture.renditions] == [(70, 4380), (432, 33116)]


def test_event(ninjs_dir: Path) -> None:
    imported = example(ninjs_dir, "3.1", "008_event.json")
    assert imported.type == "event"
    assert imported.content.headline == "2023 NATO Summit Press Conference"
    assert imported.content.dateline_date is None
    assert set(imported.dropped) == {"eventDetails", "places"}


# ---------------------------------------------------------------------------------------------
# Round trip


@pytest.mark.parametrize("version", ["3.1", "2.2"])
def test_round_trip_gives_back_the_article(version: NinjsVersion) -> None:
    text = json.dumps(full_document(version), ensure_ascii=False).encode("utf-8")
    imported = parse_ninjs(load_json(text, max_bytes=1024 * 1024))
    assert imported.version == version
    for name in ARTICLE_FIELDS:
        assert getattr(imported.content, name) == getattr(FULL_CONTENT, name), name
    assert imported.slugline == "negociations-ukraine"
    assert imported.dropped == ("copyrightNotice" if version == "3.1" else "copyrightnotice",)


@pytest.mark.parametrize("version", ["3.1", "2.2"])
def test_round_trip_gives_back_the_pictures(version: NinjsVersion) -> None:
    lead, body = parse_ninjs(full_document(version)).pictures
    assert (lead.role, body.role) == (PictureRole.LEAD, PictureRole.BODY)
    for imported, asset in ((lead, LEAD), (body, BODY_PICTURE)):
        assert imported.caption == asset.caption
        assert imported.alt_text == asset.alt_text
        assert imported.credit_line == asset.credit_line
        assert imported.illustrative is asset.illustrative
        assert imported.creator == asset.picture.metadata.creator
        assert imported.copyright_notice == asset.picture.metadata.copyright_notice
        assert imported.usage_terms == asset.picture.metadata.usage_terms
        assert imported.source == asset.picture.metadata.source
        assert [astuple(r) for r in imported.renditions] == [astuple(r) for r in asset.renditions]
    assert lead.licence_url == "https://creativecommons.org/licenses/by/4.0/"
    assert lead.licence_id == "cc-by-4.0"
    assert body.licence_id == ""
    metadata = lead.metadata()
    assert metadata.licence_id == "cc-by-4.0" and metadata.web_statement == ""
    assert metadata.alt_text == LEAD.alt_text and metadata.credit_line == LEAD.credit_line
    assert body.metadata().web_statement == "https://example.org/rights"


def test_minimal_round_trip() -> None:
    imported = parse_ninjs(minimal_document())
    assert imported.content.headline == "Brève"
    assert imported.content.body == MINIMAL_CONTENT.body
    assert imported.content.authors == () and imported.pictures == ()


def test_french_typography_survives_the_round_trip() -> None:
    content = parse_ninjs(full_document()).content
    assert f"«{NBSP}historique{NBSP}»{NBSP}:" in content.body
    assert f"étape{NBSP};" in content.body
    assert content.headline.endswith(f"«{NBSP}un premier pas{NBSP}»")
    assert content.kicker == "1116e jour depuis l’invasion"
    assert content.keywords[-1] == "États-Unis"


# ---------------------------------------------------------------------------------------------
# Invalid documents


def test_not_an_object() -> None:
    assert invalid(["uri"]).errors == [("$", "a ninjs document is a JSON object")]


def test_schema_invalid_documents_are_refused_naming_the_problem() -> None:
    error = invalid({"uri": "urn:a", "versionCreated": "yesterday"})
    assert error.version == "3.1"
    assert error.errors == [("$.versionCreated", "'yesterday' is not a 'date-time'")]
    assert "not valid ninjs 3.1" in str(error)
    error = invalid({"headlines": [{"value": "No uri"}]})
    assert ("$", "'uri' is a required property") in error.errors


def test_mixed_casing_is_refused_against_the_version_it_looks_like() -> None:
    error = invalid({"uri": "urn:a", "versioncreated": "2025-03-15T00:00:00Z", "pubStatus": "x"})
    assert error.version == "2.2"
    assert any("pubStatus" in message for _, message in error.errors)


def test_declared_standard_wins() -> None:
    document = {"uri": "urn:a", "standard": {"name": "ninjs", "version": "2.0"}}
    assert parse_ninjs(document).version == "2.2"
    document = {"uri": "urn:a", "standard": {"version": "3.0"}, "versioncreated": "x"}
    assert invalid(document).version == "3.1"


def test_ninjs_1_is_refused_with_a_clear_message() -> None:
    error = invalid({"uri": "urn:a", "headline": "Old", "body_text": "Text"})
    assert "looks like ninjs 1.x" in error.errors[0][1]
    error = invalid({"uri": "urn:a", "standard": {"version": "1.7"}})
    assert "only ninjs 2.x and 3.x are imported" in error.errors[0][1]


def test_a_schema_link_is_tolerated_and_names_the_version() -> None:
    document = {"$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json", "uri": "urn:a"}
    assert parse_ninjs(document).version == "3.1"
    document = {"$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json", "uri": "urn:a"}
    assert parse_ninjs(document).version == "2.2"


def test_a_minimal_document_is_read_as_3_1_then_2_2() -> None:
    assert parse_ninjs({"uri": "urn:a"}).version == "3.1"
    two = {"uri": "urn:a", "renditions": [{"name": "x", "contenttype": "image/png"}]}
    assert parse_ninjs(two).version == "2.2"


# ---------------------------------------------------------------------------------------------
# Hostile bodies


def test_hostile_html_body() -> None:
    html = (
        '<p>Hello <a href="javascript:alert(1)">click</a><script>steal()</script>'
        '<img src="x" onerror="alert(1)"><iframe src="https://evil.example"></iframe></p>'
        "<style>p { display: none }</style>"
        f"<p><b>{'<i>' * 5000}deep{'</i>' * 5000}</b></p>"
    )
    document = {"uri": "urn:a", "bodies": [{"contentType": "text/html", "value": html}]}
    body = parse_ninjs(document).content.body
    assert "javascript" not in body and "steal" not in body and "evil" not in body
    assert body.startswith("Hello click")
    assert "deep" in body


def test_body_pictures_are_dropped() -> None:
    html = '<p>Avant.</p><figure><img src="a.jpg" alt="x"><figcaption>Légende</figcaption></figure>'
    document = {"uri": "urn:a", "bodies": [{"contentType": "text/html", "value": html}]}
    assert parse_ninjs(document).content.body == "Avant."


def test_a_heading_repeating_the_headline_is_left_out() -> None:
    html = "<html><head><title>T</title></head><body><h1>Titre</h1><p>Texte.</p></body></html>"
    document = {
        "uri": "urn:a",
        "headlines": [{"value": "Titre"}],
        "bodies": [{"contentType": "text/html", "value": html}],
    }
    assert parse_ninjs(document).content.body == "Texte."


# ---------------------------------------------------------------------------------------------
# The converter


@pytest.mark.parametrize(
    "text",
    [
        "1. not a list",
        "2025) neither",
        "- not an item",
        "+ nor this",
        "# not a heading",
        "#hashtag",
        "> not a quote",
        "* star *emphasis* not",
        "_under_ and snake_case",
        "`code` and [link](https://example.org) and ![image](x.png)",
        "<b>not bold</b> &amp; &copy; a < b",
        "pipes | and \\ backslashes",
        "---",
        "===",
        "~~~",
        f"«{NBSP}Bonjour{NBSP}»{NBSP}! l’été",
    ],
)
def test_text_stays_text(text: str) -> None:
    markdown = text_to_markdown(text)
    assert html_to_text(markdown_to_html(markdown, "en")) == text


def test_markdown_structures() -> None:
    html = (
        "<h2>Titre</h2><p>Un <em>mot</em>, un <strong>autre</strong>, "
        '<a href="https://example.org/a b(c)">un lien</a>, <code>x*y</code>.<br>Ligne.</p>'
        "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>"
        '<ol start="3"><li>trois</li><li>quatre</li></ol>'
        "<blockquote><p>cité</p></blockquote><hr><pre>  code\n  bloc</pre>"
        "<table><tr><th>A</th><td>B</td></tr></table><footer>Pied</footer>"
    )
    assert html_to_markdown(html) == (
        "## Titre\n\n"
        "Un *mot*, un **autre**, [un lien](https://example.org/a%20b%28c%29), `x*y`.  \nLigne.\n\n"
        "- a\n    - b\n- c\n\n"
        "3. trois\n4. quatre\n\n"
        "> cité\n\n"
        "* * *\n\n"
        "      code\n      bloc\n\n"
        "A \\| B\n\n"
        "Pied"
    )


def test_markdown_round_trip_through_the_renderer() -> None:
    again = html_to_markdown(markdown_to_html(FULL_CONTENT.body, "fr"))
    assert again == FULL_CONTENT.body


def test_plain_text_paragraphs() -> None:
    assert text_to_markdown("Un.\n\nDeux\nsuite.\n") == "Un.\n\nDeux suite."
    assert text_to_markdown("Un.\nDeux.\r\nTrois.") == "Un.\n\nDeux.\n\nTrois."
    assert text_to_markdown("  \n ") == ""
