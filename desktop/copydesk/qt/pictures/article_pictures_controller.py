"""Keeps the current article's pictures in step: the snapshot of what the library says of them
(read on the database thread, handed to the preview and the checks), the credits pane, the
``copydesk-media:`` pictures the preview loads, and the edits the pane asks for.

Every change the pane asks for becomes an ordinary edit of the article: the lead picture goes
into the editor (``ArticleEditor.set_lead_picture``), a body picture's caption or alt text
rewrites its Markdown in the body as one undo step.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QPixmap, QTextCursor

from copydesk.articles import pictures as article_pictures
from copydesk.articles.pictures import (
    LEAD,
    ArticlePictures,
    PictureUse,
    house_caption,
    picture_uses,
    without_house_label,
)
from copydesk.library.media_store import MediaStore, media_type_for_name
from copydesk.pictures.compliance import marks_illustrative
from copydesk.pictures.listing import Judgement, PictureListing
from copydesk.qt.editor.article_editor import ArticleEditor
from copydesk.qt.editor.text_fixes import python_index, utf16_positions, widget_text
from copydesk.qt.pictures.article_credits import ArticleCreditsPane
from copydesk.qt.tasks import TaskRunner
from copydesk.qt.window.preferences_store import PreferencesStore
from copydesk.records.article import ArticleContent, ArticleRecord, LeadPictureUse
from copydesk.text import picture_refs

if TYPE_CHECKING:
    from copydesk.library.db import Library
    from copydesk.qt.pictures.picture_service import PictureService

REFRESH_DELAY_MS = 150
# What Chromium shows as is; other stored pictures (TIFF) reach the preview as a JPEG copy.
BROWSER_TYPES = frozenset({"image/jpeg", "image/png", "image/webp", "image/gif"})
PREVIEW_SIZE = 2000
_MEDIA_NAME = re.compile(r"^/([0-9a-f]{64})(\.[a-z]{3,4})$")


class ArticlePicturesController(QObject):
    snapshot_changed = Signal()  # re-render the preview and re-check the article
    edit_credit_requested = Signal(int)  # picture id

    def __init__(
        self,
        pane: ArticleCreditsPane,
        editor: ArticleEditor,
        database: TaskRunner,
        compute: TaskRunner,
        preferences: PreferencesStore,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.pane = pane
        self.editor = editor
        self._database = database
        self._compute = compute
        self._preferences = preferences
        self.snapshot = ArticlePictures()
        self._library: Library | None = None
        self._store: MediaStore | None = None
        self._generation = 0  # a lookup for an earlier article or library is dropped
        self._pending: set[int] = set()  # ids being looked up
        self._browser_copies: dict[str, bytes] = {}
        self._last_edit: tuple[int, str, int] | None = None  # (row, field, document revision)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        pane.use_edited.connect(self.apply_use)
        pane.remove_requested.connect(self.remove_use)
        pane.thumbnail_needed.connect(self._make_thumbnail)
        pane.edit_credit_requested.connect(self.edit_credit_requested)
        preferences.changed.connect(lambda _preferences: self.reload())

    # ---- library and article ----------------------------------------------------------

    def set_library(self, library: Library | None) -> None:
        self._library = library
        self._store = MediaStore.beside(library.path) if library is not None else None
        self._generation += 1
        self._pending.clear()

    @property
    def library(self) -> Library | None:
        return self._library

    def article_shown(self, content: ArticleContent | None) -> bool:
        """A new article is in the editor: forget the last one's pictures and read this
        one's. True when there are pictures to read (``snapshot_changed`` follows)."""
        self._generation += 1
        self._pending.clear()
        self._last_edit = None
        language = content.language if content is not None else "fr"
        self.snapshot = ArticlePictures(language)
        self.pane.set_enabled_for_article(content is not None)
        if content is None:
            return False
        self.refresh()
        return bool(article_pictures.picture_ids(content))

    def note_edit(self) -> None:
        self._timer.start()

    def refresh(self) -> None:
        """Show the editor's pictures in the pane; look up the ones not read yet."""
        self._timer.stop()
        if not self.editor.isEnabled():
            return
        content = self.editor.content()
        self.pane.advertising = content.advertising
        self.pane.show_uses(picture_uses(content), self.snapshot, content.language)
        if not self.snapshot.covers(content):
            if content.language != self.snapshot.language:
                self._look_up(article_pictures.picture_ids(content), content.language, fresh=True)
            else:
                missing = article_pictures.picture_ids(content) - self.snapshot.looked_up
                self._look_up(missing - self._pending, content.language)

    def article_saved(self, record: ArticleRecord) -> None:
        """A save can make a picture "used in" this article: read them again if the pane
        would say otherwise."""
        for picture_id in article_pictures.picture_ids(record.content):
            listing = self.snapshot.get(picture_id)
            if listing is not None and record.id not in {u.article_id for u in listing.usages}:
                self.reload()
                return

    def reload(self, picture_ids: set[int] | None = None) -> None:
        """Read the pictures again (their credits were edited, or the preferences changed).
        With ``picture_ids``, only when the article shows one of them."""
        if not self.editor.isEnabled():
            return
        content = self.editor.content()
        shown = article_pictures.picture_ids(content)
        missing = self.snapshot.looked_up - set(self.snapshot.listings)
        if picture_ids is not None and not shown & picture_ids and not missing:
            return  # none of them shown, nothing missing that an import could have brought
        self._look_up(shown, content.language, fresh=True)

    def _look_up(self, ids: set[int], language: str, *, fresh: bool = False) -> None:
        library = self._library
        if library is None or (not ids and not fresh):
            return
        generation = self._generation
        judgement = Judgement.from_preferences(self._preferences.current(), language)
        self._pending |= ids

        def done(found: ArticlePictures) -> None:
            self._pending -= ids
            if generation != self._generation:
                return
            self.snapshot = found if fresh else self.snapshot.merged(found)
            self.refresh()
            self.snapshot_changed.emit()

        def failed(_error: Exception) -> None:
            self._pending -= ids
            if generation == self._generation:
                self.snapshot_changed.emit()  # the article is shown anyway, pictures unread

        self._database.run(
            lambda: article_pictures.load_article_pictures(library, ids, judgement), done, failed
        )

    def add_listing(self, listing: PictureListing) -> None:
        """A picture just chosen in the library: known at once, without a lookup."""
        picture_id = listing.record.id
        known = ArticlePictures(
            self.snapshot.language, {picture_id: listing}, frozenset({picture_id})
        )
        self.snapshot = self.snapshot.merged(known)
        self.snapshot_changed.emit()

    # ---- what the pane asks for ----------------------------------------------------------

    def set_lead(self, listing: PictureListing) -> None:
        """Make ``listing`` the lead picture, its caption and alt text taken from the picture's
        own description and alt text (the desk adapts them to the article)."""
        self.add_listing(listing)
        metadata = listing.record.metadata
        self.editor.set_lead_picture(
            LeadPictureUse(listing.record.id, metadata.description, metadata.alt_text)
        )
        self.refresh()
        self.pane.list.setCurrentRow(0)

    def insert_in_body(self, listing: PictureListing) -> None:
        """Insert the picture as its own paragraph at the body's cursor (one undo step)."""
        self.add_listing(listing)
        metadata = listing.record.metadata
        markdown = picture_refs.picture_markdown(
            listing.record.id, metadata.alt_text, metadata.description
        )
        body = self.editor.body
        cursor = body.textCursor()
        cursor.clearSelection()
        text = widget_text(body)
        at = python_index(text, cursor.position())
        before, after = _paragraph_breaks(text, at)
        cursor.insertText(f"{before}{markdown}{after}")
        body.setTextCursor(cursor)
        self.refresh()
        body_rows = [row for row, use in enumerate(self.pane.uses()) if use.role != LEAD]
        inserted = _reference_index_at(widget_text(body), at + len(before))
        if inserted is not None and inserted < len(body_rows):
            self.pane.list.setCurrentRow(body_rows[inserted])

    def apply_use(self, row: int, wanted: PictureUse) -> None:
        if wanted.role == LEAD:
            self.editor.set_lead_picture(
                LeadPictureUse(
                    wanted.picture_id, wanted.caption, wanted.alt_text, wanted.illustrative
                )
            )
            return
        caption = wanted.caption
        if wanted.illustrative and not marks_illustrative(caption):
            caption = house_caption(caption, True, self.editor.content().language)
        elif not wanted.illustrative and marks_illustrative(caption):
            caption = without_house_label(caption)
        markdown = picture_refs.picture_markdown(wanted.picture_id, wanted.alt_text, caption)
        self._replace_reference(row, markdown)
        if caption != wanted.caption:
            self.refresh()  # the caption field shows the label it gained or lost

    def remove_use(self, row: int) -> None:
        uses = self.pane.uses()
        if not 0 <= row < len(uses):
            return
        if uses[row].role == LEAD:
            self.editor.set_lead_picture(None)
        else:
            self._replace_reference(row, "", whole_paragraph=True)
        self.refresh()

    def _replace_reference(self, row: int, markdown: str, *, whole_paragraph: bool = False) -> None:
        """Put ``markdown`` in place of the body reference shown at ``row`` of the pane."""
        uses = self.pane.uses()
        body_index = sum(1 for use in uses[:row] if use.role != LEAD)
        body = self.editor.body
        text = widget_text(body)
        references = picture_refs.find_picture_references(text)
        if body_index >= len(references):
            return  # the body changed under the pane: the next refresh shows it as it is
        reference = references[body_index]
        start, end = reference.start, reference.end
        if whole_paragraph:
            start, end = _paragraph_span(text, start, end)
        positions = utf16_positions(text, [start, end])
        document = body.document()
        cursor = QTextCursor(document)
        field = "remove" if whole_paragraph else "edit"
        joining = self._last_edit == (row, field, document.revision()) and not whole_paragraph
        if joining:
            cursor.joinPreviousEditBlock()
        else:
            cursor.beginEditBlock()
        try:
            cursor.setPosition(positions[start])
            cursor.setPosition(positions[end], QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(markdown)
        finally:
            cursor.endEditBlock()
        self._last_edit = (row, field, document.revision())

    # ---- pictures for the preview and the pane ------------------------------------------

    def serve_media(self, url: QUrl) -> tuple[bytes, str] | None:
        """The bytes of a ``copydesk-media://library/<sha256>.<ext>`` picture (None: 404).
        Only a whole SHA-256 names a file: a picture awaiting its file has no URL
        (``article_pictures.media_url``), and nothing else reaches the media store."""
        store = self._store
        found = _MEDIA_NAME.match(url.path())
        if store is None or url.host() != "library" or found is None:
            return None
        media_type = media_type_for_name(found[2])
        if media_type is None:
            return None
        try:
            data = store.read(found[1], media_type)
        except Exception:
            return None  # a missing file shows as a broken picture, the checks say why
        if media_type in BROWSER_TYPES:
            return data, media_type
        return self._browser_copy(found[1], data), "image/jpeg"

    def _browser_copy(self, sha256: str, data: bytes) -> bytes:
        """A JPEG for the preview of a picture Chromium cannot show (TIFF): made once, kept
        for the last few pictures."""
        from copydesk.pictures.files import make_thumbnail

        copy = self._browser_copies.pop(sha256, None) or make_thumbnail(data, size=PREVIEW_SIZE)
        self._browser_copies[sha256] = copy
        while len(self._browser_copies) > 8:
            del self._browser_copies[next(iter(self._browser_copies))]
        return copy

    def _make_thumbnail(self, listing: PictureListing) -> None:
        from copydesk.pictures.files import make_thumbnail

        store, file = self._store, listing.record.file
        if store is None or not file.present:
            return  # (the pane shows a placeholder for a picture awaiting its file)

        def work() -> bytes:
            return make_thumbnail(store.read(file.sha256, file.media_type), size=112)

        def show(data: bytes) -> None:
            pixmap = QPixmap()
            if pixmap.loadFromData(data):
                self.pane.set_thumbnail(file.sha256, pixmap)

        self._compute.run(work, show, lambda _error: None)

    def picture_service(self, language: str) -> PictureService | None:
        """A service over the library's pictures, for a chooser (None: no library open)."""
        from copydesk.qt.pictures.picture_service import PictureService

        if self._library is None:
            return None
        judgement = Judgement.from_preferences(self._preferences.current(), language)
        return PictureService(self._library, self._database, self._compute, judgement, self)


def _paragraph_breaks(text: str, at: int) -> tuple[str, str]:
    """What to add before and after a block inserted at ``at`` so that it is its own
    paragraph: a figure, not a picture inside a sentence."""
    head, tail = text[:at], text[at:]
    before = "" if not head.strip() else "\n" * max(0, 2 - _trailing_newlines(head))
    after = "" if not tail.strip() else "\n" * max(0, 2 - _leading_newlines(tail))
    if not tail.strip() and head.strip():
        after = "\n"
    return before, after


def _trailing_newlines(text: str) -> int:
    stripped = text.rstrip(" \t")
    return len(stripped) - len(stripped.rstrip("\n"))


def _leading_newlines(text: str) -> int:
    stripped = text.lstrip(" \t")
    return len(stripped) - len(stripped.lstrip("\n"))


def _paragraph_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A reference alone on its lines, with the blank line after it: removing it leaves
    paragraphs as they were. A reference inside a sentence: just itself."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:start].strip() or text[end:line_end].strip():
        return start, end
    after = line_end
    while after < len(text) and text[after] == "\n":
        after += 1
    if after == len(text):  # the last paragraph: take the blank lines before it instead
        while line_start > 0 and text[line_start - 1] == "\n":
            line_start -= 1
        return line_start, len(text)
    return line_start, after


def _reference_index_at(text: str, offset: int) -> int | None:
    for index, reference in enumerate(picture_refs.find_picture_references(text)):
        if reference.start == offset:
            return index
    return None
