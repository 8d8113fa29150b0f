"""Edit ▸ Preferences: the limits the checks apply, who the history names, how often it
records a revision while you write, whether the publication is commercial (pictures), and the
language of the window (applied at the next start)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from copydesk.preferences import Preferences, login_name
from copydesk.qt.dialogs.closing import close_with_ctrl_w
from copydesk.translation import ENGLISH, FRENCH


class PreferencesDialog(QDialog):
    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        close_with_ctrl_w(self)
        self.setWindowTitle(self.tr("Preferences"))
        self.headline_limit = self._spin(
            preferences.headline_limit, 10, 500, self.tr(" characters")
        )
        self.standfirst_limit = self._spin(
            preferences.standfirst_limit, 20, 2000, self.tr(" characters")
        )
        self.revision_interval = self._spin(
            preferences.revision_interval_minutes, 1, 120, self.tr(" min")
        )
        self.author_name = QLineEdit(preferences.author_name, self)
        self.author_name.setPlaceholderText(login_name())
        self.words_per_minute = self._spin(preferences.words_per_minute, 60, 600, "")
        self.commercial = QCheckBox(self.tr("Commercial publication (no NC licences)"), self)
        self.commercial.setChecked(preferences.commercial_publication)
        self.agencies = QPlainTextEdit(preferences.news_agencies, self)
        self.agencies.setObjectName("newsAgencies")
        self.agencies.setTabChangesFocus(True)
        self.agencies.setFixedHeight(64)
        self.agencies.setToolTip(
            self.tr(
                "A picture with no licence whose credit line or source names one of these"
                " agencies is offered the agency licence."
            )
        )
        self.language = QComboBox(self)
        self.language.addItem(self.tr("As the system"), "")
        # Each language named in itself, as people look for their own.
        self.language.addItem("English", ENGLISH)
        self.language.addItem("Français", FRENCH)
        self._choose_language(preferences.language)
        self._started_in = preferences.language
        self.restart_note = QLabel(self.tr("The new language applies when Copydesk next starts."))
        self.restart_note.setWordWrap(True)
        self.restart_note.setVisible(False)
        self.language.currentIndexChanged.connect(
            lambda: self.restart_note.setVisible(self.language.currentData() != self._started_in)
        )

        form = QFormLayout(self)
        form.addRow(self.tr("Headline limit"), self.headline_limit)
        form.addRow(self.tr("Standfirst limit"), self.standfirst_limit)
        form.addRow(self.tr("Your name in the history"), self.author_name)
        form.addRow(self.tr("Keep a revision every"), self.revision_interval)
        form.addRow(self.tr("Reading speed (words per minute)"), self.words_per_minute)
        form.addRow(self.tr("Pictures"), self.commercial)
        form.addRow(self.tr("News agencies (separated by commas)"), self.agencies)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.restart_note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        restore = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(lambda: self._fill(Preferences()))
        form.addRow(buttons)

    def _spin(self, value: int, low: int, high: int, suffix: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        spin.setValue(value)
        return spin

    def _fill(self, preferences: Preferences) -> None:
        self.headline_limit.setValue(preferences.headline_limit)
        self.standfirst_limit.setValue(preferences.standfirst_limit)
        self.revision_interval.setValue(preferences.revision_interval_minutes)
        self.author_name.setText(preferences.author_name)
        self.words_per_minute.setValue(preferences.words_per_minute)
        self.commercial.setChecked(preferences.commercial_publication)
        self.agencies.setPlainText(preferences.news_agencies)
        self._choose_language(preferences.language)

    def _choose_language(self, language: str) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(language)))

    def preferences(self) -> Preferences:
        return Preferences(
            headline_limit=self.headline_limit.value(),
            standfirst_limit=self.standfirst_limit.value(),
            revision_interval_minutes=self.revision_interval.value(),
            author_name=self.author_name.text().strip(),
            words_per_minute=self.words_per_minute.value(),
            commercial_publication=self.commercial.isChecked(),
            news_agencies=" ".join(self.agencies.toPlainText().split()),
            language=str(self.language.currentData() or ""),
        )
