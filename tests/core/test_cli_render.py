"""``copydesk render SLUG``: the standalone page, written whole or not at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copydesk.cli.main import main
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
    capsys.readouterr()
    assert main(["--library", str(sample_library), "render", slug, "--out", str(out)]) == 1
    assert capsys.readouterr().err == f"copydesk: Cannot write {out}: rename failed.\n"
    assert out.read_text() == "old"
    assert [p.name for p in out.parent.iterdir()] == ["page.html"]


def test_a_missing_output_folder_is_a_clear_message(
    sample_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    slug = sample_slug(sample_library, capsys)
    out = tmp_path / "missing" / "page.html"
    assert main(["--library", str(sample_library), "render", slug, "--out", str(out)]) == 1
    assert capsys.readouterr().err == (
        f"copydesk: Cannot write {out}: No such file or directory.\n"
    )


def test_the_page_shows_library_pictures_by_paths_relative_to_it(
    sample_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from PIL import Image

    from copydesk.articles import store as articles
    from copydesk.pictures.operations import import_files
    from copydesk.records.article import LeadPictureUse
    from copydesk.text.picture_refs import picture_markdown

    picture = tmp_path / "p.jpg"
    Image.new("RGB", (60, 40), (200, 10, 10)).save(picture, "JPEG")
    with opened(sample_library) as library:
        [item] = import_files(library, [picture]).items
        assert item.picture_id is not None
        with library.write() as session:
            [summary] = articles.list_summaries(session)
            content = articles.get_article(session, summary.id).content
            body = f"{content.body}\n\n{picture_markdown(item.picture_id, 'Un carré rouge')}"
            lead = LeadPictureUse(item.picture_id, "Légende", "Un carré rouge")
            articles.save_content(
                session, summary.id, content.replace(body=body, lead_picture=lead)
            )
    slug = sample_slug(sample_library, capsys)
    out = tmp_path / "pages" / "page.html"
    out.parent.mkdir()
    assert main(["--library", str(sample_library), "render", slug, "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    sources = [part.split('"')[0] for part in page.split('<img src="')[1:]]
    assert len(sources) == 2 and sources[0] == sources[1]
    assert sources[0].startswith("../") and (out.parent / sources[0]).is_file()
    assert "Légende" in page
    assert "img-src 'self' file:" in page  # the page's policy lets its pictures load
