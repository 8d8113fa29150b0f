"""Credit edits in the Picture Library as undoable steps: one step for a field typed, a fix
applied or a preset applied to the whole selection."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from copydesk.qt.pictures.picture_service import PictureService
from copydesk.records.picture import PictureMetadata


class SetMetadata(QUndoCommand):
    """New metadata for one or many pictures: one undo step."""

    def __init__(
        self,
        service: PictureService,
        changes: dict[int, tuple[PictureMetadata, PictureMetadata]],
        text: str,
    ) -> None:
        super().__init__(text)
        self._service = service
        self._changes = changes

    def redo(self) -> None:
        self._service.save({pid: new for pid, (_old, new) in self._changes.items()})

    def undo(self) -> None:
        self._service.save({pid: old for pid, (old, _new) in self._changes.items()})
