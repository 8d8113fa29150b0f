"""The newsroom server's search on an archive of 1,000,000 articles (issue 23).

A PostgreSQL server of its own (kept under the benchmark cache between runs), a newsroom at
the current schema, and articles written with COPY (about 120 words each, French and English,
Zipf-like word frequencies as in bench_search, a fifth of them on a desk the person searching
may not read), their word index built once at the end. Then two-word searches as a person
types them, through ``copydesk.sync.search.search_server`` over TCP as that person, and the
next page of each. Target: a two-word search <= 100 ms median, <= 250 ms p95.

    .venv/bin/python tests/benchmarks/bench_server_search.py [--articles 1000000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
import psycopg
from bench_search import SEED, TextMaker, vocabulary
from benchlib import Figure, report
from tests.support.postgres import PostgresServer

from copydesk.records.article import PAGE_SIZE
from copydesk.sync import search as server_search
from copydesk.sync.server.admin import Person, add_desk, add_person, init_newsroom
from copydesk.sync.server.connection import ServerAddress
from copydesk.sync.server.migrations import HEAD_REVISION

SEARCH_TARGET_MS = 100
SEARCH_P95_TARGET_MS = 250
GENERATOR_VERSION = 2
WORDS_PER_ARTICLE = 120
BATCH = 100_000
PERSON = "reader"
PASSWORD = "reader-password"

QUERIES = [
    "gouvernement ministre ",
    "président france ",
    "économiques budget ",  # French stemming: économique(s), économie
    "elections council ",  # English stemming
    "climat sécheresse ",
    "tribunal témoin ",
    "de la ",  # stop words in French, words in English
    "festival cin",  # a prefix being typed
    "ministre écon",
    "le pr",
]


def rare_queries() -> list[str]:
    """A word of the vocabulary's tail (about one article in 300) with a common one, and
    two tail words (almost never together)."""
    words = vocabulary(random.Random(SEED))[-300:]
    return [f"{words[0]} ministre ", f"{words[2]} président ", f"{words[4]} {words[5]} "]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    cache = Path(
        os.environ.get("COPYDESK_BENCH_CACHE", Path(tempfile.gettempdir()) / "copydesk-bench")
    )
    server = PostgresServer(cache / "postgres")
    server.start()
    dbname = f"search_g{GENERATOR_VERSION}_{HEAD_REVISION}_{args.articles}"
    _build(server, dbname, args.articles)
    queries = QUERIES + rare_queries()
    searches: list[float] = []
    pages: list[float] = []
    notes: dict[str, str] = {}
    with psycopg.connect(
        host=server.host, port=server.port, user=PERSON, password=PASSWORD, dbname=dbname
    ) as connection:
        for query in queries:  # warm the caches once
            server_search.search_server(connection, query)
        for _ in range(args.rounds):
            for query in queries:
                started = time.perf_counter()
                found = server_search.search_server(connection, query)
                elapsed = (time.perf_counter() - started) * 1000
                searches.append(elapsed)
                notes[query] = f"{len(found):>4} on the first page, {elapsed:6.1f} ms"
                if len(found) == PAGE_SIZE:
                    started = time.perf_counter()
                    server_search.search_server(connection, query, after=found[-1].place)
                    pages.append((time.perf_counter() - started) * 1000)
    ok = report(
        "Newsroom server search",
        [
            Figure("two-word search: first page", searches, SEARCH_TARGET_MS, SEARCH_P95_TARGET_MS),
            Figure("the next page", pages),
        ],
        [
            f"{args.articles:,} articles of ~{WORDS_PER_ARTICLE} words on PostgreSQL"
            f" {_version(server, dbname)}, {len(queries)} queries x {args.rounds} rounds",
            f"{platform.node()}: {os.cpu_count()} CPUs, Python {platform.python_version()}",
            *(f"  “{query.strip()}”: {line}" for query, line in notes.items()),
        ],
    )
    return 0 if ok else 1


def _build(server: PostgresServer, dbname: str, count: int) -> None:
    with server.admin_connect() as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (dbname,)).fetchone()
    if exists:
        return
    print(f"Generating {count:,} articles into the database {dbname} (once)…", flush=True)
    started = time.perf_counter()
    building = dbname + "_building"
    server.drop_database(building)
    server.create_database(building)
    address, password = ServerAddress.parse(server.url(building))
    init_newsroom(address, password)
    add_desk(address, "Politique", password)
    add_desk(address, "Sport", password)
    add_person(address, Person(PERSON, PASSWORD, ("Politique",), False), password)
    with server.admin_connect(building) as connection:
        # The word index is built once at the end: kept up to date row by row, it would
        # make the load ten times slower.
        connection.execute("DROP INDEX copydesk.items_search")
        desks = dict(connection.execute("SELECT name, id FROM copydesk.desks").fetchall())
        _copy_articles(connection, count, desks)
        print("  indexing the words…", flush=True)
        connection.execute("CREATE INDEX items_search ON copydesk.items USING gin (search)")
        connection.execute("SELECT setval('copydesk.change_seq', %s)", (count,))
        connection.execute("VACUUM ANALYZE copydesk.items")
    with server.admin_connect() as admin:
        admin.execute(f'ALTER DATABASE "{building}" RENAME TO "{dbname}"')
    print(f"  done in {time.perf_counter() - started:.0f} s", flush=True)


def _copy_articles(connection: psycopg.Connection[Any], count: int, desks: dict[str, int]) -> None:
    """Articles written by COPY, the words drawn in Python (bench_search's Zipf-like text);
    the server computes each one's words (the generated column) as it takes it."""
    maker = TextMaker(SEED)
    rng = maker.rng
    start = datetime(2023, 1, 1, tzinfo=UTC)
    columns = "uuid, kind, desk_id, version, seq, head_revision, content, updated_at, updated_by"
    with connection.cursor() as cursor:
        for first in range(0, count, BATCH):
            with cursor.copy(f"COPY copydesk.items ({columns}) FROM STDIN") as copy:
                for number in range(first, min(first + BATCH, count)):
                    content = {
                        "headline": maker.sentence(rng.randint(6, 12))[:-1],
                        "body": maker.paragraph(WORDS_PER_ARTICLE),
                        "language": "en" if number % 4 == 0 else "fr",
                        "status": "published",
                    }
                    desk = desks["Sport" if number % 5 == 0 else "Politique"]
                    changed = start + timedelta(seconds=rng.randrange(3 * 365 * 24 * 3600))
                    copy.write_row(
                        (uuid.UUID(int=rng.getrandbits(128)), "article", desk, 1, number + 1,
                         uuid.UUID(int=rng.getrandbits(128)), json.dumps(content), changed,
                         PERSON)
                    )  # fmt: skip
            print(f"  {min(first + BATCH, count):,} articles", flush=True)


def _version(server: PostgresServer, dbname: str) -> str:
    with server.admin_connect(dbname) as connection:
        row = connection.execute("SHOW server_version").fetchone()
    return str(row[0]).split()[0] if row else "?"


if __name__ == "__main__":
    sys.exit(main())
