"""The Picture Library at 50,000 pictures (issue 23): (a) opening it: the first page of the
list, judged, with the count; (b) a filter by status or licence; (c) a search (words in the
file name, creator, credit, caption); (d) scrolling: the next page. Targets: (a) median
<= 300 ms; (b) median <= 50 ms. Also printed: judging every picture once (what a library
migrated from an older Copydesk, or a change of the judgement's settings, costs in the
background, a batch at a time).

The library holds picture rows only (no files: the list never decodes a picture; thumbnails
come from the cache as rows are shown). It is generated once, deterministic, and cached
under the temporary folder, keyed by the generator's version and the schema.

    .venv/bin/python tests/benchmarks/bench_picture_library.py [--pictures 50000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import hashlib
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import Figure, report
from sqlalchemy import delete, insert

from copydesk.articles import store as articles
from copydesk.library.db import Library, open_library
from copydesk.library.migrations import HEAD_REVISION
from copydesk.library.models import Picture, PictureVerdict
from copydesk.pictures import operations
from copydesk.pictures.listing import Judgement, PictureFilter, PicturePage, PictureQuery
from copydesk.records.article import ArticleContent, LeadPictureUse

OPEN_TARGET_MS = 300
FILTER_TARGET_MS = 50
GENERATOR_VERSION = 1  # bump whenever the generated pictures change
SEED = 20261203
INSERT_BATCH = 1_000
USED = 200  # pictures shown as an article's lead picture
TODAY = date(2026, 12, 3)

CREATORS = [
    "Léa Martin", "Sam Carter", "Zoë Lefèvre", "Jean Dupont", "Ana García", "Kenji Sato",
    "Marie Curie", "Paul Girard", "Nadia Benali", "Tomás Ruiz", "", "",
]  # fmt: skip
AGENCIES = ["AFP", "Reuters", "AP", "Ville de Saint-Aubin", "Musée des Beaux-Arts", ""]
LICENCES = ["", "cc-by-4.0", "cc-by-sa-4.0", "agency", "staff", "rights-managed", "cc0-1.0"]
PLACES = [("Lyon", "France"), ("Paris", "France"), ("London", "United Kingdom"), ("", "")]
SUBJECTS = [
    "Le conseil municipal en séance", "Manifestation devant la préfecture",
    "Harbour ferry at dawn", "Match de football au stade", "Vendanges dans le Beaujolais",
    "Concert au théâtre antique", "Flooded street after the storm", "Élection du maire",
]  # fmt: skip


def picture_rows(count: int) -> Iterator[dict[str, object]]:
    rng = random.Random(SEED)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    for n in range(count):
        creator = rng.choice(CREATORS)
        agency = rng.choice(AGENCIES)
        city, country = rng.choice(PLACES)
        moment = start + timedelta(minutes=15 * n + rng.randint(0, 14))
        awaiting = rng.random() < 0.02
        expiry = TODAY + timedelta(days=rng.randint(-400, 400)) if rng.random() < 0.1 else None
        yield {
            "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "sha256": None if awaiting else hashlib.sha256(str(n).encode()).hexdigest(),
            "file_name": f"{city.lower() or 'photo'}-{n:06d}.jpg",
            "media_type": "" if awaiting else "image/jpeg",
            "width": 0 if awaiting else 4000,
            "height": 0 if awaiting else 3000,
            "byte_size": 0 if awaiting else rng.randint(2_000_000, 9_000_000),
            "imported_at": moment,
            "updated_at": moment,
            "creator": creator,
            "credit_line": f"{creator} / {agency}" if creator and agency else "",
            "copyright_notice": f"© {creator}" if creator and rng.random() < 0.6 else "",
            "source": agency,
            "description": f"{rng.choice(SUBJECTS)}, {city or 'ailleurs'}.",
            "headline": rng.choice(SUBJECTS) if rng.random() < 0.3 else "",
            "city": city,
            "country": country,
            "date_created": moment.date().isoformat(),
            "licence_id": rng.choice(LICENCES),
            "source_url": f"https://photos.example.org/{n}" if rng.random() < 0.3 else "",
            "rights_expiry": expiry,
            "alt_text": "Une photo" if rng.random() < 0.5 else "",
        }


def build_library(path: Path, count: int) -> None:
    temporary = path.with_name(path.name + ".building")
    for leftover in temporary.parent.glob(temporary.name + "*"):
        leftover.unlink()
    library = open_library(temporary, create=True)
    try:
        with library.write() as session:
            rows = picture_rows(count)
            while batch := list(itertools.islice(rows, INSERT_BATCH)):
                session.execute(insert(Picture), batch)
            for n in range(USED):
                lead = LeadPictureUse(1 + n * (count // USED), "Légende", "Texte de remplacement")
                content = ArticleContent(headline=f"Article {n}", lead_picture=lead)
                articles.create_article(session, content)
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
    path = folder / f"picture-library-g{GENERATOR_VERSION}-s{HEAD_REVISION}-{count}.copydesk"
    if not path.exists():
        print(f"Generating {count:,} pictures into {path} (once)…", flush=True)
        started = time.perf_counter()
        build_library(path, count)
        print(f"  done in {time.perf_counter() - started:.0f} s", flush=True)
    return path


FILTERS = [
    PictureQuery.of("", PictureFilter.ERRORS),
    PictureQuery.of("", PictureFilter.WARNINGS),
    PictureQuery.of("", PictureFilter.MISSING_CREDIT),
    PictureQuery.of("", PictureFilter.AWAITING_FILE),
    PictureQuery.of("", PictureFilter.UNUSED),
    PictureQuery.of("", PictureFilter.ALL, "cc-by-4.0"),
    PictureQuery.of("", PictureFilter.ERRORS, "agency"),
]
SEARCHES = [
    PictureQuery.of("lyon"),
    PictureQuery.of("zoë stade"),
    PictureQuery.of("lyon-0123"),  # a file name: a handful of pictures
]


def timed(action: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()
    return (time.perf_counter() - started) * 1000, result


def judge_everything(library: Library, judgement: Judgement) -> tuple[float, int]:
    """Forget every verdict and judge them all again, as after a migration."""
    with library.write() as session:
        session.execute(delete(PictureVerdict))
    started = time.perf_counter()
    batches = 1
    left, after = operations.judge_pictures(library, judgement)
    while left:
        left, after = operations.judge_pictures(library, judgement, after)
        batches += 1
    return (time.perf_counter() - started) * 1000, batches


def window_openings(library: Library, judgement: Judgement, rounds: int) -> list[float]:
    """The Picture Library window, offscreen: from its construction to its first rows painted
    (the page read on the database thread, the table drawn)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from copydesk.qt.pictures.library_window import PictureLibraryWindow
    from copydesk.qt.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    runner = TaskRunner()
    timings: list[float] = []
    for _ in range(rounds + 1):  # the first one imports and warms up, not counted
        loop = QEventLoop()
        started = time.perf_counter()
        window = PictureLibraryWindow(library, runner, runner.sibling("compute"), judgement)
        window.resize(1400, 900)
        window.show()
        window.service.page_loaded.connect(lambda _page, done=loop.quit: QTimer.singleShot(0, done))
        QTimer.singleShot(10_000, loop.quit)
        if window.model.rowCount() == 0:
            loop.exec()
        window.table.viewport().repaint()
        timings.append((time.perf_counter() - started) * 1000)
        window.close()
        window.deleteLater()
        app.processEvents()
    return timings[1:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pictures", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    judgement = Judgement(today=TODAY)
    library = open_library(cached_library(args.pictures))
    try:
        judging, batches = judge_everything(library, judgement)
        everything = PictureQuery()
        operations.browse_pictures(library, everything, judgement)  # warm the page cache
        openings: list[float] = []
        filters: list[float] = []
        searches: list[float] = []
        scrolls: list[float] = []
        matches: dict[PictureQuery, int] = {}
        slowest: dict[PictureQuery, float] = {}
        for _ in range(args.rounds):
            openings.append(
                timed(lambda: operations.browse_pictures(library, everything, judgement))[0]
            )
            for query in FILTERS + SEARCHES:
                elapsed, found = timed(
                    lambda q=query: operations.browse_pictures(library, q, judgement, totals=False)
                )
                page = found if isinstance(found, PicturePage) else None
                assert page is not None
                (searches if query.words else filters).append(elapsed)
                matches[query] = page.count
                slowest[query] = max(slowest.get(query, 0.0), elapsed)
                if page.after is not None:
                    after = page.after
                    scrolls.append(
                        timed(
                            lambda q=query, a=after: operations.more_pictures(
                                library, q, a, judgement
                            )
                        )[0]
                    )
        windows = window_openings(library, judgement, args.rounds)
    finally:
        library.close()

    notes = [
        f"{args.pictures:,} pictures, {len(FILTERS + SEARCHES)} queries x {args.rounds} rounds",
        f"judging every picture once (background, {batches} batches): {judging / 1000:.1f} s",
        f"{platform.node()}: {os.cpu_count()} CPUs, Python {platform.python_version()}",
    ]
    notes += [
        f"  {_describe(query):<36} {matches[query]:>7} matches, slowest {slowest[query]:6.1f} ms"
        for query in FILTERS + SEARCHES
    ]
    ok = report(
        "Picture Library",
        [
            Figure("(a) open: first page + count", openings, OPEN_TARGET_MS),
            Figure("(a) open the window: first rows painted", windows, OPEN_TARGET_MS),
            Figure(
                "(b) filter by status or licence: first page + count", filters, FILTER_TARGET_MS
            ),
            Figure("(c) search: first page + count", searches),
            Figure("(d) scroll: next page", scrolls),
        ],
        notes,
    )
    return 0 if ok else 1


def _describe(query: PictureQuery) -> str:
    licence = f" [{query.licence}]" if query.licence else ""
    return f"“{' '.join(query.words)}” {query.filter.value}{licence}"


if __name__ == "__main__":
    sys.exit(main())
