"""Exporting publishing packages: 200 articles each with a 4000 × 3000 JPEG lead picture, and
1,000 text-only articles (issue 7: ≥ 10 packages/s with pictures, ≥ 200/s text-only).

Each batch goes through ``export_many`` with two workers (the machines have two cores), into
a fresh folder; the figure is packages per second over the whole batch, database reads
included. The pictures are one noisy 12-megapixel JPEG at quality 90 (heavier to decode
than most camera files of that size), made distinct per article by a comment segment, with
a complete CC BY 4.0 credit. The per-package table times ``export_package`` alone, one
article after another: what a desk waits for when it exports one article.

    .venv/bin/python tests/benchmarks/bench_export.py [--pictures 200] [--texts 1000]
"""

from __future__ import annotations

import argparse
import io
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import Figure, report
from PIL import Image

from copydesk.articles import store as articles
from copydesk.articles.sample import sample_content
from copydesk.exchange.packages.export import BatchOutcome, export_many, export_package
from copydesk.library.db import Library, open_library
from copydesk.library.media_store import MediaStore, sha256_of
from copydesk.pictures import store as images
from copydesk.records.article import ArticleContent, LeadPictureUse
from copydesk.records.picture import PictureFile, PictureMetadata

SIZE = (4000, 3000)
WORKERS = 2
PICTURE_TARGET = 10.0  # packages per second
TEXT_TARGET = 200.0
LATENCY_ROUNDS = 20
CREDIT = PictureMetadata(
    creator="Zoë Lefèvre",
    source="Wikimédia Commons",
    source_url="https://commons.wikimedia.org/wiki/File:Saint-Aubin.jpg",
    licence_id="cc-by-4.0",
    copyright_notice="© 2025 Zoë Lefèvre",
    alt_text="Des panneaux solaires sur le toit d’un gymnase",
)


@dataclass(frozen=True)
class Rate:
    name: str
    packages: int
    seconds: float
    target: float

    @property
    def per_second(self) -> float:
        return self.packages / self.seconds

    @property
    def met(self) -> bool:
        return self.per_second >= self.target


def picture() -> bytes:
    gradient = Image.linear_gradient("L").resize(SIZE)
    grain = Image.effect_noise(SIZE, 30)
    image = Image.merge("RGB", (gradient, grain, Image.blend(gradient, grain, 0.5)))
    output = io.BytesIO()
    image.save(output, "JPEG", quality=90)
    return output.getvalue()


def distinct(jpeg: bytes, index: int) -> bytes:
    """The same pixels under another SHA-256: a comment segment after the SOI marker."""
    comment = f"copydesk benchmark {index}".encode()
    segment = b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment
    return jpeg[:2] + segment + jpeg[2:]


def fill_library(library: Library, pictures: int, texts: int) -> tuple[list[int], list[int]]:
    """``pictures`` articles with a lead picture each, then ``texts`` without."""
    store = MediaStore.beside(library.path)
    base, content = picture(), sample_content()
    with_pictures: list[int] = []
    text_only: list[int] = []
    with library.write() as session:
        for index in range(pictures):
            data = distinct(base, index)
            sha = sha256_of(data)
            store.store(data, sha, "image/jpeg")
            file = PictureFile(sha, f"photo-{index}.jpg", "image/jpeg", *SIZE, len(data))
            record = images.add_picture(session, file, CREDIT)
            lead = LeadPictureUse(record.id, "Le gymnase Jean-Moulin", CREDIT.alt_text)
            article = _article(content, f"Photo {index}", lead)
            with_pictures.append(articles.create_article(session, article).id)
        for index in range(texts):
            text_only.append(
                articles.create_article(session, _article(content, f"Texte {index}")).id
            )
    return with_pictures, text_only


def _article(
    content: ArticleContent, label: str, lead: LeadPictureUse | None = None
) -> ArticleContent:
    return content.replace(
        headline=f"Les toits solaires de Saint-Aubin ({label})", lead_picture=lead
    )


def batch_rate(name: str, library: Library, ids: list[int], out: Path, target: float) -> Rate:
    folder = out / name.split()[0]
    folder.mkdir()
    start = time.perf_counter()
    result = export_many(library, ids, folder, workers=WORKERS)
    seconds = time.perf_counter() - start
    if result.count(BatchOutcome.EXPORTED) != len(ids):
        failed = [item.line for item in result.items if item.outcome is not BatchOutcome.EXPORTED]
        raise SystemExit(f"{name}: not every article was exported:\n" + "\n".join(failed[:5]))
    return Rate(name, len(ids), seconds, target)


def latency(name: str, library: Library, ids: list[int], out: Path) -> Figure:
    folder = out / f"one-{name.split()[1]}"
    folder.mkdir()
    return timed(name, lambda article_id: export_package(library, article_id, folder), ids)


def timed(name: str, action: Callable[[int], object], ids: list[int]) -> Figure:
    samples = []
    for article_id in ids:
        start = time.perf_counter()
        action(article_id)
        samples.append((time.perf_counter() - start) * 1000)
    return Figure(name, samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pictures", type=int, default=200)
    parser.add_argument("--texts", type=int, default=1000)
    arguments = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="copydesk-bench-export-"))
    try:
        library = open_library(work / "bench.copydesk", create=True)
        try:
            return run(library, work, arguments.pictures, arguments.texts)
        finally:
            library.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(library: Library, work: Path, pictures: int, texts: int) -> int:
    start = time.perf_counter()
    with_pictures, text_only = fill_library(library, pictures, texts)
    setup = time.perf_counter() - start
    out = work / "out"
    out.mkdir()
    rates = [
        batch_rate("pictures (4000 × 3000 JPEG each)", library, with_pictures, out, PICTURE_TARGET),
        batch_rate("text-only", library, text_only, out, TEXT_TARGET),
    ]
    figures = [
        latency("one package with a picture", library, with_pictures[:LATENCY_ROUNDS], out),
        latency("one text-only package", library, text_only[:LATENCY_ROUNDS], out),
    ]
    notes = [
        f"{pictures} articles with a picture, {texts} text-only; library built in {setup:.1f} s",
        f"export_many with {WORKERS} workers, folders (not zips), every file fsynced",
    ]
    report("Package export: one package at a time", figures, notes)
    print(f"  {'batch':<44} {'packages':>8} {'seconds':>8} {'per second':>11}  target")
    for rate in rates:
        verdict = "met" if rate.met else "MISSED"
        print(
            f"  {rate.name:<44} {rate.packages:>8} {rate.seconds:>8.2f} {rate.per_second:>11.1f}"
            f"  >= {rate.target:.0f}/s {verdict}"
        )
    return 0 if all(rate.met for rate in rates) else 1


if __name__ == "__main__":
    sys.exit(main())
