"""Importing picture files: a report line per file, duplicates recognised, bad files refused
with their reason, and never a file without its row nor a row without its file."""

from __future__ import annotations

import io
import json
from pathlib import Path

from PIL import Image

from copydesk.cli.main import main
from copydesk.library.media_store import MediaStore, sha256_of
from copydesk.pictures import importing as picture_import
from copydesk.pictures import store as images
from copydesk.pictures.importing import import_pictures
from copydesk.records.imports import ImportOutcome
from tests.helpers import opened

REFERENCE = "images/IPTC-PhotometadataRef-Std2017.1.jpg"


def jpeg(path: Path, color: tuple[int, int, int] = (200, 30, 30), size=(64, 48)) -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG", quality=90)
    path.write_bytes(buffer.getvalue())
    return path


def stored_files(store: MediaStore) -> list[Path]:
    return [p for p in store.root.rglob("*") if p.is_file()] if store.root.exists() else []


def test_a_folder_imports_with_a_line_per_file(
    tmp_path: Path, library_path: Path, shared: Path
) -> None:
    folder = tmp_path / "incoming"
    (folder / "sub").mkdir(parents=True)
    jpeg(folder / "a.jpg")
    jpeg(folder / "sub" / "b.jpg", (10, 200, 10))
    (folder / "copy-of-a.jpg").write_bytes((folder / "a.jpg").read_bytes())
    (folder / "notes.txt").write_text("not a picture")
    (folder / ".hidden.jpg").write_bytes(b"skipped")
    (folder / "half.jpg").write_bytes(
        jpeg(tmp_path / "whole.jpg", size=(800, 600)).read_bytes()[:3000]
    )
    (folder / "empty.jpg").write_bytes(b"")
    reference = shared / REFERENCE
    with opened(library_path) as library:
        store = MediaStore.beside(library_path)
        progress: list[tuple[int, int]] = []
        report = import_pictures(
            library, store, [folder, reference], progress=lambda d, t: progress.append((d, t))
        )
        outcomes = {Path(item.path).name: item.outcome for item in report.items}
        assert outcomes == {
            "a.jpg": ImportOutcome.IMPORTED,
            "copy-of-a.jpg": ImportOutcome.DUPLICATE,
            "empty.jpg": ImportOutcome.REFUSED,
            "half.jpg": ImportOutcome.REFUSED,
            "notes.txt": ImportOutcome.REFUSED,
            "b.jpg": ImportOutcome.IMPORTED,
            reference.name: ImportOutcome.IMPORTED,
        }
        assert progress[-1] == (7, 7)
        assert all(item.reason for item in report.items if item.outcome is ImportOutcome.REFUSED)
        with library.read() as session:
            pictures = images.list_pictures(session)
        assert len(pictures) == 3 == len(stored_files(store))
        for picture in pictures:  # every row has its file, byte for byte
            data = store.read(picture.file.sha256, picture.file.media_type)
            assert sha256_of(data) == picture.file.sha256 and len(data) == picture.file.byte_size
        iptc = next(p for p in pictures if p.file.file_name == reference.name)
        assert iptc.metadata.creator == "Creator1 (ref2017.1), Creator2 (ref2017.1)"
        assert (iptc.file.width, iptc.file.height) == (1000, 500)
        again = import_pictures(library, store, [folder / "a.jpg"])
        assert again.items[0].outcome is ImportOutcome.DUPLICATE


def test_a_row_that_cannot_be_written_takes_its_file_back(
    tmp_path: Path, library_path: Path, monkeypatch
) -> None:
    picture = jpeg(tmp_path / "a.jpg")

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the database went away")

    with opened(library_path) as library:
        store = MediaStore.beside(library_path)
        monkeypatch.setattr(picture_import.images, "add_picture", broken)
        report = import_pictures(library, store, [picture])
        assert report.items[0].outcome is ImportOutcome.REFUSED
        assert "the database went away" in report.items[0].reason
        assert stored_files(store) == []
        with library.read() as session:
            assert images.picture_count(session) == 0


def test_cancel_stops_between_files(tmp_path: Path, library_path: Path) -> None:
    files = [jpeg(tmp_path / f"{n}.jpg", (n * 20, 0, 0)) for n in range(6)]
    done: list[int] = []
    with opened(library_path) as library:
        report = import_pictures(
            library,
            MediaStore.beside(library_path),
            files,
            progress=lambda d, _t: done.append(d),
            cancelled=lambda: len(done) >= 2,
        )
        assert report.cancelled and len(report.items) == 2
        with library.read() as session:
            assert images.picture_count(session) == 2


def test_oversized_files_are_refused_before_reading(tmp_path: Path, library_path: Path) -> None:
    big = jpeg(tmp_path / "big.jpg", size=(400, 300))
    with opened(library_path) as library:
        report = import_pictures(library, MediaStore.beside(library_path), [big], max_bytes=1000)
    assert report.items[0].outcome is ImportOutcome.REFUSED
    assert "over the limit" in report.items[0].reason


def test_the_images_commands(tmp_path: Path, library_path: Path, shared: Path, capsys) -> None:
    with opened(library_path):
        pass
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"\x00" * 100)
    code = main(
        [
            "--library",
            str(library_path),
            "images",
            "import",
            str(shared / REFERENCE),
            str(bad),
            "--json",
        ]
    )
    report = json.loads(capsys.readouterr().out)
    assert code == 1  # a file was refused
    assert [item["outcome"] for item in report["items"]] == ["imported", "refused"]
    picture_id = report["items"][0]["picture_id"]
    assert main(["--library", str(library_path), "pictures", "list", "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    # "images" is the former name of the same command: the same output, nothing extra.
    assert main(["--library", str(library_path), "images", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [listed]
    assert listed["id"] == picture_id and len(listed["sha256"]) == 64
    assert listed["fields"]["creator"].startswith("Creator1 (ref2017.1)")
    assert listed["status"] in {"complete", "warning", "error"}
    code = main(["--library", str(library_path), "images", "check", str(picture_id), "--json"])
    checked = json.loads(capsys.readouterr().out)
    assert checked["id"] == picture_id
    assert code == (1 if any(p["severity"] == "error" for p in checked["problems"]) else 0)
    assert main(["--library", str(library_path), "images", "check", "999"]) == 1
    assert "999" in capsys.readouterr().err
