"""A conflicting field as a person settles it: both sides combined, or written by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from copydesk.qt.newsroom.field_choice import FieldChoice, both, parsed, shown, writable


def test_both_sides_of_a_body_are_paragraphs_and_of_a_list_a_union() -> None:
    assert both("body", "Mardi.", "Mercredi.") == "Mardi.\n\nMercredi."
    assert both("headline", "Mardi", "Mercredi") == "Mardi Mercredi"
    assert both("keywords", ["a", "b"], ["b", "c"]) == ["a", "b", "c"]


def test_what_a_person_writes_takes_the_field_s_type() -> None:
    assert parsed("un\n\ndeux\n", ["x"]) == ["un", "deux"]
    links = [["Titre", "https://example.org"]]
    assert parsed(shown(links), links) == links
    assert parsed("Titre seul", links) == [["Titre seul", ""]]
    assert parsed("Texte", "x") == "Texte"


def test_a_picture_use_is_kept_whole() -> None:
    assert not writable({"picture_id": "u", "caption": ""})
    assert writable(["a"]) and writable("a") and writable(None)


def test_writing_by_hand_unchooses_the_sides(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    choice = FieldChoice("headline", "Mardi", "Mercredi", parent)
    assert choice.side == "mine" and choice.value() == "Mardi"
    choice.choose("theirs")
    assert choice.result.toPlainText() == "Mercredi"
    choice.result.setPlainText("Jeudi")
    assert choice.side == "edited" and choice.value() == "Jeudi"
    assert not any(button.isChecked() for button in choice.group.buttons())
    picture = FieldChoice("lead_picture", {"picture_id": "a"}, {"picture_id": "b"}, parent)
    assert picture.result.isReadOnly()
    assert [b.objectName() for b in picture.group.buttons()] == ["mine", "theirs"]


def _marked(view: object) -> list[str]:
    return [selection.cursor.selectedText() for selection in view.extraSelections()]  # type: ignore[attr-defined]


def test_the_conflicting_paragraphs_are_marked_in_each_pane(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    mine = "Le conseil se réunit.\n\nRendez-vous mercredi."
    theirs = "Le conseil se réunit.\n\nRendez-vous mardi."
    choice = FieldChoice("body", mine, theirs, parent)
    assert _marked(choice.mine_view) == ["Rendez-vous mercredi."]
    assert _marked(choice.theirs_view) == ["Rendez-vous mardi."]
    assert _marked(choice.result) == ["Rendez-vous mercredi."]
    choice.choose("both")
    assert _marked(choice.result) == ["Rendez-vous mercredi.", "Rendez-vous mardi."]
    same = FieldChoice("headline", "Mardi", "Mardi", parent)
    assert _marked(same.mine_view) == [] and _marked(same.result) == []
