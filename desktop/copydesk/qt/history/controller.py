"""The article's history beside the editor, and the conflicts that put a version in it.

The history dock lists the revisions of the article being edited and shows what each
changed; Restore brings one back (the text it replaces goes into the history first). When
another window or program saved the article after this window read it, both versions are
kept: the person picks the one to continue with, the other goes into the history.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from copydesk.articles import operations
from copydesk.articles.diffing import FieldDiff, diff_articles
from copydesk.errors import ConflictError
from copydesk.records.article import ArticleContent, ArticleRecord, summary_of

if TYPE_CHECKING:
    from copydesk.qt.window.main_window import MainWindow
    from copydesk.records.article import RevisionSummary

HISTORY_WIDTH = 400  # room for a readable diff
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum"
HISTORY_MINIMUM = 240  # narrower, the revisions' times and authors are cut


class HistoryController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._resolving: set[int] = set()  # articles whose conflict dialog is open
        self._hid_credits = False  # the credits pane made room for the history
        window.history.revision_selected.connect(self.show_diff)
        window.history.restore_requested.connect(self.restore)
        window.history_dock.visibilityChanged.connect(self._on_visibility)
        window.autosave.conflicted.connect(self.on_conflict)

    def resolving(self, article_id: int) -> bool:
        """The conflict dialog of this article is open."""
        return article_id in self._resolving

    def set_shown(self, shown: bool) -> None:
        """View ▸ History. Room is made before the dock shows: once shown, Qt would rather
        widen the window than squeeze a pane below its minimum."""
        window = self._window
        if shown and not window.history_dock.isVisible():
            # The dock takes its width from the pane that can give it: on a narrow screen
            # the credits pane steps aside while the history is open, never the editor or
            # the preview.
            if window.credits_pane.isVisible() and self._room_beside_panes() < HISTORY_MINIMUM:
                window.credits_pane.hide()
                self._hid_credits = True
                # The splitter learns of it from a posted event: deliver it now, or the dock
                # is laid out against a minimum that still counts the credits pane.
                QCoreApplication.sendPostedEvents(window.splitter, QEvent.Type.LayoutRequest)
                window.layout().activate()
            # Shown at most as wide as the room (its own size hint could be wider); _widen
            # lifts the cap once it is laid out.
            window.history_dock.setMaximumWidth(max(HISTORY_MINIMUM, self._room_beside_panes()))
            window.history_dock.show()
        elif not shown:
            window.history_dock.hide()

    def _room_beside_panes(self) -> int:
        """What the window's width leaves beside the panes at their minimum widths."""
        return self._window.width() - self._panes_minimum() - 24  # the dock's frame, separator

    def _panes_minimum(self) -> int:
        splitter = self._window.splitter
        shown = [splitter.widget(i) for i in range(splitter.count())]
        return sum(w.minimumWidth() + splitter.handleWidth() for w in shown if w.isVisible())

    def _on_visibility(self, visible: bool) -> None:
        window = self._window
        if visible:
            QTimer.singleShot(0, self, self._widen)  # once the dock is laid out
            self.refresh()
        elif self._hid_credits:
            self._hid_credits = False
            window.credits_pane.setVisible(window.credits_action.isChecked())

    def _widen(self) -> None:
        """As wide as the history wants, from the panes' slack only: the editor and the
        preview keep their minimum widths (PANE_MINIMUM_WIDTHS)."""
        dock, splitter = self._window.history_dock, self._window.splitter
        dock.setMaximumWidth(QWIDGETSIZE_MAX)
        if dock.isVisible() and dock.width() < HISTORY_WIDTH:
            slack = splitter.width() - self._panes_minimum()
            width = min(HISTORY_WIDTH, dock.width() + max(slack, 0))
            self._window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)

    def refresh(self) -> None:
        """List the current article's revisions, if the history is shown."""
        library = self._window.library
        if library is None or self._window.current is None:
            self._window.history.set_revisions([])
            return
        if not self._window.history_dock.isVisible():
            return
        article_id = self._window.current.id

        def listed(revisions: list[RevisionSummary]) -> None:
            if self._window.current is not None and self._window.current.id == article_id:
                self._window.history.set_revisions(revisions)
                selected = self._window.history.selected_revision_id()
                if selected is not None:
                    self.show_diff(selected)

        self._window.run_job(
            library, lambda: operations.list_revisions(library, article_id), listed
        )

    def show_diff(self, revision_id: int) -> None:
        library = self._window.library
        if library is None or self._window.current is None:
            return
        now = self._window.editor.content()

        def compare() -> list[FieldDiff]:
            revision = operations.get_revision(library, revision_id)
            return diff_articles(revision.content, now)

        self._window.run_job(
            library, compare, lambda diffs: self._window.history.show_diff(revision_id, diffs)
        )

    def restore(self, revision_id: int) -> None:
        """Bring a revision back; the text it replaces is kept in the history first."""
        library = self._window.library_for_writing()
        if library is None or self._window.current is None:
            return
        self._window.autosave.flush()
        article_id, author = self._window.current.id, self._window.preferences.current().who()
        self._window.editor.setEnabled(False)  # typing now would be replaced by the restored text

        def restored(shown: operations.Shown) -> None:
            self._window.replace_current(shown, focus=False)
            if shown.record is not None:
                self._window.article_list.model.update_summary(summary_of(shown.record))
            self._window.save_label.setText(self.tr("Revision restored"))

        def failed(error: Exception) -> None:
            self._window.editor.setEnabled(self._window.current is not None)
            self._window.report_error(error)

        self._window.run_job(
            library,
            lambda: operations.restore_revision(
                library, article_id, revision_id, author, self._window.versions
            ),
            restored,
            failed,
        )

    def on_conflict(self, error: ConflictError) -> None:
        """A save met a newer stored version: in a newsroom the edits merge with it first."""
        if not self._window.newsroom.merger.take(error, self.ask_which_version):
            self.ask_which_version(error)

    def ask_which_version(self, error: ConflictError) -> None:
        """Another window saved this article first. Both versions are kept: the user picks
        the one to continue with, the other goes into the article's history."""
        theirs: ArticleRecord = error.theirs  # type: ignore[assignment]
        article_id = theirs.id
        library = self._window.library
        if library is None or article_id in self._resolving:
            return
        self._resolving.add(article_id)
        try:
            keep_mine = self._ask_which_version(theirs)
        finally:
            self._resolving.discard(article_id)
        is_current = self._window.current is not None and self._window.current.id == article_id
        mine: ArticleContent = self._window.editor.content() if is_current else error.mine  # type: ignore[assignment]
        author = self._window.preferences.current().who()
        if is_current:
            self._window.editor.setEnabled(False)

        def resolved(shown: operations.Shown) -> None:
            self._window.autosave.discard(article_id)
            if (
                not is_current
                or self._window.current is None
                or self._window.current.id != article_id
            ):
                return
            if keep_mine:
                self._window.editor.setEnabled(True)
                self._window.current = shown.record
                self._window.autosave.note_edit()  # saves again only if the text moved on meanwhile
            else:
                self._window.replace_current(shown, focus=False)
            self.refresh()
            self._window.save_label.setText(self.tr("Both versions kept: see the History"))

        def failed(failure: Exception) -> None:
            self._window.editor.setEnabled(self._window.current is not None)
            self._window.report_error(failure)

        self._window.run_job(
            library,
            lambda: operations.resolve_conflict(
                library,
                article_id,
                mine,
                keep_mine=keep_mine,
                author=author,
                versions=self._window.versions,
            ),
            resolved,
            failed,
        )

    def _ask_which_version(self, theirs: ArticleRecord) -> bool:
        """True to continue with this window's version."""
        when = theirs.updated_at.astimezone().strftime("%H:%M:%S")
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Article Changed in Another Window"))
        box.setText(
            self.tr("“%1” was saved in another Copydesk window at %2, after you opened it.")
            .replace("%1", theirs.content.headline or self.tr("Untitled"))
            .replace("%2", when)
        )
        box.setInformativeText(
            self.tr(
                "Nothing has been overwritten. Choose the version to continue with; the other "
                "one is kept in the article's history, where you can compare and restore it."
            )
        )
        mine_button = box.addButton(
            self.tr("Continue with Mine"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(self.tr("Continue with Theirs"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(mine_button)
        box.setEscapeButton(mine_button)
        box.exec()
        return box.clickedButton() is mine_button
