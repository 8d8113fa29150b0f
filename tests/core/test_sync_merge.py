"""The newsroom's three-way merge: fields against the base revision, the body by paragraph and
then by word, never gluing two versions together ("Monday" → "Tuesday" / "Wednesday" is a
conflict, never "TuesdayWednesday")."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copydesk.articles.revisions import content_to_json
from copydesk.records.article import (
    ArticleContent,
    ArticleStatus,
    LeadPictureUse,
    RelatedLink,
)
from copydesk.records.picture import PictureMetadata
from copydesk.sync.merge import (
    FieldConflict,
    MergeResult,
    merge_fields,
    merge_list,
    merge_prose,
    paragraphs,
)

NBSP, NNBSP = "\u00a0", "\u202f"
LISTS = ("authors", "keywords", "related_links")

BODY = "Le maire a signé le budget lundi.\n\nLes élus ont voté.\n\nLa séance est levée.\n"


def article(**changes: object) -> dict[str, object]:
    """An article as a revision stores it (``content_to_json``), with ``changes``."""
    content = ArticleContent(
        headline="Le budget est voté",
        kicker="Conseil municipal",
        standfirst="Une séance sans surprise.",
        body=BODY,
        language="fr",
        dateline_date=date(2025, 3, 15),
        edition="Lyon",
        authors=("Olga Demidenko", "Jean Roy"),
        keywords=("budget", "mairie", "élus"),
        related_links=(RelatedLink("Le budget 2024", "https://example.org/2024"),),
        status=ArticleStatus.IN_REVIEW,
        lead_picture=LeadPictureUse(7, "Le conseil en séance.", "Des élus assis.", False),
    )
    data: dict[str, object] = json.loads(content_to_json(content))
    return {**data, **changes}


def merged_fields(
    base: dict[str, object], mine: dict[str, object], theirs: dict[str, object]
) -> MergeResult:
    """merge_fields with the article's lists merged as lists, as the sync does."""
    return merge_fields(base, mine, theirs, list_fields=LISTS)


# ---- the body, paragraph by paragraph and word by word --------------------------------------

P1, P2, P3 = "Le maire a signé le budget lundi.", "Les élus ont voté.", "La séance est levée."

