"""The media store: files named by SHA-256, written whole or not at all, leftovers swept."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest

from copydesk.library import media_store
from copydesk.library.media_store import MediaStore, MediaStoreError, sha256_of

DATA = b"\xff\xd8\xff\xe0 not really a jpeg, but bytes all the same"


def test_a_file_is_named_by_its_sha256_beside_the_library(tmp_path: Path) -> None:
    store = MediaStore.beside(tmp_path / "Le Monde.copydesk")
    digest = sha256_of(DATA)
    assert store.store(DATA, digest, "image/jpeg") is True
    path = tmp_path / "Le Monde.copydesk-media" / digest[:2] / f"{digest}.jpg"
    assert path.read_bytes() == DATA
    assert store.contains(digest, "image/jpeg")
    assert store.read(digest, "image/jpeg") == DATA
    assert store.store(DATA, digest, "image/jpeg") is False  # already there: untouched
    assert store.path_for(digest, "image/png").suffix == ".png"


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path, monkeypatch) -> None:
    store = MediaStore(tmp_path / "media")
    digest = sha256_of(DATA)

    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(media_store.os, "replace", disk_full)
    with pytest.raises(MediaStoreError, match="No space left on device"):
        store.store(DATA, digest, "image/jpeg")
    assert not store.contains(digest, "image/jpeg")
    assert [p for p in (tmp_path / "media").rglob("*") if p.is_file()] == []


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    store = MediaStore(tmp_path / "media")
    with pytest.raises(MediaStoreError, match="missing"):
        store.read("ab" * 32, "image/jpeg")


def test_the_sweep_removes_old_leftovers_only(tmp_path: Path) -> None:
    store = MediaStore(tmp_path / "media")
    kept, orphan, recent = (sha256_of(bytes([n]) * 10) for n in range(3))
    for digest in (kept, orphan, recent):
        store.store(bytes(10), digest, "image/jpeg")
    part = store.root / ".incoming" / "x.part"
    part.write_bytes(b"half")
    an_hour_ago = time.time() - 7200
    for path in (store.path_for(kept, "image/jpeg"), store.path_for(orphan, "image/jpeg"), part):
        os.utime(path, (an_hour_ago, an_hour_ago))
    removed = store.sweep({kept})
    assert sorted(removed) == sorted([store.path_for(orphan, "image/jpeg"), part])
    assert store.contains(kept, "image/jpeg")
    assert store.contains(recent, "image/jpeg")  # another window may be importing it now
