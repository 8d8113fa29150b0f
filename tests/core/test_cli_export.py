"""``copydesk export``: packages from the command line, and a line per article not exported."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from copydesk.articles import store as articles
from copydesk.articles.sample import sample_content
from copydesk.cli.main import main
from copydesk.pictures import store as images
from copydesk.pictures.credits import parse_credit
from copydesk.pictures.operations import import_files
from copydesk.records.article import ArticleStatus, LeadPictureUse
from tests.core.test_image_files import photo_jpeg
from tests.helpers import opened

SAMPLE = "a-saint-aubin-des-pres-les-toits-de-la-mairie-produiront-l-electricite-de-600"


@pytest.fixture
def library(library_path: Path, tmp_path: Path) -> Path:
    """The sample article (a draft), a ready article, and a ready article whose picture
    carries the reference article's credit (refused)."""
    picture = tmp_path / "photo.jpg"
    picture.write_bytes(photo_jpeg((600, 400)))
    with opened(library_path, sample=True) as library:
        (picture_id,) = import_files(library, [picture]).picture_ids
        with library.write() as session:
            images.update_metadata(
                session, picture_id, parse_credit("Photo : wikipedia.org, CC BY 4.0")
            )
            ready = sample_content().replace(status=ArticleStatus.READY)
            articles.create_article(session, ready.replace(headline="Prêt à partir"))
            lead = LeadPictureUse(picture_id, "Légende", "Texte alternatif")
            refused = ready.replace(headline="Crédit fautif", lead_picture=lead)
            articles.create_article(session, refused)
    return library_path


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def run(library: Path, *arguments: str) -> int:
    return main(["--library", str(library), "export", *arguments])


def test_export_writes_a_folder_per_slug(
    library: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(library, SAMPLE, "pret-a-partir", "--out", str(out)) == 0
    printed = capsys.readouterr()
    assert printed.out.splitlines() == [str(out / SAMPLE), str(out / "pret-a-partir")]
    assert printed.err == ""
    assert (out / SAMPLE / "manifest.json").is_file()
    assert (out / "pret-a-partir" / "article.ninjs.json").is_file()


def test_zip_ninjs_2_2_and_json(
    library: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(library, SAMPLE, "--out", str(out), "--zip", "--ninjs", "2.2", "--json") == 0
    (item,) = json.loads(capsys.readouterr().out)["items"]
    assert item == {
        "slug": SAMPLE,
        "outcome": "exported",
        "path": str(out / f"{SAMPLE}.copydesk.zip"),
        "reason": "",
    }
    with zipfile.ZipFile(out / f"{SAMPLE}.copydesk.zip") as archive:
        document = json.loads(archive.read("article.ninjs.json"))
    assert document["standard"]["version"] == "2.2" and "versioncreated" in document


def test_status_exports_every_article_with_it_and_names_the_refused(
    library: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(library, "--status", "ready", "--out", str(out)) == 1
    printed = capsys.readouterr()
    assert printed.out.splitlines() == [str(out / "pret-a-partir")]
    (line,) = printed.err.splitlines()
    assert line.startswith("copydesk export: credit-fautif: refused: lead_picture: ")
    assert "a website is not an author" in line
    assert sorted(path.name for path in out.iterdir()) == ["pret-a-partir"]


def test_an_unknown_slug_is_named_and_the_others_exported(
    library: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(library, "nulle-part", SAMPLE, "--out", str(out)) == 1
    printed = capsys.readouterr()
    assert printed.out.splitlines() == [str(out / SAMPLE)]
    assert printed.err.splitlines() == [
        "copydesk export: nulle-part: There is no article with the slug “nulle-part” in this "
        "library."
    ]


def test_a_status_nobody_has_exports_nothing(
    library: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(library, "--status", "published", "--out", str(out)) == 0
    assert "no article has the status “published”" in capsys.readouterr().err
    assert list(out.iterdir()) == []


def test_a_missing_output_folder_is_created_with_its_parents(
    library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "exports" / "today"
    assert run(library, SAMPLE, "--out", str(out)) == 0
    printed = capsys.readouterr()
    assert printed.out.splitlines() == [str(out / SAMPLE)] and printed.err == ""
    assert (out / SAMPLE / "manifest.json").is_file()


def test_an_output_path_that_is_a_file_is_refused(
    library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Ne pas écraser.")
    assert run(library, SAMPLE, "--out", str(notes)) == 1
    assert "notes.txt: it is not a folder" in capsys.readouterr().err
    assert notes.read_text() == "Ne pas écraser."


def test_no_output_folder_is_made_for_a_library_that_does_not_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "exports"
    assert run(tmp_path / "missing.copydesk", SAMPLE, "--out", str(out)) == 1
    assert "There is no Copydesk library at" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("arguments", [[], [SAMPLE, "--status", "ready"]])
def test_slugs_or_status_not_both_nor_neither(
    library: Path, out: Path, arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(library, *arguments, "--out", str(out)) == 2
    assert "name the articles (SLUG...) or give --status" in capsys.readouterr().err