PROSE_CASES = [
    pytest.param("Monday", "Tuesday", "Wednesday", None, id="monday-tuesday-wednesday"),
    pytest.param(
        f"{P1}\n\n{P2}\n\n{P3}\n",
        f"{P1}\n\nLes élus ont voté à l’unanimité.\n\n{P3}\n",
        f"{P1}\n\n{P2}\n\nLa séance est levée à 22 heures.\n",
        f"{P1}\n\nLes élus ont voté à l’unanimité.\n\nLa séance est levée à 22 heures.\n",
        id="different-paragraphs",
    ),
    pytest.param(
        "Le maire a signé le budget lundi soir.\n",
        "Le maire a voté le budget lundi soir.\n",
        "Le maire a signé le budget mardi soir.\n",
        "Le maire a voté le budget mardi soir.\n",
        id="different-words-of-one-paragraph",
    ),
    pytest.param(
        "Le maire a signé le budget lundi.\n",
        "Le maire a signé le budget mardi.\n",
        "Le maire a signé le budget mercredi.\n",
        None,
        id="same-word-two-ways",
    ),
    pytest.param(BODY, BODY + "\nFin.\n", BODY + "\nFin.\n", BODY + "\nFin.\n", id="same-change"),
    pytest.param(
        BODY, BODY.replace("lundi", "mardi"), BODY, BODY.replace("lundi", "mardi"), id="mine-only"
    ),
    pytest.param(
        BODY, BODY, BODY.replace("lundi", "mardi"), BODY.replace("lundi", "mardi"), id="theirs-only"
    ),
    pytest.param(
        f"{P1}\n\n{P2}\n\n{P3}\n",
        f"{P1}\n\n{P3}\n",
        f"{P1}\n\nLes élus ont voté à l’unanimité.\n\n{P3}\n",
        None,
        id="deleted-vs-edited-paragraph",
    ),
    pytest.param(
        f"{P1}\n\n{P2}\n\n{P3}\n",
        f"{P1}\n\n{P3}\n",
        f"{P1}\n\n{P2}\n\nLa séance est levée à 22 heures.\n",
        f"{P1}\n\nLa séance est levée à 22 heures.\n",
        id="deleted-paragraph-vs-edited-next-one",
    ),
    pytest.param(
        f"{P1}\n",
        f"{P1}\n\nUn ajout de l’un.\n",
        f"{P1}\n\nUn ajout de l’autre.\n",
        None,
        id="both-append-different-paragraphs",
    ),
    pytest.param(
        f"{P1}\n",
        f"{P1}\n\nLe même ajout.\n",
        f"{P1}\n\nLe même ajout.\n",
        f"{P1}\n\nLe même ajout.\n",
        id="both-append-the-same-paragraph",
    ),
    pytest.param(
        f"{P1}\n\n{P3}\n",
        f"Chapô.\n\n{P1}\n\n{P3}\n",
        f"{P1}\n\n{P3}\n\nPost-scriptum.\n",
        f"Chapô.\n\n{P1}\n\n{P3}\n\nPost-scriptum.\n",
        id="paragraphs-inserted-at-different-places",
    ),
    pytest.param(
        "Le maire a signé le budget.\n",
        "Le maire a enfin signé le budget.\n",
        "Le maire a signé le budget annuel.\n",
        "Le maire a enfin signé le budget annuel.\n",
        id="words-inserted-at-different-places",
    ),
    pytest.param(
        "Le maire a signé le budget.\n",
        "Le maire a enfin signé le budget.\n",
        "Le maire a hier signé le budget.\n",
        None,
        id="words-inserted-at-one-place",
    ),
    pytest.param(
        f"{P1}\n",
        f"{P1} Il part.\n\nUn ajout.\n",
        "Le maire a signé le budget mardi.\n",
        None,
        id="edited-last-word-vs-appended-after-it",
    ),
    pytest.param(
        "Un  deux\tTrois.\r\n\r\nQuatre cinq.\r\n \r\nSix.\r\n",
        "Un  deux\tTROIS.\r\n\r\nQuatre cinq.\r\n \r\nSix.\r\n",
        "Un  deux\tTrois.\r\n\r\nQuatre cinq.\r\n \r\nSix !\r\n",
        "Un  deux\tTROIS.\r\n\r\nQuatre cinq.\r\n \r\nSix !\r\n",
        id="crlf-tabs-and-spaces-kept",
    ),
    pytest.param(
        "Trois.\n\nQuatre cinq.\n",
        "Trois.\r\n\r\nQuatre cinq.\r\n",
        "Trois.\n\nQuatre six.\n",
        None,
        id="line-endings-changed-vs-edited",
    ),
    pytest.param(
        f"«{NBSP}Nous voterons{NBSP}», a dit le maire{NNBSP}; l’opposition s’abstient.\n",
        f"«{NBSP}Nous voterons le budget{NBSP}», a dit le maire{NNBSP}; l’opposition s’abstient.\n",
        f"«{NBSP}Nous voterons{NBSP}», a dit le maire{NNBSP}; l’opposition s’est abstenue.\n",
        f"«{NBSP}Nous voterons le budget{NBSP}», a dit le maire{NNBSP}; "
        "l’opposition s’est abstenue.\n",
        id="french-quotes-and-no-break-spaces",
    ),
    pytest.param(
        "Avant.\n\n```\nx = 1\n\ny = 2\n```\n\nAprès.\n",
        "Avant.\n\n```\nx = 10\n\ny = 2\n```\n\nAprès.\n",
        "Avant.\n\n```\nx = 1\n\ny = 20\n```\n\nAprès.\n",
        "Avant.\n\n```\nx = 10\n\ny = 20\n```\n\nAprès.\n",
        id="fenced-code-merges-as-one-block",
    ),
    pytest.param("", "Un article.\n", "Un autre article.\n", None, id="empty-base-two-bodies"),
    pytest.param("", "Un article.\n", "", "Un article.\n", id="empty-base-one-body"),
]


@pytest.mark.parametrize(("base", "mine", "theirs", "expected"), PROSE_CASES)
def test_merge_prose(base: str, mine: str, theirs: str, expected: str | None) -> None:
    assert merge_prose(base, mine, theirs) == expected


@pytest.mark.parametrize(("base", "mine", "theirs", "expected"), PROSE_CASES)
def test_the_body_field_merges_as_prose(
    base: str, mine: str, theirs: str, expected: str | None
) -> None:
    result = merged_fields(article(body=base), article(body=mine), article(body=theirs))
    if expected is None:
        assert result.conflicts == (FieldConflict("body", base, mine, theirs),)
        assert result.merged["body"] == mine
    else:
        assert result.clean
        assert result.merged == article(body=expected)


def test_paragraphs_join_back_into_the_text() -> None:
    text = "\n\nUn.\r\n \r\nDeux\ntrois.\n\n\n```\nx\n\ny\n```\nQuatre.\n"
    pieces = paragraphs(text)
    assert "".join(pieces) == text
    assert pieces == [
        "\n\n",
        "Un.",
        "\r\n \r\n",
        "Deux\ntrois.",
        "\n\n\n",
        "```\nx\n\ny\n```\nQuatre.",
        "\n",
    ]


