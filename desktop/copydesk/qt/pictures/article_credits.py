"""The credits pane beside the preview: the current article's pictures (its lead picture, then
the pictures of its body) with their credit and status, and the editor of one use's caption,
alt text and illustrative flag.

The pane only shows and asks: ``use_edited`` carries the use as the user wants it now, and the
controller puts it into the article (the lead into the editor, a body picture into the
Markdown), so that every change is an ordinary, undoable edit of the article.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from copydesk.articles.pictures import LEAD, ArticlePictures, PictureUse, illustrative_label
from copydesk.pictures.compliance import ALT_TEXT_LIMIT, CreditProblem, check_use, picture_status
from copydesk.pictures.listing import PictureListing
from copydesk.pictures.restrictions import use_problems
from copydesk.qt.editor.spelling import SpellingService, TextSpelling
from copydesk.qt.pictures.picture_model import awaiting_pixmap, status_label
from copydesk.qt.pictures.rights_fields import InstructionsView
from copydesk.records.picture import PictureStatus

THUMBNAIL_SIZE = 56
LISTED_ROWS = 3  # uses shown without scrolling the list; the details get the rest
UseRole = Qt.ItemDataRole.UserRole + 1


class ArticleCreditsPane(QWidget):
    lead_requested = Signal()  # choose a lead picture
    insert_requested = Signal()  # choose a picture to insert at the body's cursor
    use_edited = Signal(int, object)  # (index of the use in the list, the PictureUse wanted)
    remove_requested = Signal(int)  # index of the use
    edit_credit_requested = Signal(int)  # picture id: open it in the picture library
    thumbnail_needed = Signal(object)  # PictureListing

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("creditsPane")
        self._uses: list[PictureUse] = []
        self._pictures = ArticlePictures()
        self._language = "fr"
        self.article_uuid = ""  # the article shown, "" before its first save (one-time use)
        self.advertising = False  # whether the article shown is advertising (editorial only)
        self._thumbnails: dict[str, QPixmap] = {}
        self._requested: set[str] = set()
        self._placeholder: QIcon | None = None
        self._filling = False
        self._spelling: list[TextSpelling] = []
        self._build()
        self.set_enabled_for_article(False)

    def set_spelling(self, service: SpellingService) -> None:
        """Underline the misspelt words of the caption and the alt text."""
        self._spelling = [
            TextSpelling(field, service, self._language) for field in (self.caption, self.alt_text)
        ]

    # ---- building ----------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        title = QLabel(self.tr("Pictures and Credits"), self)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        buttons = QHBoxLayout()
        self.lead_button = QPushButton(self.tr("Lead Picture…"), self)
        self.lead_button.setToolTip(self.tr("Choose the article's lead picture from the library"))
        self.lead_button.clicked.connect(self.lead_requested)
        self.insert_button = QPushButton(self.tr("Insert Picture…"), self)
        self.insert_button.setToolTip(
            self.tr("Insert a picture of the library in the body, at the cursor")
        )
        self.insert_button.clicked.connect(self.insert_requested)
        buttons.addWidget(self.lead_button)
        buttons.addWidget(self.insert_button)
        layout.addLayout(buttons)

        self.list = QListWidget(self)
        self.list.setObjectName("articlePictures")
        self.list.setIconSize(QSize(THUMBNAIL_SIZE, THUMBNAIL_SIZE))
        # One line each for the role and file, the credit and the status, cut with "…" when
        # the pane is narrow (the details below say it in full): rows as tall at any width.
        self.list.setWordWrap(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setUniformItemSizes(False)
        self.list.currentRowChanged.connect(self._show_use)
        layout.addWidget(self.list, 0)
        self.empty_label = QLabel(
            self.tr("No pictures yet. Choose a lead picture, or insert one in the body."), self
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)
        layout.addWidget(self.empty_label)

        # The details scroll rather than squeeze: a picture with many problems shows them all
        # and no line is drawn over another on a short screen.
        self.details = QWidget()
        self._build_details(self.details)
        self.details_scroll = QScrollArea(self)
        self.details_scroll.setObjectName("useDetails")
        self.details_scroll.setWidget(self.details)
        self.details_scroll.setWidgetResizable(True)
        self.details_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.details_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.details_scroll, 1)
        layout.addStretch(0)  # takes the height while there is no picture

    def _build_details(self, host: QWidget) -> None:
        form = QFormLayout(host)
        form.setContentsMargins(0, 0, 0, 0)
        # A narrow pane: each label above its field, so the fields get the whole width.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.credit_label = QLabel(host)
        self.credit_label.setObjectName("useCredit")
        self.credit_label.setWordWrap(True)
        self.credit_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel(host)
        self.status_label.setObjectName("useStatus")
        self.status_label.setWordWrap(True)
        self.instructions = InstructionsView(host)
        self.caption = self._text_field(host, "useCaption", 3)
        self.alt_text = self._text_field(host, "useAltText", 3)
        self.alt_counter = QLabel(host)
        self.illustrative = QCheckBox(host)
        self.illustrative.setObjectName("useIllustrative")
        self.illustrative.toggled.connect(self._edited)
        self.use_problems = QLabel(host)
        self.use_problems.setObjectName("useProblems")
        self.use_problems.setWordWrap(True)
        self.usages_label = QLabel(host)
        self.usages_label.setWordWrap(True)
        self.edit_credit_button = QPushButton(self.tr("Edit Credit in Library…"), host)
        self.edit_credit_button.clicked.connect(self._edit_credit)
        self.remove_button = QPushButton(host)
        self.remove_button.clicked.connect(self._remove)
        actions = QVBoxLayout()  # one above the other: side by side they outgrow the pane
        actions.addWidget(self.edit_credit_button)
        actions.addWidget(self.remove_button)
        form.addRow(self.tr("Credit:"), self.credit_label)
        form.addRow(self.tr("Status:"), self.status_label)
        form.addRow(self.instructions)
        form.addRow(self.tr("Caption:"), self.caption)
        form.addRow(self.tr("Alt text:"), self.alt_text)
        form.addRow("", self.alt_counter)
        form.addRow("", self.illustrative)
        form.addRow("", self.use_problems)
        form.addRow(self.tr("Used in:"), self.usages_label)
        form.addRow(actions)

    def _text_field(self, host: QWidget, name: str, lines: int) -> QPlainTextEdit:
        field = QPlainTextEdit(host)
        field.setObjectName(name)
        field.setTabChangesFocus(True)
        height = field.fontMetrics().lineSpacing() * lines + 12
        field.setFixedHeight(height)
        field.textChanged.connect(self._edited)
        return field

    # ---- showing -----------------------------------------------------------------------

    def set_enabled_for_article(self, enabled: bool) -> None:
        self.lead_button.setEnabled(enabled)
        self.insert_button.setEnabled(enabled)
        if not enabled:
            self.show_uses([], ArticlePictures(), self._language)

    def uses(self) -> list[PictureUse]:
        return list(self._uses)

    def current_index(self) -> int:
        return self.list.currentRow()

    def show_uses(self, uses: list[PictureUse], pictures: ArticlePictures, language: str) -> None:
        """Show the article's pictures; the use being edited stays selected (same role and
        place among the body's pictures) and fields being typed in are left alone."""
        previous = self.list.currentRow()
        pictures = _in_article(pictures, self.article_uuid, advertising=self.advertising)
        self._uses, self._pictures, self._language = list(uses), pictures, language
        for field in self._spelling:
            field.set_language(language)
        self._filling = True
        try:
            self._fill_list()
        finally:
            self._filling = False
        self.empty_label.setVisible(not uses)
        self.details.setVisible(bool(uses))
        self.details_scroll.setVisible(bool(uses))
        self._fit_list()
        row = min(max(previous, 0), len(uses) - 1)
        if row >= 0 and self.list.currentRow() != row:
            self.list.setCurrentRow(row)
        else:
            self._show_use(row)

    def _fill_list(self) -> None:
        if self.list.count() != len(self._uses):
            self.list.clear()
            for _ in self._uses:
                self.list.addItem(QListWidgetItem())
        for row, use in enumerate(self._uses):
            item = self.list.item(row)
            listing = self._pictures.get(use.picture_id)
            text = self._item_text(use, listing)
            item.setText(text)
            item.setIcon(self._icon_for(use, listing))
            item.setData(UseRole, use)
            item.setToolTip(text)  # in full, where the row cuts it

    def _fit_list(self) -> None:
        """As tall as its first rows: the list never takes the height the details need."""
        rows = min(self.list.count(), LISTED_ROWS)
        self.list.setVisible(rows > 0)
        height = sum(max(self.list.sizeHintForRow(row), THUMBNAIL_SIZE + 4) for row in range(rows))
        self.list.setFixedHeight(height + 2 * self.list.frameWidth() + 2)

    def _item_text(self, use: PictureUse, listing: PictureListing | None) -> str:
        role = self.tr("Lead picture") if use.role == LEAD else self.tr("In the body")
        if listing is None:
            return f"{role}\n{self._missing_text(use)}"
        credit = listing.credit or self.tr("(no credit)")
        return f"{role} · {listing.record.file.file_name}\n{credit}\n{status_label(listing)}"

    def _missing_text(self, use: PictureUse) -> str:
        if use.picture_id in self._pictures.looked_up:
            return self.tr("Picture %1 is not in the library").replace("%1", str(use.picture_id))
        return self.tr("Reading picture %1…").replace("%1", str(use.picture_id))

    def _icon_for(self, use: PictureUse, listing: PictureListing | None) -> QIcon:
        if listing is None:
            return self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        if not listing.record.file.present:  # no thumbnail to make: a placeholder
            if self._placeholder is None:
                size = QSize(THUMBNAIL_SIZE, THUMBNAIL_SIZE)
                self._placeholder = QIcon(awaiting_pixmap(size, self.tr("No file yet")))
            return self._placeholder
        sha256 = listing.record.file.sha256
        if sha256 not in self._thumbnails and sha256 not in self._requested:
            self._requested.add(sha256)
            self.thumbnail_needed.emit(listing)  # (may be answered at once, in tests)
        pixmap = self._thumbnails.get(sha256)
        return QIcon(pixmap) if pixmap is not None else QIcon()

    def set_thumbnail(self, sha256: str, pixmap: QPixmap) -> None:
        self._thumbnails[sha256] = pixmap
        for row, use in enumerate(self._uses):
            listing = self._pictures.get(use.picture_id)
            if listing is not None and listing.record.file.sha256 == sha256:
                self.list.item(row).setIcon(QIcon(pixmap))

    def _show_use(self, row: int) -> None:
        if self._filling:
            return
        use = self._uses[row] if 0 <= row < len(self._uses) else None
        self.details.setEnabled(use is not None)
        if use is None:
            return
        listing = self._pictures.get(use.picture_id)
        self._filling = True
        try:
            self._fill_details(use, listing)
        finally:
            self._filling = False
        self._show_use_checks(use)

    def _fill_details(self, use: PictureUse, listing: PictureListing | None) -> None:
        self.credit_label.setText(listing.credit if listing else self._missing_text(use))
        self.status_label.setText(self._status_text(listing))
        self.instructions.show_instructions(
            listing.record.metadata.special_instructions if listing else ""
        )
        _set_text(self.caption, use.caption)
        _set_text(self.alt_text, use.alt_text)
        label = illustrative_label(self._language)
        # Short, so the narrow pane never has to cut it; what it adds is in the tooltip.
        self.illustrative.setText(self.tr("Illustrative photo"))
        self.illustrative.setToolTip(self.tr("Illustrative photo (adds “%1”)").replace("%1", label))
        self.illustrative.setChecked(use.illustrative)
        self.edit_credit_button.setEnabled(listing is not None)
        self.remove_button.setText(
            self.tr("Remove Lead Picture") if use.role == LEAD else self.tr("Remove from Body")
        )
        self.usages_label.setText(self._usages_text(listing))

    def _status_text(self, listing: PictureListing | None) -> str:
        if listing is None:
            return ""
        lines = [status_label(listing)]
        if not listing.record.file.present:
            lines.append(
                "• "
                + self.tr(
                    "The picture awaits its file: attach it in the Picture Library (Edit"
                    " Credit in Library…, then Attach File…) before publishing."
                )
            )
        lines += [f"• {_problem_text(problem)}" for problem in listing.problems]
        return "\n".join(lines)

    def _usages_text(self, listing: PictureListing | None) -> str:
        if listing is None or not listing.usages:
            return self.tr("No saved article yet")
        return ", ".join(dict.fromkeys(usage.slug for usage in listing.usages))

    def _show_use_checks(self, use: PictureUse, *, typing: bool = False) -> None:
        alt = use.alt_text.strip()
        self.alt_counter.setText(
            self.tr("%1 / %2 characters")
            .replace("%1", str(len(alt)))
            .replace("%2", str(ALT_TEXT_LIMIT))
        )
        problems = check_use(use.alt_text, use.caption, illustrative=use.illustrative)
        self.use_problems.setText("\n".join(f"• {_problem_text(p)}" for p in problems))
        if typing and self.use_problems.isVisible():
            # While typing in this use, the line keeps its height when its warning goes:
            # nothing below moves under the next click.
            self.use_problems.setMinimumHeight(self.use_problems.height())
        else:
            self.use_problems.setMinimumHeight(0)
            self.use_problems.setVisible(bool(problems))

    def status_of(self, row: int) -> PictureStatus | None:
        listing = self._pictures.get(self._uses[row].picture_id)
        return listing.status if listing else None

    # ---- editing -------------------------------------------------------------------------

    def _edited(self, *_args: object) -> None:
        row = self.list.currentRow()
        if self._filling or not 0 <= row < len(self._uses):
            return
        use = self._uses[row]
        wanted = _with_fields(
            use,
            caption=self.caption.toPlainText(),
            alt_text=self.alt_text.toPlainText(),
            illustrative=self.illustrative.isChecked(),
        )
        if wanted != use:
            self._uses[row] = wanted
            self._show_use_checks(wanted, typing=True)
            self.use_edited.emit(row, wanted)

    def _edit_credit(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._uses):
            self.edit_credit_requested.emit(self._uses[row].picture_id)

    def _remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._uses):
            self.remove_requested.emit(row)


