"""Helpers shared by the tests."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

import pytest

from copydesk.articles import store as articles
from copydesk.articles.sample import add_sample_article
from copydesk.errors import LibraryError
from copydesk.exchange.packages import write as package_writer
from copydesk.library.db import Library, open_library
from copydesk.records.article import ArticleContent, ArticleStatus, RelatedLink

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIXTURES = REPO / "tests" / "fixtures"
COPYDESK = Path(sys.executable).with_name("copydesk")


# An article with every field filled.
FULL_CONTENT = ArticleContent(
    headline="Poutine et Trump ont convenu d’entamer des négociations sur l’Ukraine",
    kicker="1116 jour depuis l'invasion",
    standfirst="Donald Trump a eu un entretien téléphonique avec Vladimir Poutine.",
    body="Le président américain a annoncé…\n\n## Suite\n\nTexte.",
    language="fr",
    dateline_date=date(2025, 3, 15),
    edition="France",
    authors=("Olga Demidenko", "Jean Roy"),
    keywords=("Ukraine", "diplomatie"),
    related_title="Nouvelles des partenaires",
    related_links=(
        RelatedLink("Premier lien", "https://example.org/1"),
        RelatedLink("Second lien", "https://example.org/2"),
    ),
    status=ArticleStatus.IN_REVIEW,
)


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@contextmanager
def opened(path: Path, *, create: bool = True, sample: bool = False) -> Iterator[Library]:
    library = open_library(path, create=create, on_create=add_sample_article if sample else None)
    try:
        yield library
    finally:
        library.close()


def headlines(library: Library) -> list[str]:
    with library.read() as session:
        return [summary.headline for summary in articles.list_summaries(session)]


def refuse_untouched(path: Path, message: str) -> None:
    """Opening ``path`` fails with ``message`` and leaves the file and its folder as they were."""
    before = file_digest(path)
    siblings = set(path.parent.iterdir())
    with pytest.raises(LibraryError, match=message):
        open_library(path, create=True)
    assert file_digest(path) == before
    assert set(path.parent.iterdir()) == siblings  # no -wal, -shm, journal or backup left


def run_as_unprivileged_user(action: Callable[[], str]) -> str:
    """What ``action`` returns, or ``"error: …"``, run without root's powers.

    Root ignores file permissions, so as root the action runs in a forked child that has
    become the user ``nobody``; files it reads must be reachable by everyone.
    """

    def attempt() -> str:
        try:
            return action()
        except Exception as exc:
            return f"error: {exc}"

    if os.geteuid() != 0:
        return attempt()
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        os.close(read_end)
        os.setgid(65534)
        os.setuid(65534)
        os.write(write_end, attempt().encode())
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        result = pipe.read().decode()
    os.waitpid(child, 0)
    return result


class FullDisk(io.RawIOBase):
    """A file on a disk with ``room[0]`` bytes left."""

    def __init__(self, stream: BinaryIO, room: list[int]) -> None:
        self.stream = stream
        self.room = room

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        size = len(data)
        if size > self.room[0]:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.room[0] -= size
        return self.stream.write(data)

    def fileno(self) -> int:
        return self.stream.fileno()

    def flush(self) -> None:
        self.stream.flush()

    def seekable(self) -> bool:
        return self.stream.seekable()

    def seek(self, offset: int, whence: int = 0) -> int:
        return self.stream.seek(offset, whence)

    def tell(self) -> int:
        return self.stream.tell()


def fill_disk_after(monkeypatch: pytest.MonkeyPatch, room: int) -> None:
    """From now on, packages and archives are written to a disk with ``room`` bytes left
    (every byte of them goes through ``package_writer._open_new``)."""
    original = package_writer._open_new
    left = [room]

    @contextmanager
    def open_new(path: Path) -> Iterator[Any]:
        with original(path) as stream:
            yield FullDisk(stream, left)

    monkeypatch.setattr(package_writer, "_open_new", open_new)