# ---- fields and lists -------------------------------------------------------------------------

LEAD = {
    "picture_id": 7,
    "caption": "Le conseil en séance.",
    "alt_text": "Des élus assis.",
    "illustrative": False,
}

FIELD_CASES = [
    pytest.param(
        article(headline="Monday"),
        article(headline="Tuesday"),
        article(headline="Wednesday"),
        ("headline",),
        {},
        id="headline-monday-tuesday-wednesday",
    ),
    pytest.param(
        article(),
        article(headline="Le budget est adopté"),
        article(kicker="Lyon"),
        (),
        {"headline": "Le budget est adopté", "kicker": "Lyon"},
        id="different-fields",
    ),
    pytest.param(
        article(),
        article(status="published"),
        article(status="published"),
        (),
        {"status": "published"},
        id="same-change-both-sides",
    ),
    pytest.param(
        article(),
        article(keywords=["budget", "mairie", "élus", "finances"]),
        article(keywords=["budget", "élus"]),
        (),
        {"keywords": ["budget", "élus", "finances"]},
        id="keyword-added-vs-another-removed",
    ),
    pytest.param(
        article(keywords=["budget", "mairie"]),
        article(keywords=["budget", "mairie", "finances"]),
        article(keywords=["budget"]),
        (),
        {"keywords": ["budget", "finances"]},
        id="keyword-appended-vs-last-removed",
    ),
    pytest.param(
        article(),
        article(keywords=["budget", "mairie", "élus", "finances"]),
        article(keywords=["budget", "mairie", "élus", "conseil"]),
        (),
        {"keywords": ["budget", "mairie", "élus", "finances", "conseil"]},
        id="keywords-added-on-both-sides",
    ),
    pytest.param(
        article(keywords=["lundi"]),
        article(keywords=["mardi"]),
        article(keywords=["mercredi"]),
        ("keywords",),
        {},
        id="keyword-replaced-two-ways",
    ),
    pytest.param(
        article(),
        article(authors=["Jean Roy", "Olga Demidenko"]),
        article(authors=["Olga Demidenko", "Jean Roy", "Léa Martin"]),
        (),
        {"authors": ["Jean Roy", "Olga Demidenko", "Léa Martin"]},
        id="authors-reordered-vs-added",
    ),
    pytest.param(
        article(authors=["A", "B", "C"]),
        article(authors=["B", "A", "C"]),
        article(authors=["A", "C", "B"]),
        ("authors",),
        {},
        id="authors-reordered-two-ways",
    ),
    pytest.param(
        article(),
        article(related_links=[["Le budget 2023", "https://example.org/2024"]]),
        article(
            related_links=[
                ["Le budget 2024", "https://example.org/2024"],
                ["Le vote", "https://example.org/vote"],
            ]
        ),
        (),
        {
            "related_links": [
                ["Le budget 2023", "https://example.org/2024"],
                ["Le vote", "https://example.org/vote"],
            ]
        },
        id="related-link-retitled-vs-link-added",
    ),
    pytest.param(
        article(),
        article(lead_picture={**LEAD, "caption": "Le maire signe."}),
        article(lead_picture={**LEAD, "picture_id": 8}),
        ("lead_picture",),
        {},
        id="lead-picture-changed-two-ways",
    ),
    pytest.param(
        article(),
        article(edition="Grenoble"),
        article(lead_picture=None),
        (),
        {"edition": "Grenoble", "lead_picture": None},
        id="lead-picture-removed-on-one-side",
    ),
    pytest.param(
        {},
        article(body="Un article.\n"),
        article(body="Un autre article.\n"),
        ("body",),
        {},
        id="new-article-on-both-sides",
    ),
    pytest.param(
        {k: v for k, v in article().items() if k != "kicker"},
        {k: v for k, v in article().items() if k != "kicker"},
        article(kicker="Exclusif"),
        (),
        {"kicker": "Exclusif"},
        id="field-unknown-to-base-and-mine",
    ),
]


@pytest.mark.parametrize(("base", "mine", "theirs", "conflicting", "changed"), FIELD_CASES)
def test_merge_fields(
    base: dict[str, object],
    mine: dict[str, object],
    theirs: dict[str, object],
    conflicting: tuple[str, ...],
    changed: dict[str, object],
) -> None:
    result = merged_fields(base, mine, theirs)
    assert tuple(conflict.field for conflict in result.conflicts) == conflicting
    assert result.clean == (not conflicting)
    expected = {**mine, **changed} if conflicting else {**base, **mine, **changed}
    assert result.merged == expected


