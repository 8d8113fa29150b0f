"""``copydesk install-desktop``: the desktop entry, AppStream metadata, icons and file type
for the person alone, valid for the desktop's own validators; ``--uninstall`` takes out
exactly those files."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pytestqt.qtbot import QtBot

from copydesk.cli import desktop
from copydesk.cli.main import _window_only, main
from copydesk.errors import CopydeskError
from tests.qt.conftest import MakeWindow

VALIDATE_ENTRY = shutil.which("desktop-file-validate")
APPSTREAM = shutil.which("appstreamcli")
NEEDS_VALIDATORS = pytest.mark.skipif(
    not (VALIDATE_ENTRY and APPSTREAM),
    reason="make test installs desktop-file-utils and appstream (packaging/system-deps.sh)",
)


def installed_files(data: Path) -> set[Path]:
    return {path for path in data.rglob("*") if path.is_file()}


@NEEDS_VALIDATORS
@pytest.mark.parametrize("command", ["/opt/copydesk/copydesk", "/home/Jean Dupont/bin/copydesk"])
def test_what_is_installed_is_valid_for_the_desktop(tmp_path: Path, command: str) -> None:
    data = tmp_path / "share"
    written = desktop.install(data, command)
    entry = data / "applications" / "copydesk.desktop"
    assert entry in written
    text = entry.read_text(encoding="utf-8")
    quoted = f'"{command}"' if " " in command else command
    assert f"\nExec={quoted} %f\n" in text
    assert "MimeType=application/x-copydesk-library;" in text
    assert subprocess.run([VALIDATE_ENTRY, str(entry)], capture_output=True).returncode == 0  # type: ignore[list-item]
    metainfo = data / "metainfo" / "org.copydesk.Copydesk.metainfo.xml"
    checked = subprocess.run(
        [APPSTREAM, "validate", "--no-net", str(metainfo)],  # type: ignore[list-item]
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    mime = (data / "mime" / "packages" / "copydesk.xml").read_text(encoding="utf-8")
    assert '<glob pattern="*.copydesk"/>' in mime
    assert "MimeType=application/x-copydesk-library;application/x-copydesk-package;" in text
    if shutil.which("update-mime-database"):  # the desktop's database knows both globs now
        globs = (data / "mime" / "globs2").read_text(encoding="utf-8")
        assert "application/x-copydesk-library:*.copydesk" in globs
        assert "application/x-copydesk-package:*.copydesk.zip" in globs
    for size in desktop.ICON_SIZES:
        png = data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "copydesk.png"
        with Image.open(io.BytesIO(png.read_bytes())) as image:
            assert image.size == (size, size) and image.mode == "RGBA"
            assert image.getextrema()[3][1] == 255  # drawn, not an empty square
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "copydesk.svg").is_file()


def test_uninstall_takes_out_exactly_what_was_added(tmp_path: Path) -> None:
    data = tmp_path / "share"
    theirs = data / "applications" / "someone-else.desktop"
    theirs.parent.mkdir(parents=True)
    theirs.write_text("[Desktop Entry]\n", encoding="utf-8")
    before = installed_files(data)
    written = desktop.install(data, "/opt/copydesk/copydesk")
    recorded = json.loads((data / desktop.RECORD).read_text(encoding="utf-8"))
    assert sorted(recorded) == sorted(str(path) for path in written)
    assert len(written) == 4 + len(desktop.ICON_SIZES)
    # Installed again: the same files, not twice as many.
    assert sorted(desktop.install(data, "/opt/copydesk/copydesk")) == sorted(written)
    removed = desktop.uninstall(data)
    assert sorted(removed) == sorted(written)
    after = installed_files(data)
    # What the desktop's cache tools generated for the whole folder may remain; ours may not.
    assert theirs in after and not (after & set(written))
    assert not (data / desktop.RECORD).exists()
    assert before <= after
    assert desktop.uninstall(data) == []  # nothing left to take out


def test_the_command_says_what_it_did(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    assert main(["install-desktop"]) == 0
    count = 4 + len(desktop.ICON_SIZES)
    assert capsys.readouterr().out == (
        f"Added Copydesk to the desktop ({count} files under {data}).\n"
    )
    assert main(["install-desktop", "--uninstall"]) == 0
    assert capsys.readouterr().out == f"Removed Copydesk from the desktop ({count} files).\n"


def test_a_damaged_record_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "share"
    (data / desktop.RECORD).parent.mkdir(parents=True)
    (data / desktop.RECORD).write_text("{not json", encoding="utf-8")
    with pytest.raises(CopydeskError, match=r"desktop-files\.json, the list of what was added"):
        desktop.uninstall(data)


def test_a_file_opened_from_the_desktop_opens_the_window() -> None:
    library = _window_only(["/home/jean/news.copydesk"])
    assert library is not None and library.library == "/home/jean/news.copydesk"
    assert library.open == []
    package = _window_only(["/home/jean/port.copydesk.zip"])
    assert package is not None and package.library is None  # the person's own library
    assert package.open == [Path("/home/jean/port.copydesk.zip")]
    assert _window_only(["list"]) is None
    assert _window_only(["-x.copydesk"]) is None
    assert _window_only(["port.zip"]) is None


def test_a_package_opened_from_the_desktop_is_imported_once_the_library_opens(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    from copydesk.articles import store as articles
    from copydesk.exchange.packages.export import export_package
    from tests.helpers import FULL_CONTENT, opened

    with opened(tmp_path / "elsewhere.copydesk") as elsewhere:
        with elsewhere.write() as session:
            record = articles.create_article(session, FULL_CONTENT)
        (tmp_path / "out").mkdir()
        package = export_package(elsewhere, record.id, tmp_path / "out", as_zip=True).path
    assert package.name.endswith(".copydesk.zip")
    window = make_window(tmp_path / "desk.copydesk", wait=False)
    window.import_when_open([package])
    with qtbot.waitSignal(window.imports.finished, timeout=30_000) as imported:
        window.show()
    [item] = imported.args[0].items
    assert item.outcome.value == "imported"
    assert window.current is not None and window.current.content.headline == FULL_CONTENT.headline
