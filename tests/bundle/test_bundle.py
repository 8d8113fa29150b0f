"""The installable bundle (issue 19), built from packaging/copydesk.spec and started as a
person would start it: its own Python, Qt, Chromium, libexiv2, migrations and resources, none
from this checkout's virtual environment.

The build takes about half a minute; it runs once for the whole module.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
from PIL import Image

from tests.helpers import SHARED

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "copydesk.spec"
ARTICLE = """---
headline: Le port rouvre après l’hiver
standfirst: La traversée reprend lundi avec de nouveaux horaires.
authors: [Camille Perrin]
language: fr
status: ready
---

Le bac *Marguerite* reprend du service lundi matin.

## De nouveaux horaires

Six traversées par jour, la première à 7 heures.
"""
SLUG = "le-port-rouvre-apres-l-hiver"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("bundle")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "ERROR",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(SPEC),
        ],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    binary = work / "dist" / "copydesk" / "copydesk"
    assert binary.is_file()
    return binary


@pytest.fixture
def run(bundle: Path, tmp_path: Path) -> Iterator[object]:
    library = tmp_path / "desk.copydesk"
    # Nothing from this checkout may leak in: no PYTHONPATH, no virtual environment.
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("PYTHON", "VIRTUAL_ENV", "QT_"))
    }
    env.update(
        LANGUAGE="en",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )

    def copydesk(
        *arguments: str, ok: bool = True, **extra: str
    ) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [str(bundle), "--library", str(library), *arguments],
            env={**env, **extra},
            capture_output=True,
            text=True,
            timeout=120,
        )
        if ok:
            assert done.returncode == 0, done.stderr
        return done

    yield copydesk


def test_the_bundle_starts_from_its_own_files(bundle: Path) -> None:
    assert ".venv" not in str(bundle)
    licences = bundle.parent / "_internal" / "licences"
    assert "GNU GENERAL PUBLIC LICENSE" in (licences / "LICENSE").read_text(encoding="utf-8")
    bundled = (licences / "THIRD-PARTY.txt").read_text(encoding="utf-8")
    for name in ("PySide6_Essentials", "SQLAlchemy", "pyexiv2", "psycopg-binary", "Pillow"):
        assert f"\n{name} " in bundled or f"\n{name.lower()} " in bundled, name
    done = subprocess.run([str(bundle), "--version"], capture_output=True, text=True, check=True)
    assert done.stdout.startswith("Copydesk ")


def test_the_bundle_does_the_work_of_a_desk(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("library", "new", "--empty", str(tmp_path / "desk.copydesk"))

    # A plain-text article: its picture's credit has three problems, and check says so.
    run("import", str(SHARED / "seed" / "reference-article.txt"))
    listed = json.loads(run("list", "--json").stdout)
    [reference] = listed
    checked = run("check", reference["slug"], "--json", ok=False)
    assert checked.returncode == 1
    assert {problem["code"] for problem in json.loads(checked.stdout)} >= {"picture.awaiting_file"}

    # A picture: its IPTC metadata read through the bundled libexiv2.
    run("pictures", "import", str(SHARED / "images" / "IPTC-PhotometadataRef-Std2017.1.jpg"))
    pictures = json.loads(run("pictures", "list", "--json").stdout)
    [picture] = [found for found in pictures if not found["awaiting_file"]]
    assert picture["fields"]["creator"] == "Creator1 (ref2017.1), Creator2 (ref2017.1)"

    # A clean article exports to a package whose ninjs the IPTC schema accepts.
    (tmp_path / "port.md").write_text(ARTICLE, encoding="utf-8")
    run("import", str(tmp_path / "port.md"))
    run("export", SLUG, "--out", str(tmp_path / "out"))
    ninjs = json.loads((tmp_path / "out" / SLUG / "article.ninjs.json").read_text("utf-8"))
    schema = json.loads((SHARED / "ninjs" / "ninjs-schema_3.1.json").read_text("utf-8"))
    jsonschema.validate(ninjs, schema)
    assert "Le port rouvre après l’hiver" in json.dumps(ninjs, ensure_ascii=False)

    # The window, offscreen, with the article's preview drawn by the bundled Chromium.
    shot = tmp_path / "window.png"
    run(
        "screenshot", "--out", str(shot), "--article", SLUG, "--size", "1200x800",
        QT_QPA_PLATFORM="offscreen",
    )  # fmt: skip
    with Image.open(shot) as image:
        assert image.size == (1200, 800)
        preview = image.convert("L").crop((640, 120, 900, 400))  # the preview's headline
        darkest, lightest = preview.getextrema()
    assert lightest - darkest > 100  # text on the page, not a blank pane


def test_the_bundle_installs_itself_on_the_desktop_and_out_again(
    run,
    bundle: Path,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    data = tmp_path / "data"  # the run fixture's XDG_DATA_HOME
    run("install-desktop")
    entry = (data / "applications" / "copydesk.desktop").read_text(encoding="utf-8")
    assert f"\nExec={bundle.resolve()} %f\n" in entry  # this bundle, wherever it was unpacked
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / "copydesk.png").is_file()
    run("install-desktop", "--uninstall")
    assert not (data / "applications" / "copydesk.desktop").exists()
