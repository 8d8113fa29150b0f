"""The library's media store: picture files named by their SHA-256, beside the library file.

``Le Monde.copydesk`` keeps its pictures in ``Le Monde.copydesk-media/ab/abcd….jpg``. A file
is written under a temporary name, flushed to disk, then renamed: a crash or a full disk
leaves either the whole file or none (a temporary file at most, swept on the next import).
The database row comes after the file; a file whose row never came is swept the same way.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import time
from collections.abc import Iterable
from pathlib import Path

from copydesk.errors import CopydeskError
from copydesk.translation import _

MEDIA_SUFFIX = "-media"
SWEEP_AGE_SECONDS = 3600.0
_INCOMING = ".incoming"
_EXTENSIONS = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
    "image/tiff": ".tif",
    "image/gif": ".gif",
}


class MediaStoreError(CopydeskError):
    """A picture file could not be written to or read from the media store."""


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def extension_for(media_type: str) -> str:
    return _EXTENSIONS.get(media_type, ".bin")


def media_type_for_name(extension: str) -> str | None:
    """The media type the store names with ``extension`` (".jpg"), if any."""
    return next((kind for kind, known in _EXTENSIONS.items() if known == extension), None)


class MediaStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def beside(cls, library_path: Path) -> MediaStore:
        return cls(library_path.with_name(library_path.name + MEDIA_SUFFIX))

    def path_for(self, sha256: str, media_type: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}{extension_for(media_type)}"

    def contains(self, sha256: str, media_type: str) -> bool:
        return self.path_for(sha256, media_type).is_file()

    def store(self, data: bytes, sha256: str, media_type: str) -> bool:
        """Write ``data`` under its name; False when the store already had it (unchanged)."""
        target = self.path_for(sha256, media_type)
        if target.is_file() and target.stat().st_size == len(data):
            return False
        incoming = self.root / _INCOMING
        try:
            incoming.mkdir(parents=True, exist_ok=True)
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = incoming / f"{sha256}.{secrets.token_hex(4)}.part"
            try:
                _write_synced(temporary, data)
                os.replace(temporary, target)
            finally:
                temporary.unlink(missing_ok=True)
        except OSError as error:
            raise MediaStoreError(
                _("Cannot store the picture in {folder}: {reason}.").format(
                    folder=self.root, reason=error.strerror or error
                )
            ) from error
        return True

    def read(self, sha256: str, media_type: str) -> bytes:
        path = self.path_for(sha256, media_type)
        try:
            return path.read_bytes()
        except FileNotFoundError as error:
            raise MediaStoreError(
                _("The picture file {name} is missing from {folder}.").format(
                    name=path.name, folder=self.root
                )
            ) from error
        except OSError as error:
            raise MediaStoreError(
                _("Cannot read {path}: {reason}.").format(path=path, reason=error.strerror or error)
            ) from error

    def remove(self, sha256: str, media_type: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path_for(sha256, media_type).unlink()

    def sweep(self, known: Iterable[str], *, older_than: float = SWEEP_AGE_SECONDS) -> list[Path]:
        """Delete leftovers: temporary files, and files no database row names (a crash
        between writing the file and committing its row). Only files older than
        ``older_than`` seconds go: another window may be importing right now. Returns what
        was deleted."""
        if not self.root.is_dir():
            return []
        known_names = set(known)
        cutoff = time.time() - older_than
        removed: list[Path] = []
        for path in self.root.glob("*/*"):
            leftover = path.parent.name == _INCOMING or path.stem not in known_names
            if leftover and path.is_file() and path.stat().st_mtime < cutoff:
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed.append(path)
        return removed


def _write_synced(path: Path, data: bytes) -> None:
    with open(path, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
