"""Importing a 12-megapixel JPEG (4000 × 3000): the checks, the thumbnail, the metadata.

``inspect_image`` decodes every scan to catch truncation, at 1/8 scale (``draft``); a full
decode is printed beside it for comparison. ``make_thumbnail`` decodes at the smallest scale
that still covers 256 pixels. The picture is a gradient with grain at quality 90, heavier
than most camera files of that size. No target: the figures are reported (issue: picture
import).

    .venv/bin/python tests/benchmarks/bench_pictures.py [--rounds 20]
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import Figure, report
from PIL import Image

from copydesk.pictures.files import inspect_image, make_thumbnail
from copydesk.pictures.metadata import read_metadata, write_metadata
from copydesk.records.picture import PictureMetadata

SIZE = (4000, 3000)
METADATA = PictureMetadata(
    creator="Zoë Lefèvre",
    copyright_notice="© 2025 Zoë Lefèvre",
    description="« Légende » de la photo, 東京",
    alt_text="Des manifestants devant la préfecture",
)


def picture() -> bytes:
    gradient = Image.linear_gradient("L").resize(SIZE)
    grain = Image.effect_noise(SIZE, 30)
    image = Image.merge("RGB", (gradient, grain, Image.blend(gradient, grain, 0.5)))
    output = io.BytesIO()
    image.save(output, "JPEG", quality=90)
    return write_metadata(output.getvalue(), METADATA, credit="Photo : Zoë Lefèvre")


def full_decode(data: bytes) -> None:
    with Image.open(io.BytesIO(data)) as image:
        image.load()


def timed(name: str, action: Callable[[], object], rounds: int) -> Figure:
    action()  # warm up: plugins, libjpeg, exiv2
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return Figure(name, samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    rounds = parser.parse_args().rounds
    data = picture()
    figures = [
        timed("inspect_image (1/8-scale decode)", lambda: inspect_image(data), rounds),
        timed("for comparison: a full Pillow decode", lambda: full_decode(data), rounds),
        timed("make_thumbnail (256 px)", lambda: make_thumbnail(data), rounds),
        timed("read_metadata", lambda: read_metadata(data), rounds),
        timed("write_metadata", lambda: write_metadata(data, METADATA, credit="x"), rounds),
    ]
    notes = [f"{SIZE[0]} × {SIZE[1]} JPEG, {len(data) / 1_000_000:.1f} MB"]
    return 0 if report("Picture import", figures, notes) else 1


if __name__ == "__main__":
    sys.exit(main())
