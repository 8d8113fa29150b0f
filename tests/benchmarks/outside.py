"""Watching Copydesk from outside the process, as a person sees it: the real ``copydesk``
command on a private Xvfb display, keys sent through XTest, pixels read with XGetImage until
they change, memory read from /proc over the whole process tree (the web engine's processes
included)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from Xlib import XK, X, display
from Xlib.ext import xtest

COPYDESK = Path(sys.executable).with_name("copydesk")
POLL_S = 0.002
TIMEOUT_S = 30.0


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    width: int
    height: int


@dataclass
class Running:
    """A copydesk process and what it printed (start-up markers, the panes' places)."""

    process: subprocess.Popen[str]
    started: float
    marks: dict[str, float] = field(default_factory=dict)
    places: dict[str, Rect] = field(default_factory=dict)

    def wait_for(self, mark: str, timeout: float = TIMEOUT_S) -> float:
        deadline = time.monotonic() + timeout
        while mark not in self.marks:
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError(f"copydesk never printed {mark}")
            time.sleep(0.01)
        return self.marks[mark]


def environment(folder: Path, library: Path, screen: str) -> dict[str, str]:
    # An installed application starts from compiled bytecode: a shell that forbids writing
    # it would have every changed module compiled again at each start, and the figures
    # would measure the compiler.
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    env.update(
        COPYDESK_LIBRARY=str(library),
        COPYDESK_STARTUP_TRACE="1",
        XDG_CONFIG_HOME=str(folder / "config"),
        XDG_CACHE_HOME=str(folder / "cache"),
        XDG_DATA_HOME=str(folder / "data"),
        DISPLAY=screen,
        QT_QPA_PLATFORM="xcb",
    )
    return env


def compile_sources() -> None:
    """Bytecode for every module of Copydesk, as an installation has it."""
    import compileall

    import copydesk

    compileall.compile_dir(Path(copydesk.__file__).parent, quiet=1)


def _read(running: Running) -> None:
    assert running.process.stdout is not None
    for line in running.process.stdout:
        parts = line.split()
        if line.startswith("copydesk-startup ") and len(parts) == 3:
            running.marks[parts[1]] = (float(parts[2]) - running.started) * 1000
        elif line.startswith("copydesk-geometry ") and len(parts) == 6:
            running.places[parts[1]] = Rect(*(int(value) for value in parts[2:]))


@contextmanager
def copydesk(env: dict[str, str], command: list[str] | None = None) -> Iterator[Running]:
    """The ``copydesk`` command (or ``command``, which prints the same markers) running."""
    started = time.monotonic()
    process = subprocess.Popen(
        command or [str(COPYDESK)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    running = Running(process, started)
    reader = threading.Thread(target=_read, args=(running,), daemon=True)
    reader.start()
    try:
        yield running
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Screen:
    """The X display: windows, pixels and keys."""

    def __init__(self, name: str) -> None:
        self.display = display.Display(name)
        self.root = self.display.screen().root
        self.last_change: tuple[Rect, bytes, bytes] = (Rect(0, 0, 1, 1), b"", b"")

    def pixels(self, rect: Rect) -> bytes:
        image = self.root.get_image(rect.x, rect.y, rect.width, rect.height, X.ZPixmap, 0xFFFFFFFF)
        return bytes(image.data)

    def painted(self, rect: Rect) -> bool:
        """More than one colour in the rectangle: something is drawn there."""
        data = self.pixels(rect)
        return len(set(data[index : index + 4] for index in range(0, len(data), 4 * 97))) > 1

    def copydesk_window(self, title: str = "Copydesk") -> Rect | None:
        """The main window once it is mapped and drawn (its title names Copydesk, or holds
        ``title``)."""
        for window in self.root.query_tree().children:
            try:
                attributes = window.get_attributes()
                if attributes.map_state != X.IsViewable:
                    continue
                name = window.get_wm_name() or ""
                found = self._titled(window, name, title)
            except Exception:  # a window that went away while we looked
                continue
            if found is not None:
                return found
        return None

    def _titled(self, window: object, name: str, title_part: str) -> Rect | None:
        children = [window, *window.query_tree().children]  # type: ignore[attr-defined]
        for candidate in children:
            title = candidate.get_wm_name() or name  # type: ignore[attr-defined]
            if title_part in str(title):
                geometry = candidate.get_geometry()  # type: ignore[attr-defined]
                origin = candidate.translate_coords(self.root, 0, 0)  # type: ignore[attr-defined]
                rect = Rect(-origin.x, -origin.y, geometry.width, geometry.height)
                if rect.width > 200 and self.painted(rect):
                    return rect
        return None

    def key(self, keysym_name: str, *, modifiers: tuple[str, ...] = ()) -> None:
        codes = [self.display.keysym_to_keycode(XK.string_to_keysym(m)) for m in modifiers]
        code = self.display.keysym_to_keycode(XK.string_to_keysym(keysym_name))
        for modifier in codes:
            xtest.fake_input(self.display, X.KeyPress, modifier)
        xtest.fake_input(self.display, X.KeyPress, code)
        xtest.fake_input(self.display, X.KeyRelease, code)
        for modifier in reversed(codes):
            xtest.fake_input(self.display, X.KeyRelease, modifier)
        self.display.sync()

    def click(self, x: int, y: int) -> None:
        xtest.fake_input(self.display, X.MotionNotify, x=x, y=y)
        xtest.fake_input(self.display, X.ButtonPress, 1)
        xtest.fake_input(self.display, X.ButtonRelease, 1)
        self.display.sync()

    def time_to_change(self, rect: Rect, act: object, timeout: float = 5.0) -> float:
        """Milliseconds from ``act()`` (sending a key) to the first changed pixel in ``rect``."""
        before = self.pixels(rect)
        sent = time.monotonic()
        act()  # type: ignore[operator]
        deadline = sent + timeout
        while time.monotonic() < deadline:
            after = self.pixels(rect)
            if after != before:
                self.last_change = (rect, before, after)
                return (time.monotonic() - sent) * 1000
            time.sleep(POLL_S)
        raise RuntimeError("the pixels never changed")

    def save_frames(self, stem: Path) -> None:
        """The last change, before and after, as PNGs (BGRX from the X server)."""
        from PIL import Image

        rect, before, after = self.last_change
        stem.parent.mkdir(parents=True, exist_ok=True)
        for label, data in (("before", before), ("after", after)):
            image = Image.frombytes("RGB", (rect.width, rect.height), data, "raw", "BGRX")
            image.save(f"{stem}-{label}.png")


def tree_memory(pid: int) -> tuple[float, float]:
    """RSS and PSS in MiB of ``pid`` and every process under it (QtWebEngineProcess)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    tree, pending = [], [pid]
    while pending:
        current = pending.pop()
        tree.append(current)
        pending.extend(children.get(current, []))
    rss = pss = 0
    for member in tree:
        try:
            for line in Path(f"/proc/{member}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
        except OSError:
            continue
    return rss / 1024, pss / 1024
