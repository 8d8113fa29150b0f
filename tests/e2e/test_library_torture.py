"""The library survives a desk's ordinary day: the window open and typing, its file dialogs
opening and closing in the library's folder and in the media folder, while the command
line imports articles and pictures into the same library from other processes.

SQLite's locks are POSIX advisory locks, released when the process closes *any* file
descriptor on the file: a file dialog that sniffs the library's content to pick an icon
used to drop them, after which the command line and the window wrote over each other
(issue 21). At the end the file must be intact, every import present exactly once and every
word typed saved.
"""

from __future__ import annotations

import io
import sqlite3
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from copydesk.articles import operations
from tests.helpers import COPYDESK, REPO, opened

ARTICLES = 12
PICTURES = 12


class Desk:
    """The window process: what it printed, and its words once it stopped."""

    def __init__(self, library: Path, media: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.e2e.torture_driver", str(library), str(media)],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []
        self.ready = threading.Event()
        self.stderr = ""
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_errors, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))
            if line.startswith("ready"):
                self.ready.set()

    def _read_errors(self) -> None:
        assert self.process.stderr is not None
        self.stderr = self.process.stderr.read()

    def stop(self) -> int:
        assert self.process.stdin is not None
        self.process.stdin.write("stop\n")
        self.process.stdin.flush()
        try:
            return self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            pytest.fail(f"the window did not close; it printed {self.lines[-5:]}")

    def lines_starting(self, prefix: str) -> list[str]:
        return [line[len(prefix) :] for line in self.lines if line.startswith(prefix)]

    def typed_words(self) -> list[str]:
        (typed,) = self.lines_starting("typed ")
        return typed.split()


def article_file(folder: Path, number: int) -> tuple[Path, str]:
    article_uuid = str(uuid.uuid4())
    path = folder / f"depeche-{number:02d}.md"
    path.write_text(
        f"---\nuuid: {article_uuid}\nslug: depeche-{number:02d}\nlanguage: fr\n---\n\n"
        f"# Dépêche numéro {number}\n\nLe texte de la dépêche {number}.\n",
        encoding="utf-8",
    )
    return path, article_uuid


def picture_file(folder: Path, number: int) -> Path:
    image = Image.new("RGB", (64, 48), (number * 17 % 256, 80, 200 - number))
    image.putpixel((number, number), (255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    path = folder / f"photo-{number:02d}.jpg"
    path.write_bytes(buffer.getvalue())
    return path


def run_cli(library: Path, *arguments: str) -> None:
    result = subprocess.run(
        [str(COPYDESK), "--library", str(library), *arguments],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, f"copydesk {' '.join(arguments)}: {result.stderr}"


@pytest.fixture
def desk_library(tmp_path: Path) -> Iterator[Path]:
    library = tmp_path / "desk" / "lib.copydesk"
    library.parent.mkdir()
    with opened(library, sample=True):
        pass
    yield library


@pytest.mark.timeout(300)
def test_the_library_survives_dialogs_and_other_writers(desk_library: Path, tmp_path: Path) -> None:
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    media = desk_library.with_name(desk_library.name + "-media")
    media.mkdir(exist_ok=True)
    (summary,) = operations.list_articles(desk_library)

    desk = Desk(desk_library, media)
    if not desk.ready.wait(timeout=90):
        desk.process.kill()
        pytest.fail(f"the window did not open its library: {desk.stderr[-2000:]}")
    imported_uuids = []
    pictures = []
    try:
        for number in range(max(ARTICLES, PICTURES)):
            if number < ARTICLES:
                path, article_uuid = article_file(incoming, number)
                run_cli(desk_library, "import", str(path))
                imported_uuids.append(article_uuid)
            if number < PICTURES:
                picture = picture_file(incoming, number)
                run_cli(desk_library, "images", "import", str(picture))
                pictures.append(picture)
    finally:
        status = desk.stop()
    assert status == 0, desk.stderr[-3000:]
    assert len(desk.lines_starting("dialog ")) >= 8, "the dialogs were not opened"
    assert not desk.lines_starting("modal "), desk.lines_starting("modal ")

    connection = sqlite3.connect(desk_library)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        for article_uuid in imported_uuids:
            (count,) = connection.execute(
                "SELECT count(*) FROM articles WHERE uuid = ?", (article_uuid,)
            ).fetchone()
            assert count == 1, f"article {article_uuid} is there {count} times"
        (picture_count,) = connection.execute("SELECT count(*) FROM pictures").fetchone()
        assert picture_count == PICTURES
        (body,) = connection.execute(
            "SELECT body FROM articles WHERE id = ?", (summary.id,)
        ).fetchone()
    finally:
        connection.close()
    words = desk.typed_words()
    assert len(words) > 50, "the window hardly typed"
    assert body.split()[-len(words) :] == words, "words typed in the window were lost"
