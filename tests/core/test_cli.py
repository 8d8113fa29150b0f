"""The ``copydesk`` command (its Qt-free subcommands; ``screenshot`` is tested with Qt)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from copydesk import __version__
from copydesk.cli import main
from tests.helpers import COPYDESK, opened


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
    assert "There is no Copydesk library at" in capsys.readouterr().err
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
