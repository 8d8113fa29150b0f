"""Thumbnails kept on disk by SHA-256 and size: made once, read back after, made again when
the kept file is damaged, and never an error when the cache cannot be written."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pytest
from PIL import Image

from copydesk.pictures.thumbnails import ThumbnailCache, default_cache_dir


def jpeg(colour: tuple[int, int, int] = (200, 40, 40)) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (640, 480), colour).save(output, "JPEG")
    return output.getvalue()


class Reads:
    """The picture's bytes, counting how often they were read (decoded)."""

    def __init__(self, data: bytes) -> None:
        self.data, self.count = data, 0

    def __call__(self) -> bytes:
        self.count += 1
        return self.data


def test_a_thumbnail_is_made_once_and_read_back_after(tmp_path: Path) -> None:
    picture = jpeg()
    sha256 = hashlib.sha256(picture).hexdigest()
    cache, reads = ThumbnailCache(tmp_path / "thumbnails"), Reads(picture)
    first = cache.thumbnail(sha256, 96, reads)
    again = ThumbnailCache(tmp_path / "thumbnails").thumbnail(sha256, 96, reads)  # a new session
    assert reads.count == 1 and first == again
    with Image.open(io.BytesIO(first)) as image:
        assert image.size == (96, 72)
    kept = tmp_path / "thumbnails" / sha256[:2] / f"{sha256}-96.jpg"
    assert kept.read_bytes() == first
    assert [p.name for p in kept.parent.iterdir()] == [kept.name]  # no temporary file left
    cache.thumbnail(sha256, 48, reads)  # another size is another thumbnail
    assert reads.count == 2


@pytest.mark.parametrize("damage", [b"", b"not a jpeg", b"\x89PNG\r\n"])
def test_a_damaged_kept_thumbnail_is_made_again(tmp_path: Path, damage: bytes) -> None:
    picture = jpeg()
    sha256 = hashlib.sha256(picture).hexdigest()
    cache, reads = ThumbnailCache(tmp_path), Reads(picture)
    cache.path(sha256, 96).parent.mkdir(parents=True)
    cache.path(sha256, 96).write_bytes(damage)
    assert cache.thumbnail(sha256, 96, reads).startswith(b"\xff\xd8\xff")
    assert reads.count == 1 and cache.path(sha256, 96).read_bytes() != damage
    cache.forget(sha256, 96)
    assert not cache.path(sha256, 96).exists()


def test_a_cache_that_cannot_be_written_is_done_without(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        blocked = tmp_path / "file-not-folder"
        blocked.write_text("")  # a file where the cache folder should be: even root fails
        cache = ThumbnailCache(blocked / "thumbnails")
    else:
        tmp_path.chmod(0o500)
        cache = ThumbnailCache(tmp_path / "thumbnails")
    picture = jpeg()
    sha256 = hashlib.sha256(picture).hexdigest()
    reads = Reads(picture)
    assert cache.thumbnail(sha256, 96, reads).startswith(b"\xff\xd8\xff")
    assert cache.thumbnail(sha256, 96, reads).startswith(b"\xff\xd8\xff")
    assert reads.count == 2  # made each time, without a word


def test_names_are_checked_and_the_default_is_the_persons_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ValueError):
        ThumbnailCache(tmp_path).path("../../etc/passwd", 96)
    with pytest.raises(ValueError):
        ThumbnailCache(tmp_path).path("a" * 64, 0)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert default_cache_dir() == tmp_path / "cache" / "copydesk" / "thumbnails"