def test_a_conflict_keeps_all_three_values_and_mine_in_the_merge() -> None:
    result = merged_fields(article(), article(headline="Mardi"), article(headline="Mercredi"))
    assert result.conflicts == (
        FieldConflict("headline", "Le budget est voté", "Mardi", "Mercredi"),
    )
    assert result.merged["headline"] == "Mardi"
    assert not result.clean


def test_a_field_left_out_counts_as_unchanged() -> None:
    """content_to_json leaves ``lead_picture`` out when there is none: the sync must write
    it as None, or a removal would read as no change."""
    without = {k: v for k, v in article().items() if k != "lead_picture"}
    assert merged_fields(article(), article(), without).merged == article()
    assert merged_fields(article(), article(), {**without, "lead_picture": None}).merged == (
        article(lead_picture=None)
    )


def test_lists_are_plain_values_unless_named() -> None:
    result = merge_fields(
        article(), article(keywords=["budget"]), article(keywords=["budget", "mairie", "élus", "x"])
    )
    assert [conflict.field for conflict in result.conflicts] == ["keywords"]


def test_picture_credits_merge_field_by_field() -> None:
    base = dataclasses.asdict(PictureMetadata(creator="J. Roy", credit_line="AFP", city="Lyon"))
    mine = {**base, "creator": "Jean Roy"}
    theirs = {**base, "credit_line": "AFP / Hans Lucas", "city": "Villeurbanne"}
    assert merge_fields(base, mine, theirs) == MergeResult(
        {**base, "creator": "Jean Roy", "credit_line": "AFP / Hans Lucas", "city": "Villeurbanne"},
        (),
    )
    clash = merge_fields(base, mine, {**base, "creator": "Jeanne Roy"})
    assert [conflict.field for conflict in clash.conflicts] == ["creator"]


@pytest.mark.parametrize(
    ("base", "mine", "theirs", "expected"),
    [
        pytest.param([1, 2, 1], [1, 2, 1, 3], [0, 1, 2, 1], [0, 1, 2, 1, 3], id="repeats-merge3"),
        pytest.param([1, 2, 1], [1, 3, 1], [1, 4, 1], None, id="repeats-conflict"),
        pytest.param(["a", "b"], ["b", "a"], ["a"], ["a"], id="moved-vs-removed"),
        pytest.param(
            ["a", "b"], ["a", "y", "b"], ["a", "z", "b"], ["a", "y", "z", "b"], id="same-place"
        ),
        pytest.param(["a", "b"], ["a", "b", "c"], ["z", "a"], ["z", "a", "c"], id="front-and-back"),
        pytest.param((), ("a",), ("b",), ["a", "b"], id="empty-base"),
    ],
)
def test_merge_list(
    base: list[object], mine: list[object], theirs: list[object], expected: object
) -> None:
    assert merge_list(base, mine, theirs) == expected


# ---- properties ---------------------------------------------------------------------------------

TEXT = st.text(
    alphabet=st.sampled_from(["a", "b", "é", " ", NBSP, "«", "»", "\n", "\r", "\t", "`"])
)
ITEMS = st.lists(st.sampled_from(["a", "b", "c", "d", "e"]), max_size=6)
WORD = st.sampled_from(["le", "maire", "a", "signé", "budget", "lundi", "«", "»", "élus", "vote"])
SENTENCE = st.lists(WORD, min_size=1, max_size=6).map(" ".join)
PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(TEXT, TEXT)
def test_a_one_sided_change_is_taken_as_it_is(base: str, changed: str) -> None:
    assert merge_prose(base, changed, base) == changed
    assert merge_prose(base, base, changed) == changed
    assert merge_prose(base, changed, changed) == changed


@PROPERTY
@given(ITEMS, ITEMS)
def test_a_one_sided_list_change_is_taken_as_it_is(base: list[str], changed: list[str]) -> None:
    assert merge_list(base, changed, base) == changed
    assert merge_list(base, base, changed) == changed
    assert merge_list(base, changed, changed) == changed


@PROPERTY
@given(st.dictionaries(st.sampled_from(["headline", "body", "keywords"]), TEXT), st.data())
def test_a_one_sided_field_change_is_taken(base: dict[str, object], data: st.DataObject) -> None:
    """Fields the base lacks included: the side that has one gives it."""
    changes = data.draw(st.dictionaries(st.sampled_from(["headline", "body", "edition"]), TEXT))
    changed: dict[str, object] = {**base, **changes}
    for mine, theirs in [(changed, base), (base, changed), (changed, changed)]:
        assert merge_fields(base, mine, theirs) == MergeResult(changed, ())


