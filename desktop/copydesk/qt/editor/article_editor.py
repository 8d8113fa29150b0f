"""The centre pane: every field of the article above its Markdown body."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from copydesk.qt.editor.date_edit import OptionalDateEdit
from copydesk.qt.editor.plain_text import exact_text
from copydesk.qt.editor.related_links import RelatedLinksEditor
from copydesk.qt.labels import language_label, status_label
from copydesk.records import (
    LANGUAGES,
    ArticleContent,
    ArticleRecord,
    ArticleStatus,
    split_list,
)


class ArticleEditor(QWidget):
    """Emits ``edited`` on every change the user makes (never on loading an article)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._build_fields()
        self._build_layout()
        self._connect_edits()
        self.setEnabled(False)

    def _build_fields(self) -> None:
        self.dateline_date = OptionalDateEdit(self)
        self.clear_date_button = QToolButton(self)
        self.clear_date_button.setText("×")
        self.clear_date_button.setToolTip(self.tr("Remove the dateline date"))
        self.clear_date_button.clicked.connect(self._clear_date)
        self.edition = QLineEdit(self)
        self.edition.setPlaceholderText(self.tr("Edition, e.g. France"))
        self.language = QComboBox(self)
        for code in LANGUAGES:
            self.language.addItem(language_label(code), code)
        self.status = QComboBox(self)
        for status in ArticleStatus:
            self.status.addItem(status_label(status), status.value)

        self.kicker = QLineEdit(self)
        self.kicker.setPlaceholderText(self.tr("Line above the headline"))
        self.headline = QLineEdit(self)
        self.headline.setObjectName("headline")
        self.headline.setPlaceholderText(self.tr("Headline"))
        headline_font = QFont(self.headline.font())
        headline_font.setPointSizeF(headline_font.pointSizeF() * 1.35)
        headline_font.setBold(True)
        self.headline.setFont(headline_font)
        self.standfirst = QPlainTextEdit(self)
        self.standfirst.setPlaceholderText(self.tr("Standfirst: the paragraph that sums it up"))
        self.standfirst.setTabChangesFocus(True)
        self.standfirst.setFixedHeight(QFontMetrics(self.standfirst.font()).lineSpacing() * 3 + 14)
        self.authors = QLineEdit(self)
        self.authors.setPlaceholderText(self.tr("Authors, separated by commas"))
        self.keywords = QLineEdit(self)
        self.keywords.setPlaceholderText(self.tr("Keywords, separated by commas"))

        self.body = QPlainTextEdit(self)
        self.body.setObjectName("body")
        self.body.setPlaceholderText(self.tr("Write the article in Markdown…"))
        body_font = QFont(self.body.font())
        body_font.setPointSizeF(body_font.pointSizeF() * 1.1)
        self.body.setFont(body_font)
        self.body.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

        self.related = RelatedLinksEditor(self)
        self.related.setVisible(False)
        self.related_toggle = QToolButton(self)
        self.related_toggle.setCheckable(True)
        self.related_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.related_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.related_toggle.setAutoRaise(True)
        self.related_toggle.toggled.connect(self._show_related)
        self._update_related_toggle()

    def _build_layout(self) -> None:
        status_row = QHBoxLayout()
        status_row.addWidget(self.status)
        status_row.addSpacing(12)
        status_row.addWidget(QLabel(self.tr("Language"), self))
        status_row.addWidget(self.language)
        status_row.addStretch(1)

        dateline_row = QHBoxLayout()
        dateline_row.addWidget(self.dateline_date)
        dateline_row.addWidget(self.clear_date_button)
        dateline_row.addWidget(self.edition, 1)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Status"), status_row)
        form.addRow(self.tr("Dateline"), dateline_row)
        form.addRow(self.tr("Kicker"), self.kicker)
        form.addRow(self.tr("Headline"), self.headline)
        form.addRow(self.tr("Standfirst"), self.standfirst)
        form.addRow(self.tr("Byline"), self.authors)
        form.addRow(self.tr("Keywords"), self.keywords)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.related_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.related)

    def _connect_edits(self) -> None:
        for line_edit in (self.edition, self.kicker, self.headline, self.authors, self.keywords):
            line_edit.textEdited.connect(self._changed)
        for text_edit in (self.standfirst, self.body):
            text_edit.textChanged.connect(self._changed)
        self.language.activated.connect(self._changed)
        self.status.activated.connect(self._changed)
        self.dateline_date.dateChanged.connect(self._changed)
        self.related.edited.connect(self._changed)
        self.related.edited.connect(self._update_related_toggle)

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()

    def _clear_date(self) -> None:
        self.dateline_date.clear_value()

    def _show_related(self, shown: bool) -> None:
        self.related.setVisible(shown)
        self.related_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )

    def _update_related_toggle(self) -> None:
        count = len(self.related.links())
        self.related_toggle.setText(self.tr("Related links (%n)", "", count))

    def load(self, record: ArticleRecord | None) -> None:
        """Show ``record`` (or nothing). Resets the body's undo history."""
        self._loading = True
        try:
            self._fill(record.content if record else ArticleContent())
        finally:
            self._loading = False
        self.setEnabled(record is not None)

    def _fill(self, content: ArticleContent) -> None:
        self.dateline_date.set_value(content.dateline_date)
        self.edition.setText(content.edition)
        self._select_data(self.language, content.language)
        self._select_data(self.status, content.status.value)
        self.kicker.setText(content.kicker)
        self.headline.setText(content.headline)
        self.standfirst.setPlainText(content.standfirst)
        self.authors.setText(", ".join(content.authors))
        self.keywords.setText(", ".join(content.keywords))
        self.body.setPlainText(content.body)
        self.related.set_links(content.related_title, content.related_links)
        self._update_related_toggle()
        for line_edit in (self.edition, self.kicker, self.headline, self.authors, self.keywords):
            line_edit.setCursorPosition(0)  # show the start of long text, not its end

    @staticmethod
    def _select_data(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        if index < 0:  # a language this version does not list: keep it rather than lose it
            combo.addItem(value, value)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    def content(self) -> ArticleContent:
        """The article as the editor shows it now."""
        return ArticleContent(
            headline=self.headline.text().strip(),
            kicker=self.kicker.text().strip(),
            standfirst=exact_text(self.standfirst).strip(),
            body=exact_text(self.body),
            language=str(self.language.currentData()),
            dateline_date=self.dateline_date.value(),
            edition=self.edition.text().strip(),
            authors=split_list(self.authors.text()),
            keywords=split_list(self.keywords.text()),
            related_title=self.related.title(),
            related_links=self.related.links(),
            status=ArticleStatus(self.status.currentData()),
        )
