"""Save as Preset: the name, and the fields the preset keeps from the selected picture, each
with what it will do to the pictures it is applied to (replace, or fill only if empty)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from copydesk.pictures.presets import FillMode, Preset, preset_from_metadata
from copydesk.qt.dialogs.closing import close_with_ctrl_w
from copydesk.qt.pictures.credit_messages import field_label
from copydesk.qt.pictures.picture_model import licence_name
from copydesk.records.picture import PictureMetadata


class SavePresetDialog(QDialog):
    def __init__(self, metadata: PictureMetadata, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        close_with_ctrl_w(self)
        self.setWindowTitle(self.tr("Save as Preset"))
        self.resize(560, 420)
        self._metadata = metadata
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("For example: Agency staff, Handout"))
        self.fields = QTreeWidget(self)
        self.fields.setObjectName("presetFields")
        self.fields.setRootIsDecorated(False)
        self.fields.setHeaderLabels([self.tr("Field"), self.tr("Value"), self.tr("When applied")])
        kept = preset_from_metadata("-", metadata).fields
        for field, value in kept:
            action = (
                self.tr("Replaces")
                if value.mode is FillMode.OVERWRITE
                else self.tr("Fills if empty")
            )
            shown = licence_name(value.value) if field == "licence_id" else value.value
            self.fields.addTopLevelItem(QTreeWidgetItem([field_label(field), shown, action]))
        self.fields.resizeColumnToContents(0)
        intro = QLabel(
            self.tr(
                "The preset keeps the rights and credit fields this picture fills in; never"
                " its caption, alt text or date."
            )
            if kept
            else self.tr("This picture has no rights or credit field filled in: nothing to keep."),
            self,
        )
        intro.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._update)
        form = QFormLayout()
        form.addRow(self.tr("Preset name:"), self.name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(intro)
        layout.addWidget(self.fields, 1)
        layout.addWidget(self.buttons)
        self._has_fields = bool(kept)
        self._update()

    def _update(self) -> None:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        button.setEnabled(self._has_fields and bool(self.name.text().strip()))

    def kept_fields(self) -> list[str]:
        items = (self.fields.topLevelItem(row) for row in range(self.fields.topLevelItemCount()))
        return [item.text(0) for item in items if item is not None]

    def preset(self) -> Preset:
        return preset_from_metadata(self.name.text().strip(), self._metadata)