def _in_article(
    pictures: ArticlePictures, article_uuid: str, *, advertising: bool
) -> ArticlePictures:
    """The pictures as this article uses them: a picture for one-time use that another
    article used first has that error too, in its status and its list row; one for editorial
    use only, a warning in an advertising article."""
    listings = {
        picture_id: _with_use_rules(listing, article_uuid, advertising)
        for picture_id, listing in pictures.listings.items()
    }
    return dataclasses.replace(pictures, listings=listings)


def _with_use_rules(
    listing: PictureListing, article_uuid: str, advertising: bool
) -> PictureListing:
    using = len({usage.article_id for usage in listing.usages})
    found = use_problems(
        listing.record.metadata,
        article_uuid=article_uuid,
        using_articles=using,
        advertising=advertising,
    )
    if not found:
        return listing
    problems = (*listing.problems, *found)
    return dataclasses.replace(listing, problems=problems, status=picture_status(problems))


def _with_fields(use: PictureUse, *, caption: str, alt_text: str, illustrative: bool) -> PictureUse:
    from dataclasses import replace

    # Captions and alt texts are one paragraph each: a typed line break becomes a space.
    return replace(
        use,
        caption=caption.replace("\n", " "),
        alt_text=alt_text.replace("\n", " "),
        illustrative=illustrative,
    )


def _set_text(field: QPlainTextEdit, text: str) -> None:
    """Fill a field, unless it already says this (its cursor and undo history stay)."""
    if field.toPlainText() != text:
        field.setPlainText(text)


def _problem_text(problem: CreditProblem) -> str:
    from copydesk.qt.pictures.credit_messages import problem_message

    return problem_message(problem)
