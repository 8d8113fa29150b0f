"""The newsroom dictionary: words kept in the library (schema 0008), added and listed through
the use cases, carried by the library archive."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from copydesk.articles.dictionary import (
    add_dictionary_word,
    dictionary_words,
    remove_dictionary_word,
    words_by_language,
)
from copydesk.exchange.archive.export import export_library
from copydesk.exchange.archive.format import HEADER, ArchiveError
from copydesk.exchange.archive.restore import import_library
from copydesk.library.newsroom_dictionary import InvalidWord
from copydesk.records.dictionary import DictionaryEntry
from copydesk.text.spelling import open_speller
from tests.helpers import FIXTURES, opened

WHEN = datetime(2025, 3, 15, 9, 30, tzinfo=UTC)
LIBRARIES = FIXTURES / "libraries"


def test_words_are_added_once_and_listed(tmp_path: Path) -> None:
    with opened(tmp_path / "desk.copydesk") as library:
        entry = add_dictionary_word(library, " Zelensky ", "fr", "Olga", now=WHEN)
        assert entry == DictionaryEntry("Zelensky", "fr", "Olga", WHEN)
        again = add_dictionary_word(library, "Zelensky", "fr", "Jean")
        assert again.added_by == "Olga"  # who taught it first
        add_dictionary_word(library, "Peskov", "fr", "Jean", now=WHEN)
        add_dictionary_word(library, "Zelensky", "en", "", now=WHEN)
        assert [(e.word, e.language) for e in dictionary_words(library)] == [
            ("Zelensky", "en"),
            ("Peskov", "fr"),
            ("Zelensky", "fr"),
        ]
        assert [e.word for e in dictionary_words(library, "fr")] == ["Peskov", "Zelensky"]
        assert words_by_language(dictionary_words(library)) == {
            "en": {"Zelensky"},
            "fr": {"Peskov", "Zelensky"},
        }
        assert remove_dictionary_word(library, "Peskov", "fr")
        assert not remove_dictionary_word(library, "Peskov", "fr")
    with opened(tmp_path / "desk.copydesk", create=False) as library:
        assert len(dictionary_words(library)) == 2  # kept in the library file


@pytest.mark.parametrize(
    ("word", "message"),
    [
        ("", "empty word"),
        ("   ", "empty word"),
        ("deux mots", "not one word"),
        ("x" * 101, "at most 100 characters"),
    ],
)
def test_what_is_not_one_word_is_refused(tmp_path: Path, word: str, message: str) -> None:
    with opened(tmp_path / "desk.copydesk") as library:
        with pytest.raises(InvalidWord, match=message):
            add_dictionary_word(library, word, "fr")
        with pytest.raises(InvalidWord, match="not a language code"):
            add_dictionary_word(library, "Zelensky", "français")
        assert dictionary_words(library) == []


def test_a_speller_learns_the_librarys_words(tmp_path: Path) -> None:
    with opened(tmp_path / "desk.copydesk") as library:
        add_dictionary_word(library, "Peskov", "fr")
        words = words_by_language(dictionary_words(library))
    speller = open_speller("fr", words["fr"])
    assert [m.word for m in speller.misspellings("Peskov et Peskovv")] == ["Peskovv"]


# ---- the migration ----------------------------------------------------------------------------


def test_a_0007_library_is_upgraded_with_an_empty_dictionary(tmp_path: Path) -> None:
    path = tmp_path / "old.copydesk"
    shutil.copy(LIBRARIES / "0007.copydesk", path)
    with opened(path, create=False) as library:
        assert dictionary_words(library) == []
        add_dictionary_word(library, "Saint-Aubinois", "fr")
        assert [e.word for e in dictionary_words(library)] == ["Saint-Aubinois"]


def test_the_0008_fixture_keeps_its_word(tmp_path: Path) -> None:
    path = tmp_path / "fixture.copydesk"
    shutil.copy(LIBRARIES / "0008.copydesk", path)
    with opened(path, create=False) as library:
        (entry,) = dictionary_words(library)
    assert (entry.word, entry.language, entry.added_by) == ("Saint-Aubinois", "fr", "fixture")


# ---- the library archive ---------------------------------------------------------------------


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    with opened(tmp_path / "source.copydesk", sample=True) as library:
        add_dictionary_word(library, "Zelensky", "fr", "Olga", now=WHEN)
        add_dictionary_word(library, "Peskov", "fr", "Olga", now=WHEN)
        add_dictionary_word(library, "Kyiv", "en", "Sam", now=WHEN)
        path = tmp_path / "library.zip"
        summary = export_library(library, path)
    assert summary.words == 3
    return path


def test_the_words_travel_with_the_archive(archive: Path, tmp_path: Path) -> None:
    with opened(tmp_path / "restored.copydesk") as target:
        summary = import_library(target, archive)
        restored = dictionary_words(target)
    assert summary.words == 3
    assert [(e.word, e.language, e.added_by, e.added_at) for e in restored] == [
        ("Kyiv", "en", "Sam", WHEN),
        ("Peskov", "fr", "Olga", WHEN),
        ("Zelensky", "fr", "Olga", WHEN),
    ]


def test_words_are_merged_into_a_library_that_already_has_some(
    archive: Path, tmp_path: Path
) -> None:
    with opened(tmp_path / "restored.copydesk") as target:
        add_dictionary_word(target, "Zelensky", "fr", "Jean", now=WHEN)
        add_dictionary_word(target, "Azovstal", "fr", "Jean", now=WHEN)
        import_library(target, archive)  # words alone do not make a library "not empty"
        words = [(e.word, e.language, e.added_by) for e in dictionary_words(target)]
    assert words == [
        ("Kyiv", "en", "Sam"),
        ("Azovstal", "fr", "Jean"),
        ("Peskov", "fr", "Olga"),
        ("Zelensky", "fr", "Jean"),  # the library's own entry stays
    ]


def rewritten(
    archive: Path, name: str, rows: list[dict[str, object]] | None, **header: object
) -> Path:
    """A copy of ``archive`` with the entry ``name`` replaced (None: removed), its manifest
    brought up to date and its header changed by ``header``."""
    with zipfile.ZipFile(archive) as source:
        files = {entry: source.read(entry) for entry in source.namelist()}
    if rows is None:
        files.pop(name)
    else:
        files[name] = json.dumps(rows).encode()
    document = json.loads(files[HEADER])
    document.update(header)
    document["entries"] = [
        {"name": n, "sha256": hashlib.sha256(d).hexdigest(), "size": len(d)}
        for n, d in files.items()
        if n != HEADER
    ]
    files[HEADER] = json.dumps(document).encode()
    path = archive.with_name("altered.zip")
    with zipfile.ZipFile(path, "w") as out:
        for entry, data in files.items():
            out.writestr(entry, data)
    return path


def words_of(archive: Path) -> list[dict[str, object]]:
    with zipfile.ZipFile(archive) as source:
        rows: list[dict[str, object]] = json.loads(source.read("words/0001.json"))
    return rows


def test_an_archive_from_before_the_dictionary_is_still_read(archive: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(archive) as source:
        counts = json.loads(source.read(HEADER))["counts"]
    del counts["words"]
    older = rewritten(archive, "words/0001.json", None, schema_revision="0007", counts=counts)
    with opened(tmp_path / "restored.copydesk") as target:
        summary = import_library(target, older)
        assert dictionary_words(target) == []
    assert (summary.articles, summary.words) == (1, 0)


def test_a_word_given_twice_is_refused(archive: Path, tmp_path: Path) -> None:
    rows = words_of(archive)
    rows.append({**rows[-1], "id": 99})
    with opened(tmp_path / "restored.copydesk") as target:
        with pytest.raises(
            ArchiveError, match=r"dictionary word 99 .* has the same word, language"
        ):
            import_library(target, rewritten(archive, "words/0001.json", rows))
        assert dictionary_words(target) == []


def test_a_word_that_is_not_one_is_refused(archive: Path, tmp_path: Path) -> None:
    rows = words_of(archive)
    rows[0]["word"] = "deux mots"
    with opened(tmp_path / "restored.copydesk") as target:
        with pytest.raises(ArchiveError, match="the field “word” is not valid"):
            import_library(target, rewritten(archive, "words/0001.json", rows))
        assert dictionary_words(target) == []
