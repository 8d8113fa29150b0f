"""Every file dialog Copydesk opens: Qt's own dialog, which describes files by name alone.

A file dialog lists a folder, and for every file it finds an icon and a type. Qt's default
provider asks the MIME database, which *reads* a file whose extension it does not know
(``.copydesk``) to guess its type; a native dialog (GTK, KDE) running inside the process
does the same through its own libraries. Reading a library and closing it again releases
every SQLite lock the process holds on it (see ``copydesk.library.guard``): merely opening
a dialog in the library's folder used to leave the window unprotected against the command
line and other windows writing to the same library.

So every dialog is Qt's widget dialog (never a native one inside the process), with an icon
provider that never opens a file: icons and types come from the name's extension. Nothing
else under ``copydesk.qt`` may create a file dialog, a file system model or a MIME
database (``tests/qt/test_file_dialogs.py`` checks it).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QFileInfo,
    QMimeDatabase,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
)
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import (
    QFileDialog,
    QFileIconProvider,
    QFileSystemModel,
    QHeaderView,
    QTreeView,
    QWidget,
)

LIBRARY_SUFFIX = "copydesk"


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and types from a file's name, never from its content. Called on the file
    dialog's gatherer thread as well as the GUI thread: it keeps no state."""

    def icon(self, which: QFileInfo | QAbstractFileIconProvider.IconType) -> QIcon:  # type: ignore[override]
        if not isinstance(which, QFileInfo):
            return super().icon(which)
        if which.isDir():
            return super().icon(QAbstractFileIconProvider.IconType.Folder)
        generic = super().icon(QAbstractFileIconProvider.IconType.File)
        return QIcon.fromTheme(_mime_type(which).iconName(), generic)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return QCoreApplication.translate("FileDialogs", "Folder")
        if info.suffix().lower() == LIBRARY_SUFFIX:
            return QCoreApplication.translate("FileDialogs", "Copydesk library")
        mime = _mime_type(info)
        if mime.isDefault():
            return QCoreApplication.translate("FileDialogs", "File")
        return mime.comment() or mime.name()


def _mime_type(info: QFileInfo):  # type: ignore[no-untyped-def]
    # The name alone: MatchExtension never opens the file (MatchDefault would, for names
    # it does not know).
    return QMimeDatabase().mimeTypeForFile(info.fileName(), QMimeDatabase.MatchMode.MatchExtension)


_PROVIDER = NameOnlyIconProvider()  # lives as long as the program: dialogs do not own it
# SQLite's own files beside a library: nobody should pick them, so no dialog lists them.
LIBRARY_COMPANIONS = tuple(f".{LIBRARY_SUFFIX}{end}" for end in ("-wal", "-shm", "-journal"))


class WithoutLibraryCompanions(QSortFilterProxyModel):
    """The folder as listed, less a library's ``-wal``, ``-shm`` and ``-journal`` files."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(False)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        name = str(self.sourceModel().index(row, 0, parent).data() or "")
        return not name.lower().endswith(LIBRARY_COMPANIONS)

    def lessThan(
        self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex
    ) -> bool:
        """As the file system model sorts: folders first, then by name (ignoring case),
        size, type or date, never by the text shown ("9 KiB" after "10 bytes")."""
        model = self.sourceModel()
        assert isinstance(model, QFileSystemModel)
        if model.isDir(left) != model.isDir(right):
            return model.isDir(left)
        keys = {
            1: lambda index: model.size(index),
            2: lambda index: model.type(index).casefold(),
            3: lambda index: model.lastModified(index),
        }
        key = keys.get(left.column(), lambda index: model.fileName(index).casefold())
        return bool(key(left) < key(right))


def file_dialog(
    parent: QWidget | None, caption: str, directory: str = "", name_filter: str = ""
) -> QFileDialog:
    """A dialog that never reads the files it lists; the caller sets its mode and runs it."""
    dialog = QFileDialog(parent, caption, directory, name_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setOption(QFileDialog.Option.DontUseCustomDirectoryIcons)
    dialog.setIconProvider(_PROVIDER)
    dialog.setProxyModel(WithoutLibraryCompanions(dialog))
    _size_columns(dialog)
    return dialog


def _size_columns(dialog: QFileDialog) -> None:
    """Room for a size, a type and a date in the detail view, the name taking the rest."""
    view = dialog.findChild(QTreeView, "treeView")
    if view is None:
        return
    header = view.header()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column, width in ((1, 90), (2, 150), (3, 150)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width)


def open_file_names(
    parent: QWidget | None, caption: str, directory: str = "", name_filter: str = ""
) -> list[str]:
    """Existing files chosen by the user; an empty list if cancelled."""
    dialog = file_dialog(parent, caption, directory, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run(dialog)


def open_file_name(
    parent: QWidget | None, caption: str, directory: str = "", name_filter: str = ""
) -> str:
    """An existing file chosen by the user; "" if cancelled."""
    dialog = file_dialog(parent, caption, directory, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return next(iter(_run(dialog)), "")


def save_file_name(
    parent: QWidget | None,
    caption: str,
    directory: str = "",
    name_filter: str = "",
    *,
    confirm_overwrite: bool = True,
) -> str:
    """A file name to write (existing or new); "" if cancelled."""
    dialog = file_dialog(parent, caption, directory, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, not confirm_overwrite)
    return next(iter(_run(dialog)), "")


def existing_directory(parent: QWidget | None, caption: str, directory: str = "") -> str:
    """A folder chosen by the user; "" if cancelled."""
    dialog = file_dialog(parent, caption, directory)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    return next(iter(_run(dialog)), "")


def _run(dialog: QFileDialog) -> list[str]:
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return []
        return dialog.selectedFiles()
    finally:
        dialog.deleteLater()
