"""``copydesk render SLUG``: the standalone page, written whole or not at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copydesk.cli import main
from tests.helpers import opened


@pytest.fixture
def sample_library(library_path: Path) -> Path:
    with opened(library_path, sample=True):
        pass
    return library_path


def sample_slug(library: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--library", str(library), "list", "--json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    return str(item["slug"])


def test_render_to_stdout(sample_library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    slug = sample_slug(sample_library, capsys)
    assert main(["--library", str(sample_library), "render", slug]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>") and '<div id="cd-body" class="cd-body">' in page
    assert 'class="cd-block" data-line="0"' in page


def test_render_to_a_file(
    sample_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    slug = sample_slug(sample_library, capsys)
    out = tmp_path / "out" / "page.html"
    out.parent.mkdir()
    assert main(["--library", str(sample_library), "render", slug, "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert capsys.readouterr().out == ""
    assert [p.name for p in out.parent.iterdir()] == ["page.html"]  # no temporary file left


def test_render_an_unknown_slug(
    sample_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "page.html"
    assert main(["--library", str(sample_library), "render", "nowhere", "--out", str(out)]) == 1
    assert capsys.readouterr().err == (
        "copydesk: There is no article with the slug “nowhere” in this library.\n"
    )
    assert not out.exists()


def test_a_failed_write_leaves_the_old_file(
    sample_library: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    slug = sample_slug(sample_library, capsys)
    out = tmp_path / "out" / "page.html"
    out.parent.mkdir()
    out.write_text("old")

    def broken(*args: object, **kwargs: object) -> str:
        raise OSError("disk full")

    monkeypatch.setattr("copydesk.rendering.article.render_page", broken)
    with pytest.raises(OSError):
        main(["--library", str(sample_library), "render", slug, "--out", str(out)])
    assert out.read_text() == "old"
    monkeypatch.undo()

    def failing_replace(src: str, dst: str) -> None:
        raise OSError("rename failed")

    monkeypatch.setattr("os.replace", failing_replace)
    with pytest.raises(OSError):
        main(["--library", str(sample_library), "render", slug, "--out", str(out)])
    assert out.read_text() == "old"
    assert [p.name for p in out.parent.iterdir()] == ["page.html"]
