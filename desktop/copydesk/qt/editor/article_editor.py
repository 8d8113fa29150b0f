"""The centre pane: every field of the article above its Markdown body.

Besides its own layout the editor owns two widgets for the window to place: ``outline``
(the body's headings, for a side panel) and ``stats_label`` (words, characters and reading
time, for the status bar). Both are created without a parent, so nothing shows them until
they are placed.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
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

from copydesk.preferences import Preferences
from copydesk.qt.editor.body_stats import BodyStats
from copydesk.qt.editor.date_edit import OptionalDateEdit
from copydesk.qt.editor.find_bar import FindBar
from copydesk.qt.editor.following import follow_line, follow_text
from copydesk.qt.editor.headline_edit import HeadlineEdit
from copydesk.qt.editor.markdown_editor import MarkdownEditor
from copydesk.qt.editor.outline import OutlinePanel
from copydesk.qt.editor.palette_colours import warning_colour
from copydesk.qt.editor.plain_text import exact_text
from copydesk.qt.editor.related_links import RelatedLinksEditor
from copydesk.qt.editor.spelling import (
    BodySpelling,
    FieldSpelling,
    SpellingService,
    TextSpelling,
)
from copydesk.qt.labels import language_label, status_label
from copydesk.records.article import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    ArticleContent,
    ArticleRecord,
    ArticleStatus,
    LeadPictureUse,
    split_list,
)
from copydesk.text.stats import TextStats

STANDFIRST_LINES = (3, 6)  # shown at least, at most


class ArticleEditor(QWidget):
    """Emits ``edited`` on every change the user makes (never on loading an article)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._preferences = Preferences()
        # Edited in the credits pane, not here: kept so every save carries it.
        self._lead_picture: LeadPictureUse | None = None
        self.spelling: list[FieldSpelling] = []  # set_spelling
        self._build_fields()
        self._build_body()
        self._build_layout()
        self._build_find_actions()
        self._connect_edits()
        self._update_counters()
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
        self.advertising = QCheckBox(self.tr("Advertising"), self)
        self.advertising.setObjectName("advertising")
        self.advertising.setToolTip(
            self.tr(
                "Advertising or sponsored content: a commercial use of its pictures, which a "
                "supplier’s “editorial use only” forbids"
            )
        )

        self.kicker = QLineEdit(self)
        self.kicker.setPlaceholderText(self.tr("Line above the headline"))
        self.headline = HeadlineEdit(self)
        self.headline.setObjectName("headline")
        self.headline.setPlaceholderText(self.tr("Headline"))
        headline_font = QFont(self.headline.font())
        headline_font.setPointSizeF(headline_font.pointSizeF() * 1.35)
        headline_font.setBold(True)
        self.headline.setFont(headline_font)
        self.headline.fit()
        self.standfirst = QPlainTextEdit(self)
        self.standfirst.setPlaceholderText(self.tr("Standfirst: the paragraph that sums it up"))
        self.standfirst.setTabChangesFocus(True)
        self._fit_standfirst()
        self.authors = QLineEdit(self)
        self.authors.setPlaceholderText(self.tr("Authors, separated by commas"))
        self.keywords = QLineEdit(self)
        self.keywords.setPlaceholderText(self.tr("Keywords, separated by commas"))
        self.headline_counter = self._counter_label("headlineCounter")
        self.standfirst_counter = self._counter_label("standfirstCounter")

        self.related = RelatedLinksEditor(self)
        self.related.setVisible(False)
        self.related_toggle = QToolButton(self)
        self.related_toggle.setCheckable(True)
        self.related_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.related_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.related_toggle.setAutoRaise(True)
        self.related_toggle.toggled.connect(self._show_related)
        self._update_related_toggle()

    def _counter_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setToolTip(self.tr("Characters used / recommended maximum"))
        return label

    def _build_body(self) -> None:
        self.body = MarkdownEditor(self)
        self.body.setPlaceholderText(self.tr("Write the article in Markdown…"))
        body_font = QFont(self.body.font())
        body_font.setPointSizeF(body_font.pointSizeF() * 1.1)
        self.body.setFont(body_font)
        self.find_bar = FindBar(self.body, self)
        self.outline = OutlinePanel(self.body)  # placed by the window
        self.stats_label = QLabel()  # placed by the window, in its status bar
        self.stats_label.setObjectName("bodyStats")
        self.body_stats = BodyStats(self.body, self._preferences.words_per_minute)
        self.body_stats.updated.connect(self._show_stats)

    def _build_find_actions(self) -> None:
        """Find (Ctrl+F), Replace (Ctrl+H), Find Next (F3) and Find Previous (Shift+F3),
        active wherever the focus is in the editor."""
        commands = [
            (self.tr("&Find…"), QKeySequence.StandardKey.Find, self.find_bar.open_find),
            (self.tr("&Replace…"), QKeySequence("Ctrl+H"), self.find_bar.open_replace),
            (self.tr("Find &Next"), QKeySequence("F3"), self.find_bar.find_next),
            (self.tr("Find Pre&vious"), QKeySequence("Shift+F3"), self.find_bar.find_previous),
        ]
        self._find_actions = []
        for text, shortcut, command in commands:
            action = QAction(text, self)
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(command)
            self.addAction(action)
            self._find_actions.append(action)

    def find_actions(self) -> list[QAction]:
        """Find, Replace, Find Next, Find Previous (for a menu)."""
        return list(self._find_actions)

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
        form.addRow(self._with_counter(self.tr("Headline"), self.headline_counter), self.headline)
        form.addRow(
            self._with_counter(self.tr("Standfirst"), self.standfirst_counter), self.standfirst
        )
        form.addRow(self.tr("Byline"), self.authors)
        # Beside the keywords, which also say what kind of article it is.
        keywords_row = QHBoxLayout()
        keywords_row.addWidget(self.keywords, 1)
        keywords_row.addWidget(self.advertising)
        form.addRow(self.tr("Keywords"), keywords_row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.related_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.related)
        self._set_tab_order()

    def _fit_standfirst(self) -> None:
        """As tall as what it holds, from three lines up to six (then it scrolls)."""
        field = self.standfirst
        lines = 0
        block = field.document().firstBlock()
        while block.isValid():
            layout = block.layout()
            lines += max(1, layout.lineCount() if layout is not None else 1)
            block = block.next()
        shown = min(max(lines, STANDFIRST_LINES[0]), STANDFIRST_LINES[1])
        height = QFontMetrics(field.font()).lineSpacing() * shown + 14
        if field.height() != height or field.minimumHeight() != height:
            field.setFixedHeight(height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.standfirst and event.type() == QEvent.Type.Resize:
            self._fit_standfirst_later.start()  # once the lines are laid out again
        return super().eventFilter(watched, event)

    def _set_tab_order(self) -> None:
        """Tab follows the screen: the header fields top to bottom, then the body, then the
        related links below it (the find bar sets its own order when it opens)."""
        chain = (
            self.status, self.language, self.dateline_date, self.clear_date_button,
            self.edition, self.kicker, self.headline, self.standfirst, self.authors,
            self.keywords, self.advertising, self.body, self.related_toggle, self.related,
        )  # fmt: skip
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    @staticmethod
    def _with_counter(name: str, counter: QLabel) -> QWidget:
        """The field's name with its counter under it: the field gets the column's width."""
        label = QWidget()
        column = QVBoxLayout(label)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(QLabel(name, label))
        column.addWidget(counter)
        column.addStretch(1)
        return label

    def _connect_edits(self) -> None:
        for line_edit in (self.edition, self.kicker, self.authors, self.keywords):
            line_edit.textEdited.connect(self._changed)
        self.headline.document().contentsChange.connect(self._text_edited)
        # Not textChanged: spelling's underlines emit that too.
        self.standfirst.document().contentsChange.connect(self._text_edited)
        # Not textChanged: the highlighter's colouring emits that too.
        self.body.content_edited.connect(self._changed)
        self.headline.textChanged.connect(self._update_counters)
        self.standfirst.textChanged.connect(self._update_counters)
        self.standfirst.textChanged.connect(self._fit_standfirst)
        self._fit_standfirst_later = QTimer(self)
        self._fit_standfirst_later.setSingleShot(True)
        self._fit_standfirst_later.setInterval(0)
        self._fit_standfirst_later.timeout.connect(self._fit_standfirst)
        self.standfirst.installEventFilter(self)  # a resize rewraps it: fit it again
        self.language.activated.connect(self._changed)
        self.status.activated.connect(self._changed)
        self.advertising.clicked.connect(self._changed)
        self.dateline_date.dateChanged.connect(self._changed)
        self.related.edited.connect(self._changed)
        self.related.edited.connect(self._update_related_toggle)

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()

    def _text_edited(self, _position: int, removed: int, added: int) -> None:
        if removed or added:  # not a change of colours
            self._changed()

    # ---- spelling ---------------------------------------------------------------------------

    def set_spelling(self, service: SpellingService) -> None:
        """Underline the misspelt words of the headline, standfirst and body, in the
        article's language."""
        language = str(self.language.currentData() or DEFAULT_LANGUAGE)
        self.spelling = [
            TextSpelling(self.headline, service, language),
            TextSpelling(self.standfirst, service, language),
            BodySpelling(self.body, service, language),
        ]
        self.language.currentIndexChanged.connect(self._spell_in_language)

    def _spell_in_language(self, *_args: object) -> None:
        language = str(self.language.currentData() or DEFAULT_LANGUAGE)
        for field in self.spelling:
            field.set_language(language)

    # ---- preferences, counters, figures ---------------------------------------------------

    def set_preferences(self, preferences: Preferences) -> None:
        """Limits for the counters and the reading speed, from the user's preferences."""
        self._preferences = preferences
        self.body_stats.words_per_minute = preferences.words_per_minute
        self._update_counters()
        self.body_stats.start_counting()

    def preferences(self) -> Preferences:
        return self._preferences

    def _update_counters(self) -> None:
        limits = self._preferences
        self._show_count(
            self.headline_counter, len(self.headline.text().strip()), limits.headline_limit
        )
        self._show_count(
            self.standfirst_counter,
            len(self.standfirst.toPlainText().strip()),
            limits.standfirst_limit,
        )

    def _show_count(self, counter: QLabel, used: int, limit: int) -> None:
        locale = QLocale()
        counter.setText(f"{locale.toString(used)} / {locale.toString(limit)}")
        over = used > limit
        counter.setProperty("overLimit", over)
        counter.setStyleSheet(f"color: {warning_colour(self.palette()).name()}" if over else "")

    def _show_stats(self, stats: TextStats, of_selection: bool) -> None:
        # "Label: figure" wording reads right for every count without plural forms.
        locale = QLocale()
        figures = " · ".join(
            (
                self.tr("Words: %1").replace("%1", locale.toString(stats.words)),
                self.tr("Characters: %1").replace("%1", locale.toString(stats.characters)),
                self.tr("Reading: %1 min").replace("%1", locale.toString(stats.reading_minutes)),
            )
        )
        if of_selection:
            figures = self.tr("Selection: %1").replace("%1", figures)
        self.stats_label.setText(figures)

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
        self.outline.refresh()
        self.body_stats.start_counting()
        if record is None:
            self.find_bar.setVisible(False)

    def follow(self, record: ArticleRecord) -> None:
        """Show the same article as saved elsewhere: only what differs is replaced, so the
        cursor and the view stay where they were. Emits no ``edited``."""
        content = record.content
        self._loading = True
        try:
            if self.dateline_date.value() != content.dateline_date:
                self.dateline_date.set_value(content.dateline_date)
            self._select_data(self.language, content.language)
            self._select_data(self.status, content.status.value)
            self.advertising.setChecked(content.advertising)
            for line_edit, text in (
                (self.edition, content.edition),
                (self.kicker, content.kicker),
                (self.authors, ", ".join(content.authors)),
                (self.keywords, ", ".join(content.keywords)),
            ):
                follow_line(line_edit, text)
            follow_text(self.headline, content.headline)
            follow_text(self.standfirst, content.standfirst)
            follow_text(self.body, content.body)
            if (self.related.title(), self.related.links()) != (
                content.related_title,
                content.related_links,
            ):
                self.related.set_links(content.related_title, content.related_links)
            self._lead_picture = content.lead_picture
            self._update_related_toggle()
        finally:
            self._loading = False
        self.outline.refresh()

    def _fill(self, content: ArticleContent) -> None:
        self.dateline_date.set_value(content.dateline_date)
        self.edition.setText(content.edition)
        self._select_data(self.language, content.language)
        self._select_data(self.status, content.status.value)
        self.advertising.setChecked(content.advertising)
        self.kicker.setText(content.kicker)
        self.headline.setText(content.headline)
        self.standfirst.setPlainText(content.standfirst)
        self.authors.setText(", ".join(content.authors))
        self.keywords.setText(", ".join(content.keywords))
        self.body.setPlainText(content.body)
        self.related.set_links(content.related_title, content.related_links)
        self._lead_picture = content.lead_picture
        self._update_related_toggle()
        for line_edit in (self.edition, self.kicker, self.authors, self.keywords):
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
            lead_picture=self._lead_picture,
            advertising=self.advertising.isChecked(),
        )

    def lead_picture(self) -> LeadPictureUse | None:
        return self._lead_picture

    def set_lead_picture(self, lead: LeadPictureUse | None) -> None:
        """Change the lead picture (or its caption, alt text, flag) as an edit of the article."""
        if lead != self._lead_picture:
            self._lead_picture = lead
            self._changed()
