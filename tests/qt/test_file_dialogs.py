"""Every file dialog of the window lists the library's folder without reading the library,
so the window keeps SQLite's locks on it (issue 21)."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QFileInfo
from PySide6.QtWidgets import QFileDialog, QFileSystemModel
from pytestqt.qtbot import QtBot

from copydesk.library.locks import LockProbe
from copydesk.qt.dialogs import file_dialogs
from copydesk.qt.exchange.export.exporter import ExportSettings
from copydesk.qt.exchange.export.options_dialog import ExportDialog
from copydesk.qt.exchange.importing.controller import FOLDER_KEY
from copydesk.qt.window.state import WindowState
from tests.helpers import REPO, opened
from tests.qt.conftest import MakeWindow

QT_PACKAGE = REPO / "desktop" / "copydesk" / "qt"
# Qt classes that read what they list; only file_dialogs may use them, its own way.
CONTENT_READERS = {"QFileDialog", "QFileSystemModel", "QFileIconProvider", "QMimeDatabase"}
GATHER_MS = 10_000


def browse(qtbot: QtBot, dialog: QFileDialog, folder: Path) -> None:
    """Show ``dialog`` until its model has described every entry of ``folder`` (its type
    and icon come from the provider, on the model's gatherer thread), then close it."""
    dialog.setNameFilter("*")  # the worst case: every file listed, the library included
    dialog.show()
    model = dialog.findChild(QFileSystemModel)
    assert model is not None
    expected = {entry.name for entry in folder.iterdir()}
    if dialog.testOption(QFileDialog.Option.ShowDirsOnly):
        expected = {entry.name for entry in folder.iterdir() if entry.is_dir()}

    def described() -> bool:
        root = model.index(str(folder))
        names = {model.index(row, 0, root).data() for row in range(model.rowCount(root))}
        return names == expected and all(
            model.type(model.index(row, 0, root)) for row in range(model.rowCount(root))
        )

    qtbot.waitUntil(described, timeout=GATHER_MS)
    qtbot.wait(200)  # icons arrive from the gatherer thread after the types
    dialog.reject()


@pytest.fixture
def library_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a picture")
    (folder / "notes.txt").write_text("notes")
    (folder / "other.copydesk").write_bytes(b"SQLite format 3\x00")
    (folder / "archives").mkdir()
    return folder


def test_a_default_qt_dialog_drops_the_locks_which_is_why_ours_differ(
    qtbot: QtBot, library_folder: Path
) -> None:
    """The hazard this module guards against, seen here: if Qt ever stops reading what it
    lists, this test says so and the rest of this file proves less than it claims."""
    library_path = library_folder / "lib.copydesk"
    with opened(library_path) as library:
        assert library.probes_locks
        probe = LockProbe(library_path)
        dialog = QFileDialog(None, "Qt's own", str(library_folder))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        browse(qtbot, dialog, library_folder)
        assert not probe.holds_locks()
        assert library.ensure_locks()
        with library.read() as session:
            session.connection().exec_driver_sql("SELECT count(*) FROM articles").fetchone()
        assert probe.holds_locks()


@pytest.mark.parametrize(
    "make_dialog",
    [
        lambda folder: file_dialogs.file_dialog(None, "Open", str(folder)),
        lambda folder: file_dialogs.file_dialog(None, "Pictures", str(folder), "Pictures (*.jpg)"),
    ],
)
def test_our_dialog_lists_the_library_folder_and_keeps_the_locks(
    qtbot: QtBot, library_folder: Path, make_dialog: Callable[[Path], QFileDialog]
) -> None:
    library_path = library_folder / "lib.copydesk"
    with opened(library_path) as library:
        probe = LockProbe(library_path)
        dialog = make_dialog(library_folder)
        qtbot.addWidget(dialog)
        browse(qtbot, dialog, library_folder)
        assert probe.holds_locks()
        model = dialog.findChild(QFileSystemModel)
        assert model is not None
        assert model.type(model.index(str(library_path))) == "Copydesk library"
        assert model.type(model.index(str(library_folder / "archives"))) == "Folder"
        assert library.locks_regained == 0


def test_our_dialog_hides_sqlite_files_and_lists_folders_first(
    qtbot: QtBot, library_folder: Path
) -> None:
    library_path = library_folder / "lib.copydesk"
    with opened(library_path):
        assert (library_folder / "lib.copydesk-shm").exists()
        dialog = file_dialogs.file_dialog(None, "Open", str(library_folder))
        qtbot.addWidget(dialog)
        browse(qtbot, dialog, library_folder)
        proxy = dialog.proxyModel()
        root = proxy.mapFromSource(
            dialog.findChild(QFileSystemModel).index(str(library_folder))  # type: ignore[union-attr]
        )
        listed = [proxy.index(row, 0, root).data() for row in range(proxy.rowCount(root))]
        assert listed == ["archives", "lib.copydesk", "notes.txt", "other.copydesk", "photo.jpg"]
        dialog.selectFile(str(library_folder / "notes.txt"))
        assert dialog.selectedFiles() == [str(library_folder / "notes.txt")]


def test_the_provider_names_types_from_the_extension(library_folder: Path) -> None:
    provider = file_dialogs.NameOnlyIconProvider()
    assert provider.type(QFileInfo(str(library_folder / "other.copydesk"))) == "Copydesk library"
    assert "JPEG" in provider.type(QFileInfo(str(library_folder / "photo.jpg")))
    assert provider.type(QFileInfo(str(library_folder / "archives"))) == "Folder"
    assert not provider.icon(QFileInfo(str(library_folder / "photo.jpg"))).isNull()


def test_every_dialog_of_the_window_keeps_the_locks(
    qtbot: QtBot,
    make_window: MakeWindow,
    library_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    library_path = library_folder / "lib.copydesk"
    with opened(library_path, sample=True):
        pass
    monkeypatch.chdir(library_folder)  # where the Picture Library's dialogs open
    state = WindowState.ephemeral()
    state.set_text(FOLDER_KEY, str(library_folder))
    window = make_window(library_path, state=state)
    assert window.library is not None and window.library.probes_locks
    probe = LockProbe(library_path)
    shown: list[str] = []

    def run(dialog: QFileDialog) -> list[str]:
        shown.append(dialog.windowTitle())
        browse(qtbot, dialog, library_folder)
        assert probe.holds_locks(), f"{dialog.windowTitle()} dropped the window's locks"
        dialog.deleteLater()
        return []

    monkeypatch.setattr(file_dialogs, "_run", run)
    window.choose_library()
    window.imports.choose_files()
    window.imports.choose_package_folder()
    window.open_picture_library()
    window.picture_library.choose_files()
    window.picture_library.choose_folder()
    export = ExportDialog(ExportSettings(library_folder, False, "3.1", False), window)
    qtbot.addWidget(export)
    export._choose_folder()
    assert shown == [
        "Open or Create a Library",
        "Import Articles",
        "Import a Package Folder",
        "Import Pictures",
        "Import a Folder of Pictures",
        "Export Packages To",
    ]
    assert window.library.locks_regained == 0


def test_no_other_module_of_the_window_makes_file_dialogs_or_reads_file_types() -> None:
    offenders = []
    for module in sorted(QT_PACKAGE.rglob("*.py")):
        if module == QT_PACKAGE / "dialogs" / "file_dialogs.py":
            continue
        tree = ast.parse(module.read_text(encoding="utf-8"))
        names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
        names |= {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
        names |= {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
            for alias in node.names
        }
        if found := names & CONTENT_READERS:
            offenders.append(f"{module.relative_to(REPO)}: {sorted(found)}")
    assert not offenders, "use copydesk.qt.dialogs.file_dialogs instead:\n" + "\n".join(offenders)
