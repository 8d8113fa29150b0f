"""The picture library window: import with a report, the credit editor's live credit and
problems, a committed edit saved and undone, a preset applied to a selection as one step."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from pytestqt.qtbot import QtBot

from copydesk import images
from copydesk.credits import parse_credit
from copydesk.picture_import import ImportOutcome
from copydesk.picture_operations import Judgement
from copydesk.presets import FillMode, Preset, PresetField
from copydesk.qt.credits.library_window import PictureLibraryWindow
from copydesk.qt.credits.picture_model import Filter
from copydesk.qt.tasks import TaskRunner
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
        assert {"creator.missing", "credit.website", "source_url.missing"} <= codes
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
        window.proxy.set_filter(Filter.UNUSED)
        assert window.proxy.rowCount() == 3
        window.proxy.set_filter(Filter.ERRORS)
        assert window.proxy.rowCount() == 3
        window.proxy.set_filter(Filter.ALL)
        window.proxy.set_search("1.jpg")
        assert window.proxy.rowCount() == 1
        window.close()
