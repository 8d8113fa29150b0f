"""Thumbnails kept on disk, named by the picture's SHA-256 and their size: a Picture Library
of tens of thousands of pictures opens without decoding any of them a second time.

The cache is the person's (``$XDG_CACHE_HOME/copydesk/thumbnails`` on Linux), shared by their
libraries: a name says the content, so a picture in two libraries has one thumbnail, and a
changed file is another name. Nothing in it is needed: a file that cannot be read, or is not
a JPEG, is made again; a cache that cannot be written (read-only, full disk) is done without.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

_SHA256 = re.compile(r"[0-9a-f]{64}")
_JPEG_START = b"\xff\xd8\xff"


def default_cache_dir() -> Path:
    import platformdirs

    from copydesk.library.paths import APP_ID

    return platformdirs.user_cache_path(APP_ID, appauthor=False) / "thumbnails"


class ThumbnailCache:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str, size: int) -> Path:
        if not _SHA256.fullmatch(sha256) or size <= 0:
            raise ValueError(f"not a picture's SHA-256 and size: {sha256!r}, {size}")
        return self.root / sha256[:2] / f"{sha256}-{size}.jpg"

    def thumbnail(self, sha256: str, size: int, original: Callable[[], bytes]) -> bytes:
        """The thumbnail of the picture ``sha256`` at ``size`` pixels: from the cache, else
        made from ``original()`` (the file's bytes) and kept."""
        path = self.path(sha256, size)
        kept = _read(path)
        if kept is not None:
            return kept
        from copydesk.pictures.files import make_thumbnail  # Pillow: when one is made

        data = make_thumbnail(original(), size=size)
        _write(path, data)
        return data

    def forget(self, sha256: str, size: int) -> None:
        """A kept thumbnail that turned out unreadable: the next request makes it again."""
        self.path(sha256, size).unlink(missing_ok=True)


def _read(path: Path) -> bytes | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return data if data.startswith(_JPEG_START) else None


def _write(path: Path, data: bytes) -> None:
    """Whole or not at all (a temporary file renamed), and never an error: a cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return
