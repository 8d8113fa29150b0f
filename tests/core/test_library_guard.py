"""An open library is never opened, replaced or removed as a file by the process holding it,
and a process that lost its SQLite locks anyway takes them again before it writes."""

from __future__ import annotations

import ctypes
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from copydesk.library import guard as library_guard
from copydesk.library.guard import LibraryFileGuarded
from copydesk.library.inspection import inspect_library_file
from copydesk.library.locks import LockProbe
from copydesk.library.media_store import MediaStore
from copydesk.pictures.importing import import_pictures
from copydesk.records.imports import ImportOutcome
from tests.helpers import opened

LIBC = ctypes.CDLL(None, use_errno=True)


def drop_locks(path: Path) -> None:
    """What Qt's file dialog used to do: open the file below Python and close it again,
    which releases every POSIX lock this process holds on it."""
    descriptor = LIBC.open(os.fsencode(path), os.O_RDONLY)
    assert descriptor >= 0, os.strerror(ctypes.get_errno())
    LIBC.close(descriptor)


def test_every_way_of_touching_an_open_library_file_is_refused(library_path: Path) -> None:
    with opened(library_path) as library:
        with library.read() as session:
            session.connection().exec_driver_sql("SELECT 1").fetchone()
        other_name = library_path.with_name("other-name.copydesk")
        os.link(library_path, other_name)
        refusals = [
            lambda: library_path.read_bytes(),
            lambda: open(library_path, "rb"),  # noqa: SIM115
            lambda: other_name.read_bytes(),  # the same file under another name
            lambda: library_path.with_name(library_path.name + "-shm").read_bytes(),
            lambda: library_path.with_name(library_path.name + "-wal").read_bytes(),
            lambda: os.remove(library_path),
            lambda: os.truncate(library_path, 0),
            lambda: os.rename(library_path, library_path.with_suffix(".old")),
            lambda: shutil.copyfile(library_path.parent / "elsewhere.txt", library_path),
            lambda: os.rename(library_path.parent / "elsewhere.txt", library_path),
        ]
        (library_path.parent / "elsewhere.txt").write_text("x")
        for refusal in refusals:
            with pytest.raises(LibraryFileGuarded) as refused:
                refusal()
            assert "is the Copydesk library test.copydesk, open in this program" in str(
                refused.value
            )
        assert library.probes_locks
        probe = LockProbe(library_path)
        assert probe.holds_locks(), "a refused open must not have dropped the locks"
        # Other files in the same folder are not concerned.
        assert (library_path.parent / "elsewhere.txt").read_text() == "x"
    assert not library_guard.is_guarded(library_path)
    assert library_path.read_bytes().startswith(b"SQLite format 3\x00")


def test_a_guard_lasts_as_long_as_the_last_library_open_on_the_file(library_path: Path) -> None:
    with opened(library_path), opened(library_path):
        pass
    first = library_guard.guard(library_path)
    second = library_guard.guard(library_path)
    first.release()
    first.release()  # a second release of the same guard changes nothing
    assert library_guard.is_guarded(library_path)
    second.release()
    assert not library_guard.is_guarded(library_path)


def test_inspecting_an_open_library_reads_nothing_of_it_as_a_file(library_path: Path) -> None:
    with opened(library_path) as library:
        info = inspect_library_file(library_path)
        assert info.revision is not None
        assert LockProbe(library_path).holds_locks()
        assert library.probes_locks


def test_importing_the_open_library_as_a_picture_is_refused_with_a_reason(
    library_path: Path, shared: Path
) -> None:
    folder = library_path.parent
    shutil.copy(shared / "images" / "IPTC-PhotometadataRef-Std2017.1.jpg", folder / "photo.jpg")
    with opened(library_path) as library:
        store = MediaStore(folder / "media")
        # A folder holding the library: its pictures, and not a byte of the library read.
        report = import_pictures(library, store, [folder])
        assert [Path(item.path).name for item in report.items] == ["photo.jpg"]
        assert report.items[0].outcome is ImportOutcome.IMPORTED
        # The library itself, chosen as a file: refused, and the reason said.
        report = import_pictures(library, store, [library_path])
        assert LockProbe(library_path).holds_locks()
    (refused,) = report.items
    assert refused.outcome is ImportOutcome.REFUSED
    assert "is the Copydesk library test.copydesk, open in this program" in refused.reason


def test_the_lock_probe_fires_when_the_locks_are_dropped(library_path: Path) -> None:
    with opened(library_path, sample=True) as library:
        assert library.probes_locks
        probe = LockProbe(library_path)
        with library.read() as session:
            session.connection().exec_driver_sql("SELECT count(*) FROM articles").fetchone()
        assert probe.holds_locks()

        drop_locks(library_path.with_name(library_path.name + "-shm"))
        assert not probe.holds_locks()
        with library.write() as session:
            session.connection().exec_driver_sql("UPDATE articles SET headline = 'Repris'")
        assert library.locks_regained == 1
        assert probe.holds_locks(), "the connections were reopened and hold their locks again"

        drop_locks(library_path)
        assert library.ensure_locks()
        assert library.locks_regained == 2
        assert not library.ensure_locks(), "nothing to do while the locks are held"
    check = sqlite3.connect(library_path)
    try:
        assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert check.execute("SELECT headline FROM articles").fetchall() == [("Repris",)]
    finally:
        check.close()


def test_without_a_lock_listing_the_probe_says_it_cannot_tell(
    library_path: Path, tmp_path: Path
) -> None:
    foreign = tmp_path / "locks"
    # A container's listing names processes of another PID namespace.
    foreign.write_text("1: POSIX  ADVISORY  READ 1 fe:00:12345 128 128\n")
    with opened(library_path):
        assert LockProbe.calibrated(library_path, foreign) is None
        assert LockProbe.calibrated(library_path, tmp_path / "missing") is None
        assert LockProbe.calibrated(library_path) is not None


def test_waiting_locks_are_not_held_locks(library_path: Path, tmp_path: Path) -> None:
    with opened(library_path):
        listing = Path("/proc/locks").read_text()
        own = [line for line in listing.splitlines() if f" {os.getpid()} " in line]
        assert own, "this process holds locks on its open library"
        waiting = tmp_path / "locks"
        waiting.write_text("\n".join(line.replace("POSIX", "-> POSIX", 1) for line in own) + "\n")
        assert not LockProbe(library_path, waiting).holds_locks()
