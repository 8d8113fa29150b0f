"""File ▸ Join a Newsroom…: the server's address, the person's name and password (kept in
the OS keyring if they agree), the desk chosen among theirs; then the first sync, with its
progress and Cancel. Every refusal in one sentence."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from copydesk.errors import CopydeskError, describe
from copydesk.library.db import Library
from copydesk.qt.dialogs.closing import close_with_ctrl_w
from copydesk.qt.tasks import TaskRunner
from copydesk.sync import operations
from copydesk.sync.engine import SyncReport
from copydesk.sync.server.connection import ServerAddress, keep_password, with_login


class JoinCancelled(CopydeskError):
    """The person cancelled the first sync: the library is joined, the rest comes later."""


class JoinDialog(QDialog):
    def __init__(self, library: Library, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        close_with_ctrl_w(self)
        self.setWindowTitle(self.tr("Join a Newsroom"))
        self.setMinimumWidth(520)
        self._library = library
        self._runner = runner
        self._cancel = threading.Event()
        self._progress: QProgressDialog | None = None
        self.password: str | None = None  # given here, for this session's syncs
        self._build()

    def _build(self) -> None:
        self.address = QLineEdit(placeholderText="postgresql://server.example.org/newsroom")
        self.login = QLineEdit(placeholderText=self.tr("your name on the newsroom server"))
        self.secret = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.keep = QCheckBox(self.tr("Keep the password in the system keyring"))
        self.desk = QComboBox()
        self.find_desks = QPushButton(self.tr("Show My &Desks"))
        self.find_desks.clicked.connect(self._list_desks)
        # A partial replica: the desk's years of history stay on the server.
        self.recent_only = QCheckBox(self.tr("Only what changed in the last"))
        self.recent_only.setToolTip(
            self.tr(
                "Older articles stay on the server: searching finds them there, and one you "
                "open is brought into this library."
            )
        )
        self.keep_days = QSpinBox(suffix=self.tr(" days"), minimum=1, maximum=3650, value=90)
        self.keep_days.setEnabled(False)
        self.recent_only.toggled.connect(self.keep_days.setEnabled)
        recent = QHBoxLayout()
        recent.addWidget(self.recent_only)
        recent.addWidget(self.keep_days)
        recent.addStretch(1)
        self.message = QLabel(wordWrap=True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("Server &address:"), self.address)
        form.addRow(self.tr("&Name:"), self.login)
        form.addRow(self.tr("&Password:"), self.secret)
        form.addRow("", self.keep)
        form.addRow(self.tr("D&esk:"), self.desk)
        form.addRow("", self.find_desks)
        form.addRow(self.tr("Articles:"), recent)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.join_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.join_button.setText(self.tr("&Join"))
        self.join_button.setEnabled(False)
        self.buttons.accepted.connect(self._join)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _url(self) -> str:
        return with_login(self.address.text().strip(), self.login.text())

    def _secret(self) -> str | None:
        return self.secret.text() or None

    def _say(self, text: str) -> None:
        self.message.setText(text)

    # ---- the desks ------------------------------------------------------------------------

    def _list_desks(self) -> None:
        self._say(self.tr("Asking the server…"))
        self.find_desks.setEnabled(False)
        try:
            url, secret = self._url(), self._secret()
        except CopydeskError as error:
            self._desks_failed(error)
            return
        self._runner.run(
            lambda: operations.desks_of(url, secret), self._desks_found, self._desks_failed
        )

    def _desks_found(self, desks: list[str]) -> None:
        self.find_desks.setEnabled(True)
        self.desk.clear()
        self.desk.addItems(desks)
        self.join_button.setEnabled(bool(desks))
        if desks:
            self._say(self.tr("Choose the desk this library works for."))
        else:
            self._say(self.tr("You belong to no desk of this newsroom yet: ask its administrator."))

    def _desks_failed(self, error: Exception) -> None:
        self.find_desks.setEnabled(True)
        self.join_button.setEnabled(False)
        self._say(describe(error))

    # ---- joining --------------------------------------------------------------------------

    def _join(self) -> None:
        url, secret, desk = self._url(), self._secret(), self.desk.currentText()
        keep_days = self.keep_days.value() if self.recent_only.isChecked() else None
        self._cancel.clear()
        progress = self._progress = QProgressDialog(
            self.tr("Joining the desk “%1”…").replace("%1", desk), self.tr("Cancel"), 0, 0, self
        )
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.canceled.connect(self._cancel.set)
        self.join_button.setEnabled(False)
        self._runner.run(
            lambda: operations.join(self._library, url, desk, secret, self._on_progress, keep_days),
            lambda report: self._joined(report, url, secret),
            self._join_failed,
        )

    def _on_progress(self, done: int, total: int) -> None:
        """On the newsroom thread: report, and stop when the person cancelled."""
        self._runner.post(self._show_progress, (done, total))
        if self._cancel.is_set():
            raise JoinCancelled(
                self.tr("Cancelled: the library is joined; the rest arrives at the next sync.")
            )

    def _show_progress(self, counts: tuple[int, int]) -> None:
        if self._progress is not None:
            done, total = counts
            self._progress.setMaximum(total)
            self._progress.setValue(done)
            text = self.tr("Receiving %1 of %2…").replace("%1", str(done)).replace("%2", str(total))
            self._progress.setLabelText(text)

    def _joined(self, report: SyncReport, url: str, secret: str | None) -> None:
        self._close_progress()
        self.password = secret
        if secret is not None and self.keep.isChecked():
            address, _written = ServerAddress.parse(url)
            if not keep_password(address, secret):
                QMessageBox.information(
                    self,
                    self.tr("Join a Newsroom"),
                    self.tr(
                        "No system keyring works here: the password will be asked for at the"
                        " next start."
                    ),
                )
        self.accept()

    def _join_failed(self, error: Exception) -> None:
        self._close_progress()
        if isinstance(error, JoinCancelled):
            self.password = self._secret()
            self.accept()
            return
        self.join_button.setEnabled(self.desk.count() > 0)
        self._say(describe(error))

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress = None
