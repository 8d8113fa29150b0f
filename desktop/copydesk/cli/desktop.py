"""``copydesk install-desktop``: Copydesk in the desktop's menus, its icon, and its libraries
opened by a double-click, for the person running it (no root); ``--uninstall`` takes out
exactly what was put in.

What goes where, under ``$XDG_DATA_HOME`` (``~/.local/share``):

- ``applications/copydesk.desktop``, starting this very Copydesk (the bundle's binary, or the
  ``copydesk`` command of the environment it runs from) on the file opened;
- ``metainfo/org.copydesk.Copydesk.metainfo.xml``: AppStream's description, for software
  centres;
- ``icons/hicolor/…/apps/copydesk.{svg,png}``: the icon, scalable and at the usual sizes;
- ``mime/packages/copydesk.xml``: ``*.copydesk`` files are ``application/x-copydesk-library``,
  which the desktop entry opens.

The list of what was written is kept in ``copydesk/desktop-files.json`` beside them: the
uninstall removes those files and nothing else, then the desktop's caches are refreshed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from copydesk.errors import CopydeskError
from copydesk.resources import resource_path
from copydesk.translation import _

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
DESKTOP_ID = "copydesk.desktop"
METAINFO = "org.copydesk.Copydesk.metainfo.xml"
RECORD = Path("copydesk") / "desktop-files.json"


def add_desktop_commands(commands: Any) -> None:
    command = commands.add_parser(
        "install-desktop",
        help=_("add Copydesk to the desktop's menus, with its icon and its library files"),
        description=_(
            "Add Copydesk to your desktop's application menu, with its icon, and have "
            "*.copydesk library files open in it with a double-click. Only for you: nothing "
            "outside your own data folder ($XDG_DATA_HOME, ~/.local/share) is touched. "
            "--uninstall removes exactly what was added."
        ),
        epilog=_("Examples:\n  copydesk install-desktop\n  copydesk install-desktop --uninstall"),
    )
    command.add_argument(
        "--uninstall", action="store_true", help=_("remove what install-desktop added")
    )
    command.set_defaults(handler=_run)


def _run(args: Any) -> int:
    data = data_home()
    if args.uninstall:
        removed = uninstall(data)
        print(_("Removed Copydesk from the desktop ({count} files).").format(count=len(removed)))
        return 0
    written = install(data, command_path())
    print(
        _("Added Copydesk to the desktop ({count} files under {folder}).").format(
            count=len(written), folder=data
        )
    )
    return 0


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def command_path() -> str:
    """What the desktop entry starts: this bundle's binary, else the ``copydesk`` command
    beside this Python (a virtual environment's), else the one on the PATH."""
    if getattr(sys, "frozen", False):
        return str(Path(sys.executable).resolve())
    beside = Path(sys.executable).with_name("copydesk")
    if beside.is_file():
        return str(beside)
    return shutil.which("copydesk") or "copydesk"


def install(data: Path, command: str) -> list[Path]:
    """Write the desktop files under ``data``; their paths (an earlier install's files that
    are no longer written are removed first)."""
    uninstall(data, refresh=False)
    from copydesk.qt.icon_images import png_icons

    svg = resource_path("icons", "copydesk.svg")
    files: dict[Path, bytes] = {
        data / "applications" / DESKTOP_ID: _desktop_entry(command).encode("utf-8"),
        data / "metainfo" / METAINFO: resource_path("desktop", METAINFO).read_bytes(),
        data / "mime" / "packages" / "copydesk.xml": resource_path(
            "desktop", "copydesk-mime.xml"
        ).read_bytes(),
        data / "icons" / "hicolor" / "scalable" / "apps" / "copydesk.svg": svg.read_bytes(),
    }
    for size, png in png_icons(svg, ICON_SIZES).items():
        files[data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "copydesk.png"] = png
    written: list[Path] = []
    try:
        for path, content in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            written.append(path)
    except OSError as error:
        raise CopydeskError(
            _("Cannot add Copydesk to the desktop: {path}: {error}").format(
                path=error.filename or data, error=error.strerror or error
            )
        ) from error
    finally:
        _record(data, written)  # whatever was written can be taken out again
    _refresh(data)
    return written


def uninstall(data: Path, *, refresh: bool = True) -> list[Path]:
    """Remove what the last install wrote under ``data`` (and nothing else)."""
    record = data / RECORD
    try:
        listed = json.loads(record.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as error:
        raise CopydeskError(
            _("Cannot read {record}, the list of what was added: {error}").format(
                record=record, error=error
            )
        ) from error
    removed = []
    for name in listed:
        path = Path(name)
        if path.is_relative_to(data) and path.is_file():
            path.unlink()
            removed.append(path)
    record.unlink()
    if refresh:
        _refresh(data)
    return removed


def _desktop_entry(command: str) -> str:
    """The entry, starting ``command`` (quoted as the Desktop Entry spec asks when needed)."""
    text = resource_path("desktop", DESKTOP_ID).read_text(encoding="utf-8")
    if any(character in command for character in " \"'\\$`"):
        escaped = command.replace("\\", "\\\\").replace('"', '\\"')
        escaped = escaped.replace("$", "\\$").replace("`", "\\`")
        command_line = f'"{escaped}"'
    else:
        command_line = command
    return text.replace("\nExec=copydesk %f\n", f"\nExec={command_line} %f\n")


def _record(data: Path, written: list[Path]) -> None:
    record = data / RECORD
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text(json.dumps([str(path) for path in written], indent=1), encoding="utf-8")


def _refresh(data: Path) -> None:
    """The desktop's caches, where their tools are installed (menus and file types show
    without logging out)."""
    for tool, folder in (
        ("update-mime-database", data / "mime"),
        ("update-desktop-database", data / "applications"),
    ):
        if shutil.which(tool) and folder.is_dir():
            subprocess.run([tool, str(folder)], capture_output=True, check=False)
