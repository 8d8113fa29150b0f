"""The compliance engine's problems in the user's language: a template for every code the
engine produces, templates that say word for word what the core says, a translator's words
used when one is installed, and params filled in once."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from pytestqt.qtbot import QtBot

from copydesk.pictures import compliance, disagreements, restrictions
from copydesk.pictures.compliance import FIELD_ORDER, CreditProblem, check_picture, check_use
from copydesk.qt.pictures.credit_editor import CreditEditor
from copydesk.qt.pictures.credit_messages import (
    CONTEXT,
    field_label,
    known_codes,
    problem_message,
    problem_suggestion,
)
from copydesk.records.picture import PictureMetadata
from copydesk.records.problem import Severity

TODAY = date(2025, 3, 15)
PAGE = "https://commons.wikimedia.org/wiki/File:Example.jpg"
CC_BY_SA_DEED = "https://creativecommons.org/licenses/by-sa/4.0/"
AI = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
# A CC BY picture with everything its licence asks for: each case below breaks one rule.
CLEAN = PictureMetadata(
    creator="Jane Doe",
    source="Reuters",
    licence_id="cc-by-4.0",
    source_url=PAGE,
    description="Le Kremlin, à Moscou.",
)
# (metadata, commercial): together they break every rule of check_picture, in every wording
# (with and without a guessed licence, a website as each kind of name, …).
PICTURES: list[tuple[PictureMetadata, bool]] = [
    (CLEAN.replace(creator=CC_BY_SA_DEED), False),  # a licence link as the creator
    (CLEAN.replace(licence_id=""), False),
    (CLEAN.replace(licence_id="", web_statement=CC_BY_SA_DEED), False),
    (CLEAN.replace(licence_id="", source="AFP"), False),
    (CLEAN.replace(licence_id="", source="Service de presse du Kremlin"), False),
    (CLEAN.replace(licence_id="", source="", rights_marked="False"), False),
    (CLEAN.replace(licence_id="", source="", copyright_notice="© Shutterstock"), False),
    (CLEAN.replace(licence_id="", special_instructions="HANDOUT PHOTO"), False),
    (CLEAN.replace(licence_id="unknown"), False),
    (CLEAN.replace(licence_id="unknown", usage_terms="CC BY-SA 4.0"), False),
    (CLEAN.replace(licence_id="cc-by-9.9"), False),
    (CLEAN.replace(licence_id="cc-by-9.9", web_statement=CC_BY_SA_DEED), False),
    (CLEAN.replace(creator=""), False),
    (CLEAN.replace(creator="wikipedia.org", credit_line="flickr.com", source_url=""), False),
    (CLEAN.replace(source="https://www.instagram.com/someone/"), False),
    (CLEAN.replace(credit_override="Photo : Jane Doe / unsplash.com, CC BY 4.0"), False),
    (CLEAN.replace(licence_id="cc-by-nc-4.0"), True),
    (CLEAN.replace(licence_id="cc-by-nd-4.0", cropped=True), False),
    (CLEAN.replace(source_url="not a link"), False),
    (CLEAN.replace(source_url="example.com/picture"), False),
    (CLEAN.replace(credit_override="Photo : John Smith, CC BY 4.0"), False),
    (CLEAN.replace(credit_override="Photo : Jane Doe, CC BY-SA 4.0"), False),
    (CLEAN.replace(credit_override="Photo : Jane Doe"), False),
    (PictureMetadata(licence_id="agency"), False),
    (PictureMetadata(licence_id="handout"), False),
    (PictureMetadata(licence_id="staff"), False),
    (PictureMetadata(licence_id="permission"), False),
    (CLEAN.replace(digital_source_type=AI), False),
    (CLEAN.replace(rights_expiry=date(2025, 3, 14)), False),
    # The supplier's instructions
    (CLEAN.replace(special_instructions="MANDATORY CREDIT: Agence Exemple"), False),
    (CLEAN.replace(credit_line="Agence Exemple", credit_override="Photo : Jane Doe"), False),
    (CLEAN.replace(special_instructions="EMBARGOED UNTIL 1 JANUARY 2999"), False),
    (CLEAN.replace(special_instructions="HOLD FOR RELEASE"), False),
    (CLEAN.replace(special_instructions="HANDOUT PHOTO", source=""), False),
    (CLEAN.replace(special_instructions="EDS NOTE: A FILE PHOTO"), False),
    # The file disagrees with itself
    (CLEAN.replace(disagreements='{"source": {"IIM": "RTR", "XMP": "Reuters"}}'), False),
]
# (alt text, caption, illustrative): every rule of check_use.
USES: list[tuple[str, str, bool]] = [
    ("", "Le Kremlin.", False),
    ("x" * (compliance.ALT_TEXT_LIMIT + 1), "Le Kremlin.", False),
    ("Le Kremlin", "Le Kremlin.", False),
    ("Le Kremlin", "Le Kremlin, photo d'illustration.", True),
]


def produced_problems() -> Iterator[CreditProblem]:
    """Every problem the crafted pictures and uses bring out, the AI disclosure in two
    publication languages."""
    for metadata, commercial in PICTURES:
        for language in ("fr", "en"):
            yield from check_picture(
                metadata, language=language, commercial=commercial, today=TODAY
            )
    for alt_text, caption, illustrative in USES:
        yield from check_use(alt_text, caption, illustrative=illustrative)
    once = CLEAN.replace(special_instructions="ONE TIME USE ONLY")
    for first_use in (
        {"first_use_article": "a-uuid", "first_use_headline": "Le Kremlin"},
        {"first_use_article": "a-uuid"},
    ):
        picture = once.replace(**first_use)
        yield from restrictions.use_problems(picture, article_uuid="b-uuid", using_articles=1)
    editorial = CLEAN.replace(special_instructions="EDITORIAL USE ONLY")
    yield from restrictions.use_problems(
        editorial, article_uuid="b-uuid", using_articles=1, advertising=True
    )


def codes_in_engine_source() -> set[str]:
    """The codes compliance.py and restrictions.py pass to _error/_warning, read from their
    source, so that a rule added to the engine fails these tests until it has a template and a
    case above."""
    source = "".join(
        Path(module.__file__).read_text(encoding="utf-8")
        for module in (compliance, restrictions, disagreements)
    )
    calls = re.findall(r"(?<!def )\b_(?:error|warning)\(", source)
    codes = re.findall(r"(?<!def )\b_(?:error|warning)\(\s*\"([a-z_.]+)\"", source)
    assert len(codes) == len(calls), "a problem whose code is not a string literal"
    return set(codes)


def test_every_code_the_engine_produces_has_a_template() -> None:
    in_source = codes_in_engine_source()
    produced = {problem.code for problem in produced_problems()}
    assert len(in_source) == 30
    assert produced == in_source  # the cases above break every rule
    assert known_codes() == in_source  # a template for each, and none left over


def test_templates_say_what_the_core_says() -> None:
    # No translator is installed: the source texts are shown, and must be the core's English.
    for problem in produced_problems():
        assert problem_message(problem) == problem.message, problem.code
        assert problem_suggestion(problem) == problem.suggestion, problem.code


def test_every_wording_is_covered() -> None:
    """The cases reach each wording of the codes whose wording depends on the params."""
    problems = list(produced_problems())
    guesses = {bool(p.params.get("guess")) for p in problems if p.code.startswith("licence.")}
    grounds = {p.params.get("ground") for p in problems if p.code == "licence.missing"}
    assert grounds == {None, "rights", "marked", "agency", "stock", "handout"}
    websites = {p.params["field"] for p in problems if p.code == "credit.website"}
    creators = {bool(p.params["creator"]) for p in problems if p.code == "creator.missing"}
    disclosures = {p.params["disclosure"] for p in problems if p.code == "ai.undisclosed"}
    first_uses = {bool(p.params["headline"]) for p in problems if p.code.endswith("one_time_use")}
    assert first_uses == {True, False}
    assert guesses == {True, False}
    assert websites == set(compliance.NAME_FIELDS)
    assert creators == {True, False}
    assert len(disclosures) == 2


def test_unknown_codes_and_wordings_fall_back_to_the_core_english() -> None:
    newer = CreditProblem("future.rule", Severity.WARNING, "creator", "Something new.", {}, "Do.")
    assert problem_message(newer) == "Something new." and problem_suggestion(newer) == "Do."
    odd_field = CreditProblem(
        "credit.website",
        Severity.ERROR,
        "licensor",
        "The licensor names a website, “x.com”: a website is not an author.",
        {"website": "x.com", "field": "licensor"},
    )
    assert problem_message(odd_field) == odd_field.message
    assert problem_suggestion(odd_field) == ""


def test_a_param_is_filled_in_once() -> None:
    # "%2" in the creator's name stays as typed; it is not replaced by the licence's name.
    metadata = CLEAN.replace(creator="Studio %2", credit_override="Photo : Jane Doe, CC BY 4.0")
    (problem,) = [
        problem
        for problem in check_picture(metadata, language="fr", commercial=False, today=TODAY)
        if problem.code == "credit_override.creator_missing"
    ]
    expected = "The printed credit leaves out the creator, “Studio %2”, whom CC BY 4.0 requires."
    assert problem_message(problem) == expected == problem.message


class French(QTranslator):
    """Translates a few source texts of the "credits" context, and nothing else."""

    WORDS: ClassVar[dict[str, str]] = {
        "The alt text has %1 characters; the recommended limit is %2.": (
            "Le texte alternatif compte %1 caractères ; la limite conseillée est de %2."
        ),
        "Name the licence as “%1” (linked to %2).": "Nommez la licence « %1 » (lien vers %2).",
        "Creator": "Auteur",
    }

    def translate(self, context: str, source: str, *args: object) -> str | None:
        # None (a null QString) is "no translation": Qt then shows the source text, as it
        # does for a text a real translation file leaves out. "" would be shown as it is.
        return self.WORDS.get(source) if context == CONTEXT else None


@pytest.fixture
def french() -> Iterator[French]:
    translator = French()
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


@pytest.mark.usefixtures("french")
def test_messages_are_translated_by_code() -> None:
    (too_long,) = check_use("x" * 300, "Le Kremlin.", illustrative=False)
    assert problem_message(too_long) == (
        "Le texte alternatif compte 300 caractères ; la limite conseillée est de 250."
    )
    # Untranslated texts are shown in English.
    assert problem_suggestion(too_long) == too_long.suggestion
    metadata = CLEAN.replace(credit_override="Photo : Jane Doe")
    (missing,) = check_picture(metadata, language="fr", commercial=False, today=TODAY)
    assert problem_suggestion(missing) == (
        "Nommez la licence « CC BY 4.0 » (lien vers https://creativecommons.org/licenses/by/4.0/)."
    )
    assert field_label("creator") == "Auteur"


@pytest.mark.usefixtures("french")
def test_the_credit_editor_shows_the_translation(qtbot: QtBot) -> None:
    editor = CreditEditor()
    qtbot.addWidget(editor)
    editor.set_judgement("fr", commercial=False, today=TODAY)
    editor.show_picture("x", CLEAN.replace(credit_override="Photo : Jane Doe"))
    texts = [
        editor.problems.item(row).data(Qt.ItemDataRole.DisplayRole)
        for row in range(editor.problems.count())
    ]
    assert texts == [
        "The printed credit does not name the licence, CC BY 4.0.\n"
        "→ Nommez la licence « CC BY 4.0 » (lien vers https://creativecommons.org/licenses/by/4.0/)."
    ]


def test_every_field_has_a_label() -> None:
    fields = {*FIELD_ORDER, "alt_text", "caption"}
    labels = {field: field_label(field) for field in fields}
    assert all(label and label != field for field, label in labels.items())
    assert len(set(labels.values())) == len(fields)  # no two fields look alike
    assert labels["credit_override"] == "Printed credit" and labels["licence_id"] == "Licence"
    assert field_label("not_a_field") == "not_a_field"


def test_digital_source_types_are_shown_by_their_iptc_names(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    from copydesk.qt.pictures.credit_editor import DIGITAL_SOURCE_PREFIX, CreditEditor

    editor = CreditEditor()
    qtbot.addWidget(editor)
    combo = editor.digital_source
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert not any(text.startswith("http") or text == "trainedAlgorithmicMedia" for text in texts)
    ai = DIGITAL_SOURCE_PREFIX + "trainedAlgorithmicMedia"
    editor.show_picture("ai.jpg", CLEAN.replace(digital_source_type=ai))
    assert combo.currentText() == "Generated by AI (trained algorithmic media)"
    assert combo.itemData(combo.currentIndex(), Qt.ItemDataRole.ToolTipRole) == ai
    assert editor.metadata().digital_source_type == ai
