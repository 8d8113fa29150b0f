"""``copydesk import``: a line per article imported, a line per file refused, exit status 1
when any was; a library that does not exist is refused with the command that creates it."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest

from copydesk.articles import store as articles
from copydesk.cli.main import main
from tests.helpers import opened


def titles(library_path: Path) -> list[str]:
    with opened(library_path, create=False) as library, library.read() as session:
        return sorted(summary.headline for summary in articles.list_summaries(session))


def empty_library(path: Path) -> Path:
    with opened(path):
        pass
    return path


def test_import_names_each_article(
    tmp_path: Path, shared: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = empty_library(tmp_path / "new.copydesk")
    reference = shared / "seed" / "reference-article.txt"
    example = shared / "ninjs" / "examples-3.1" / "001_simple_example.json"
    status = main(["--library", str(library), "import", str(reference), str(example)])
    printed = capsys.readouterr()
    assert status == 0, printed.err
    lines = printed.out.splitlines()
    assert lines[0] == (
        f"{reference}: imported as poutine-et-trump-ont-convenu-d-entamer-des-negociations-sur-"
        "l-ukraine (plain text), 1 awaiting their file"
    )
    assert lines[1].startswith(f"{example}: imported as ")
    assert len(titles(library)) == 2


def test_a_refused_file_is_one_line_on_stderr_and_exit_1(
    tmp_path: Path, shared: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = empty_library(tmp_path / "desk.copydesk")
    bad = tmp_path / "bad.json"
    bad.write_text('{"uri": 5}', "utf-8")
    good = shared / "seed" / "reference-article.txt"
    status = main(["--library", str(library), "import", str(bad), str(good)])
    printed = capsys.readouterr()
    assert status == 1
    [line] = printed.err.splitlines()
    assert line.startswith(f"copydesk import: {bad}: This is not valid ninjs")
    assert len(titles(library)) == 1  # the good file still came in


def test_json_reports_every_item(
    tmp_path: Path, shared: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = empty_library(tmp_path / "desk.copydesk")
    missing = tmp_path / "missing.md"
    reference = shared / "seed" / "reference-article.txt"
    status = main(["--library", str(library), "import", "--json", str(reference), str(missing)])
    report = json.loads(capsys.readouterr().out)
    assert status == 1
    first, second = report["items"]
    assert (first["outcome"], first["kind"], first["pictures_awaiting"]) == (
        "imported",
        "plain text",
        1,
    )
    assert (second["outcome"], second["reason"]) == ("refused", "There is no such file.")


def test_a_library_that_does_not_exist_is_refused_with_the_command_that_creates_it(
    tmp_path: Path, shared: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = tmp_path / "new folder" / "new.copydesk"
    reference = shared / "seed" / "reference-article.txt"
    assert main(["--library", str(library), "import", str(reference)]) == 1
    printed = capsys.readouterr()
    assert printed.out == ""
    assert printed.err == (
        f"copydesk: There is no Copydesk library at {library}. Create one with: "
        f"copydesk library new {shlex.quote(str(library))}\n"
    )
    assert not library.parent.exists()
    # The command it gives works, and the import then does.
    command = shlex.split(printed.err.split("Create one with: ")[1])
    assert command[:3] == ["copydesk", "library", "new"]
    assert main([*command[1:3], "--empty", *command[3:]]) == 0
    assert main(["--library", str(library), "import", str(reference)]) == 0
    assert len(titles(library)) == 1
