"""Exporting a whole library to an archive and importing it into an empty library, in
constant memory (issue 23).

The library is bench_search's generated one (``--articles``, 10,000 by default; 100,000 for
issue 23's replica). Each export and import runs in a process of its own, beside one that only
opens the library; their peak resident memory (the kernel's ``ru_maxrss``) is compared.
Target: each one's peak at most 150 MiB above the opening's, whatever the library's size.

    .venv/bin/python tests/benchmarks/bench_archive.py [--articles 10000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_search import cached_library
from benchlib import Figure, report

MEMORY_MARGIN_MIB = 150

_OPEN_ONLY = """
import sys
from copydesk.library.db import open_library
open_library(sys.argv[1]).close()
"""
_EXPORT = """
import sys
from copydesk.exchange.archive.export import export_library
from copydesk.library.db import open_library
library = open_library(sys.argv[1])
export_library(library, sys.argv[2])
library.close()
"""
_IMPORT = """
import sys
from copydesk.exchange.archive.restore import import_library
from copydesk.library.db import open_library
library = open_library(sys.argv[1], create=True)
import_library(library, sys.argv[2])
library.close()
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    library = cached_library(args.articles)
    size_mib = library.stat().st_size / 2**20
    exports: list[float] = []
    margins: list[float] = []
    imports: list[float] = []
    import_margins: list[float] = []
    archive_mib = 0.0
    with tempfile.TemporaryDirectory(prefix="copydesk-bench-") as folder:
        for round_number in range(args.rounds):
            opened, _ = _isolated(_OPEN_ONLY, str(library))
            target = Path(folder) / f"library-{round_number}.zip"
            exported, elapsed = _isolated(_EXPORT, str(library), str(target))
            exports.append(elapsed)
            margins.append(exported - opened)
            archive_mib = target.stat().st_size / 2**20
            restored = Path(folder) / f"restored-{round_number}.copydesk"
            imported, elapsed = _isolated(_IMPORT, str(restored), str(target))
            imports.append(elapsed)
            import_margins.append(imported - opened)
            target.unlink()
            for leftover in Path(folder).glob(f"restored-{round_number}*"):
                if leftover.is_file():
                    leftover.unlink()
    ok = report(
        "Library archive export and import",
        [
            Figure("export: wall time", exports),
            Figure("export: peak memory above opening (MiB)", margins, MEMORY_MARGIN_MIB),
            Figure("import: wall time", imports),
            Figure("import: peak memory above opening (MiB)", import_margins, MEMORY_MARGIN_MIB),
        ],
        [
            f"{args.articles:,} articles of ~1,000 words, library {size_mib:,.0f} MiB,"
            f" archive {archive_mib:,.0f} MiB, {args.rounds} rounds (the import into an empty"
            " library beside the archive)",
            f"{platform.node()}: {os.cpu_count()} CPUs, Python {platform.python_version()}",
            "memory: the kernel's peak resident set (ru_maxrss) of each process; the 'ms'"
            " column of the memory lines reads as MiB",
        ],
    )
    return 0 if ok else 1


def _isolated(script: str, *arguments: str) -> tuple[float, float]:
    """Peak RSS (MiB) and wall time (ms) of ``script`` in a fresh interpreter, measured by a
    parent of its own (the kernel keeps one maximum for all of a process's children)."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "started = time.perf_counter()\n"
        "subprocess.run([sys.executable, '-c', sys.argv[1], *sys.argv[2:]], check=True)\n"
        "elapsed = (time.perf_counter() - started) * 1000\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(peak, elapsed)\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", probe, script, *arguments],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return float(output[0]), float(output[1])


if __name__ == "__main__":
    sys.exit(main())
