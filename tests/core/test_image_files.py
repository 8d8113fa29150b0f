"""Pictures checked before they are stored (format, size, truncation, bombs) and thumbnails."""

from __future__ import annotations

import io
import os
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from copydesk.errors import CopydeskError, InvalidPicture
from copydesk.pictures.files import (
    DEFAULT_MAX_BYTES,
    MAX_PIXELS,
    ImageInfo,
    inspect_image,
    make_thumbnail,
)

REFERENCE = "IPTC-PhotometadataRef-Std2017.1.jpg"


def encoded(image: Image.Image, format_name: str, **options: object) -> bytes:
    output = io.BytesIO()
    image.save(output, format_name, **options)
    return output.getvalue()


def photo(size: tuple[int, int] = (1200, 900)) -> Image.Image:
    """Something like a photograph: a gradient with grain, so JPEG has work to do."""
    gradient = Image.linear_gradient("L").resize(size)
    grain = Image.effect_noise(size, 30)
    return Image.merge("RGB", (gradient, grain, Image.blend(gradient, grain, 0.5)))


def photo_jpeg(size: tuple[int, int] = (1200, 900), **options: object) -> bytes:
    return encoded(photo(size), "JPEG", quality=90, **options)


def oriented_jpeg(orientation: int) -> bytes:
    """400 × 300 as stored, with an EXIF orientation tag."""
    exif = Image.Exif()
    exif[0x0112] = orientation
    return encoded(photo((400, 300)), "JPEG", exif=exif.tobytes())


