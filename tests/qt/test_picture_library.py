"""The picture library window: import with a report, the credit editor's live credit and
problems, a committed edit saved and undone, a preset applied to a selection as one step."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from pytestqt.qtbot import QtBot

from copydesk.library.media_store import MediaStore
from copydesk.pictures import store as images
from copydesk.pictures.credits import parse_credit
from copydesk.pictures.listing import PictureQuery
from copydesk.pictures.operations import Judgement, import_files
from copydesk.pictures.presets import FillMode, Preset, PresetField
from copydesk.qt.dialogs import file_dialogs
from copydesk.qt.pictures.library_window import PictureLibraryWindow
from copydesk.qt.pictures.picture_model import Column, Filter
from copydesk.qt.tasks import TaskRunner
from copydesk.records.imports import ImportOutcome
from copydesk.records.picture import PictureFile, PictureMetadata, PictureStatus
from tests.helpers import opened


def jpeg(path: Path, color: tuple[int, int, int]) -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", (80, 60), color).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def make_window(qtbot: QtBot, library) -> PictureLibraryWindow:  # type: ignore[no-untyped-def]
    runner = TaskRunner(synchronous=True)
    window = PictureLibraryWindow(library, runner, runner.sibling("compute"), Judgement("fr", True))
    qtbot.addWidget(window)
    window.resize(1200, 700)
    window.show()
    return window


def wait_for_rows(
    qtbot: QtBot,
    window: PictureLibraryWindow,
    rows: int,
    kind: Filter,
    text: str = "",
    count: int | None = None,
) -> None:
    """Search and filter as a person would, and wait for the list the database reads (the
    filters on errors and warnings once the pictures are judged)."""
    window.search.setText(text)
    window.filter.setCurrentIndex(window.filter.findData(kind.value))
    window._search()  # without the typing pause
    qtbot.waitUntil(
        lambda: (
            window.model.query() == window.current_query()
            and (rows < 0 or window.model.rowCount() == rows)
            and window.model.count() == (rows if count is None else count)
        ),
        timeout=5_000,
    )


def test_import_edit_undo_and_presets(qtbot: QtBot, tmp_path: Path, library_path: Path) -> None:
    files = [jpeg(tmp_path / f"{n}.jpg", (n * 60, 20, 20)) for n in range(3)]
    (tmp_path / "broken.jpg").write_bytes(b"\xff\xd8\xff nothing")
    with opened(library_path) as library:
        window = make_window(qtbot, library)
        window.import_paths([*files, tmp_path / "broken.jpg"])
        report = window.last_report
        assert report.count(ImportOutcome.IMPORTED) == 3
        assert report.count(ImportOutcome.REFUSED) == 1
        assert window.model.rowCount() == 3
        qtbot.waitUntil(
            lambda: window.model.thumbnail(window.model.listing(0).record.file.sha256) is not None
        )

        # The reference article's credit, typed into the editor: errors, live.
        window.table.selectRow(0)
        picture_id = window.selected_listings()[0].record.id
        reference = parse_credit("Photo : wikipedia.org, CC BY 4.0")
        window.editor.show_picture("x", reference)
        codes = {p.code for p in window.editor.current_problems()}
        assert {"credit.website", "source_url.missing"} <= codes
        assert "wikipedia.org" in window.editor.credit_label.text()

        # A committed edit is saved; undo brings the old fields back.
        window.table.clearSelection()
        window.table.selectRow(0)
        creator = window.editor.lines["creator"]
        creator.setText("Ana Lima")
        creator.editingFinished.emit()
        with library.read() as session:
            assert images.get_picture(session, picture_id).metadata.creator == "Ana Lima"
        window.undo_stack.undo()
        with library.read() as session:
            assert images.get_picture(session, picture_id).metadata.creator == ""

        # A preset over the whole selection is one undo step.
        preset = Preset.of(
            "AFP",
            {
                "credit_line": PresetField("AFP"),
                "licence_id": PresetField("agency", FillMode.FILL_EMPTY),
            },
        )
        window.save_preset(preset)
        assert [p.name for p in window.presets] == ["AFP"]
        window.table.selectAll()
        window.apply_preset(preset)
        with library.read() as session:
            credits = {p.metadata.credit_line for p in images.list_pictures(session)}
        assert credits == {"AFP"}
        window.undo_stack.undo()
        with library.read() as session:
            assert {p.metadata.credit_line for p in images.list_pictures(session)} == {""}

        # Filters: nothing is used by an article; every picture lacks a licence (error).
        wait_for_rows(qtbot, window, 3, Filter.UNUSED)
        wait_for_rows(qtbot, window, 3, Filter.ERRORS)
        wait_for_rows(qtbot, window, 0, Filter.WARNINGS)
        wait_for_rows(qtbot, window, 1, Filter.ALL, "1.jpg")
        assert window.model.listing(0).record.file.file_name == "1.jpg"
        window.close()


# ---- pictures awaiting their file ------------------------------------------------------------

REFERENCE = "images/IPTC-PhotometadataRef-Std2017.1.jpg"
DESK = PictureMetadata(
    creator="Ana Lima",
    licence_id="cc-by-4.0",
    source="Kremlin",
    source_url="http://en.kremlin.ru/events/president/news/1",
)


def add_awaited(library, name: str) -> int:  # type: ignore[no-untyped-def]
    with library.write() as session:
        return images.add_picture(session, PictureFile.awaited(name), DESK).id


def row_text(window: PictureLibraryWindow, picture_id: int, column: Column) -> str:
    row = window.model.row_of(picture_id)
    assert row is not None
    return str(window.model.index(row, column).data())


def test_a_picture_awaiting_its_file_is_listed_and_gets_its_file(
    qtbot: QtBot, tmp_path: Path, library_path: Path, shared: Path, monkeypatch
) -> None:
    reads: list[str] = []
    real_read = MediaStore.read

    def read(store: MediaStore, sha256: str, media_type: str) -> bytes:
        reads.append(sha256)
        return real_read(store, sha256, media_type)

    monkeypatch.setattr(MediaStore, "read", read)
    with opened(library_path) as library:
        (present,) = import_files(
            library, [jpeg(tmp_path / "plage.jpg", (20, 90, 200))]
        ).picture_ids
        awaited = add_awaited(library, "kremlin.jpg")
        window = make_window(qtbot, library)
        assert window.model.rowCount() == 2
        qtbot.waitUntil(lambda: window.model.thumbnail(listing_of(window, present).file.sha256))
        # Listed with a placeholder and its status, and no thumbnail asked of the store.
        assert row_text(window, awaited, Column.STATUS) == "Awaiting file"
        assert row_text(window, awaited, Column.FILE) == "kremlin.jpg"
        row = window.model.row_of(awaited)
        assert row is not None
        placeholder = window.model.index(row, Column.PICTURE).data(Qt.ItemDataRole.DecorationRole)
        assert isinstance(placeholder, QPixmap) and not placeholder.isNull()
        assert "awaits its file" in str(
            window.model.index(row, Column.STATUS).data(Qt.ItemDataRole.ToolTipRole)
        )
        assert "" not in reads
        wait_for_rows(qtbot, window, 1, Filter.AWAITING_FILE)
        wait_for_rows(qtbot, window, 2, Filter.ALL)

        # Attach File… only for one selected picture that awaits its file.
        window.select_picture(present)
        assert not window.attach_action.isEnabled()
        window.select_picture(awaited)
        assert window.attach_action.isEnabled()
        assert "awaiting its file" in window.editor.title.text()
        reference = shared / REFERENCE
        monkeypatch.setattr(file_dialogs, "open_file_name", lambda *_args, **_kw: str(reference))
        window.attach_action.trigger()
        attached = listing_of(window, awaited)
        assert attached.file.present and attached.file.file_name == reference.name
        qtbot.waitUntil(lambda: window.model.thumbnail(attached.file.sha256) is not None)
        decoration = window.model.index(row, Column.PICTURE).data(Qt.ItemDataRole.DecorationRole)
        thumbnail = window.model.thumbnail(attached.file.sha256)
        assert thumbnail is not None and decoration.cacheKey() == thumbnail.cacheKey()
        assert decoration.cacheKey() != placeholder.cacheKey()
        assert not row_text(window, awaited, Column.STATUS).startswith("Awaiting")
        assert row_text(window, awaited, Column.CREATOR) == "Ana Lima"  # the desk's credit
        assert not window.attach_action.isEnabled()
        assert window.editor.title.text() == reference.name
        with library.read() as session:
            stored = images.get_picture(session, awaited)
        assert stored.metadata.creator == "Ana Lima"
        assert stored.metadata.city == "City (Core) (ref2017.1)"  # empty: filled from the file

        # The same file for another picture is refused, and said.
        second = add_awaited(library, "bis.jpg")
        window.service.load()
        window.select_picture(second)
        window.attach_action.trigger()
        assert f"already in the library as picture {awaited}" in window.last_attach_error
        assert window.attach_box.isVisible()
        assert window.attach_box.text() == f"The file was not attached to picture {second}."
        assert window.attach_box.informativeText() == window.last_attach_error
        window.attach_box.close()
        assert row_text(window, second, Column.STATUS).startswith("Awaiting file")
        assert window.attach_action.isEnabled()
        window.close()


def listing_of(window: PictureLibraryWindow, picture_id: int):  # type: ignore[no-untyped-def]
    found = window.model.listing_by_id(picture_id)
    assert found is not None
    return found.record


def test_with_no_picture_selected_the_form_is_off_and_says_why(
    qtbot: QtBot, tmp_path: Path, library_path: Path
) -> None:
    with opened(library_path) as library:
        import_files(library, [jpeg(tmp_path / "a.jpg", (200, 20, 20))])
        window = make_window(qtbot, library)
        qtbot.waitUntil(lambda: window.model.rowCount() == 1)
        window.table.clearSelection()
        assert not window.editor.isEnabled()
        assert (
            window.editor.problems.item(0).text() == "Select a picture to see and edit its credit."
        )
        assert window.editor.problems.count() == 1
        assert not window.save_preset_action.isEnabled()
        window.table.selectRow(0)
        assert window.editor.isEnabled() and window.save_preset_action.isEnabled()


def test_save_as_preset_shows_the_fields_it_keeps(
    qtbot: QtBot, tmp_path: Path, library_path: Path
) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    with opened(library_path) as library:
        (item,) = import_files(library, [jpeg(tmp_path / "a.jpg", (200, 20, 20))]).items
        assert item.picture_id is not None
        with library.write() as session:
            metadata = PictureMetadata(
                creator="Ana Lima", source="AFP", licence_id="staff", description="Légende"
            )
            images.update_metadata(session, item.picture_id, metadata)
        window = make_window(qtbot, library)
        qtbot.waitUntil(lambda: window.model.rowCount() == 1)
        window.table.selectRow(0)
        window.save_preset_action.trigger()
        dialog = window.preset_dialog
        assert dialog.isVisible()
        kept = dialog.kept_fields()
        assert {"Creator", "Source", "Licence"} <= set(kept) and "Caption" not in kept
        values = [dialog.fields.topLevelItem(row).text(1) for row in range(len(kept))]
        assert "Staff" in values and "staff" not in values  # the licence by its name
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert not save.isEnabled()  # a name first
        dialog.name.setText("Agence")
        save.click()
        qtbot.waitUntil(lambda: [preset.name for preset in window.presets] == ["Agence"])


def test_suggested_licences_are_applied_to_the_selection_as_one_step(
    qtbot: QtBot, tmp_path: Path, library_path: Path
) -> None:
    files = [jpeg(tmp_path / f"{n}.jpg", (n * 60, 90, 20)) for n in range(3)]
    with opened(library_path) as library:
        report = import_files(library, files)
        ids = list(report.picture_ids)
        fields = [
            {"creator": "Jane Smith", "credit_line": "Agence France-Presse"},
            {"creator": "Ana Lima", "cc_license": "https://creativecommons.org/licenses/by/4.0/"},
            {"creator": "Jo Bloggs", "source": "Le Journal"},  # nothing points at a licence
        ]
        with library.write() as session:
            for picture_id, values in zip(ids, fields, strict=True):
                images.update_metadata(session, picture_id, PictureMetadata(**values))
        window = make_window(qtbot, library)
        window.table.selectAll()
        assert window.suggested_licences_action.isEnabled()
        window.suggested_licences_action.trigger()

        def licences() -> list[str]:
            with library.read() as session:
                return [images.get_picture(session, i).metadata.licence_id for i in ids]

        assert licences() == ["agency", "cc-by-4.0", ""]
        window.undo_stack.undo()  # one step for the whole selection
        assert licences() == ["", "", ""]
        window.table.clearSelection()
        (row,) = [
            source
            for source in range(window.model.rowCount())
            if window.model.listing(source).record.id == ids[2]
        ]
        window.table.selectRow(row)
        assert [listing.record.id for listing in window.selected_listings()] == [ids[2]]
        assert not window.suggested_licences_action.isEnabled()
        window.close()


def test_thumbnails_come_from_the_disk_cache_the_second_time(
    qtbot: QtBot, tmp_path: Path, library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [jpeg(tmp_path / f"{n}.jpg", (n * 60, 90, 20)) for n in range(3)]
    with opened(library_path) as library:
        import_files(library, files)
        first = make_window(qtbot, library)
        qtbot.waitUntil(
            lambda: (
                all(
                    first.model.thumbnail(first.model.listing(row).record.file.sha256) is not None
                    for row in range(first.model.rowCount())
                )
                and first.model.rowCount() == 3
            )
        )
        first.close()

        def no_decoding(*_args: object, **_kwargs: object) -> bytes:
            raise AssertionError("a thumbnail was decoded again")

        monkeypatch.setattr("copydesk.pictures.files.make_thumbnail", no_decoding)
        again = make_window(qtbot, library)
        qtbot.waitUntil(
            lambda: (
                again.model.rowCount() == 3
                and all(
                    again.model.thumbnail(again.model.listing(row).record.file.sha256) is not None
                    for row in range(3)
                )
            )
        )


# ---- a large library ---------------------------------------------------------------------------


def add_rows(library, count: int) -> list[int]:  # type: ignore[no-untyped-def]
    """Picture rows without files (the list reads no file), oldest first."""
    from datetime import UTC, datetime, timedelta

    metadata = PictureMetadata(creator="Zoë Lefèvre", credit_line="Zoë Lefèvre / AFP")
    start = datetime(2026, 1, 1, tzinfo=UTC)
    with library.write() as session:
        return [
            images.add_picture(
                session,
                PictureFile(f"{n:064x}", f"photo-{n:04d}.jpg", "image/jpeg", 10, 10, 10),
                metadata.replace(licence_id="" if n % 2 else "agency"),
                now=start + timedelta(minutes=n),
            ).id
            for n in range(count)
        ]


def test_a_large_library_is_read_a_page_at_a_time_and_down_to_a_picture(
    qtbot: QtBot, library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from copydesk.pictures import browsing

    with opened(library_path) as library:
        added = add_rows(library, 120)
        window = make_window(qtbot, library)
        qtbot.waitUntil(lambda: window.model.rowCount() == browsing.PAGE_SIZE)
        assert window.model.listing(0).record.id == added[-1]  # most recently changed first
        assert window.statusBar().currentMessage() == "120 of 120 pictures"
        assert window.selected_listings()[0].record.id == added[-1]
        # Scrolled to the end, the next page is read.
        window.table.scrollToBottom()
        qtbot.waitUntil(lambda: window.model.rowCount() == 2 * browsing.PAGE_SIZE)
        # Errors only (odd pictures have no licence), judged when the window opened.
        # (the rows read: a page, or two if the view, still at the bottom, asks for more)
        wait_for_rows(qtbot, window, -1, Filter.ERRORS, count=60)
        assert window.model.rowCount() in (browsing.PAGE_SIZE, 60)
        assert {listing.status for listing in window.model._listings} == {PictureStatus.ERROR}
        assert window.statusBar().currentMessage() == "60 of 120 pictures"
        # A picture not read yet is read down to, the filter kept when it keeps it...
        window.select_picture(added[1])
        qtbot.waitUntil(lambda: window.selected_listings()[0].record.id == added[1])
        assert window.current_query().filter is Filter.ERRORS
        # ...cleared when it hides it...
        window.select_picture(added[2])
        qtbot.waitUntil(lambda: window.selected_listings()[0].record.id == added[2])
        assert window.current_query() == PictureQuery()
        # ...and deep in a large library, the list is narrowed to its file name.
        monkeypatch.setattr(browsing, "DEEPEST_SHOWN", 10)
        window.search.setText("zoë")
        window._search()
        window.select_picture(added[0])
        qtbot.waitUntil(lambda: window.selected_listings()[0].record.id == added[0])
        assert window.search.text() == "photo-0000.jpg"
        assert window.model.rowCount() == 1
        window.close()


def test_the_count_says_while_pictures_are_being_judged(qtbot: QtBot, library_path: Path) -> None:
    with opened(library_path) as library:
        add_rows(library, 3)
        window = make_window(qtbot, library)
        qtbot.waitUntil(lambda: window.model.rowCount() == 3)
        assert window.statusBar().currentMessage() == "3 of 3 pictures"  # judged at opening
        window._show_judging(2)
        assert window.statusBar().currentMessage() == (
            "3 of 3 pictures — checking the credits of 2 pictures…"
        )
        window.close()
