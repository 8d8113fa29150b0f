"""Search in the article list: a library of 10,000 articles of about 1,000 words each
(``--articles 100000`` for issue 23's replica).

(a) the search the list runs while someone types (the first page and the count of the
matches), for two-word queries mixing common and rare words and prefixes being typed;
(b) opening the list (the first page and the count), as at start-up; (c) scrolling: the next
page of a search. Targets (issues 4 and 23): (a) median <= 30 ms and p95 <= 60 ms,
(b) median <= 15 ms, at 100,000 articles as at 10,000.

The library is generated once (deterministic text, Zipf-like word frequencies) and cached
under the temporary folder, keyed by the generator's version and the schema.

    .venv/bin/python tests/benchmarks/bench_search.py [--articles 10000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import cast

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import Figure, report
from sqlalchemy import insert

from copydesk.articles import operations
from copydesk.library.db import open_library
from copydesk.library.migrations import HEAD_REVISION
from copydesk.library.models import Article
from copydesk.records.article import ArticleList, ArticleQuery, ArticleStatus

SEARCH_TARGET_MS = 30
SEARCH_P95_TARGET_MS = 60
OPEN_TARGET_MS = 15
GENERATOR_VERSION = 1  # bump whenever the generated text changes
SEED = 20261124
WORDS_PER_ARTICLE = 1_000
VOCABULARY_SIZE = 4_000
INSERT_BATCH = 500

# The head of the vocabulary, most frequent first: real French and English words, as a
# bilingual newsroom writes them. The tail is made of invented words built from syllables.
_COMMON_TEXT = """
de la le et les des à en un une du the of and to in a que est pour dans qui sur par pas au
plus il elle on ne se ce sont avec is that for it as was with on be by this are at from
ont été sa son ses leur nous vous ils mais ou été aussi comme tout bien fait dit selon
have has not but or an they which their will would been were more one all its said
gouvernement président ministre pays ville France Europe Ukraine Paris Lyon Marseille
government president minister country city week year years people police report
année semaine jour mois millions euros projet école économie élection élus région
conseil municipal député sénat loi budget réforme santé hôpital médecins patients
entreprise emploi salariés grève syndicat transports train gare métro autoroute
climat énergie électricité nucléaire éolien solaire chaleur été hiver pluie sécheresse
agriculteurs récolte vigne vin marché prix inflation banque croissance dette impôts
justice tribunal procès enquête témoin victime accusé avocat juge peine prison
culture musée théâtre festival cinéma livre auteur concert exposition patrimoine
sport football match équipe joueur entraîneur victoire défaite championnat stade
schools hospital economy election council mayor budget reform health workers strike
climate energy power nuclear wind solar summer winter rain drought farmers harvest
court trial inquiry witness victim lawyer judge sentence prison culture museum
théâtre négociations diplomatie cessez-le-feu frontière armée soldats réfugiés aide
habitants quartier mairie maire association bénévoles fête village commune canton
"""
COMMON_WORDS = _COMMON_TEXT.split()

_SYLLABLE_TEXT = (
    "ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge gi go la le li lo lu "
    "ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti "
    "to tu va ve vi vo tré gné cha che chi cho ment tion eur ière ard elle oux ville"
)
SYLLABLES = _SYLLABLE_TEXT.split()


def vocabulary(rng: random.Random) -> list[str]:
    words = list(dict.fromkeys(COMMON_WORDS))
    seen = set(words)
    while len(words) < VOCABULARY_SIZE:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


class TextMaker:
    """Sentences drawn from the vocabulary with Zipf-like frequencies (weight 1/rank)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.words = vocabulary(self.rng)
        self.cumulative = list(
            itertools.accumulate(1 / rank for rank in range(1, len(self.words) + 1))
        )

    def sentence(self, length: int) -> str:
        words = self.rng.choices(self.words, cum_weights=self.cumulative, k=length)
        return " ".join(words).capitalize() + "."

    def paragraph(self, words: int) -> str:
        sentences = []
        while words > 0:
            length = min(words, self.rng.randint(8, 28))
            sentences.append(self.sentence(length))
            words -= length
        return " ".join(sentences)

    def body(self, words: int) -> str:
        paragraphs = []
        while words > 0:
            length = min(words, self.rng.randint(60, 140))
            paragraphs.append(self.paragraph(length))
            words -= length
        return "\n\n".join(paragraphs)


def article_rows(count: int) -> Iterator[dict[str, object]]:
    maker = TextMaker(SEED)
    rng = maker.rng
    statuses = [ArticleStatus.PUBLISHED] * 7 + [
        ArticleStatus.DRAFT,
        ArticleStatus.IN_REVIEW,
        ArticleStatus.READY,
    ]
    start = datetime(2023, 1, 1, tzinfo=UTC)
    for number in range(count):
        # Last changes spread over three years, unrelated to the order of creation.
        updated = start + timedelta(seconds=rng.randrange(3 * 365 * 24 * 3600))
        yield {
            "uuid": str(uuid.UUID(int=rng.getrandbits(128))),
            "slug": f"article-{number}",
            "language": rng.choice(["fr", "fr", "fr", "en"]),
            "dateline_date": date(2025, 1, 1) + timedelta(days=number % 700),
            "edition": "France",
            "kicker": maker.sentence(4)[:-1],
            "headline": maker.sentence(rng.randint(6, 12))[:-1],
            "standfirst": maker.paragraph(rng.randint(25, 40)),
            "body": maker.body(WORDS_PER_ARTICLE),
            "related_title": "",
            "status": rng.choice(statuses),
            "created_at": updated - timedelta(hours=rng.randint(1, 500)),
            "updated_at": updated,
            "version": 1,
        }