def png_of_zeros(width: int, height: int) -> bytes:
    """A 1-bit PNG, all black, written row batch by row batch: megapixels in kilobytes,
    never held in memory here."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        checksum = zlib.crc32(kind + body).to_bytes(4, "big")
        return len(body).to_bytes(4, "big") + kind + body + checksum

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    row = b"\x00" * (1 + (width + 7) // 8)  # filter byte + packed pixels
    compressor = zlib.compressobj(9)
    batches = (row * min(100, height - start) for start in range(0, height, 100))
    data = b"".join(compressor.compress(batch) for batch in batches) + compressor.flush()
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def refused(data: bytes, **options: int) -> str:
    with pytest.raises(InvalidPicture) as caught:
        inspect_image(data, **options)
    return str(caught.value)


# -- accepted ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("format_name", "media_type"),
    [("JPEG", "image/jpeg"), ("PNG", "image/png"), ("WEBP", "image/webp"), ("TIFF", "image/tiff")],
)
def test_the_accepted_formats(format_name: str, media_type: str) -> None:
    data = encoded(photo((320, 200)), format_name)
    assert inspect_image(data) == ImageInfo(media_type, 320, 200, format_name)


def test_the_reference_image_is_accepted(shared: Path) -> None:
    data = (shared / "images" / REFERENCE).read_bytes()
    assert inspect_image(data) == ImageInfo("image/jpeg", 1000, 500, "JPEG")


def test_a_progressive_cmyk_or_greyscale_jpeg_is_accepted() -> None:
    assert inspect_image(photo_jpeg(progressive=True)).width == 1200
    assert inspect_image(encoded(photo().convert("CMYK"), "JPEG")).height == 900
    assert inspect_image(encoded(photo().convert("L"), "JPEG")).format == "JPEG"


@pytest.mark.parametrize(
    ("orientation", "size"), [(1, (400, 300)), (3, (400, 300)), (6, (300, 400)), (8, (300, 400))]
)
def test_the_size_is_as_displayed(orientation: int, size: tuple[int, int]) -> None:
    info = inspect_image(oriented_jpeg(orientation))
    assert (info.width, info.height) == size


def test_the_pixel_limit_itself_is_accepted() -> None:
    assert MAX_PIXELS == 160_000_000  # a 151-megapixel Phase One IQ4 picture is taken
    assert inspect_image(png_of_zeros(16_000, 10_000)).width == 16_000


# -- refused -------------------------------------------------------------------------------


def test_invalid_picture_is_an_error_for_the_user() -> None:
    assert issubclass(InvalidPicture, CopydeskError)


def test_an_empty_file_is_refused() -> None:
    assert refused(b"") == "The file is empty: there is no picture in it."


def test_a_file_over_the_size_limit_is_refused_before_anything_is_decoded() -> None:
    assert DEFAULT_MAX_BYTES == 200_000_000
    message = refused(b"\xff\xd8\xff" + bytes(201_000_000))
    assert message == "The file is 201 MB: Copydesk takes pictures of up to 200 MB."


def test_the_size_limit_can_be_lowered() -> None:
    data = photo_jpeg()
    assert refused(data, max_bytes=50_000).endswith("Copydesk takes pictures of up to 50 KB.")


@pytest.mark.parametrize(
    "data",
    [
        b"Ceci n'est pas une image.\n",
        "Une légende, en texte.\n".encode() * 100,
        b"#define picture_width 10\n",
        os.urandom(4096),
        b"<html><body>not found</body></html>",
    ],
)
def test_what_is_not_a_picture_is_refused(data: bytes) -> None:
    message = refused(data)
    assert (
        message == "The file is not a picture Copydesk can read: it takes JPEG, PNG, WebP and TIFF."
    )


def test_a_text_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "caption.jpg"  # the name says JPEG; the content decides
    path.write_text("Légende : Zoë, 東京\n", encoding="utf-8")
    assert "not a picture Copydesk can read" in refused(path.read_bytes())


def test_a_gif_is_refused_with_the_reason() -> None:
    message = refused(encoded(photo((64, 48)).convert("P"), "GIF"))
    assert message == (
        "GIF pictures are not accepted: credits cannot be embedded in a GIF file. "
        "Convert it to PNG."
    )


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (encoded(Image.new("RGB", (64, 48)), "BMP"), "BMP"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64), "HEIC"),
        (b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf" + bytes(64), "AVIF"),
        (b"8BPS\x00\x01" + bytes(64), "Photoshop (PSD)"),
        (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', "SVG"),
    ],
)
def test_other_picture_formats_are_refused_by_name(data: bytes, name: str) -> None:
    assert refused(data) == (
        f"{name} pictures are not accepted: Copydesk takes JPEG, PNG, WebP and TIFF. "
        "Convert it to JPEG."
    )


def test_a_jpeg_cut_in_half_is_refused() -> None:
    data = photo_jpeg()
    message = refused(data[: len(data) // 2])
    assert message.startswith("The JPEG file is truncated or damaged and cannot be read in full:")
    assert "truncated" in message


@pytest.mark.parametrize("progressive", [False, True])
@pytest.mark.parametrize("kept", [0.25, 0.9, 0.999])
def test_a_truncated_jpeg_is_refused_however_much_is_left(kept: float, progressive: bool) -> None:
    """The check decodes at 1/8 scale: it must still read every byte of every scan."""
    data = photo_jpeg((2000, 1500), progressive=progressive)
    assert "JPEG file is truncated" in refused(data[: int(len(data) * kept)])


def test_a_jpeg_missing_only_its_end_marker_is_refused() -> None:
    data = photo_jpeg()
    assert data.endswith(b"\xff\xd9")
    assert "JPEG file is truncated" in refused(data[:-2])


def test_a_jpeg_cut_inside_its_header_is_named_and_refused() -> None:
    message = refused(photo_jpeg()[:100])
    assert message == (
        "The file starts like a JPEG picture but cannot be read: it is truncated or damaged."
    )


@pytest.mark.parametrize("format_name", ["PNG", "WEBP", "TIFF"])
def test_other_truncated_formats_are_refused(format_name: str) -> None:
    data = encoded(photo((600, 400)), format_name)
    assert "truncated or damaged" in refused(data[: len(data) // 2])


def test_a_png_with_a_damaged_chunk_is_refused() -> None:
    data = bytearray(encoded(photo((300, 200)), "PNG"))
    data[100] ^= 0xFF  # inside IDAT: its checksum no longer matches
    assert refused(bytes(data)).startswith("The PNG file is truncated or damaged")


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_a_decompression_bomb_is_refused_with_its_size() -> None:
    data = png_of_zeros(20_000, 10_000)  # 200 megapixels
    assert len(data) < 50_000
    assert refused(data) == (
        "The picture has 200 megapixels (20,000 × 10,000): Copydesk refuses pictures above "
        "160 megapixels, whose decoding could exhaust the memory (a decompression bomb)."
    )


def test_a_bomb_beyond_pillows_own_limit_is_refused_too() -> None:
    data = png_of_zeros(20_000, 20_000)  # 400 megapixels: Pillow raises before any check
    assert len(data) < 100_000
    assert refused(data).startswith(
        "The picture has 400 megapixels: Copydesk refuses pictures above 160 megapixels"
    )


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_a_bomb_gets_no_thumbnail() -> None:
    with pytest.raises(InvalidPicture, match="decompression bomb"):
        make_thumbnail(png_of_zeros(20_000, 10_000))


# -- thumbnails ----------------------------------------------------------------------------


def thumbnail_of(data: bytes, **options: int) -> Image.Image:
    thumbnail = Image.open(io.BytesIO(make_thumbnail(data, **options)))
    assert thumbnail.format == "JPEG"
    assert thumbnail.mode == "RGB"
    return thumbnail


def test_a_thumbnail_fits_in_its_square() -> None:
    assert thumbnail_of(photo_jpeg((4000, 3000))).size == (256, 192)
    assert thumbnail_of(photo_jpeg((900, 1200)), size=128).size == (96, 128)


def test_a_small_picture_is_not_enlarged() -> None:
    assert thumbnail_of(encoded(photo((100, 60)), "PNG")).size == (100, 60)


def test_a_thumbnail_is_upright() -> None:
    assert thumbnail_of(oriented_jpeg(6)).size == (192, 256)
    assert thumbnail_of(oriented_jpeg(1)).size == (256, 192)


def test_a_thumbnail_shows_the_right_side_up() -> None:
    """Orientation 3 (upside down): the dark top of the stored pixels ends at the bottom."""
    exif = Image.Exif()
    exif[0x0112] = 3
    image = Image.new("RGB", (400, 300), "white")
    image.paste((0, 0, 0), (0, 0, 400, 150))  # stored: black top half
    thumbnail = thumbnail_of(encoded(image, "JPEG", exif=exif.tobytes()))
    top, bottom = thumbnail.getpixel((128, 10)), thumbnail.getpixel((128, 180))
    assert isinstance(top, tuple) and isinstance(bottom, tuple)
    assert sum(top) > 700 and sum(bottom) < 60


def test_transparency_becomes_white() -> None:
    image = Image.new("RGBA", (300, 300), (0, 0, 0, 0))
    image.paste((200, 0, 0, 255), (0, 0, 150, 300))
    thumbnail = thumbnail_of(encoded(image, "PNG"))
    right, left = thumbnail.getpixel((250, 128)), thumbnail.getpixel((20, 128))
    assert isinstance(right, tuple) and min(right) > 245
    assert isinstance(left, tuple) and left[0] > 180 and left[1] < 30


def test_a_palette_picture_with_transparency_becomes_rgb_on_white() -> None:
    image = Image.new("P", (200, 200), 0)
    image.putpalette([0, 0, 0, 0, 0, 255] + [0] * 762)
    image.paste(1, (0, 0, 100, 200))
    data = encoded(image, "PNG", transparency=0)
    thumbnail = thumbnail_of(data)
    left, right = thumbnail.getpixel((20, 100)), thumbnail.getpixel((180, 100))
    assert isinstance(left, tuple) and left[2] > 230 and left[0] < 30
    assert isinstance(right, tuple) and min(right) > 245


def test_a_cmyk_jpeg_becomes_rgb() -> None:
    image = Image.new("RGB", (300, 200), (0, 120, 255)).convert("CMYK")
    pixel = thumbnail_of(encoded(image, "JPEG")).getpixel((100, 60))
    assert isinstance(pixel, tuple) and pixel[2] > 200 and pixel[0] < 40


def test_a_16_bit_grey_png_keeps_its_greys() -> None:
    image = Image.new("I;16", (200, 200), 32_896)  # mid-grey in 16 bits
    pixel = thumbnail_of(encoded(image, "PNG")).getpixel((100, 100))
    assert isinstance(pixel, tuple) and all(120 <= channel <= 136 for channel in pixel)


@pytest.mark.parametrize("format_name", ["WEBP", "TIFF"])
def test_webp_and_tiff_get_thumbnails(format_name: str) -> None:
    assert thumbnail_of(encoded(photo((600, 400)), format_name)).size == (256, 171)


def test_a_truncated_picture_gets_no_thumbnail() -> None:
    data = encoded(photo((600, 400)), "PNG")
    with pytest.raises(InvalidPicture, match="truncated or damaged"):
        make_thumbnail(data[: len(data) // 2])


def test_what_is_not_a_picture_gets_no_thumbnail() -> None:
    with pytest.raises(InvalidPicture, match="not a picture"):
        make_thumbnail(b"hello")


def test_a_thumbnail_size_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        make_thumbnail(photo_jpeg(), size=0)
