"""Draws the sample library's pictures (``resources/sample/pictures/*.jpg``).

Made by us, from nothing but shapes and gradients, so Copydesk may ship them under any
licence; their credits live in ``resources/sample/articles.json``. Run again only to change
them: ``.venv/bin/python packaging/sample_pictures.py``.
"""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

OUT = Path(__file__).resolve().parents[1] / "resources" / "sample" / "pictures"
SIZE = (1600, 1067)


def gradient(
    size: tuple[int, int], top: tuple[int, int, int], bottom: tuple[int, int, int]
) -> Image.Image:
    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / max(1, height - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    return image


def grain(image: Image.Image, amount: int, seed: int) -> Image.Image:
    """A little noise, as a sensor would give, so the JPEG is not a flat drawing."""
    random.seed(seed)
    noise = Image.effect_noise(image.size, amount).convert("RGB")
    return Image.blend(image, noise, 0.06)


def panels(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], rows: int, cols: int) -> None:
    left, top, right, bottom = box
    cell_w, cell_h = (right - left) / cols, (bottom - top) / rows
    for r in range(rows):
        for c in range(cols):
            x0, y0 = left + c * cell_w, top + r * cell_h
            shade = 60 + (r * 7 + c * 5) % 30
            draw.rectangle(
                [x0 + 2, y0 + 2, x0 + cell_w - 2, y0 + cell_h - 2],
                fill=(20, 40 + shade // 2, 90 + shade),
                outline=(180, 190, 200),
            )


def rooftops() -> Image.Image:
    image = gradient(SIZE, (250, 200, 140), (120, 170, 220))
    draw = ImageDraw.Draw(image)
    draw.ellipse([1180, 120, 1380, 320], fill=(255, 236, 180))
    rng = random.Random(1)
    x = -40
    while x < SIZE[0]:
        width = rng.randint(220, 340)
        wall_top = rng.randint(560, 700)
        roof = (160 + rng.randint(0, 40), 70 + rng.randint(0, 30), 50)
        draw.rectangle([x, wall_top, x + width, SIZE[1]], fill=(230 - rng.randint(0, 40), 215, 190))
        draw.polygon(
            [(x - 20, wall_top), (x + width // 2, wall_top - 170), (x + width + 20, wall_top)],
            fill=roof,
        )
        if rng.random() < 0.7:
            panels(draw, (x + 30, wall_top - 110, x + width // 2 + 10, wall_top - 20), 2, 4)
        for wx in range(x + 30, x + width - 40, 70):
            draw.rectangle([wx, wall_top + 60, wx + 36, wall_top + 120], fill=(70, 80, 100))
        x += width + 40
    return grain(image.filter(ImageFilter.SMOOTH), 40, 1)


def panel_close_up() -> Image.Image:
    image = gradient(SIZE, (150, 190, 230), (230, 240, 250))
    draw = ImageDraw.Draw(image)
    panels(draw, (80, 160, 1520, 980), 6, 10)
    for band in range(0, SIZE[0], 60):
        draw.line([(band, 160), (band + 300, 980)], fill=(210, 225, 245), width=3)
    image = Image.blend(image, gradient(SIZE, (255, 255, 255), (40, 60, 110)), 0.18)
    return grain(image, 50, 2)


def harbour() -> Image.Image:
    image = gradient(SIZE, (40, 50, 100), (240, 150, 110))
    draw = ImageDraw.Draw(image)
    sea = gradient((SIZE[0], 400), (200, 120, 100), (30, 40, 70))
    image.paste(sea, (0, 667))
    draw.rectangle([980, 430, 1460, 667], fill=(60, 55, 70))
    for wx in range(1010, 1440, 60):
        for wy in (470, 540, 610):
            draw.rectangle([wx, wy, wx + 30, wy + 36], fill=(255, 210, 120))
    rng = random.Random(3)
    for _boat in range(5):
        bx, by = rng.randint(60, 900), rng.randint(700, 960)
        draw.polygon(
            [(bx, by), (bx + 180, by), (bx + 150, by + 40), (bx + 30, by + 40)], fill=(25, 25, 35)
        )
        draw.line([(bx + 90, by), (bx + 90, by - 150)], fill=(25, 25, 35), width=5)
        draw.polygon(
            [(bx + 95, by - 140), (bx + 95, by - 10), (bx + 170, by - 10)], fill=(230, 220, 200)
        )
    return grain(image.filter(ImageFilter.SMOOTH), 40, 3)


def reading_room() -> Image.Image:
    image = gradient(SIZE, (90, 60, 40), (50, 35, 25))
    draw = ImageDraw.Draw(image)
    rng = random.Random(4)
    for shelf_top in range(80, 1000, 190):
        x = 60
        while x < 1540:
            width = rng.randint(22, 48)
            height = rng.randint(120, 170)
            colour = rng.choice(
                [(160, 40, 40), (40, 90, 140), (200, 160, 60), (60, 120, 80), (220, 220, 210)]
            )
            draw.rectangle(
                [x, shelf_top + 170 - height, x + width, shelf_top + 170],
                fill=colour,
                outline=(30, 20, 15),
            )
            x += width + rng.randint(0, 4)
        draw.rectangle([40, shelf_top + 170, 1560, shelf_top + 186], fill=(120, 85, 55))
    glow = gradient(SIZE, (255, 230, 170), (80, 60, 40))
    return grain(Image.blend(image, glow, 0.2), 40, 4)


PICTURES = {
    "rooftops.jpg": rooftops,
    "panels.jpg": panel_close_up,
    "harbour.jpg": harbour,
    "reading-room.jpg": reading_room,
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, draw in PICTURES.items():
        draw().save(OUT / name, "JPEG", quality=82, optimize=True, progressive=True)
        print(OUT / name, (OUT / name).stat().st_size)


if __name__ == "__main__":
    main()
