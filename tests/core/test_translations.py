"""The French catalogues are complete, current and typographically French; the English one holds
the plural forms. ``make translations`` refreshes them; these tests say what is left to do."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from copydesk import translation

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import translations as tools  # noqa: E402

PLACEHOLDER = re.compile(r"\{[A-Za-z_0-9]*\}|%L?\d")


def ts_messages(path: Path) -> Iterator[tuple[str, ET.Element]]:
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def ts_translations(message: ET.Element) -> list[str]:
    translation_element = message.find("translation")
    assert translation_element is not None
    forms = translation_element.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation_element.text or ""]


def translation_type(message: ET.Element) -> str | None:
    element = message.find("translation")
    return None if element is None else element.get("type")


def french_texts() -> Iterator[tuple[str, str]]:
    for _context, message in ts_messages(tools.TRANSLATIONS / "copydesk_fr.ts"):
        for text in ts_translations(message):
            yield message.findtext("source") or "", text
    for message in tools.read_catalogue("fr"):
        if message.id:
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            source = message.id[0] if isinstance(message.id, tuple) else message.id
            for text in strings:
                yield source, text


# The core (gettext)


def test_every_core_message_has_a_finished_french_translation() -> None:
    missing = []
    for message in tools.read_catalogue("fr"):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(s.strip() for s in strings):
            missing.append(message.id)
    assert not missing, f"{len(missing)} core texts lack French: {missing[:10]}"


def test_the_core_catalogue_holds_every_text_marked_in_the_sources() -> None:
    catalogue = {message.id for message in tools.read_catalogue("fr") if message.id}
    marked = {message.id for message in tools.core_template() if message.id}
    new = marked - catalogue
    assert not new, f"run `make translations`, then translate: {sorted(map(str, new))[:10]}"
    assert catalogue - marked == set(), "the catalogue keeps texts the sources dropped"


def test_core_translations_keep_their_placeholders() -> None:
    for message in tools.read_catalogue("fr"):
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(" ".join(sources)))
        for text in strings:
            assert set(PLACEHOLDER.findall(text)) == wanted, (message.id, text)


def test_the_compiled_core_catalogue_is_current() -> None:
    compiled = tools.compiled_mo(tools.read_catalogue("fr"))
    assert tools.core_mo_path("fr").read_bytes() == compiled, "run `make translations`"


def test_the_core_speaks_french_once_asked_and_english_again() -> None:
    message = "There is no article with the slug “{slug}” in this library."
    try:
        assert translation.use_language("fr") == "fr"
        assert translation._(message) != message
        assert "«" in translation._(message)
    finally:
        translation.use_language("en")
    assert translation._(message) == message


def test_french_plurals_count_zero_and_one_as_singular() -> None:
    catalogue = tools.read_catalogue("fr")
    assert catalogue.num_plurals == 2
    assert catalogue.plural_expr == "(n > 1)"


@pytest.mark.parametrize(
    ("environment", "language"),
    [
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "fr_CA.UTF-8"}, "fr"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANGUAGE": "fr:en", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LC_ALL": "fr_BE.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
        ({}, "en"),
    ],
)
def test_the_system_language_is_read_as_gettext_reads_it(
    environment: dict[str, str], language: str
) -> None:
    assert translation.system_language(environment) == language


# The window (Qt Linguist)


def lupdated_copy(tmp_path: Path, language: str, *extra: str) -> Path:
    copy = tmp_path / f"copydesk_{language}.ts"
    shutil.copy(tools.TRANSLATIONS / copy.name, copy)
    subprocess.run(
        [
            str(tools.bin_dir() / "pyside6-lupdate"),
            *map(str, tools.qt_sources()),
            *extra,
            "-no-obsolete",
            "-locations",
            "none",
            "-silent",
            "-ts",
            str(copy),
        ],
        check=True,
    )
    return copy


def test_every_window_text_has_a_finished_french_translation(tmp_path: Path) -> None:
    """lupdate run over today's sources adds nothing new to the committed catalogue."""
    refreshed = lupdated_copy(tmp_path, "fr")
    unfinished = [
        f"{context}: {message.findtext('source')}"
        for context, message in ts_messages(refreshed)
        if translation_type(message) in ("unfinished", "vanished", "obsolete")
        or not all(text.strip() for text in ts_translations(message))
    ]
    assert not unfinished, f"{len(unfinished)} window texts lack French: {unfinished[:10]}"


def test_every_plural_has_its_english_and_french_forms(tmp_path: Path) -> None:
    english = lupdated_copy(tmp_path, "en", "-pluralonly")
    for language, path in (("en", english), ("fr", tools.TRANSLATIONS / "copydesk_fr.ts")):
        for context, message in ts_messages(path):
            if message.get("numerus") == "yes":
                forms = ts_translations(message)
                assert len(forms) == 2 and all(forms), (
                    language,
                    context,
                    message.findtext("source"),
                )
                assert translation_type(message) is None


def test_window_translations_keep_their_placeholders() -> None:
    for context, message in ts_messages(tools.TRANSLATIONS / "copydesk_fr.ts"):
        source = message.findtext("source") or ""
        wanted = set(PLACEHOLDER.findall(source))
        for text in ts_translations(message):
            assert set(PLACEHOLDER.findall(text)) == wanted, (context, source, text)
            if message.get("numerus") == "yes" and "%n" in source:
                assert "%n" in text or "%Ln" in text, (context, source, text)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_compiled_window_catalogue_is_current(tmp_path: Path, language: str) -> None:
    ts = tools.TRANSLATIONS / f"copydesk_{language}.ts"
    compiled = tmp_path / f"copydesk_{language}.qm"
    tools.release_qt(ts, compiled)
    assert ts.with_suffix(".qm").read_bytes() == compiled.read_bytes(), "run `make translations`"


# French typography, everywhere


def test_french_texts_follow_french_typography() -> None:
    wrong = []
    for _source, text in french_texts():
        plain = re.sub(r"<[^>]+>|https?://\S+|\b\w+://\S*|\{[a-z_]+\}", "", text)
        # Quoted examples (« C: ») and the marks named in parentheses are not prose.
        plain = re.sub(r"«\u00a0[^»]*\u00a0»|\([«»]\)", "«\u00a0»", plain)
        if re.search(r"(?<![\u00a0\u202f])[:;!?](?=\s|$)", plain) and not re.search(
            r"\b[A-Za-z]:\\", plain
        ):
            wrong.append(("space before : ; ! ?", text))
        if re.search(r"[“”\"]", plain):
            wrong.append(("« » for quotes", text))
        if re.search(r"«(?!\u00a0)|(?<!\u00a0)»", plain):
            wrong.append(("no-break spaces inside « »", text))
        if "(s)" in plain:
            wrong.append(("a plural message, not (s)", text))
    assert not wrong, f"{len(wrong)}: {wrong[:10]}"
