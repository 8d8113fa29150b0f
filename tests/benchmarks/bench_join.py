"""Joining a desk of 100,000 articles (issue 23): (a) how long until the replica's list is
usable: the desk's 50 most recently changed articles are in the replica (its first page);
(b) the whole first pull; (c) the memory of the process during the pull, above its value
with the empty library open. Targets: (a) <= 60 s; (c) <= 150 MiB.

The newsroom is bench_server_search's generator (articles of about 120 words written with
COPY into a PostgreSQL server of its own, kept under the benchmark cache between runs); a
fifth of them belong to another desk. The join runs as ``copydesk newsroom join`` does
(``copydesk.sync.operations.join``) on a thread, while this one samples the process's
resident memory and watches the replica's list.

    .venv/bin/python tests/benchmarks/bench_join.py [--articles 125000]
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench_server_search import GENERATOR_VERSION, PASSWORD, PERSON, _build
from benchlib import Figure, report
from sqlalchemy import func, select
from tests.support.postgres import PostgresServer

from copydesk.library.db import open_library
from copydesk.library.models import Article
from copydesk.records.article import PAGE_SIZE
from copydesk.sync import operations
from copydesk.sync.server.migrations import HEAD_REVISION

USABLE_MS = 60_000
MEMORY_TARGET_MIB = 150
DESK = "Politique"
SAMPLE_EVERY = 0.1  # seconds


def resident_mib() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=125_000)
    args = parser.parse_args()

    cache = Path(
        os.environ.get("COPYDESK_BENCH_CACHE", Path(tempfile.gettempdir()) / "copydesk-bench")
    )
    server = PostgresServer(cache / "postgres")
    server.start()
    dbname = f"search_g{GENERATOR_VERSION}_{HEAD_REVISION}_{args.articles}"
    _build(server, dbname, args.articles)
    with server.admin_connect(dbname) as connection:
        newest = {
            str(row[0])
            for row in connection.execute(
                "SELECT uuid FROM copydesk.items i JOIN copydesk.desks d ON d.id = i.desk_id"
                " WHERE d.name = %s AND i.kind = 'article' AND NOT i.deleted"
                " ORDER BY i.updated_at DESC LIMIT %s",
                (DESK, PAGE_SIZE),
            )
        }
        (desk_articles,) = connection.execute(
            "SELECT count(*) FROM copydesk.items i JOIN copydesk.desks d ON d.id = i.desk_id"
            " WHERE d.name = %s",
            (DESK,),
        ).fetchone() or (0,)

    folder = Path(tempfile.mkdtemp(prefix="copydesk-join-"))
    library = open_library(folder / "replica.copydesk", create=True)
    empty = resident_mib()
    url = server.url(dbname, PERSON, PASSWORD)
    outcome: list[object] = []
    progress: list[tuple[int, int]] = []

    def join() -> None:
        try:
            outcome.append(
                operations.join(library, url, DESK, progress=lambda d, t: progress.append((d, t)))
            )
        except Exception as error:  # said below, not swallowed
            outcome.append(error)

    started = time.perf_counter()
    worker = threading.Thread(target=join, name="join")
    worker.start()
    peak, usable, checked = empty, None, 0.0
    while worker.is_alive():
        worker.join(SAMPLE_EVERY)
        peak = max(peak, resident_mib())
        now = time.perf_counter()
        if usable is None and now - checked >= 1.0:
            checked = now
            with library.read() as session:
                held = session.scalar(
                    select(func.count()).select_from(Article).where(Article.uuid.in_(newest))
                )
            if held == len(newest):
                usable = now - started
    total = time.perf_counter() - started
    library.close()
    if outcome and isinstance(outcome[0], Exception):
        raise outcome[0]

    above = peak - empty
    memory_met = above <= MEMORY_TARGET_MIB
    ok = report(
        "Joining a desk",
        [
            Figure("(a) first page of the list usable", [(usable or total) * 1000], USABLE_MS),
            Figure("(b) the whole first pull", [total * 1000]),
        ],
        [
            f"{desk_articles:,} articles on the desk {DESK} (of {args.articles:,}), PostgreSQL"
            f" over TCP; {len(progress)} progress reports",
            f"(c) memory above the empty library: {above:.0f} MiB"
            f" ({empty:.0f} MiB empty, {peak:.0f} MiB at the peak),"
            f" target <= {MEMORY_TARGET_MIB} MiB {'met' if memory_met else 'MISSED'}",
            f"{platform.node()}: {os.cpu_count()} CPUs, Python {platform.python_version()}",
        ],
    )
    ok = ok and memory_met
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
