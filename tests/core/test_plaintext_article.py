"""Plain-text articles: the reference article lands in the right fields, its credit shows the
compliance errors of the picture issue, and no line of any input is ever lost."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copydesk.exchange.plaintext import (
    ParsedPlainArticle,
    detect_language,
    is_illustrative,
    looks_like_byline,
    parse_date,
    parse_link_line,
    parse_plain_article,
    split_names,
)
from copydesk.pictures.compliance import check_picture
from copydesk.records.article import ArticleStatus, LeadPictureUse, RelatedLink

CREDIT = "Photo : wikipedia.org, CC BY 4.0"


@pytest.fixture
def reference(shared: Path) -> str:
    return (shared / "seed" / "reference-article.txt").read_text(encoding="utf-8")


def normalised(line: str) -> str:
    return re.sub(r"[ \t]+", " ", line).strip()


def assert_nothing_lost(text: str, parsed: ParsedPlainArticle) -> None:
    """Every non-blank line of ``text`` is in the result: as text of a field, as the
    dateline (its date parsed), as the byline (its names), or as a related link."""
    content = parsed.content
    metadata = parsed.picture_metadata
    haystack = "\n".join(
        [
            content.headline,
            content.kicker,
            content.standfirst,
            content.body,
            content.related_title,
            parsed.alt_text,
            parsed.caption,
            metadata.credit_override if metadata else "",
        ]
    )
    lines = [normalised(line) for line in re.split(r"\r\n|\r|\n", text.lstrip("\ufeff"))]
    lines = [line for line in lines if line]
    for index, line in enumerate(lines):
        if line in haystack or (
            content.related_title and line.rstrip(" :") == content.related_title
        ):
            continue
        if index == 0 and content.dateline_date is not None and content.edition in line:
            continue
        if content.authors and all(name in line for name in content.authors):
            assert looks_like_byline(line)
            continue
        link = parse_link_line(line)
        assert link is not None and link in content.related_links, f"lost: {line!r}"


# ---------------------------------------------------------------------------------------------
# The reference article


def test_reference_article_fields(reference: str) -> None:
    parsed = parse_plain_article(reference)
    content = parsed.content
    assert content.dateline_date == date(2025, 3, 15)
    assert content.edition == "France"
    assert content.kicker == "1116 jour depuis l'invasion barbare de l'Ukraine"
    assert content.headline == (
        "Poutine et Trump ont convenu d’entamer des négociations sur l’Ukraine"
    )
    assert content.standfirst == (
        "Donald Trump a eu un entretien téléphonique avec Vladimir Poutine, au cours duquel ils"
        " ont discuté de la guerre en Ukraine, de la géopolitique et de la possibilité de"
        " travailler ensemble pour mettre fin au conflit."
    )
    assert content.authors == ("Olga Demidenko",)
    assert content.language == "fr"
    assert content.related_title == "Nouvelles des partenaires"
    assert content.related_links == ()
    assert content.keywords == ()
    assert content.status is ArticleStatus.DRAFT
    assert content.lead_picture is None
    assert parsed.warnings == ()


def test_reference_article_body_is_the_paragraphs_verbatim(reference: str) -> None:
    body = parse_plain_article(reference).content.body
    start = reference.index(CREDIT) + len(CREDIT)
    end = reference.index("Nouvelles des partenaires")
    assert body == reference[start:end].strip("\n")
    assert body.startswith("Le président américain Donald Trump a annoncé")
    assert body.endswith("après avoir émis un mandat d’arrêt contre Netanyahou.")
    assert len(body.split("\n\n")) == 12


def test_reference_article_picture(reference: str) -> None:
    parsed = parse_plain_article(reference)
    assert parsed.has_picture
    assert parsed.alt_text == "Vladimir Poutine et Donald Trump"
    assert parsed.caption == "Vladimir Poutine et Donald Trump, photo illustrative"
    assert parsed.illustrative is True
    metadata = parsed.picture_metadata
    assert metadata is not None
    assert (metadata.creator, metadata.source) == ("wikipedia.org", "")
    assert metadata.licence_id == "cc-by-4.0"
    assert metadata.credit_override == CREDIT
    assert parsed.lead_picture_use(7) == LeadPictureUse(
        7, parsed.caption, parsed.alt_text, illustrative=True
    )


def test_reference_credit_shows_the_compliance_errors(reference: str) -> None:
    metadata = parse_plain_article(reference).picture_metadata
    assert metadata is not None
    problems = check_picture(metadata, language="fr", commercial=False, today=date(2025, 3, 15))
    # One cause (a website given as the author), one error; the missing link, a warning.
    assert {problem.code for problem in problems} == {"credit.website", "source_url.missing"}
    website = [problem for problem in problems if problem.code == "credit.website"]
    assert {problem.field for problem in website} == {"creator"}
    assert all(problem.params["website"] == "wikipedia.org" for problem in website)


def test_reference_article_loses_nothing(reference: str) -> None:
    assert_nothing_lost(reference, parse_plain_article(reference))


def test_reference_with_crlf_bom_and_tabs(reference: str) -> None:
    mangled = "\ufeff" + reference.replace("\n", "\r\n").replace("15.03.2025 ", "15.03.2025\t")
    mangled = mangled.replace("\r\nOlga", "\r\n\t Olga")
    parsed = parse_plain_article(mangled)
    assert parsed == parse_plain_article(reference)


# ---------------------------------------------------------------------------------------------
# Variants


def test_english_article_with_links() -> None:
    text = (
        "March 15, 2025 — United States\n"
        "Day 1,116 of the war in Ukraine\n\n"
        "Putin and Trump agree to start talks on Ukraine\n\n"
        "Donald Trump said he had a long phone call with Vladimir Putin about the war.\n\n"
        "By Jane Doe and John Smith\n"
        "Vladimir Putin and Donald Trump shaking hands\n"
        "Vladimir Putin and Donald Trump in 2019, illustrative photo\n"
        "Photo: Jane Doe / Reuters, CC BY-SA 4.0\n\n"
        "The American president said the call was productive.\n\n"
        "The two leaders agreed to meet in person.\n\n"
        "Related\n"
        "Putin speaks — https://example.org/putin\n"
        "Trump: https://example.org/trump?a=1\n"
        "- Talks begin (https://example.org/talks)\n"
        "[Ukraine reacts](https://example.org/ukraine)\n"
        "https://example.org/bare\n"
    )
    parsed = parse_plain_article(text)
    content = parsed.content
    assert content.language == "en"
    assert (content.dateline_date, content.edition) == (date(2025, 3, 15), "United States")
    assert content.kicker == "Day 1,116 of the war in Ukraine"
    assert content.headline == "Putin and Trump agree to start talks on Ukraine"
    assert content.standfirst.startswith("Donald Trump said")
    assert content.authors == ("Jane Doe", "John Smith")
    assert parsed.alt_text == "Vladimir Putin and Donald Trump shaking hands"
    assert parsed.illustrative
    assert parsed.picture_metadata is not None
    assert parsed.picture_metadata.creator == "Jane Doe"
    assert parsed.picture_metadata.source == "Reuters"
    assert parsed.picture_metadata.licence_id == "cc-by-sa-4.0"
    assert content.body == (
        "The American president said the call was productive.\n\n"
        "The two leaders agreed to meet in person."
    )
    assert content.related_title == "Related"
    assert content.related_links == (
        RelatedLink("Putin speaks", "https://example.org/putin"),
        RelatedLink("Trump", "https://example.org/trump?a=1"),
        RelatedLink("Talks begin", "https://example.org/talks"),
        RelatedLink("Ukraine reacts", "https://example.org/ukraine"),
        RelatedLink("https://example.org/bare", "https://example.org/bare"),
    )
    assert parsed.warnings == ()
    assert_nothing_lost(text, parsed)


def test_reference_with_links_after_its_heading(reference: str) -> None:
    text = reference + "\nUn autre article — https://example.org/a\nhttps://example.org/b\n"
    content = parse_plain_article(text).content
    assert content.related_title == "Nouvelles des partenaires"
    assert content.related_links == (
        RelatedLink("Un autre article", "https://example.org/a"),
        RelatedLink("https://example.org/b", "https://example.org/b"),
    )
    assert content.body == parse_plain_article(reference).content.body


def test_links_without_a_title_line() -> None:
    text = "Titre\n\nDu texte.\n\nhttps://example.org/a\n"
    content = parse_plain_article(text).content
    assert content.related_title == ""
    assert content.related_links == (RelatedLink("https://example.org/a", "https://example.org/a"),)


def test_without_picture_block(reference: str) -> None:
    text = reference.replace(
        "Vladimir Poutine et Donald Trump\nVladimir Poutine et Donald Trump, photo illustrative\n"
        f"{CREDIT}\n",
        "",
    )
    parsed = parse_plain_article(text)
    assert not parsed.has_picture and parsed.picture_metadata is None
    assert (parsed.alt_text, parsed.caption, parsed.illustrative) == ("", "", False)
    assert parsed.content.authors == ("Olga Demidenko",)
    assert parsed.content.body == parse_plain_article(reference).content.body
    assert parsed.content.standfirst.startswith("Donald Trump a eu")
    assert any("no picture" in warning for warning in parsed.warnings)
    assert_nothing_lost(text, parsed)


def test_without_kicker_and_with_several_authors(reference: str) -> None:
    text = reference.replace("1116 jour depuis l'invasion barbare de l'Ukraine\n", "")
    text = text.replace("Olga Demidenko", "Olga Demidenko, Ana Lima et Jean Roy")
    parsed = parse_plain_article(text)
    assert parsed.content.kicker == ""
    assert parsed.content.headline.startswith("Poutine et Trump")
    assert parsed.content.standfirst.startswith("Donald Trump a eu")
    assert parsed.content.authors == ("Olga Demidenko", "Ana Lima", "Jean Roy")
    assert_nothing_lost(text, parsed)


def test_without_dateline_the_kicker_is_a_short_line_before_the_headline(reference: str) -> None:
    text = reference.replace("15.03.2025 France\n", "").replace(
        "de l'Ukraine\n", "de l'Ukraine\n\n", 1
    )
    parsed = parse_plain_article(text)
    assert parsed.content.dateline_date is None and parsed.content.edition == ""
    assert parsed.content.kicker == "1116 jour depuis l'invasion barbare de l'Ukraine"
    assert parsed.content.headline.startswith("Poutine et Trump")
    assert any("dateline" in warning for warning in parsed.warnings)
    assert_nothing_lost(text, parsed)


def test_without_byline(reference: str) -> None:
    text = reference.replace("Olga Demidenko\n", "")
    parsed = parse_plain_article(text)
    assert parsed.content.authors == ()
    assert parsed.content.standfirst.startswith("Donald Trump a eu")
    assert parsed.alt_text == "Vladimir Poutine et Donald Trump"
    assert any("byline" in warning for warning in parsed.warnings)
    assert_nothing_lost(text, parsed)


def test_caption_and_credit_only() -> None:
    text = (
        "15/03/2025 France\nSurtitre\n\nLe titre\n\nLe chapô.\n\nAna Lima\n\n"
        "La légende\nCrédit : Jean Roy / AFP\n\nLe corps."
    )
    parsed = parse_plain_article(text)
    assert parsed.content.authors == ("Ana Lima",)
    assert (parsed.alt_text, parsed.caption) == ("", "La légende")
    assert parsed.picture_metadata is not None and parsed.picture_metadata.source == "AFP"
    assert "The picture has no alt text." in parsed.warnings
    assert parsed.content.body == "Le corps."


def test_text_it_cannot_identify_goes_to_the_body() -> None:
    text = (
        "Une phrase qui ouvre le texte sans titre.\n\nUne autre phrase.\n\n"
        "Encore du texte, sans signature ni photo.\n"
    )
    parsed = parse_plain_article(text)
    assert parsed.content.headline == ""
    assert parsed.content.body == text.strip()
    assert_nothing_lost(text, parsed)


def test_headline_and_body_only() -> None:
    parsed = parse_plain_article("Le titre\n\nLe premier paragraphe.\n\nLe second.")
    assert parsed.content.headline == "Le titre"
    assert parsed.content.body == "Le premier paragraphe.\n\nLe second."


def test_empty_text() -> None:
    parsed = parse_plain_article("\n \n")
    assert parsed.content.headline == parsed.content.body == ""
    assert not parsed.has_picture


# ---------------------------------------------------------------------------------------------
# The pieces


@pytest.mark.parametrize(
    "text",
    [
        "15.03.2025",
        "15/03/2025",
        "15-03-2025",
        "2025-03-15",
        "03/15/2025",  # month first only when day first is impossible
        "15 mars 2025",
        "samedi 15 mars 2025",
        "15 March 2025",
        "March 15, 2025",
        "Saturday, March 15th, 2025",
        "Mar. 15, 2025",
        "15 Mar 2025",
    ],
)
def test_dates(text: str) -> None:
    assert parse_date(text) == date(2025, 3, 15)


@pytest.mark.parametrize("text", ["1er août 2025", "1 aout 2025", "August 1st, 2025", "1.8.2025"])
def test_more_dates(text: str) -> None:
    assert parse_date(text) == date(2025, 8, 1)


@pytest.mark.parametrize("text", ["31.02.2025", "15.13.2025", "demain", "15 mars", "2025"])
def test_not_dates(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("line", "edition"),
    [
        ("15.03.2025 France", "France"),
        ("15.03.2025", ""),
        ("Paris, 15 mars 2025", "Paris"),
        ("2025-03-15 | Édition du soir", "Édition du soir"),
        ("samedi 15 mars 2025 — Belgique", "Belgique"),
    ],
)
def test_dateline_shapes(line: str, edition: str) -> None:
    content = parse_plain_article(f"{line}\nSurtitre\n\nTitre\n\nCorps.").content
    assert (content.dateline_date, content.edition) == (date(2025, 3, 15), edition)


def test_a_sentence_opening_with_a_date_is_not_a_dateline() -> None:
    text = "15 mars 2025 : les deux dirigeants se sont parlé au téléphone.\n\nSuite."
    parsed = parse_plain_article(text)
    assert parsed.content.dateline_date is None
    assert_nothing_lost(text, parsed)


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Olga Demidenko", ("Olga Demidenko",)),
        ("Ana Lima et Jean Roy", ("Ana Lima", "Jean Roy")),
        ("A. Lima, B. Roy and C. de la Fontaine", ("A. Lima", "B. Roy", "C. de la Fontaine")),
        ("Par Valéry Giscard d’Estaing", ("Valéry Giscard d’Estaing",)),
        ("By Jane Doe & John Smith", ("Jane Doe", "John Smith")),
        ("Ana Lima, Jean Roy, and Li Wei", ("Ana Lima", "Jean Roy", "Li Wei")),
    ],
)
def test_bylines(byline: str, names: tuple[str, ...]) -> None:
    assert looks_like_byline(byline)
    assert split_names(byline) == names


@pytest.mark.parametrize(
    "line",
    [
        "1116 jour depuis l'invasion barbare de l'Ukraine",
        "Poutine et Trump ont convenu d’entamer des négociations",
        "Le président a parlé.",
        "Nouvelles des partenaires",
        "",
    ],
)
def test_not_bylines(line: str) -> None:
    assert not looks_like_byline(line)


@pytest.mark.parametrize(
    ("caption", "illustrative"),
    [
        ("Vladimir Poutine et Donald Trump, photo illustrative", True),
        ("Deux dirigeants (photo d’illustration)", True),
        ("Two leaders, illustrative photo.", True),
        ("Image d'illustration", True),
        ("Two leaders (illustration)", True),
        ("Vladimir Poutine et Donald Trump à Helsinki", False),
        ("Une photo illustrative de la crise, prise hier à Kyiv", False),  # not at the end
    ],
)
def test_illustrative_captions(caption: str, illustrative: bool) -> None:
    assert is_illustrative(caption) is illustrative


@pytest.mark.parametrize(
    "credit",
    ["Photo: X", "Photo : X", "Photo\u00a0: X", "Crédit : X", "Credit: X", "Crédit photo : X"],
)
def test_credit_line_leads(credit: str) -> None:
    parsed = parse_plain_article(f"Titre\n\nChapô.\n\nAna Lima\nAlt\nLégende\n{credit}\n\nCorps.")
    assert parsed.caption == "Légende"
    assert parsed.picture_metadata is not None and parsed.picture_metadata.creator == "X"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le président a annoncé qu’il allait contacter l’Ukraine.", "fr"),
        ("The president said that he would call the leaders of Ukraine.", "en"),
        ("", "fr"),
        ("Zelensky Poutine Trump", "fr"),
    ],
)
def test_language(text: str, language: str) -> None:
    assert detect_language(text) == language


# ---------------------------------------------------------------------------------------------
# Never lose a word

_WORDS = st.text(alphabet="abcdeéAÉ’'.,:;!?-—()/ \t0123456789", min_size=1, max_size=40)
_LINES = st.one_of(
    _WORDS,
    st.sampled_from(
        [
            "15.03.2025 France",
            "Paris, 15 mars 2025",
            "Olga Demidenko",
            "Par Ana Lima et Jean Roy",
            "Vladimir Poutine et Donald Trump, photo illustrative",
            CREDIT,
            "Crédit : AFP",
            "Nouvelles des partenaires",
            "Un lien — https://example.org/a",
            "- Un autre (https://example.org/b)",
            "https://example.org/c",
            "Le titre",
            "Une phrase complète.",
            "",
            "",
        ]
    ),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINES, max_size=25), st.sampled_from(["\n", "\r\n"]))
def test_no_line_is_ever_lost(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    assert_nothing_lost(text, parse_plain_article(text))
