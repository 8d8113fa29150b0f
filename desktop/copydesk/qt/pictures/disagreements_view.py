"""Where a picture's file disagrees with itself (its IIM, XMP or EXIF give different values
for one field): each field with its values, each value a button that picks it.

A pick is one undo step: ``picked`` carries the field's new value and the settled
disagreements, applied as a suggested fix is. The value picked is written to IIM and XMP
alike on export.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QWidget

from copydesk.pictures import disagreements
from copydesk.qt.labels import fill
from copydesk.qt.pictures.credit_messages import field_label
from copydesk.records.picture import PictureMetadata

translate = QCoreApplication.translate


class DisagreementsView(QFrame):
    """Hidden while the file agrees with itself."""

    picked = Signal(object)  # dict[str, str]: the field values that settle a disagreement

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metadataDisagreements")
        self.setStyleSheet("#metadataDisagreements { background: #fff3e0; border-radius: 3px; }")
        self._shown = ""
        self._metadata = PictureMetadata()
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(6, 4, 6, 4)
        self.buttons: list[QPushButton] = []
        self.hide()

    def show_disagreements(self, metadata: PictureMetadata) -> None:
        self._metadata = metadata
        if metadata.disagreements == self._shown:
            return
        self._shown = metadata.disagreements
        self._clear()
        found = disagreements.disagreements_of(metadata)
        if not found:
            self.hide()
            return
        heading = QLabel(
            translate(
                "credits",
                "The file’s metadata disagrees with itself. Pick the value to keep for each "
                "field: it is written to IIM and XMP alike on export.",
            ),
            self,
        )
        heading.setWordWrap(True)
        self._grid.addWidget(heading, 0, 0, 1, 2)
        for row, disagreement in enumerate(found, 1):
            self._grid.addWidget(QLabel(field_label(disagreement.field), self), row, 0)
            self._grid.addWidget(self._choices(disagreement), row, 1)
        self.show()

    def _choices(self, disagreement: disagreements.Disagreement) -> QWidget:
        host = QWidget(self)
        layout = QGridLayout(host)
        layout.setContentsMargins(0, 0, 0, 0)
        shown = getattr(self._metadata, disagreement.field)
        for column, (value, sources) in enumerate(disagreement.choices()):
            text = fill(translate("credits", "“%1” (%2)"), [value, "/".join(sources)])
            button = QPushButton(text, host)
            button.setObjectName(f"pick-{disagreement.field}-{column}")
            button.setToolTip(
                translate("credits", "Keep this value (shown now)")
                if value == shown
                else translate("credits", "Use this value instead")
            )
            button.setDefault(False)
            button.setAutoDefault(False)
            field = disagreement.field
            button.clicked.connect(lambda _=False, f=field, v=value: self._pick(f, v))
            layout.addWidget(button, 0, column)
            self.buttons.append(button)
        layout.setColumnStretch(len(disagreement.choices()), 1)
        return host

    def _pick(self, field: str, value: str) -> None:
        self.picked.emit(disagreements.pick(self._metadata, field, value))

    def _clear(self) -> None:
        self.buttons = []
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
