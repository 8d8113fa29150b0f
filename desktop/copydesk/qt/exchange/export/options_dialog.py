"""The export dialog: which articles (a batch), the destination folder, folder or zip, the
ninjs version and whether warnings stop the export. The choices are remembered in the
window state (where the last export went is not a preference)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from copydesk.exchange.ninjs.schema import DEFAULT_VERSION, VERSIONS, NinjsVersion
from copydesk.qt.dialogs import file_dialogs
from copydesk.qt.dialogs.closing import close_with_ctrl_w
from copydesk.qt.exchange.export.exporter import ExportSettings, Selection
from copydesk.qt.labels import status_label
from copydesk.qt.window.state import WindowState
from copydesk.records.article import ALL_ARTICLES, ArticleQuery, ArticleStatus

FOLDER_KEY = "export/folder"
FORMAT_KEY = "export/format"  # "folder" or "zip"
NINJS_KEY = "export/ninjs"
WARNINGS_KEY = "export/accept-warnings"  # "on" or "off"
STATUS_KEY = "export/status"
DEFAULT_STATUS = ArticleStatus.READY


def default_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def remembered_settings(state: WindowState) -> ExportSettings:
    version = state.text_value(NINJS_KEY, DEFAULT_VERSION)
    return ExportSettings(
        folder=Path(state.text_value(FOLDER_KEY, str(default_folder()))),
        as_zip=state.text_value(FORMAT_KEY, "folder") == "zip",
        ninjs_version=version if version in VERSIONS else DEFAULT_VERSION,
        accept_warnings=state.text_value(WARNINGS_KEY, "on") == "on",
    )


def remember_settings(state: WindowState, settings: ExportSettings) -> None:
    state.set_text(FOLDER_KEY, str(settings.folder))
    state.set_text(FORMAT_KEY, "zip" if settings.as_zip else "folder")
    state.set_text(NINJS_KEY, settings.ninjs_version)
    state.set_text(WARNINGS_KEY, "on" if settings.accept_warnings else "off")
    state.sync()


def remembered_status(state: WindowState) -> ArticleStatus:
    try:
        return ArticleStatus(state.text_value(STATUS_KEY, DEFAULT_STATUS.value))
    except ValueError:
        return DEFAULT_STATUS


class ExportDialog(QDialog):
    """Asks how to export. ``slug`` for one article (the dialog then says whether its
    package is already in the folder, and lists its ``errors``, which Export would refuse);
    ``listed`` for a batch: the list's query (its search and status filter), how many
    articles it finds and whether that count is exact."""

    show_checks = Signal()

    def __init__(
        self,
        settings: ExportSettings,
        parent: QWidget | None = None,
        *,
        headline: str = "",
        slug: str = "",
        listed: tuple[ArticleQuery, int, bool] | None = None,
        status: ArticleStatus = DEFAULT_STATUS,
        errors: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        close_with_ctrl_w(self)
        self.setObjectName("exportDialog")
        self._slug = slug
        self._listed = listed or (ALL_ARTICLES, 0, True)
        self._batch = listed is not None
        self.setWindowTitle(
            self.tr("Export Several Articles") if self._batch else self.tr("Export Article")
        )
        layout = QVBoxLayout(self)
        if self._batch:
            layout.addWidget(self._build_selection(status))
        else:
            title = QLabel(headline or self.tr("Untitled"), self)
            title.setObjectName("exportHeadline")
            title.setTextFormat(Qt.TextFormat.PlainText)
            title.setWordWrap(True)
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            layout.addWidget(title)
        self._errors = list(errors or [])
        if self._errors:
            layout.addWidget(self._build_errors())
        layout.addWidget(self._build_options(settings))
        self.note = self._hint_label("exportNote")
        self.problem = self._hint_label("exportProblem")
        layout.addWidget(self.note)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self._update()

    # ---- construction -------------------------------------------------------------------

    def _build_errors(self) -> QGroupBox:
        """The article's errors, before Export is pressed: Export would refuse it."""
        box = QGroupBox(self)
        box.setObjectName("exportErrors")
        layout = QVBoxLayout(box)
        count = len(self._errors)
        summary = QLabel(
            self.tr(
                "This article has %n error(s): it cannot be exported until they are fixed.",
                "",
                count,
            ),
            box,
        )
        summary.setWordWrap(True)
        summary.setStyleSheet("color: #c62828; font-weight: bold;")
        self.error_list = QListWidget(box)
        self.error_list.setWordWrap(True)
        self.error_list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.error_list.addItems(self._errors)
        self.error_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 6 + 8)
        self.checks_button = QPushButton(self.tr("Show in Checks"), box)
        self.checks_button.clicked.connect(self.show_checks)
        self.checks_button.clicked.connect(self.reject)
        layout.addWidget(summary)
        layout.addWidget(self.error_list)
        layout.addWidget(self.checks_button, 0, Qt.AlignmentFlag.AlignRight)
        return box

    def _build_selection(self, status: ArticleStatus) -> QGroupBox:
        box = QGroupBox(self.tr("Articles"), self)
        _query, listed, exact = self._listed
        self.listed_choice = QRadioButton(
            self.tr("The %n article(s) in the list (its search and status filter)", "", listed)
            if exact
            else self.tr(
                "The articles in the list, more than %n (its search and status filter)",
                "",
                listed,
            ),
            box,
        )
        self.status_choice = QRadioButton(self.tr("Every article with the status"), box)
        self.status_combo = QComboBox(box)
        self.status_combo.setObjectName("exportStatus")
        for each in ArticleStatus:
            self.status_combo.addItem(status_label(each), each.value)
        self.status_combo.setCurrentIndex(self.status_combo.findData(status.value))
        self.status_combo.activated.connect(lambda _index: self.status_choice.setChecked(True))
        self.scope = QButtonGroup(box)
        self.scope.addButton(self.listed_choice)
        self.scope.addButton(self.status_choice)
        self.status_choice.setChecked(True)
        self.listed_choice.setEnabled(listed > 0)
        self.scope.buttonToggled.connect(lambda *_: self._update())
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_choice)
        status_row.addWidget(self.status_combo)
        status_row.addStretch(1)
        column = QVBoxLayout(box)
        column.addLayout(status_row)
        column.addWidget(self.listed_choice)
        return box

    def _build_options(self, settings: ExportSettings) -> QGroupBox:
        box = QGroupBox(self.tr("Package"), self)
        self.folder = QLineEdit(str(settings.folder), box)
        self.folder.setObjectName("exportFolder")
        self.folder.textChanged.connect(self._update)
        self.browse_button = QPushButton(self.tr("Choose…"), box)
        self.browse_button.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse_button)

        self.format_combo = QComboBox(box)
        self.format_combo.setObjectName("exportFormat")
        self.format_combo.addItem(self.tr("A folder"), False)
        self.format_combo.addItem(self.tr("A zip file (.copydesk.zip)"), True)
        self.format_combo.setCurrentIndex(1 if settings.as_zip else 0)
        self.format_combo.currentIndexChanged.connect(self._update)

        self.ninjs_combo = QComboBox(box)
        self.ninjs_combo.setObjectName("exportNinjs")
        for version in VERSIONS:
            text = self.tr("ninjs %1").replace("%1", version)
            if version == DEFAULT_VERSION:
                text = self.tr("%1 (the current version)").replace("%1", text)
            self.ninjs_combo.addItem(text, version)
        self.ninjs_combo.setCurrentIndex(self.ninjs_combo.findData(settings.ninjs_version))

        self.accept_warnings = QCheckBox(self.tr("Export even if the checks find warnings"), box)
        self.accept_warnings.setChecked(settings.accept_warnings)
        self.accept_warnings.setToolTip(
            self.tr("An article whose checks find an error is never exported.")
        )

        form = QFormLayout(box)
        form.addRow(self.tr("Save in"), folder_row)
        form.addRow(self.tr("As"), self.format_combo)
        form.addRow(self.tr("Format"), self.ninjs_combo)
        form.addRow("", self.accept_warnings)
        return box

    def _hint_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        return label

    # ---- state ------------------------------------------------------------------------

    def _choose_folder(self) -> None:
        chosen = file_dialogs.existing_directory(
            self, self.tr("Export Packages To"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def settings(self) -> ExportSettings:
        version: NinjsVersion = self.ninjs_combo.currentData()
        return ExportSettings(
            folder=Path(self.folder.text().strip()).expanduser(),
            as_zip=bool(self.format_combo.currentData()),
            ninjs_version=version,
            accept_warnings=self.accept_warnings.isChecked(),
        )

    def selection(self) -> Selection:
        if self._batch and self.listed_choice.isChecked():
            return Selection(query=self._listed[0])
        return Selection(status=self.chosen_status())

    def chosen_status(self) -> ArticleStatus:
        if not self._batch:
            return DEFAULT_STATUS
        return ArticleStatus(self.status_combo.currentData())

    def _update(self) -> None:
        settings = self.settings()
        problem = self._folder_problem(settings.folder)
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.export_button.setEnabled(not problem and not self._errors)
        self.note.setText("" if problem else self._replace_note(settings))
        self.note.setVisible(bool(self.note.text()))

    def _folder_problem(self, folder: Path) -> str:
        if not str(folder).strip() or str(folder) == ".":
            return self.tr("Choose the folder the packages go into.")
        if not folder.exists():
            return self.tr("This folder does not exist.")
        if not folder.is_dir():
            return self.tr("This is a file, not a folder.")
        return ""

    def _replace_note(self, settings: ExportSettings) -> str:
        """Say plainly that a package of the same name is replaced (once the new one is
        complete: a failed export leaves the old one as it was)."""
        if self._batch:
            return self.tr(
                "Each package is named after its article. A package of the same name already "
                "in this folder is replaced once the new one is complete."
            )
        target = settings.package(self._slug)
        if target.exists():
            return self.tr(
                "“%1” is already in this folder: it will be replaced once the new package is "
                "complete."
            ).replace("%1", target.name)
        return self.tr("The package will be “%1”.").replace("%1", target.name)
