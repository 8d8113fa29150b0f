"""An article's pictures: references in the body, the snapshot the preview and the checks
use, the house label of illustrative pictures, and the picture problems of the checks."""

from __future__ import annotations

import dataclasses
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk.articles import pictures as article_pictures
from copydesk.articles import store as articles
from copydesk.articles.checks import line_and_column
from copydesk.articles.pictures import (
    ArticlePictures,
    check_pictures,
    house_caption,
    load_article_pictures,
    media_url,
    picture_uses,
    without_house_label,
)
from copydesk.pictures import store as images
from copydesk.pictures.operations import Judgement
from copydesk.records.article import ArticleContent, LeadPictureUse
from copydesk.records.picture import PictureFile, PictureMetadata
from copydesk.records.problem import Severity
from copydesk.rendering.picture_extension import PicturesExtension
from copydesk.rendering.pictures import RESOLVER_ATTRIBUTE, Picture
from copydesk.rendering.preview_document import PreviewDocument
from copydesk.text.picture_refs import find_picture_references, picture_markdown
from tests.helpers import opened

FILE = PictureFile("ab" * 32, "kremlin.jpg", "image/jpeg", 1200, 800, 99_000)
COMPLETE = PictureMetadata(
    creator="Ana Lima",
    source="Service de presse du Kremlin",
    licence_id="cc-by-4.0",
    source_url="http://en.kremlin.ru/events/president/news/1",
)
# The reference article's credit: "Photo : wikipedia.org, CC BY 4.0".
REFERENCE = PictureMetadata(credit_line="wikipedia.org", licence_id="cc-by-4.0")
JUDGEMENT = Judgement("fr", commercial=True, today=date(2025, 3, 15))


class _Figure(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.images: list[dict[str, str | None]] = []
        self.caption = ""
        self._in_caption = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.images.append(dict(attrs))
        self._in_caption = self._in_caption or tag == "figcaption"

    def handle_endtag(self, tag: str) -> None:
        self._in_caption = self._in_caption and tag != "figcaption"

    def handle_data(self, data: str) -> None:
        if self._in_caption:
            self.caption += data


def rendered_figure(text: str) -> tuple[str | None, str]:
    """The alt text and the caption of the figure the preview makes of ``text``."""
    md = markdown.Markdown(extensions=[PicturesExtension("fr")])
    setattr(md, RESOLVER_ATTRIBUTE, lambda picture_id: Picture(f"{picture_id}.jpg"))
    parser = _Figure()
    parser.feed(md.convert(text))
    assert len(parser.images) == 1, text
    return parser.images[0]["alt"], parser.caption


# ---- references -------------------------------------------------------------------------------

# No-break spaces included: French captions are full of them.
line_text = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=40
).filter(lambda text: text.strip() == text and "  " not in text)


@given(alt=line_text, caption=line_text)
def test_markdown_written_for_a_picture_is_read_back_by_python_markdown_and_by_us(
    alt: str, caption: str
) -> None:
    # Captions with both kinds of quote and ")" after one cannot be written unambiguously.
    if '")' in caption or "')" in caption:
        return
    text = picture_markdown(7, alt, caption)
    assert rendered_figure(text) == (alt, caption)
    [found] = find_picture_references(text)
    assert (found.picture_id, found.alt_text, found.caption) == (7, alt, caption)
    assert (found.start, found.end) == (0, len(text))


@pytest.mark.parametrize("caption", ["'", "'Oui'", '"Non"', "' '", "« 'Oui' »"])
def test_a_caption_wholly_in_quotes_keeps_them(caption: str) -> None:
    """Python-Markdown strips a pair of quotes around a whole title; a caption keeps them."""
    text = picture_markdown(4, "Une urne", caption)
    assert rendered_figure(text) == ("Une urne", caption.strip() if caption.strip() else "")
    assert find_picture_references(text)[0].caption == caption


def test_a_caption_keeps_its_no_break_spaces() -> None:
    caption = "Vladimir Poutine\u00a0: «\u00a0photo\u00a0» d\u2019illustration\u202f!"
    assert rendered_figure(picture_markdown(3, "Deux hommes", caption)) == ("Deux hommes", caption)


def test_references_are_found_where_they_are_with_their_offsets() -> None:
    body = (
        "Intro.\n\n"
        '![Deux hommes](image:3 "Au Kremlin")\n\n'
        "Texte ![a](<image:4>) et ![b](image:5 'dit \"oui\"').\n"
        "Pas une image : [lien](image:6) ni `code`."
    )
    found = find_picture_references(body)
    assert [(r.picture_id, r.alt_text, r.caption) for r in found] == [
        (3, "Deux hommes", "Au Kremlin"),
        (4, "a", ""),
        (5, "b", 'dit "oui"'),
    ]
    assert body[found[0].start : found[0].end] == '![Deux hommes](image:3 "Au Kremlin")'


# ---- house label ------------------------------------------------------------------------------


def test_the_illustrative_flag_adds_the_house_label_once() -> None:
    assert house_caption("Poutine et Trump", True, "fr") == "Poutine et Trump, photo illustrative"
    assert house_caption("Putin and Trump", True, "en") == "Putin and Trump, illustrative photo"
    assert house_caption("", True, "fr") == "Photo illustrative"
    already = "Vladimir Poutine et Donald Trump, photo illustrative"
    assert house_caption(already, True, "fr") == already
    assert house_caption("Poutine et Trump", False, "fr") == "Poutine et Trump"
    assert without_house_label(already) == "Vladimir Poutine et Donald Trump"


