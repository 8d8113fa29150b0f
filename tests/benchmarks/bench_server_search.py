"""The newsroom server's search on an archive of 1,000,000 articles (issue 23).

A PostgreSQL server of its own (kept under the benchmark cache between runs), a newsroom at
the current schema, and articles generated in SQL with ``generate_series`` (about 120 words
each, French and English, Zipf-like word frequencies, a fifth of them on a desk the person
searching may not read). Then two-word searches as a person types them, through
``copydesk.sync.search.search_server`` over TCP as that person (row-level security on), and
the next page of each. Target: a two-word search <= 100 ms median, <= 250 ms p95.

    .venv/bin/python tests/benchmarks/bench_server_search.py [--articles 1000000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
import psycopg
from bench_search import SEED, vocabulary
from benchlib import Figure, report
from tests.support.postgres import PostgresServer

from copydesk.records.article import PAGE_SIZE
from copydesk.sync import search as server_search
from copydesk.sync.server.admin import Person, add_desk, add_person, init_newsroom
from copydesk.sync.server.connection import ServerAddress
from copydesk.sync.server.migrations import HEAD_REVISION

SEARCH_TARGET_MS = 100
SEARCH_P95_TARGET_MS = 250
GENERATOR_VERSION = 1
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
    words = vocabulary(random.Random(SEED))[-300:]
    return [f"{words[i]} {words[i + 1]} " for i in range(0, 8, 2)]


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
    words = vocabulary(random.Random(SEED))
    with server.admin_connect(building) as connection:
        connection.execute("CREATE TEMPORARY TABLE vocabulary AS SELECT %s::text[] AS w", (words,))
        for first in range(0, count, BATCH):
            connection.execute(_INSERT, {"first": first + 1, "last": min(first + BATCH, count)})
            print(f"  {min(first + BATCH, count):,} articles", flush=True)
        connection.execute("VACUUM ANALYZE copydesk.items")
    with server.admin_connect() as admin:
        admin.execute(f'ALTER DATABASE "{building}" RENAME TO "{dbname}"')
    print(f"  done in {time.perf_counter() - started:.0f} s", flush=True)


# Words drawn with a weight of about 1/rank: power(n, random()) is log-uniform over 1..n.
# "+ 0 * n" ties each subquery to its row, so that PostgreSQL draws every article anew, and
# "+ 0 * i" makes string_agg the subquery's aggregate (of its words), not the outer query's.
_DRAWN = "floor(power(cardinality(v.w), random()))::int + 0 * i"
_INSERT = f"""
INSERT INTO copydesk.items (uuid, kind, desk_id, version, seq, head_revision, content,
                            updated_at, updated_by)
SELECT gen_random_uuid(), 'article',
       CASE WHEN n %% 5 = 0 THEN (SELECT id FROM copydesk.desks WHERE name = 'Sport')
            ELSE (SELECT id FROM copydesk.desks WHERE name = 'Politique') END,
       1, nextval('copydesk.change_seq'), gen_random_uuid(),
       jsonb_build_object(
           'headline', (SELECT string_agg(v.w[{_DRAWN}], ' ')
                        FROM generate_series(1, 8 + (n %% 5)) AS g(i)),
           'body', (SELECT string_agg(v.w[{_DRAWN}], ' ')
                    FROM generate_series(1, {WORDS_PER_ARTICLE} + 0 * n) AS g(i)),
           'language', CASE WHEN n %% 4 = 0 THEN 'en' ELSE 'fr' END,
           'status', 'published'),
       timestamptz '2023-01-01' + (random() * interval '1095 days'),
       'reader'
FROM generate_series(%(first)s::int, %(last)s::int) AS n, vocabulary v
"""


def _version(server: PostgresServer, dbname: str) -> str:
    with server.admin_connect(dbname) as connection:
        row = connection.execute("SHOW server_version").fetchone()
    return str(row[0]).split()[0] if row else "?"


if __name__ == "__main__":
    sys.exit(main())
