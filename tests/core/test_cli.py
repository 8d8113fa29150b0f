"""The ``copydesk`` command (its Qt-free subcommands; ``screenshot`` is tested with Qt)."""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from copydesk import __version__, translation
from copydesk.articles import store as articles
from copydesk.cli.main import build_parser, main
from copydesk.records.article import ArticleContent
from tests.helpers import COPYDESK, FULL_CONTENT, file_digest, opened


@pytest.fixture
def sample_library(library_path: Path) -> Path:
    with opened(library_path, sample=True):
        pass
    return library_path


def test_version_through_the_installed_entry_point() -> None:
    result = subprocess.run([str(COPYDESK), "--version"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.strip() == f"Copydesk {__version__}"


def test_list_prints_a_table(sample_library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--library", str(sample_library), "list"]) == 0
    header, row = capsys.readouterr().out.splitlines()
    assert header.split() == ["SLUG", "STATUS", "LANG", "UPDATED", "HEADLINE"]
    assert row.startswith("a-saint-aubin-des-pres-les-toits")
    assert "draft" in row and " fr " in row and row.endswith("600 foyers")


def test_list_json(sample_library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--library", str(sample_library), "list", "--json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert set(item) == {"slug", "headline", "status", "language", "updated"}
    assert item["status"] == "draft" and item["language"] == "fr"
    assert item["updated"].endswith("+00:00")


def test_the_environment_names_the_library(
    sample_library: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COPYDESK_LIBRARY", str(sample_library))
    assert main(["list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1


def test_list_refuses_a_missing_library_without_creating_it(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--library", str(library_path), "list"]) == 1
    assert capsys.readouterr().err == (
        f"copydesk: There is no Copydesk library at {library_path}. Create one with: "
        f"copydesk library new {shlex.quote(str(library_path))}\n"
    )
    assert not library_path.exists()


def test_list_reports_a_file_that_is_not_a_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    assert main(["--library", str(path), "list"]) == 1
    assert "is not a Copydesk library" in capsys.readouterr().err


def test_the_library_option_goes_before_the_subcommand(sample_library: Path) -> None:
    result = subprocess.run(
        [str(COPYDESK), "list", "--library", str(sample_library)], capture_output=True, text=True
    )
    assert result.returncode == 2 and "unrecognized arguments" in result.stderr


def test_screenshot_size_is_validated(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["screenshot", "--out", "x.png", "--size", "big"])
    assert "WIDTHxHEIGHT" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------------
# copydesk check

PROBLEMS = FULL_CONTENT.replace(
    kicker="Avant-titre",
    headline="Titre : un",
    authors=(),
    body="Première ligne.\n\nIl a dit qu'il viendrait.",
    dateline_date=date(2025, 3, 15),
)


def library_with(path: Path, content: ArticleContent) -> str:
    """Create a library holding ``content``; its slug."""
    with opened(path) as library, library.write() as session:
        return articles.create_article(session, content).slug


def test_check_prints_one_line_per_problem(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    slug = library_with(library_path, PROBLEMS)
    assert main(["--library", str(library_path), "check", slug]) == 1  # the byline is an error
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[:3] for line in lines] == [
        ["warning", "headline", "1:7"],
        ["error", "authors", "1:1"],
        ["warning", "body", "3:12"],
    ]
    assert lines[1].endswith("  The byline is missing: name at least one author.")
    assert lines[2].endswith("  Use the typographic apostrophe “’” instead of a straight one.")


def test_check_json(library_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    slug = library_with(library_path, PROBLEMS)
    assert main(["--library", str(library_path), "check", slug, "--json"]) == 1
    headline, byline, body = json.loads(capsys.readouterr().out)
    assert body == {
        "code": "typography.fr.straight_apostrophe",
        "severity": "warning",
        "field": "body",
        "line": 3,
        "column": 12,
        "start": 28,
        "end": 29,
        "message": "Use the typographic apostrophe “’” instead of a straight one.",
        "fixable": True,
    }
    assert PROBLEMS.body[body["start"] : body["end"]] == "'"
    assert byline["code"] == "byline.missing" and byline["fixable"] is False
    assert headline["code"] == "typography.fr.space_before_colon"


def test_check_exits_with_0_when_there_are_only_warnings(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    slug = library_with(library_path, PROBLEMS.replace(authors=("Ana Lima",)))
    assert main(["--library", str(library_path), "check", slug]) == 0
    assert [line.split()[0] for line in capsys.readouterr().out.splitlines()] == ["warning"] * 2


def test_check_a_clean_article(sample_library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--library", str(sample_library), "list", "--json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert main(["--library", str(sample_library), "check", item["slug"], "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_check_says_so_when_there_is_no_problem(
    sample_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--library", str(sample_library), "list", "--json"]) == 0
    slug = json.loads(capsys.readouterr().out)[0]["slug"]
    assert main(["--library", str(sample_library), "check", slug]) == 0
    assert capsys.readouterr() == (f"No problems found in “{slug}”.\n", "")


def test_check_an_unknown_slug(sample_library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--library", str(sample_library), "check", "nowhere"]) == 1
    assert capsys.readouterr().err == (
        "copydesk: There is no article with the slug “nowhere” in this library.\n"
    )


def test_check_leaves_the_library_untouched(library_path: Path) -> None:
    slug = library_with(library_path, PROBLEMS)
    before = file_digest(library_path)
    main(["--library", str(library_path), "check", slug])
    assert file_digest(library_path) == before


# ---------------------------------------------------------------------------------------------
# --help, and the person's language


def every_parser(
    parser: argparse.ArgumentParser, name: str = "copydesk"
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """The ``copydesk`` parser and each of its commands' and subcommands' (aliases once)."""
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            seen: set[int] = set()
            for command, subparser in action.choices.items():
                if id(subparser) not in seen:
                    seen.add(id(subparser))
                    yield from every_parser(subparser, f"{name} {command}")


def test_every_command_shows_examples_in_its_help() -> None:
    parsers = dict(every_parser(build_parser()))
    assert {"copydesk library new", "copydesk conflicts settle", "copydesk pictures attach"} <= set(
        parsers
    )
    for name, parser in parsers.items():
        text = parser.format_help()
        examples = text.split("Examples:\n", 1)[1].splitlines() if "Examples:" in text else []
        commands = [line.strip() for line in examples if line.strip().startswith("copydesk ")]
        assert commands, f"{name} --help shows no example"
        words = name.split()[1:]
        assert any(all(word in command.split() for word in words) for command in commands), (
            f"{name} --help: no example runs {name}"
        )


def test_help_keeps_the_examples_line_for_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["library", "new", "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert "\nExamples:\n  copydesk library new ~/Documents/news.copydesk\n" in out
    assert "  copydesk library new --empty ~/Documents/news.copydesk\n" in out
    assert "--empty     create it without the sample articles" in out


@pytest.fixture
def english_after() -> Iterator[None]:
    yield
    translation.use_language(translation.ENGLISH)


def test_the_command_line_speaks_the_language_of_the_locale(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    english_after: None,
) -> None:
    """``main`` takes the language from the environment before it builds the parser, so the
    help, the output and the errors are in it (a French catalogue made here for the test)."""
    catalogue = Catalog(locale="fr")
    catalogue.add(
        "check an article's headline, standfirst, byline, body, dateline and typography",
        "vérifier un article",
    )
    catalogue.add("No problems found in “{slug}”.", "Aucun problème dans «\u00a0{slug}\u00a0».")
    catalogue.add(
        "There is no Copydesk library at {path}. Create one with: copydesk library new "
        "{quoted_path}",
        "Il n’y a pas de bibliothèque Copydesk à {path}. Créez-en une avec\u00a0: "
        "copydesk library new {quoted_path}",
    )
    mo = tmp_path / "copydesk-core_fr.mo"
    with mo.open("wb") as file:
        write_mo(file, catalogue)
    monkeypatch.setattr(translation, "catalogue_path", lambda language: mo)
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")

    with pytest.raises(SystemExit):
        main(["--help"])
    assert "vérifier un article" in capsys.readouterr().out
    library = tmp_path / "news.copydesk"
    assert main(["--library", str(library), "list"]) == 1
    assert capsys.readouterr().err.startswith("copydesk: Il n’y a pas de bibliothèque Copydesk")
    with opened(library, sample=True):
        pass
    assert main(["--library", str(library), "list", "--json"]) == 0
    slug = json.loads(capsys.readouterr().out)[0]["slug"]
    assert main(["--library", str(library), "check", slug]) == 0
    assert capsys.readouterr().out == f"Aucun problème dans «\u00a0{slug}\u00a0».\n"

    monkeypatch.setenv("LANG", "C.UTF-8")
    assert main(["--library", str(library), "check", slug]) == 0
    assert capsys.readouterr().out == f"No problems found in “{slug}”.\n"
