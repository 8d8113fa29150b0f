"""``copydesk import``: a line per article imported, a line per file refused, exit status 1
when any was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copydesk.articles import store as articles
from copydesk.cli.main import main
from tests.helpers import opened


def titles(library_path: Path) -> list[str]:
    with opened(library_path, create=False) as library, library.read() as session:
        return sorted(summary.headline for summary in articles.list_summaries(session))


def test_import_creates_the_library_and_names_each_article(
    tmp_path: Path, shared: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = tmp_path / "new.copydesk"
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
    library = tmp_path / "desk.copydesk"
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
    library = tmp_path / "desk.copydesk"
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
