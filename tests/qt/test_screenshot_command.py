"""``copydesk screenshot`` run as a user would: a separate process, offscreen."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage

from copydesk.qt.screenshot import is_blank
from tests.helpers import COPYDESK, opened


@pytest.fixture
def sample_library(library_path: Path) -> Path:
    with opened(library_path, sample=True):
        pass
    return library_path


def run_copydesk(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # it sets its own
    return subprocess.run(
        [str(COPYDESK), *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_screenshot_is_a_non_blank_png_of_the_requested_size(
    sample_library: Path, tmp_path: Path
) -> None:
    out = tmp_path / "window.png"
    result = run_copydesk(
        "--library", str(sample_library), "screenshot", "--out", str(out), "--size", "1200x800"
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 800)
    assert not is_blank(image)
    right_third = image.copy(QRect(800, 100, 400, 600))
    assert not is_blank(right_third), "the preview shows nothing"
    assert not list(tmp_path.glob(".*partial"))


def test_screenshot_of_a_chosen_article(sample_library: Path, tmp_path: Path) -> None:
    out = tmp_path / "article.png"
    slug = "a-saint-aubin-des-pres-les-toits-de-la-mairie-produiront-l-electricite-de-600"
    result = run_copydesk(
        "--library", str(sample_library), "screenshot", "--out", str(out), "--article", slug
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 900)


def test_screenshot_of_an_unknown_article_fails_clearly(
    sample_library: Path, tmp_path: Path
) -> None:
    out = tmp_path / "none.png"
    result = run_copydesk(
        "--library", str(sample_library), "screenshot", "--out", str(out), "--article", "nope"
    )
    assert result.returncode == 1
    assert "no article with the slug “nope”" in result.stderr
    assert not out.exists()


def test_screenshot_needs_an_existing_library_and_folder(
    library_path: Path, tmp_path: Path
) -> None:
    result = run_copydesk(
        "--library", str(library_path), "screenshot", "--out", str(tmp_path / "x.png")
    )
    assert result.returncode == 1 and "no Copydesk library" in result.stderr
    assert not library_path.exists()
    result = run_copydesk(
        "--library", str(library_path), "screenshot", "--out", str(tmp_path / "missing" / "x.png")
    )
    assert result.returncode == 1 and "does not exist" in result.stderr


@pytest.mark.parametrize("view", ["pictures", "export"])
def test_screenshot_of_the_picture_library_and_of_an_export_report(
    library_path: Path, tmp_path: Path, view: str
) -> None:
    created = run_copydesk("library", "new", str(library_path))  # both samples, with pictures
    assert created.returncode == 0, created.stderr
    out = tmp_path / f"{view}.png"
    slug = "port-ellen-turns-its-empty-ferry-terminal-into-a-library-open-until-midnight"
    result = run_copydesk(
        "--library", str(library_path), "screenshot", "--out", str(out), "--view", view,
        "--article", slug, "--size", "1200x800",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert not image.isNull() and not is_blank(image)
    if view == "pictures":
        assert (image.width(), image.height()) == (1200, 800)
    else:  # the refusal: a dialog, smaller than the window
        assert image.width() < 1200 and image.height() < 800
