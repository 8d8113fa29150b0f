"""Settings chosen before Qt starts: the software scene graph when there is no GPU."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copydesk.qt import app

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux devices")


@linux_only
def test_no_render_node_means_no_gpu(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QSG_RHI_BACKEND", raising=False)
    assert app._without_gpu(tmp_path / "missing")
    assert app._without_gpu(tmp_path)
    (tmp_path / "card0").touch()
    assert app._without_gpu(tmp_path)  # a display card without a render node
    (tmp_path / "renderD128").touch()
    assert not app._without_gpu(tmp_path)


@linux_only
def test_a_chosen_backend_is_respected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QSG_RHI_BACKEND", "opengl")
    assert not app._without_gpu(tmp_path)


def test_software_scene_graph_without_gpu(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QT_QUICK_BACKEND", raising=False)
    monkeypatch.delenv("QT_XCB_GL_INTEGRATION", raising=False)
    monkeypatch.setattr(app, "_without_gpu", lambda: True)
    app.prepare_environment()
    assert app.os.environ["QT_QUICK_BACKEND"] == "software"
    assert app.os.environ["QT_XCB_GL_INTEGRATION"] == "none"  # no Mesa mapped for nothing
    monkeypatch.setenv("QT_QUICK_BACKEND", "rhi")  # the user's choice stands
    app.prepare_environment()
    assert app.os.environ["QT_QUICK_BACKEND"] == "rhi"
    monkeypatch.delenv("QT_QUICK_BACKEND")
    monkeypatch.delenv("QT_XCB_GL_INTEGRATION")
    monkeypatch.setattr(app, "_without_gpu", lambda: False)
    app.prepare_environment()
    assert "QT_QUICK_BACKEND" not in app.os.environ
    assert "QT_XCB_GL_INTEGRATION" not in app.os.environ
