"""The credit editor's rights fields that are choices, not text (rights marked, model and
property releases, in PLUS's vocabulary), and what the supplier's instructions say, read out
restriction by restriction for the credit editor and the credits pane."""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from copydesk.pictures.instructions import Instruction, Restriction, read_instructions
from copydesk.pictures.restrictions import local_now

PLUS_VOCABULARY = "http://ns.useplus.org/ldf/vocab/"
translate = QCoreApplication.translate


def rights_marked_combo(parent: QWidget) -> QComboBox:
    """xmpRights:Marked: rights-managed, public domain, or not said."""
    combo = QComboBox(parent)
    combo.setObjectName("rightsMarked")
    combo.addItem(translate("credits", "(not given)"), "")
    combo.addItem(translate("credits", "Rights-managed"), "True")
    combo.addItem(translate("credits", "Public domain"), "False")
    return combo


def release_combo(parent: QWidget, kind: str) -> QComboBox:
    """plus:ModelReleaseStatus (``kind`` "MR") or plus:PropertyReleaseStatus ("PR")."""
    combo = QComboBox(parent)
    combo.setObjectName("modelRelease" if kind == "MR" else "propertyRelease")
    combo.addItem(translate("credits", "(not given)"), "")
    names = {
        "NON": translate("credits", "None"),
        "NAP": translate("credits", "Not applicable"),
        "UMR": translate("credits", "Unlimited model releases"),
        "LMR": translate("credits", "Limited or incomplete model releases"),
        "UPR": translate("credits", "Unlimited property releases"),
        "LPR": translate("credits", "Limited or incomplete property releases"),
    }
    codes = ("NON", "NAP", "UMR", "LMR") if kind == "MR" else ("NON", "NAP", "UPR", "LPR")
    for code in codes:
        address = f"{PLUS_VOCABULARY}{kind}-{code}"
        combo.addItem(names[code], address)
        combo.setItemData(combo.count() - 1, address, Qt.ItemDataRole.ToolTipRole)
    return combo


def restriction_name(kind: Restriction) -> str:
    names = {
        Restriction.MANDATORY_CREDIT: translate("credits", "Mandatory credit"),
        Restriction.ONE_TIME_USE: translate("credits", "One-time use"),
        Restriction.NO_ARCHIVES: translate("credits", "No archives"),
        Restriction.NO_SALES: translate("credits", "No sales"),
        Restriction.EDITORIAL_ONLY: translate("credits", "Editorial use only"),
        Restriction.MAGS_OUT: translate("credits", "No magazines"),
        Restriction.EMBARGO: translate("credits", "Embargo"),
        Restriction.HANDOUT: translate("credits", "Handout"),
        Restriction.FILE_PHOTO: translate("credits", "File photo"),
    }
    return names[kind]


def instruction_line(instruction: Instruction) -> str:
    """One instruction as the desk reads it: what Copydesk understood, then the words as
    written; "To read" for wording Copydesk cannot check."""
    if instruction.kind is None:
        return translate("credits", "To read: %1").replace("%1", instruction.text)
    name = restriction_name(instruction.kind)
    if instruction.kind is Restriction.MANDATORY_CREDIT and instruction.credit:
        name += f" — {instruction.credit}"
    elif instruction.kind is Restriction.EMBARGO:
        until = instruction.until
        name += (
            " — " + until.astimezone().strftime("%Y-%m-%d %H:%M")
            if until is not None
            else " — " + translate("credits", "no date given")
        )
    return name


class InstructionsView(QLabel):
    """The supplier's instructions, one restriction a line; hidden when there are none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supplierInstructions")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet("background: #fff8e1; padding: 4px 6px; border-radius: 3px;")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_instructions(self, text: str) -> None:
        zone = local_now().tzinfo  # a moment named without a zone is the person's
        lines = [instruction_line(found) for found in read_instructions(text, zone or UTC)]
        self.setText(
            translate("credits", "Supplier’s instructions:")
            + "".join(f"\n• {line}" for line in lines)
        )
        self.setVisible(bool(lines))


__all__ = [
    "InstructionsView",
    "instruction_line",
    "release_combo",
    "restriction_name",
    "rights_marked_combo",
]
