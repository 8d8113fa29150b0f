"""``copydesk library export FILE`` and ``copydesk library import FILE``: a line of counts on
success; one line saying why on standard error, exit status 1 and the library as it was."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from copydesk.cli.main import main
from copydesk.exchange.archive import restore as archive_restore
from copydesk.library.media_store import MediaStoreError
from copydesk.pictures import store as images
from tests.core.test_library_archive import REFERENCE, rich_library, table_rows
from tests.helpers import opened


@pytest.fixture
def library(library_path: Path, shared: Path) -> Path:
    with opened(library_path, sample=True) as library:
        rich_library(library, shared / "images" / REFERENCE)
    return library_path


@pytest.fixture
def archive(library: Path, tmp_path: Path) -> Path:
    path = tmp_path / "library.zip"
    assert run(library, "export", str(path)) == 0
    return path


def run(library: Path, *arguments: str) -> int:
    return main(["--library", str(library), "library", *arguments])


def test_export_prints_what_it_wrote(
    library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "library.zip"
    assert run(library, "export", str(path)) == 0
    printed = capsys.readouterr()
    assert printed.out == f"Exported 2 articles, 4 revisions, 2 pictures and 1 preset to {path}.\n"
    assert printed.err == "" and path.is_file()


@pytest.mark.parametrize(
    ("choice", "kept", "says"),
    [
        ([], False, "its file was left out of the archive"),
        (["--no-archives", "leave-out"], False, "its file was left out of the archive"),
        (["--no-archives", "keep"], True, "its file is in the archive, flagged in its header"),
    ],
)
def test_export_warns_of_a_picture_whose_supplier_says_no_archives(
    library: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    choice: list[str],
    kept: bool,
    says: str,
) -> None:
    with opened(library, create=False) as opened_library, opened_library.write() as session:
        picture = next(p for p in images.list_pictures(session) if p.file.present)
        metadata = picture.metadata.replace(special_instructions="HANDOUT. NO ARCHIVES.")
        images.update_metadata(session, picture.id, metadata)
    path = tmp_path / "library.zip"
    assert run(library, "export", str(path), *choice) == 0
    printed = capsys.readouterr()
    assert printed.out.startswith("Exported 2 articles")
    assert printed.err.startswith(f"Warning: the supplier of picture {picture.id} (“{REFERENCE}”)")
    assert says in printed.err and printed.err.count("\n") == 1
    with zipfile.ZipFile(path) as written:
        assert any(name.startswith("media/") for name in written.namelist()) is kept


def test_import_creates_the_library_and_prints_what_it_restored(
    library: Path, archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    restored = tmp_path / "elsewhere" / "restored.copydesk"
    assert run(restored, "import", str(archive)) == 0
    printed = capsys.readouterr()
    assert printed.out == (
        f"Imported 2 articles, 4 revisions, 2 pictures and 1 preset from {archive} into "
        f"{restored}.\n"
    )
    assert printed.err == ""
    with opened(library, create=False) as source, opened(restored, create=False) as copy:
        assert table_rows(copy) == table_rows(source)


def test_import_into_an_empty_existing_library(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.copydesk"
    with opened(empty):
        pass
    assert run(empty, "import", str(archive)) == 0
    assert capsys.readouterr().out.startswith("Imported 2 articles")


def test_import_into_a_library_with_articles_is_refused(
    library: Path, archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    with opened(library, create=False) as opened_library:
        before = table_rows(opened_library)
    assert run(library, "import", str(archive)) == 1
    printed = capsys.readouterr()
    (line,) = printed.err.splitlines()
    assert line.startswith(f"copydesk: Cannot import library.zip: the library {library} is not")
    assert line.endswith("an archive is imported only into an empty library.")
    assert printed.out == ""
    with opened(library, create=False) as opened_library:
        assert table_rows(opened_library) == before


def test_a_bad_archive_creates_no_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 but nothing more")
    restored = tmp_path / "restored.copydesk"
    assert run(restored, "import", str(bad)) == 1
    assert capsys.readouterr().err == (
        "copydesk: Cannot import bad.zip: it is not a zip archive, or it is damaged "
        "(File is not a zip file).\n"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["bad.zip"]


def test_a_failed_import_removes_the_library_it_created(
    archive: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def fail(*_args: object) -> None:
        raise MediaStoreError("The disk is full.")

    monkeypatch.setattr(archive_restore, "adopt_uuid", fail)
    capsys.readouterr()
    restored = tmp_path / "new" / "restored.copydesk"
    assert run(restored, "import", str(archive)) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line == "copydesk: Cannot import library.zip: the disk is full; nothing was imported."
    assert list(restored.parent.iterdir()) == []


def test_export_failures_say_why(
    library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(library, "export", str(tmp_path / "nowhere" / "library.zip")) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line == f"copydesk: Cannot write {tmp_path / 'nowhere'}: the folder does not exist."
    assert run(tmp_path / "missing.copydesk", "export", str(tmp_path / "x.zip")) == 1
    assert "There is no Copydesk library at" in capsys.readouterr().err
    assert not (tmp_path / "x.zip").exists()


def test_library_needs_an_action(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        run(library)
    assert exited.value.code == 2
    assert "ACTION" in capsys.readouterr().err


def test_new_creates_a_library_with_the_sample_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new folder" / "fresh.copydesk"
    assert main(["library", "new", str(path)]) == 0
    printed = capsys.readouterr()
    assert main(["--library", str(path), "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed, "the sample articles are there"
    count = len(listed)
    noun = "sample article" if count == 1 else "sample articles"
    assert printed == (f"Created a library at {path} with {count} {noun}.\n", "")


def test_new_empty_creates_an_empty_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new folder" / "fresh.copydesk"
    assert main(["library", "new", "--empty", str(path)]) == 0
    assert capsys.readouterr() == (f"Created an empty library at {path}.\n", "")
    assert main(["--library", str(path), "list", "--json"]) == 0
    assert capsys.readouterr().out == "[]\n"
    monkeypatch.chdir(tmp_path)
    assert main(["library", "new", "relative.copydesk", "--empty"]) == 0
    assert (
        capsys.readouterr().out
        == f"Created an empty library at {tmp_path / 'relative.copydesk'}.\n"
    )


def test_new_refuses_a_path_that_exists(
    library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Ne pas écraser.")
    capsys.readouterr()
    for path, options in ((library, []), (notes, ["--empty"]), (tmp_path, [])):
        before = path.read_bytes() if path.is_file() else None
        assert main(["library", "new", *options, str(path)]) == 1
        assert capsys.readouterr() == (
            "",
            f"copydesk: {path} already exists: a new library needs a path of its own.\n",
        )
        assert (path.read_bytes() if path.is_file() else None) == before
    with opened(library, create=False) as opened_library:
        assert table_rows(opened_library)