def test_uses_list_the_lead_then_the_body_with_the_illustrative_mark_read_from_captions() -> None:
    content = ArticleContent(
        body='![Deux hommes](image:3 "Au Kremlin, photo illustrative")\n\n![x](image:4)',
        lead_picture=LeadPictureUse(9, "Légende", "Texte alternatif", illustrative=True),
    )
    uses = picture_uses(content)
    assert [(u.picture_id, u.role, u.illustrative) for u in uses] == [
        (9, "lead", True),
        (3, "body", True),
        (4, "body", False),
    ]
    assert article_pictures.picture_ids(content) == {9, 3, 4}


# ---- the snapshot -----------------------------------------------------------------------------


def stored(library_path: Path, metadata: PictureMetadata) -> tuple[int, ArticlePictures]:
    with opened(library_path) as library:
        with library.write() as session:
            picture = images.add_picture(session, FILE, metadata)
            content = ArticleContent(
                headline="Titre",
                body=f"Texte.\n\n{picture_markdown(picture.id, 'Deux hommes', 'Au Kremlin')}",
                lead_picture=LeadPictureUse(picture.id, "Légende", "Deux hommes assis"),
            )
            articles.create_article(session, content)
        snapshot = load_article_pictures(library, {picture.id, 404}, JUDGEMENT)
    return picture.id, snapshot


def test_the_snapshot_resolves_pictures_to_the_media_scheme_with_their_credit(
    library_path: Path,
) -> None:
    picture_id, snapshot = stored(library_path, COMPLETE)
    picture = snapshot.picture(picture_id)
    assert picture is not None
    assert picture.src == f"copydesk-media://library/{'ab' * 32}.jpg" == media_url(FILE)
    assert picture.credit == "Photo\u00a0: Ana Lima / Service de presse du Kremlin, CC BY 4.0"
    assert (picture.width, picture.height) == (1200, 800)
    assert snapshot.resolver()("404") is None and snapshot.resolver()("x") is None
    listing = snapshot.get(picture_id)
    assert listing is not None and [u.role for u in listing.usages] == ["lead", "body"]


def test_the_preview_shows_the_lead_and_body_figures_with_their_credits(
    library_path: Path,
) -> None:
    picture_id, snapshot = stored(library_path, COMPLETE)
    content = ArticleContent(
        headline="Titre",
        body=f"Texte.\n\n{picture_markdown(picture_id, 'Deux hommes', 'Au Kremlin')}",
        lead_picture=LeadPictureUse(picture_id, "Légende", "Assis", illustrative=True),
    )
    document = PreviewDocument()
    html = document.update(content, 0, snapshot).html or ""
    assert '<figure class="cd-lead">' in html
    assert "Légende, photo illustrative" in html
    assert html.count("Photo&nbsp;: Ana Lima / Service de presse du Kremlin, CC BY 4.0") == 2
    assert html.count(media_url(FILE)) == 2
    # Without the snapshot the lead is not shown as missing: it is not known yet.
    bare = PreviewDocument().update(content, 0, ArticlePictures("fr")).html or ""
    assert "cd-lead" not in bare
    # A new snapshot (a credit edited in the library) renders the whole article again.
    again = document.update(content, 0, snapshot.merged(snapshot))
    assert again.html is not None


def test_a_snapshot_covers_an_article_only_for_the_ids_looked_up_in_its_language(
    library_path: Path,
) -> None:
    picture_id, snapshot = stored(library_path, COMPLETE)
    content = ArticleContent(body=picture_markdown(picture_id, "a"))
    assert snapshot.covers(content)
    assert not snapshot.covers(content.replace(body=content.body + "\n\n![b](image:77)"))
    assert not snapshot.covers(content.replace(language="en"))


# ---- checks -----------------------------------------------------------------------------------


def test_the_reference_credit_and_a_missing_alt_text_reach_the_checks(library_path: Path) -> None:
    picture_id, snapshot = stored(library_path, REFERENCE)
    body = f"Texte.\n\nSuite.\n\n{picture_markdown(picture_id, '', 'Au Kremlin')}"
    content = ArticleContent(
        body=body, lead_picture=LeadPictureUse(picture_id, "Légende", "Deux hommes assis")
    )
    problems = check_pictures(content, snapshot)
    codes = [(p.code, p.field) for p in problems]
    # The credit problems are listed once, at the picture's first use (the lead).
    for code in ("picture.creator.missing", "picture.credit.website"):
        assert (code, "lead_picture") in codes
        assert (code, "body") not in codes
    assert ("picture.alt_text.missing", "body") in codes
    missing_alt = next(p for p in problems if p.code == "picture.alt_text.missing")
    assert missing_alt.severity is Severity.ERROR
    assert body[missing_alt.start : missing_alt.end].startswith(f"![](image:{picture_id}")
    assert (missing_alt.line, missing_alt.column) == line_and_column(body, missing_alt.start)
    assert missing_alt.params["picture"] == picture_id
    assert "kremlin.jpg" in missing_alt.message


def test_a_picture_missing_from_the_library_is_an_error_once_looked_up(
    library_path: Path,
) -> None:
    _, snapshot = stored(library_path, COMPLETE)
    content = ArticleContent(body="![Un chat](image:404)\n\n![Un chien](image:405)")
    problems = check_pictures(content, snapshot)
    assert [(p.code, p.params["picture"]) for p in problems] == [("picture.missing", 404)]


def test_a_complete_picture_with_a_good_alt_text_has_no_problem(library_path: Path) -> None:
    picture_id, snapshot = stored(library_path, COMPLETE)
    content = ArticleContent(
        body=picture_markdown(picture_id, "Deux hommes assis à une table", "Au Kremlin")
    )
    assert check_pictures(content, snapshot) == []
    same = dataclasses.replace(
        content, body=picture_markdown(picture_id, "Au Kremlin", "Au Kremlin")
    )
    assert [p.code for p in check_pictures(same, snapshot)] == ["picture.alt_text.same_as_caption"]
