"""The installable bundle (issue 19): its size unpacked and compressed, and its start-up
beside `make run`'s, the two started in turn under the same Xvfb.

Builds the bundle from packaging/copydesk.spec into a temporary folder (about half a minute),
packs it as `make bundle` does (xz), then starts each Copydesk --runs times, alternating, on the
sample library, and reads the first paint from the application's start-up marks.
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_startup import environment, run_once
from benchlib import Figure, record, report, x_display

import copydesk
from copydesk.articles.sample import add_sample_article
from copydesk.library.db import open_library

ROOT = Path(__file__).resolve().parents[2]
UNPACKED_TARGET_MB = 480
COMPRESSED_TARGET_MB = 200
START_RATIO_TARGET = 1.3


def build(work: Path) -> Path:
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
            str(ROOT / "packaging" / "copydesk.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    return work / "dist" / "copydesk"


def megabytes(folder: Path) -> float:
    """What the files take, each counted once (the bundle links some libraries twice)."""
    files = [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]
    return sum(path.stat().st_size for path in files) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    compileall.compile_dir(Path(copydesk.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory(prefix="copydesk-bundle-") as tmp:
        work = Path(tmp)
        bundle = build(work)
        unpacked = megabytes(bundle)
        archive = work / "copydesk.tar.xz"
        subprocess.run(  # as make bundle packs it
            f"tar -C {bundle.parent} -cf - copydesk | xz -T0 -6 > {archive}", shell=True, check=True
        )
        compressed = archive.stat().st_size / 1e6
        library = work / "bench.copydesk"
        open_library(library, create=True, on_create=add_sample_article).close()
        commands = {"make run": None, "bundle": bundle / "copydesk"}
        paints: dict[str, list[float]] = {name: [] for name in commands}
        with x_display() as display:
            env = environment(work, library, display)
            for _ in range(args.runs + 1):  # the first round warms the caches up, unrecorded
                for name, command in commands.items():
                    paints[name].append(run_once(env, command)["first-paint"])
    paints = {name: samples[1:] for name, samples in paints.items()}
    ratio = statistics.median(paints["bundle"]) / statistics.median(paints["make run"])
    figures = [
        Figure("start → first paint, bundle", paints["bundle"]),
        Figure("start → first paint, make run", paints["make run"]),
    ]
    report(
        "The bundle: size, and start-up beside make run (sample library, Xvfb)",
        figures,
        [f"{args.runs} runs each, alternating, after one warm-up round"],
    )
    checks = [
        ("unpacked", unpacked, UNPACKED_TARGET_MB, "MB"),
        ("compressed (.tar.xz)", compressed, COMPRESSED_TARGET_MB, "MB"),
        ("first paint, bundle / make run", ratio, START_RATIO_TARGET, "×"),
    ]
    for name, value, target, unit in checks:
        verdict = "met" if value <= target else "MISSED"
        print(f"  {name:<44} {value:>8.2f} {unit}  target <= {target} {unit} {verdict}")
    record("bundle", figures)
    return 0 if all(value <= target for _, value, target, _ in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
