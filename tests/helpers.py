"""Helpers shared by the tests."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from copydesk import articles
from copydesk.db import Library, open_library
from copydesk.errors import LibraryError
from copydesk.sample import add_sample_article

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIXTURES = REPO / "tests" / "fixtures"
COPYDESK = Path(sys.executable).with_name("copydesk")


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
