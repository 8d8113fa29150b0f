"""Importing 500 JPEGs of 4000 × 3000 with metadata through the picture library window.

The import runs as the desk runs it: the Picture Library window's import, files read and
checked on the import thread, each picture stored by the database thread, the progress
dialog with Cancel on screen. A 5 ms timer on the GUI thread measures every stall (how late
it fires): the issue asks that the GUI thread never be blocked more than 50 ms. A second run
presses Cancel after a few pictures and measures how long the import takes to stop.

The pictures are one 12-megapixel photograph-like JPEG (grain over a gradient, quality 90)
with IPTC metadata, each copy with its own caption so that every file is a new picture.

    .venv/bin/python tests/benchmarks/bench_picture_import.py [--count 500]
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import Figure, report, x_display
from PIL import Image

from copydesk.pictures.metadata import write_metadata
from copydesk.records.picture import PictureMetadata

SIZE = (4000, 3000)
TICK_MS = 5
STALL_TARGET_MS = 50.0


def make_pictures(folder: Path, count: int) -> list[Path]:
    gradient = Image.linear_gradient("L").resize(SIZE)
    grain = Image.effect_noise(SIZE, 30)
    base = Image.merge("RGB", (gradient, grain, Image.blend(gradient, grain, 0.5)))
    buffer = io.BytesIO()
    base.save(buffer, "JPEG", quality=90)
    data = buffer.getvalue()
    paths = []
    for n in range(count):
        metadata = PictureMetadata(
            creator="Zoë Lefèvre",
            credit_line="Zoë Lefèvre / Agence",
            copyright_notice="© 2025 Zoë Lefèvre",
            description=f"Manifestation devant la préfecture, photo {n}",
            alt_text="Des manifestants devant la préfecture",
        )
        path = folder / f"photo-{n:04}.jpg"
        path.write_bytes(write_metadata(data, metadata, credit=metadata.credit_line))
        paths.append(path)
    return paths


class StallMeter:
    """Measures how late a 5 ms GUI timer fires: the GUI thread's stalls."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.stalls: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.stalls.append(max(0.0, (now - self._last) * 1000 - TICK_MS))
        self._last = now


def run_import(paths: list[Path], library_path: Path, cancel_after: int | None) -> dict:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QPushButton

    from copydesk.library.db import open_library
    from copydesk.pictures.operations import Judgement
    from copydesk.qt.app import freeze_startup_objects
    from copydesk.qt.pictures.library_window import PictureLibraryWindow
    from copydesk.qt.tasks import TaskRunner
    from copydesk.records.imports import ImportOutcome

    library = open_library(library_path, create=True)
    freeze_startup_objects()  # as the application does once its library is open
    runner = TaskRunner()
    window = PictureLibraryWindow(
        library, runner, runner.sibling("copydesk-compute"), Judgement("fr", True)
    )
    window.resize(1300, 800)
    window.show()
    QApplication.processEvents()
    meter = StallMeter()
    loop = QEventLoop()
    progress: list[int] = []
    done_at: list[float] = []
    cancelled_at: list[float] = []

    def on_progress(done: int, _total: int) -> None:
        progress.append(done)
        if cancel_after is not None and done >= cancel_after and not cancelled_at:
            cancelled_at.append(time.perf_counter())
            window.progress.findChild(QPushButton).click()  # the dialog's Cancel button

    def finished(_report: object) -> None:
        done_at.append(time.perf_counter())
        # Let the window show the listings and the first thumbnails, still metered.
        QTimer.singleShot(1500, loop.quit)

    window.importer.progressed.connect(on_progress)
    window.importer.finished.connect(finished)
    meter.start()
    started = time.perf_counter()
    window.import_paths(paths)
    loop.exec()
    meter.stop()
    report_ = window.last_report
    imported = report_.count(ImportOutcome.IMPORTED)
    result = {
        "seconds": done_at[0] - started,
        "imported": imported,
        "refused": report_.count(ImportOutcome.REFUSED),
        "stalls": meter.stalls,
        "progress_updates": len(progress),
        "cancel_ms": (done_at[0] - cancelled_at[0]) * 1000 if cancelled_at else None,
        "rows": window.model.rowCount(),
    }
    window.close()
    window.importer.shutdown()
    runner.shutdown()
    library.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=500)
    args = parser.parse_args()
    with x_display() as display:
        if display is not None:
            os.environ["DISPLAY"] = display
            os.environ["QT_QPA_PLATFORM"] = "xcb"
        else:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from copydesk.qt.app import application, prepare_environment

        prepare_environment()
        application()
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            made = time.perf_counter()
            paths = make_pictures(root, args.count)
            size_mb = sum(path.stat().st_size for path in paths) / 1e6
            seconds = time.perf_counter() - made
            print(f"made {len(paths)} pictures ({size_mb:.0f} MB) in {seconds:.1f} s")
            full = run_import(paths, root / "full.copydesk", None)
            cancelled = run_import(paths, root / "cancel.copydesk", 20)
    rate = full["imported"] / full["seconds"]
    longest = max(full["stalls"])
    figures = [
        Figure("GUI stall during the import (5 ms timer lateness)", full["stalls"]),
        Figure("longest GUI stall (target <= 50 ms)", [longest], STALL_TARGET_MS),
        Figure("longest GUI stall, import cancelled", [max(cancelled["stalls"])], STALL_TARGET_MS),
    ]
    notes = [
        f"{full['imported']} imported, {full['refused']} refused, {full['rows']} rows shown,"
        f" {full['progress_updates']} progress updates",
        f"import of {args.count} pictures: {full['seconds']:.1f} s = {rate:.1f} pictures/s",
        f"Cancel after {20} pictures: stopped {cancelled['cancel_ms']:.0f} ms later,"
        f" {cancelled['imported']} imported",
    ]
    met = report(
        f"Picture import through the window ({args.count} × 4000×3000 JPEG)", figures, notes
    )
    print(f"  pictures per second: {rate:.1f}; longest GUI stall: {longest:.1f} ms")
    return 0 if met and full["imported"] == args.count else 1


if __name__ == "__main__":
    sys.exit(main())