@st.composite
def two_edits(draw: st.DrawFn) -> tuple[list[str], list[str | None], list[str | None]]:
    """Base paragraphs, and each side's version of each: the same, rewritten, or deleted."""
    base = draw(st.lists(SENTENCE, min_size=1, max_size=6, unique=True))
    edit = st.one_of(st.none(), SENTENCE.map(lambda text: text + " !"))
    mine = [draw(st.one_of(st.just(text), edit)) for text in base]
    theirs = [draw(st.one_of(st.just(text), edit)) for text in base]
    return base, mine, theirs


def joined(paragraphs_: Sequence[str | None]) -> str:
    return "\n\n".join(text for text in paragraphs_ if text is not None) + "\n"


@PROPERTY
@given(two_edits())
def test_a_clean_merge_keeps_every_paragraph_only_one_side_changed(
    edits: tuple[list[str], list[str | None], list[str | None]],
) -> None:
    base, mine, theirs = edits
    merged = merge_prose(joined(base), joined(mine), joined(theirs))
    if merged is None:
        return
    pieces = paragraphs(merged)
    for old, ours, others in zip(base, mine, theirs, strict=True):
        if ours not in (old, None) and others == old:
            assert ours in pieces
        if others not in (old, None) and ours == old:
            assert others in pieces
        if ours is None and others is None:
            assert old not in pieces


@PROPERTY
@given(two_edits())
def test_disjoint_paragraph_edits_always_merge(
    edits: tuple[list[str], list[str | None], list[str | None]],
) -> None:
    """Mine rewrites odd paragraphs, theirs even ones: neighbours, but never the same one."""
    base, mine, theirs = edits
    ours = [
        new or old if index % 2 else old
        for index, (old, new) in enumerate(zip(base, mine, strict=True))
    ]
    others = [
        old if index % 2 else new or old
        for index, (old, new) in enumerate(zip(base, theirs, strict=True))
    ]
    expected = [
        other if new == old else new for old, new, other in zip(base, ours, others, strict=True)
    ]
    assert merge_prose(joined(base), joined(ours), joined(others)) == joined(expected)


@PROPERTY
@given(st.lists(WORD, min_size=1, max_size=8), st.data())
def test_one_word_changed_two_ways_is_never_glued(words: list[str], data: st.DataObject) -> None:
    """Repeated words included ("le maire maire le"), where an alignment can mistake a
    replaced word for a shifted one."""
    at = data.draw(st.integers(0, len(words) - 1))
    ours, others = data.draw(
        st.lists(WORD.filter(lambda word: word != words[at]), min_size=2, max_size=2, unique=True)
    )
    base, mine, theirs = (
        " ".join([*words[:at], word, *words[at + 1 :]]) for word in (words[at], ours, others)
    )
    assert merge_prose(base + "\n", mine + "\n", theirs + "\n") is None


@PROPERTY
@given(ITEMS.map(lambda items: list(dict.fromkeys(items))), st.data())
def test_an_ordered_set_merge_adds_and_removes_what_either_side_did(
    base: list[str], data: st.DataObject
) -> None:
    sets = st.lists(st.sampled_from("abcdefg"), unique=True, max_size=6)
    mine, theirs = data.draw(sets), data.draw(sets)
    merged = merge_list(base, mine, theirs)
    if merged is None:
        return
    assert len(set(merged)) == len(merged)
    for item in set(base) | set(mine) | set(theirs):
        removed = item in base and (item not in mine or item not in theirs)
        added = item not in base and (item in mine or item in theirs)
        assert (item in merged) == (added or (item in base and not removed))


def test_the_advertising_mark_merges_from_revisions_that_predate_it() -> None:
    from copydesk.sync.pulling import merge

    older = {"headline": "Croisières", "body": "Texte."}  # a revision from before the mark
    unmarked, marked = {**older, "advertising": False}, {**older, "advertising": True}
    assert merge("article", older, unmarked, marked).merged["advertising"] is True
    assert merge("article", older, marked, unmarked).merged["advertising"] is True
    assert not merge("article", older, unmarked, marked).conflicts
    # Unmarking reaches the other side: the wire always says it.
    result = merge("article", marked, unmarked, marked)
    assert result.merged["advertising"] is False and not result.conflicts
    assert json.loads(content_to_json(ArticleContent(advertising=True)))["advertising"] is True
    assert "advertising" not in json.loads(content_to_json(ArticleContent()))