def build_library(path: Path, count: int) -> None:
    """Bulk inserts in one transaction (the triggers index each row as it goes in)."""
    temporary = path.with_name(path.name + ".building")
    for leftover in temporary.parent.glob(temporary.name + "*"):
        leftover.unlink()
    library = open_library(temporary, create=True)
    try:
        with library.write() as session:
            rows = article_rows(count)
            while batch := list(itertools.islice(rows, INSERT_BATCH)):
                session.execute(insert(Article), batch)
        with library.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        library.close()
    temporary.replace(path)


def cached_library(count: int) -> Path:
    folder = Path(
        os.environ.get("COPYDESK_BENCH_CACHE", Path(tempfile.gettempdir()) / "copydesk-bench")
    )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"search-g{GENERATOR_VERSION}-s{HEAD_REVISION}-{count}.copydesk"
    if not path.exists():
        print(f"Generating {count:,} articles into {path} (once)…", flush=True)
        started = time.perf_counter()
        build_library(path, count)
        print(f"  done in {time.perf_counter() - started:.0f} s", flush=True)
    return path


# Two-word queries as the list runs them: common with common, common with rare, rare with
# rare, words being typed (prefixes), accents left out, and a status filter.
QUERIES: list[ArticleQuery] = [
    ArticleQuery("de la"),
    ArticleQuery("the of"),
    ArticleQuery("gouvernement ministre"),
    ArticleQuery("président France"),
    ArticleQuery("ecole economie"),
    ArticleQuery("climat sécheresse"),
    ArticleQuery("tribunal témoin"),
    ArticleQuery("football vigne"),
    ArticleQuery("de g"),  # the "g" is left out until a second letter comes
    ArticleQuery("de go"),
    ArticleQuery("le pr"),
    ArticleQuery("ministre écon"),
    ArticleQuery("festival cin"),
    ArticleQuery("économi"),  # a longer prefix: read without a prefix index
    ArticleQuery("gouvern"),
    ArticleQuery("de la", ArticleStatus.DRAFT),
    ArticleQuery("prison nucl", ArticleStatus.PUBLISHED),
]


def rare_queries() -> list[ArticleQuery]:
    """Two invented words from the tail of the vocabulary (a handful of articles each)."""
    words = vocabulary(random.Random(SEED))[-300:]
    return [ArticleQuery(f"{words[i]} {words[i + 1]}") for i in range(0, 8, 2)]


def timed(action: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()
    return (time.perf_counter() - started) * 1000, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    library = open_library(cached_library(args.articles))
    try:
        queries = QUERIES + rare_queries()
        operations.search_articles(library, ArticleQuery())  # warm the page cache
        searches: list[float] = []
        scrolls: list[float] = []
        matches: dict[ArticleQuery, str] = {}
        slowest: dict[ArticleQuery, float] = {}
        for _ in range(args.rounds):
            for query in queries:
                elapsed, found = timed(lambda q=query: operations.search_articles(library, q))
                listing = cast(ArticleList, found)
                searches.append(elapsed)
                matches[query] = f"{'' if listing.count_is_exact else '>'}{listing.count}"
                slowest[query] = max(slowest.get(query, 0.0), elapsed)
                if listing.after is not None:
                    after = listing.after
                    scrolls.append(
                        timed(lambda q=query, a=after: operations.more_articles(library, q, a))[0]
                    )
        openings = [
            timed(lambda: operations.search_articles(library, ArticleQuery()))[0]
            for _ in range(args.rounds * 4)
        ]
    finally:
        library.close()

    notes = [
        f"{args.articles:,} articles of ~{WORDS_PER_ARTICLE:,} words,"
        f" {len(queries)} queries x {args.rounds} rounds",
        f"{platform.node()}: {os.cpu_count()} CPUs, Python {platform.python_version()}",
    ]
    notes += [
        f"  {_describe(query):<32} {matches[query]:>7} matches, slowest {slowest[query]:6.1f} ms"
        for query in queries
    ]
    ok = report(
        "Article list search",
        [
            Figure(
                "(a) search: first page + count", searches, SEARCH_TARGET_MS, SEARCH_P95_TARGET_MS
            ),
            Figure("(b) open the list: first page + count", openings, OPEN_TARGET_MS),
            Figure("(c) scroll a search: next page", scrolls),
        ],
        notes,
    )
    return 0 if ok else 1


def _describe(query: ArticleQuery) -> str:
    status = f" [{query.status.value}]" if query.status else ""
    return f"“{query.text}”{status}"


if __name__ == "__main__":
    sys.exit(main())
