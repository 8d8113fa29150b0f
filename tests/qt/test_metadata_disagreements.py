"""Where a picture's file disagrees with itself: the credit editor lists each field with its
values, a click picks one as one undo step, and the warning names both values."""

from __future__ import annotations

import io
from pathlib import Path

import pyexiv2
from PIL import Image
from pytestqt.qtbot import QtBot

from copydesk.pictures import disagreements
from copydesk.pictures import store as images
from copydesk.pictures.metadata import read_metadata
from copydesk.qt.pictures.credit_editor import CreditEditor
from copydesk.records.picture import PictureMetadata
from tests.helpers import opened
from tests.qt.test_picture_library import make_window

WIRE = PictureMetadata(
    creator="Jane Doe",
    source="REUTERS",
    date_created="2024-06-12",
    licence_id="agency",
    disagreements=(
        '{"date_created": {"IIM": "2024-05-01", "XMP": "2024-06-12"},'
        ' "source": {"IIM": "RTR", "XMP": "REUTERS"}}'
    ),
)


def test_the_editor_lists_each_field_with_its_values(qtbot: QtBot) -> None:
    editor = CreditEditor()
    qtbot.addWidget(editor)
    editor.show()
    editor.set_judgement("en", commercial=False)
    editor.show_picture("wire.jpg", WIRE)
    view = editor.disagreeing
    assert view.isVisible()
    assert [b.text() for b in view.buttons] == [
        "“REUTERS” (XMP)",
        "“RTR” (IIM)",
        "“2024-06-12” (XMP)",
        "“2024-05-01” (IIM)",
    ]
    problems = [editor.problems.item(row).text() for row in range(editor.problems.count())]
    assert any(
        text.startswith("Source: the file’s metadata disagrees (XMP “REUTERS”; IIM “RTR”).")
        for text in problems
    )
    with qtbot.waitSignal(editor.value_picked) as picked:
        view.buttons[1].click()
    assert picked.args == [disagreements.pick(WIRE, "source", "RTR")]

    editor.show_picture("calm.jpg", PictureMetadata(source="AFP"))
    assert view.isHidden() and view.buttons == []


def wire_file(path: Path) -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", (80, 60), (20, 60, 90)).save(buffer, "JPEG")
    read_metadata(buffer.getvalue())
    with pyexiv2.ImageData(buffer.getvalue()) as image:
        image.modify_iptc({"Iptc.Application2.Source": "RTR"})
        image.modify_xmp({"Xmp.photoshop.Source": "REUTERS"})
        path.write_bytes(bytes(image.get_bytes()))
    return path


def test_a_pick_is_saved_as_one_undo_step(qtbot: QtBot, tmp_path: Path, library_path: Path) -> None:
    with opened(library_path) as library:
        window = make_window(qtbot, library)
        window.import_paths([wire_file(tmp_path / "wire.jpg")])
        window.table.selectRow(0)
        picture_id = window.selected_listings()[0].record.id
        view = window.editor.disagreeing
        assert [b.text() for b in view.buttons] == ["“REUTERS” (XMP)", "“RTR” (IIM)"]
        view.buttons[1].click()
        with library.read() as session:
            picked = images.get_picture(session, picture_id).metadata
        assert (picked.source, picked.disagreements) == ("RTR", "")
        assert window.undo_stack.undoText() == "Pick Value"
        qtbot.waitUntil(view.isHidden)
        window.undo_stack.undo()
        with library.read() as session:
            undone = images.get_picture(session, picture_id).metadata
        assert undone.source == "REUTERS" and "RTR" in undone.disagreements
