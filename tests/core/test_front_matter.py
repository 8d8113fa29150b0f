"""Markdown with YAML front matter: a lossless round trip, and refusals that name the field."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copydesk.errors import CopydeskError, InvalidArticleFile
from copydesk.exchange.markdown_file.format import FIELDS, MAX_FILE_BYTES
from copydesk.exchange.markdown_file.read import parse_article
from copydesk.exchange.markdown_file.write import dump_article
from copydesk.records.article import ArticleContent, ArticleStatus, LeadPictureUse, RelatedLink

FULL = ArticleContent(
    headline="Poutine et Trump ont convenu d’entamer des négociations sur l’Ukraine",
    kicker="1116 jour depuis l'invasion barbare de l'Ukraine",
    standfirst="Donald Trump a eu un entretien téléphonique avec Vladimir Poutine.",
    body="Le président américain a annoncé…\n\n---\n\n## Suite\n\nTexte.\n",
    language="fr",
    dateline_date=date(2025, 3, 15),
    edition="France",
    authors=("Olga Demidenko", "Jean Roy"),
    keywords=("Ukraine", "diplomatie"),
    related_title="Nouvelles des partenaires",
    related_links=(RelatedLink("Premier lien", "https://example.org/1"),),
    status=ArticleStatus.READY,
    lead_picture=LeadPictureUse(12, "Vladimir Poutine, photo illustrative", "Deux hommes", True),
    advertising=True,
)
UUID = "1b4e28ba-2fa1-11d2-883f-0016d3cca427"


def refusal(text: str | bytes) -> str:
    with pytest.raises(InvalidArticleFile) as caught:
        parse_article(text)
    assert isinstance(caught.value, CopydeskError)
    return str(caught.value)


# ---------------------------------------------------------------------------------------------
# Writing


def test_every_field_is_written_in_a_fixed_order() -> None:
    text = dump_article(FULL, slug="poutine-et-trump", uuid=UUID, extra={"source": "package"})
    front_matter = text.split("---\n")[1]
    keys = [line.split(":")[0] for line in front_matter.splitlines() if line[:1].isalpha()]
    assert keys == list(FIELDS)
    assert "d’entamer des négociations" in text  # Unicode as is, not escaped
    assert "dateline_date: 2025-03-15\n" in text
    assert "status: ready\n" in text
    assert text.endswith("---\n" + FULL.body)  # the body verbatim after the closing line
    assert dump_article(FULL) == dump_article(FULL)


def test_empty_fields_are_written_too() -> None:
    text = dump_article(ArticleContent())
    for line in ("headline: ''", "authors: []", "dateline_date: null", "lead_picture: null"):
        assert line + "\n" in text
    assert "slug" not in text and "uuid" not in text and "extra" not in text


def test_long_text_is_not_folded() -> None:
    standfirst = "mot " * 200 + "  "
    text = dump_article(ArticleContent(standfirst=standfirst))
    assert len([line for line in text.splitlines() if line.startswith("standfirst")]) == 1
    assert parse_article(text).content.standfirst == standfirst


def test_round_trip_with_slug_uuid_and_extra() -> None:
    extra = {"pictures": {"12": "images/12.jpg"}, "exported": date(2025, 3, 16)}
    parsed = parse_article(dump_article(FULL, slug="poutine-et-trump", uuid=UUID, extra=extra))
    assert parsed.content == FULL
    assert (parsed.slug, parsed.uuid, dict(parsed.extra)) == ("poutine-et-trump", UUID, extra)
    assert parsed.has_front_matter and parsed.warnings == ()
    assert parsed.lead_picture == FULL.lead_picture


def test_extra_must_be_plain_yaml() -> None:
    with pytest.raises(TypeError):
        dump_article(FULL, extra={"status": ArticleStatus.READY, "set": {1, 2}})
    with pytest.raises(TypeError):
        dump_article(FULL, extra={1: "a"})  # type: ignore[dict-item]


YAML_SPECIAL = [
    "yes", "no", "on", "off", "Y", "n", "true", "False", "null", "Null", "~", "", " ",
    "1.0", "1e3", "0x1F", "0o17", "017", "1_000", ".inf", "-.inf", ".nan", "+12", "12:30:00",
    "2025-03-15", "2025-03-15 10:00:00", "2025-03-15T10:00:00Z", "=", "<<", "---", "...",
    "- item", "? key", ": value", "key: value", "# comment", "#", "&anchor", "*alias", "!tag",
    "!!python/object:os.system", "%YAML 1.1", "@at", "`tick", "|", ">", "'", '"', "{a: 1}",
    "[1, 2]", "a #b", "trailing ", " leading", "\ttab", "line\nbreak", "end\n", "\n",
    "crlf\r\nline", "\x85", "a\x85b", "\u2028", "\u2029x", "\ufeffbom", "nul\x00", "bell\x07",
    "\x7f", "😀 emoji", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\U0010fffd", "é\u0301", "\u00a0nbsp\u202f",
]  # fmt: skip
text_values = st.one_of(st.text(), st.sampled_from(YAML_SPECIAL))
body_lines = st.one_of(
    st.sampled_from(["---", "...", "--- ", "# Titre", "Titre", "=====", "```", "", "  ", "\t"]),
    st.text(alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\r\n")),
)
# The editor hands over LF line ends; CR in a body is the one thing parse_article changes.
bodies = st.lists(body_lines, max_size=8).map("\n".join)
contents = st.builds(
    ArticleContent,
    headline=text_values,
    kicker=text_values,
    standfirst=text_values,
    body=bodies,
    language=st.one_of(st.sampled_from(["fr", "en", "fr-CA"]), text_values),
    dateline_date=st.none() | st.dates(),
    edition=text_values,
    authors=st.lists(text_values, max_size=3).map(tuple),
    keywords=st.lists(text_values, max_size=3).map(tuple),
    related_title=text_values,
    related_links=st.lists(st.builds(RelatedLink, text_values, text_values), max_size=3).map(tuple),
    status=st.sampled_from(ArticleStatus),
    lead_picture=st.none()
    | st.builds(LeadPictureUse, st.integers(), text_values, text_values, st.booleans()),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(contents)
def test_round_trip_property(content: ArticleContent) -> None:
    text = dump_article(content)
    assert parse_article(text).content == content
    assert parse_article(text.encode("utf-8")).content == content


# ---------------------------------------------------------------------------------------------
# Reading: the text


def test_bom_and_crlf_are_accepted() -> None:
    text = dump_article(FULL).replace("\n", "\r\n")
    assert parse_article(b"\xef\xbb\xbf" + text.encode()).content == FULL


def test_non_utf8_is_refused_with_the_byte_offset() -> None:
    data = b"---\nheadline: caf\xe9\n---\n"
    message = refusal(data)
    assert "UTF-8" in message and "offset 17" in message and "line 2" in message


def test_huge_files_are_refused_before_decoding() -> None:
    assert "too large" in refusal(b"a" * (MAX_FILE_BYTES + 1))
    front_matter = "---\nheadline: '" + "x" * 300_000 + "'\n---\n"
    assert "too large" in refusal(front_matter)


def test_unclosed_front_matter() -> None:
    assert "never closed" in refusal("---\nheadline: Titre\n\nCorps")


def test_front_matter_may_close_with_dots_and_be_empty() -> None:
    assert parse_article("---\nheadline: Titre\n...\nCorps").content.body == "Corps"
    parsed = parse_article("---\n---\n# Titre\n\nCorps")
    assert (parsed.content.headline, parsed.content.body) == ("Titre", "Corps")


# ---------------------------------------------------------------------------------------------
# Reading: refusals


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        ("authors: 3", ["“authors”", "list of names", "a number (3)"]),
        ("authors: Olga Demidenko", ["“authors”", "list of names"]),
        ("authors: [Olga, 3]", ["“authors[2]”", "text"]),
        ("keywords: {a: 1}", ["“keywords”", "list of keywords"]),
        ("dateline_date: tomorrow", ["“dateline_date”", "YYYY-MM-DD", "tomorrow"]),
        ("dateline_date: 2025-02-30", ["“dateline_date”", "exists", "2025-02-30"]),
        ("dateline_date: 2025-03-15 10:00:00", ["“dateline_date”", "without a time"]),
        ("dateline_date: 20250315", ["“dateline_date”", "a number"]),
        ("status: published-ish", ["“status”", "draft, in_review, ready, published"]),
        ("status: Published", ["“status”", "Published"]),
        ("headline: yes", ["“headline”", "text", "true/false"]),
        ("headline: 2025", ["“headline”", "a number (2025)"]),
        ("headline: [a]", ["“headline”", "a list"]),
        ("edition: !!binary aGVsbG8=", ["“edition”", "binary data"]),
        ("related_links: https://x.org", ["“related_links”", "list of links"]),
        ("related_links: [https://x.org]", ["“related_links[1]”", "a link"]),
        ("related_links: [{title: a, href: b}]", ["related_links[1]", "“href”"]),
        ("related_links: [{title: a, url: 3}]", ["“related_links[1].url”", "a number"]),
        ("lead_picture: 12", ["“lead_picture”", "picture_id"]),
        ("lead_picture: {caption: a}", ["“lead_picture.picture_id”", "empty"]),
        ("lead_picture: {picture_id: '12'}", ["“lead_picture.picture_id”", "whole number"]),
        ("lead_picture: {picture_id: true}", ["“lead_picture.picture_id”"]),
        ("lead_picture: {picture_id: 1, illustrative: 'oui'}", ["“lead_picture.illustrative”"]),
        ("lead_picture: {picture_id: 1, credit: x}", ["lead_picture", "“credit”"]),
        ("slug: Mon Article", ["“slug”", "lower-case"]),
        ("uuid: 12", ["“uuid”", "UUID"]),
        ("uuid: not-a-uuid", ["“uuid”", "UUID"]),
        ("extra: [1]", ["“extra”"]),
    ],
)
def test_wrongly_typed_fields_are_refused_by_name(front_matter: str, expected: list[str]) -> None:
    message = refusal(f"---\n{front_matter}\n---\nCorps")
    for part in expected:
        assert part in message


def test_unknown_fields_are_named_never_dropped() -> None:
    message = refusal("---\ntitle: Titre\nheadline: Titre\nmood: calm\n---\n")
    assert "“title” (did you mean “headline”?)" in message
    assert "“mood”" in message and "headline, kicker" in message


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        ("- headline", "not a list"),
        ("Just a sentence.", "not text"),
        ("42", "not a number"),
        ("headline: Titre\nheadline: Autre", "line 3: the field “headline” is given twice"),
        ("headline: [unclosed", "not valid YAML: line 3"),
        ("a: !!python/object/apply:os.system [echo]", "not valid YAML"),
        ("a: &x [1]\nb: *x", "anchors and aliases"),
        ("base: {headline: a}\n<<: {kicker: b}", "merge keys"),
        ("headline: " + "[" * 50 + "]" * 50, "nested more than"),
        ("keywords: [" + ", ".join(["a"] * 20_000) + "]", "more than 10000 values"),
        ("headline: 1" + "0" * 5000, "cannot be read"),
    ],
)
def test_malformed_or_hostile_yaml_is_refused(front_matter: str, expected: str) -> None:
    assert expected in refusal(f"---\n{front_matter}\n---\nCorps")


@pytest.mark.timeout(30)  # expanding the aliases would take hours and gigabytes
def test_billion_laughs_is_refused_before_any_alias_is_expanded() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)
    ]
    assert "anchors and aliases" in refusal("---\n" + "\n".join(lines) + "\n---\n")


def test_unknown_language_is_a_warning() -> None:
    parsed = parse_article("---\nheadline: Titre\nlanguage: de\n---\n")
    assert parsed.content.language == "de"
    assert parsed.warnings == ("The language “de” is not one Copydesk checks (fr, en).",)
    assert parse_article("---\nheadline: Titre\nlanguage: en-GB\n---\n").warnings == ()


def test_null_reads_as_the_default() -> None:
    parsed = parse_article("---\nkicker:\nauthors:\nstatus:\nlanguage:\n---\n")
    assert parsed.content == ArticleContent(headline="", body="")
    assert parsed.warnings == (
        "No headline: the file has no “headline” field and no “# ” heading.",
    )


def test_dates_may_be_quoted() -> None:
    parsed = parse_article("---\ndateline_date: '2025-03-15'\n---\n")
    assert parsed.content.dateline_date == date(2025, 3, 15)


def test_uuid_is_normalised() -> None:
    parsed = parse_article(f"---\nuuid: {UUID.upper()}\n---\n")
    assert parsed.uuid == UUID


# ---------------------------------------------------------------------------------------------
# Markdown without front matter


def test_atx_heading_becomes_the_headline() -> None:
    parsed = parse_article("# Le titre #\n\nPremier paragraphe.\n\n## Section\n\nSuite.")
    assert parsed.content.headline == "Le titre"
    assert parsed.content.body == "Premier paragraphe.\n\n## Section\n\nSuite."
    assert not parsed.has_front_matter and parsed.warnings == ()


def test_setext_heading_becomes_the_headline() -> None:
    parsed = parse_article("\nUn titre\nsur deux lignes\n===\n\nCorps.\n")
    assert parsed.content.headline == "Un titre sur deux lignes"
    assert parsed.content.body == "Corps.\n"


def test_headings_in_code_and_hashtags_do_not_count() -> None:
    text = "```\n# pas un titre\n```\n\n#hashtag\n\n## Section\n\n# Le vrai titre\n\nFin."
    parsed = parse_article(text)
    assert parsed.content.headline == "Le vrai titre"
    assert parsed.content.body == "```\n# pas un titre\n```\n\n#hashtag\n\n## Section\n\nFin."
    assert "stays in the body" in parsed.warnings[0]


def test_without_any_heading_everything_is_body() -> None:
    parsed = parse_article("Juste du texte.\n\n## Section")
    assert parsed.content.headline == ""
    assert parsed.content.body == "Juste du texte.\n\n## Section"
    assert "No headline" in parsed.warnings[0]


def test_thematic_break_at_the_top_is_not_front_matter_forever() -> None:
    message = refusal("---\n\nUn paragraphe.\n\n---\n\nSuite.")
    assert "not text" in message  # the "front matter" is a sentence: refused, not guessed


def test_front_matter_without_headline_takes_the_heading() -> None:
    parsed = parse_article("---\nkicker: Surtitre\n---\n# Le titre\n\nCorps")
    assert (parsed.content.headline, parsed.content.kicker) == ("Le titre", "Surtitre")
    assert parsed.content.body == "Corps"


def test_the_advertising_mark_is_written_only_when_set_and_read_strictly() -> None:
    plain = dump_article(FULL.replace(advertising=False))
    assert "advertising" not in plain
    assert parse_article(plain).content.advertising is False
    assert "advertising: true\n" in dump_article(FULL)
    assert parse_article(dump_article(FULL)).content.advertising is True
    marked = dump_article(FULL).replace("advertising: true", "advertising: yes please")
    assert "“advertising” must be true or false" in refusal(marked)
