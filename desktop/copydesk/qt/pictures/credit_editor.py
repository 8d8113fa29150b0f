"""The credit editor: every field of a picture, the credit line as it will print (live),
and what the compliance engine says of it, each problem with its suggested fix.

Typing updates the credit and the problems at once; a field's change is *committed* (one
undo step, one save) when the field is left or Enter is pressed, a choice is made or a box
is ticked: ``committed(old, new)``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from copydesk.pictures import compliance, credits
from copydesk.pictures.licensing import catalogue
from copydesk.qt.editor.spelling import SpellingService, TextSpelling
from copydesk.qt.pictures.credit_messages import problem_message, problem_suggestion
from copydesk.qt.pictures.disagreements_view import DisagreementsView
from copydesk.qt.pictures.rights_fields import (
    InstructionsView,
    release_combo,
    rights_marked_combo,
)
from copydesk.records.picture import PictureMetadata
from copydesk.records.problem import Severity

_LINE_FIELDS = (
    "creator",
    "creator_job_title",
    "credit_line",
    "copyright_notice",
    "source",
    "source_url",
    "usage_terms",
    "web_statement",
    "licensor",
    "image_supplier",
    "cc_license",
    "cc_attribution_name",
    "cc_attribution_url",
    "headline",
    "city",
    "country",
    "date_created",
    "credit_override",
)
_TEXT_FIELDS = ("special_instructions", "description", "alt_text")
_DIGITAL_SOURCE_TYPES = (
    "digitalCapture",
    "negativeFilm",
    "positiveFilm",
    "print",
    "minorHumanEdits",
    "compositeCapture",
    "algorithmicallyEnhanced",
    "dataDrivenMedia",
    "digitalArt",
    "virtualRecording",
    "compositeSynthetic",
    "trainedAlgorithmicMedia",
    "compositeWithTrainedAlgorithmicMedia",
    "algorithmicMedia",
)
DIGITAL_SOURCE_PREFIX = "http://cv.iptc.org/newscodes/digitalsourcetype/"
# The fields shown as choices (``_choices``), in the same order.
_CHOICE_FIELDS = ("rights_marked", "model_release_status", "property_release_status")


class CreditEditor(QWidget):
    committed = Signal(object, object)  # PictureMetadata before, after
    fix_requested = Signal(object)  # dict[str, str]: field values to apply
    value_picked = Signal(object)  # the same, for a value picked where the file disagrees

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._metadata = PictureMetadata()
        self._language = "fr"
        self._commercial = True
        self._today: date | None = None
        self._filling = False
        self._spelling: list[TextSpelling] = []
        self.lines: dict[str, QLineEdit] = {}
        self.texts: dict[str, QPlainTextEdit] = {}
        self._build()

    # ---- building --------------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLabel(self)
        self.title.setObjectName("pictureTitle")
        self.credit_label = QLabel(self)
        self.credit_label.setObjectName("composedCredit")
        self.credit_label.setWordWrap(True)
        self.credit_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems = QListWidget(self)
        self.problems.setObjectName("creditProblems")
        self.problems.setWordWrap(True)
        self.problems.setMaximumHeight(140)
        self.fix_button = QPushButton(self.tr("Apply Suggested Fix"), self)
        self.fix_button.setEnabled(False)
        self.fix_button.clicked.connect(self._apply_fix)
        self.problems.currentRowChanged.connect(self._update_fix_button)

        form_host = QWidget(self)
        form = QFormLayout(form_host)
        # Labels go above their fields when the pane is too narrow for both side by side:
        # never a sideways scroll bar.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for name in _LINE_FIELDS:
            edit = QLineEdit(form_host)
            edit.setObjectName(name)
            edit.textEdited.connect(self._refresh)
            edit.editingFinished.connect(self._commit)
            self.lines[name] = edit
        for name in _TEXT_FIELDS:
            text = QPlainTextEdit(form_host)
            text.setObjectName(name)
            text.setTabChangesFocus(True)
            text.setFixedHeight(64)
            text.textChanged.connect(self._refresh)
            text.installEventFilter(self)
            self.texts[name] = text
        self.licence = QComboBox(form_host)
        self.licence.setObjectName("licence")
        self.licence.addItem(self.tr("(not chosen)"), "")
        for item in catalogue():
            self.licence.addItem(item.shown_name(), item.id)
        self.licence.activated.connect(self._commit)
        self.digital_source = QComboBox(form_host)
        self.digital_source.setObjectName("digitalSourceType")
        self.digital_source.addItem(self.tr("(not given)"), "")
        labels = self._digital_source_labels()
        for code in _DIGITAL_SOURCE_TYPES:
            # IPTC's name for the code, in the person's language; the code's URL in a tooltip.
            self.digital_source.addItem(labels[code], DIGITAL_SOURCE_PREFIX + code)
            index = self.digital_source.count() - 1
            self.digital_source.setItemData(
                index, DIGITAL_SOURCE_PREFIX + code, Qt.ItemDataRole.ToolTipRole
            )
        self.digital_source.activated.connect(self._commit)
        self.expires = QCheckBox(self.tr("Rights expire on"), form_host)
        self.expiry = QDateEdit(form_host)
        self.expiry.setCalendarPopup(True)
        self.expiry.setDisplayFormat("yyyy-MM-dd")
        self.expires.toggled.connect(self._commit)
        self.expires.toggled.connect(self.expiry.setEnabled)
        self.expiry.dateChanged.connect(self._commit)
        self.cropped = QCheckBox(self.tr("Cropped or otherwise changed"), form_host)
        self.cropped.toggled.connect(self._commit)
        self.rights_marked = rights_marked_combo(form_host)
        self.model_release = release_combo(form_host, "MR")
        self.property_release = release_combo(form_host, "PR")
        for combo in self._choices():
            combo.activated.connect(self._commit)
        self.instructions = InstructionsView(self)
        self.disagreeing = DisagreementsView(self)
        self.disagreeing.picked.connect(self.value_picked)

        rows = [
            (self.tr("Creator"), self.lines["creator"]),
            (self.tr("Creator's job title"), self.lines["creator_job_title"]),
            (self.tr("Credit line"), self.lines["credit_line"]),
            (self.tr("Source"), self.lines["source"]),
            (self.tr("Source page (link)"), self.lines["source_url"]),
            (self.tr("Licence"), self.licence),
            (self.tr("Special instructions"), self.texts["special_instructions"]),
            (self.tr("Copyright notice"), self.lines["copyright_notice"]),
            (self.tr("Usage terms"), self.lines["usage_terms"]),
            (self.tr("Web statement of rights"), self.lines["web_statement"]),
            (self.tr("Rights marked"), self.rights_marked),
            (self.tr("Creative Commons licence"), self.lines["cc_license"]),
            (self.tr("Attribution name"), self.lines["cc_attribution_name"]),
            (self.tr("Attribution address"), self.lines["cc_attribution_url"]),
            (self.tr("Licensor"), self.lines["licensor"]),
            (self.tr("Image supplier"), self.lines["image_supplier"]),
            (self.tr("Caption"), self.texts["description"]),
            (self.tr("Alt text"), self.texts["alt_text"]),
            (self.tr("Headline"), self.lines["headline"]),
            (self.tr("Digital source type"), self.digital_source),
            (self.tr("City"), self.lines["city"]),
            (self.tr("Country"), self.lines["country"]),
            (self.tr("Date created"), self.lines["date_created"]),
            (self.tr("Model release"), self.model_release),
            (self.tr("Property release"), self.property_release),
            (self.expires, self.expiry),
            ("", self.cropped),
            (self.tr("Printed credit"), self.lines["credit_override"]),
        ]
        for label, field in rows:
            form.addRow(label, field)
        self.lines["credit_override"].setPlaceholderText(
            self.tr("Leave empty to use the composed credit")
        )
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(form_host)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.credit_label)
        layout.addWidget(self.instructions)
        layout.addWidget(self.disagreeing)
        fixes = QHBoxLayout()
        fixes.addWidget(self.problems, 1)
        layout.addLayout(fixes)
        layout.addWidget(self.fix_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(scroll, 1)

    def eventFilter(self, watched: object, event: object) -> bool:
        from PySide6.QtCore import QEvent

        if isinstance(watched, QPlainTextEdit) and getattr(event, "type", lambda: None)() == (
            QEvent.Type.FocusOut
        ):
            self._commit()
        return False

    # ---- showing ---------------------------------------------------------------------

    def set_judgement(self, language: str, commercial: bool, today: date | None = None) -> None:
        self._language, self._commercial, self._today = language, commercial, today
        for field in self._spelling:
            field.set_language(language)
        self._refresh()

    def set_spelling(self, service: SpellingService) -> None:
        """Underline the misspelt words of the caption and the alt text."""
        self._spelling = [
            TextSpelling(self.texts[name], service, self._language)
            for name in ("description", "alt_text")
        ]

    def show_picture(self, title: str, metadata: PictureMetadata) -> None:
        self._filling = True
        try:
            self.title.setText(title)
            self._metadata = metadata
            for name, edit in self.lines.items():
                edit.setText(getattr(metadata, name))
                edit.setCursorPosition(0)
            for name, text in self.texts.items():
                text.setPlainText(getattr(metadata, name))
            _select(self.licence, metadata.licence_id)
            _select(self.digital_source, metadata.digital_source_type)
            for combo, name in zip(self._choices(), _CHOICE_FIELDS, strict=True):
                _select(combo, getattr(metadata, name))
            self.expires.setChecked(metadata.rights_expiry is not None)
            self.expiry.setEnabled(metadata.rights_expiry is not None)
            expiry = metadata.rights_expiry or date.today()
            self.expiry.setDate(QDate(expiry.year, expiry.month, expiry.day))
            self.cropped.setChecked(metadata.cropped)
        finally:
            self._filling = False
        self._refresh()

    def show_nothing(self) -> None:
        """No picture selected: a hint instead of a blank form's problems, the form off."""
        self.show_picture("", PictureMetadata())
        self.credit_label.setText("")
        self.problems.clear()
        self.problems.addItem(self.tr("Select a picture to see and edit its credit."))
        self.fix_button.setEnabled(False)
        self.setEnabled(False)

    def metadata(self) -> PictureMetadata:
        """The fields as they are shown now (committed or not)."""
        values: dict[str, object] = {name: edit.text().strip() for name, edit in self.lines.items()}
        values.update({name: text.toPlainText().strip() for name, text in self.texts.items()})
        expiry = self.expiry.date()
        return self._metadata.replace(
            **values,
            licence_id=str(self.licence.currentData() or ""),
            digital_source_type=str(self.digital_source.currentData() or ""),
            **{
                name: str(combo.currentData() or "")
                for combo, name in zip(self._choices(), _CHOICE_FIELDS, strict=True)
            },
            rights_expiry=date(expiry.year(), expiry.month(), expiry.day())
            if self.expires.isChecked()
            else None,
            cropped=self.cropped.isChecked(),
        )

    def current_problems(self) -> list[compliance.CreditProblem]:
        return compliance.check_picture(
            self.metadata(),
            language=self._language,
            commercial=self._commercial,
            today=self._today or date.today(),
        )

    # ---- live feedback and commits --------------------------------------------------------

    def _refresh(self, *_args: object) -> None:
        if self._filling:
            return
        metadata = self.metadata()
        credit = credits.credit_for(metadata, self._language)
        self.credit_label.setText(credit or self.tr("(no credit yet)"))
        self.instructions.show_instructions(metadata.special_instructions)
        self.disagreeing.show_disagreements(metadata)
        self.problems.clear()
        for problem in self.current_problems():
            item = QListWidgetItem(_problem_text(problem))
            item.setData(Qt.ItemDataRole.UserRole, problem.fix)
            item.setForeground(
                Qt.GlobalColor.darkRed
                if problem.severity is Severity.ERROR
                else Qt.GlobalColor.darkYellow
            )
            self.problems.addItem(item)
        if not self.problems.count():
            self.problems.addItem(self.tr("The credit meets its licence."))
        self._select_first_fix()
        self._update_fix_button()

    def _commit(self, *_args: object) -> None:
        if self._filling:
            return
        self._refresh()
        new = self.metadata()
        if new != self._metadata:
            old, self._metadata = self._metadata, new
            self.committed.emit(old, new)

    def _choices(self) -> tuple[QComboBox, ...]:
        return (self.rights_marked, self.model_release, self.property_release)

    def _digital_source_labels(self) -> dict[str, str]:
        """IPTC's Digital Source Type NewsCodes by their names (cv.iptc.org)."""
        return {
            "digitalCapture": self.tr("Digital capture of a real-life scene"),
            "negativeFilm": self.tr("Digitised from a negative on film"),
            "positiveFilm": self.tr("Digitised from a positive on film"),
            "print": self.tr("Digitised from a print"),
            "minorHumanEdits": self.tr("Original with minor human edits"),
            "compositeCapture": self.tr("Composite of captured elements"),
            "algorithmicallyEnhanced": self.tr("Algorithmically enhanced"),
            "dataDrivenMedia": self.tr("Data-driven media"),
            "digitalArt": self.tr("Digital art"),
            "virtualRecording": self.tr("Virtual recording"),
            "compositeSynthetic": self.tr("Composite including synthetic elements"),
            "trainedAlgorithmicMedia": self.tr("Generated by AI (trained algorithmic media)"),
            "compositeWithTrainedAlgorithmicMedia": self.tr("Composite with AI-generated elements"),
            "algorithmicMedia": self.tr("Pure algorithmic media"),
        }

    def _select_first_fix(self) -> None:
        """The first problem with a fix is current, so Apply Suggested Fix works at once."""
        for row in range(self.problems.count()):
            item = self.problems.item(row)
            if item is not None and item.data(Qt.ItemDataRole.UserRole):
                self.problems.setCurrentRow(row)
                return

    def _update_fix_button(self, *_args: object) -> None:
        item = self.problems.currentItem()
        self.fix_button.setEnabled(bool(item and item.data(Qt.ItemDataRole.UserRole)))

    def _apply_fix(self) -> None:
        item = self.problems.currentItem()
        fix = item.data(Qt.ItemDataRole.UserRole) if item else None
        if fix:
            self.fix_requested.emit(dict(fix))


def _problem_text(problem: compliance.CreditProblem) -> str:
    """The problem and what to do about it, in the user's language."""
    text = problem_message(problem)
    suggestion = problem_suggestion(problem)
    if suggestion:
        text += "\n→ " + suggestion
    return text


def _select(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    if index < 0 and value:  # a value this version does not list: keep it
        combo.addItem(value, value)
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))
