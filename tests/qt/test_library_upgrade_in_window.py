"""A library written by an older Copydesk opened in the window: the person is told that it
is being upgraded (a large library's search index is rebuilt, which takes minutes), then it
opens as any other."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from tests.helpers import FIXTURES
from tests.qt.conftest import MakeWindow

UPGRADING = "Upgrading the library for this version of Copydesk"


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text a label of the window was given, in order."""
    texts: list[str] = []
    real = QLabel.setText

    def recording(label: QLabel, text: str) -> None:
        texts.append(text)
        real(label, text)

    monkeypatch.setattr(QLabel, "setText", recording)
    return texts


def test_an_older_library_says_it_is_being_upgraded(
    make_window: MakeWindow, tmp_path: Path, said: list[str]
) -> None:
    path = tmp_path / "old.copydesk"
    shutil.copy(FIXTURES / "libraries" / "0010.copydesk", path)
    window = make_window(path)
    assert any(text.startswith(UPGRADING) for text in said)
    assert window.library is not None and window.current is not None
    assert not window.save_label.text().startswith(UPGRADING)  # done: it says so no more


def test_a_current_library_opens_without_that(
    make_window: MakeWindow, library_path: Path, said: list[str]
) -> None:
    make_window(library_path)
    assert not any(text.startswith(UPGRADING) for text in said)
