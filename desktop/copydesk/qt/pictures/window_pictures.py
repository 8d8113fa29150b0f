"""The main window's pictures: the Picture Library window, choosing the lead picture or a
picture to insert, the Pictures and Credits pane, and a credit problem's way to its field."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

if TYPE_CHECKING:
    from copydesk.pictures.listing import PictureListing
    from copydesk.qt.pictures.library_window import PictureLibraryWindow
    from copydesk.qt.window.main_window import MainWindow
    from copydesk.records.problem import Problem


class WindowPictures(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.library_window: PictureLibraryWindow | None = None
        pane = window.credits_pane
        window.article_pictures.edit_credit_requested.connect(self.open_library_window)
        pane.lead_requested.connect(self.choose_lead_picture)
        pane.insert_requested.connect(self.choose_picture_to_insert)
        window.checks_panel.jump_requested.connect(self.jump_to_problem)

    def open_library_window(self, picture_id: int | None = None) -> None:
        """The picture library of the window's library, as its own window; with
        ``picture_id``, that picture selected."""
        window = self._window
        library = window.library_for_writing()
        if library is None:
            return
        shown = self.library_window
        if shown is None or shown.service.library is not library:
            from copydesk.pictures.listing import Judgement
            from copydesk.qt.pictures.library_window import PictureLibraryWindow

            judgement = Judgement.from_preferences(window.preferences.current(), "fr")
            shown = PictureLibraryWindow(library, window.runner, window.compute, judgement, window)
            shown.editor.set_spelling(window.spelling.service)
            shown.setWindowFlag(Qt.WindowType.Window)
            shown.resize(1300, 800)
            # Credits edited or pictures imported there show here at once.
            shown.service.listing_changed.connect(
                lambda listing: window.article_pictures.reload({listing.record.id})
            )
            shown.importer.finished.connect(lambda _report: window.article_pictures.reload(set()))
            self.library_window = shown
        shown.show()
        shown.raise_()
        shown.activateWindow()
        if isinstance(picture_id, int) and not isinstance(picture_id, bool):
            shown.select_picture(picture_id)

    def imported(self) -> None:
        """An import added pictures: the picture library (if open) lists them."""
        shown = self.library_window
        if shown is not None and shown.service.library is self._window.library:
            shown.service.load()
        self._window.article_pictures.reload(set())

    def follow_outside_changes(self, picture_ids: set[int] | None) -> None:
        """Another program changed these pictures (None: maybe any of them)."""
        self._window.article_pictures.reload(picture_ids)
        shown = self.library_window
        if shown is None or shown.service.library is not self._window.library:
            return
        if picture_ids is None:
            shown.service.load()
        else:
            shown.follow_outside_changes(picture_ids)

    def choose_lead_picture(self) -> None:
        current = self._window.editor.lead_picture()
        listing = self._choose(
            self.tr("Lead Picture"), current.picture_id if current is not None else None
        )
        if listing is not None:
            self._window.article_pictures.set_lead(listing)

    def choose_picture_to_insert(self) -> None:
        listing = self._choose(self.tr("Insert Picture"))
        if listing is not None:
            self._window.article_pictures.insert_in_body(listing)
            self._window.editor.body.setFocus()

    def _choose(self, title: str, selected: int | None = None) -> PictureListing | None:
        window = self._window
        if window.current is None or window.library_for_writing() is None:
            return None
        from copydesk.qt.pictures.picture_chooser import PictureChooser

        language = window.editor.content().language
        service = window.article_pictures.picture_service(language)
        if service is None:
            return None
        chooser = PictureChooser(service, title, window)
        if selected is not None:
            chooser.select_picture(selected)
        try:
            if chooser.exec() != PictureChooser.DialogCode.Accepted:
                return None
            return chooser.chosen()
        finally:
            chooser.deleteLater()
            service.deleteLater()

    def show_credits_pane(self, shown: bool) -> None:
        self._window.credits_pane.setVisible(shown)
        self._window.state.set_text("window/credits-pane", "on" if shown else "off")

    def jump_to_problem(self, problem: Problem) -> None:
        """A problem of the lead picture: show it in the credits pane, in the field at fault."""
        from copydesk.articles.pictures import LEAD_FIELD

        if problem.field != LEAD_FIELD:
            return
        pane = self._window.credits_pane
        self._window.credits_action.setChecked(True)
        pane.list.setCurrentRow(0)
        field = problem.params.get("picture_field")
        widget = {"alt_text": pane.alt_text, "caption": pane.caption}.get(str(field))
        if widget is not None:
            widget.setFocus()
        elif problem.code != "picture.missing":
            self.open_library_window(int(problem.params["picture"]))
