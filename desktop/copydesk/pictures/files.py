"""Checking a file before it is stored as a picture, and making its thumbnail (Pillow).

Accepted formats: JPEG, PNG, WebP and TIFF, what cameras, agencies and the web deliver and
what exiv2 can write credits into. GIF is refused: exiv2 cannot write IPTC or XMP into it, so
an exported rendition could not carry its credit (convert it to PNG). HEIC, AVIF, BMP, PSD and
the rest are refused as well (convert them to JPEG). Only the accepted formats' decoders ever
see the data; the others are named from their first bytes, for the message.

Limits: ``DEFAULT_MAX_BYTES`` (200 MB) of file, and ``MAX_PIXELS`` (160 megapixels) of image:
the largest camera sensors give 151 MP (Phase One IQ4), and common medium-format ones 102 MP
(Fujifilm GFX100, Hasselblad X2D), which a 100-MP limit would refuse. A small file declaring
more is a decompression bomb, whose decoding would take gigabytes; up to the limit a full
decode takes at most 640 MB (RGBA), and a JPEG's check a 64th of that. Pillow's own limit
(``Image.MAX_IMAGE_PIXELS``) is set to the same figure for every Pillow use in the process: it
warns above it (and this module refuses) and raises ``DecompressionBombError`` above twice it.

A picture is accepted only if it decodes in full: a JPEG cut in half still opens, and exiv2
reads its metadata without complaint, but Pillow's ``load()`` reports the missing data.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PIL import Image, ImageOps

from copydesk.errors import InvalidPicture
from copydesk.translation import N_, _

ACCEPTED_FORMATS = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "WEBP": "image/webp",
    "TIFF": "image/tiff",
}
DEFAULT_MAX_BYTES = 200 * 1000 * 1000
MAX_PIXELS = 160 * 1000 * 1000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

_ACCEPTED_NAMES = N_("JPEG, PNG, WebP and TIFF")
_THUMBNAIL_QUALITY = 85
_ORIENTATION = 0x0112
_ROTATED = {5, 6, 7, 8}  # EXIF orientations that swap width and height
_BOMB_PIXELS = re.compile(r"\((\d+) pixels\)")


@dataclass(frozen=True, slots=True)
class ImageInfo:
    media_type: str  # "image/jpeg", ...
    width: int  # as displayed: EXIF orientation applied
    height: int
    format: str  # Pillow's name: "JPEG", "PNG", "WEBP" or "TIFF"


def inspect_image(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ImageInfo:
    """What the picture is, or ``InvalidPicture`` saying why it cannot be taken."""
    _check_byte_size(data, max_bytes)
    with _opened(data) as image:
        info = _info(image)
    _check_decodes(data, info.format)
    return info


def make_thumbnail(data: bytes, *, size: int = 256) -> bytes:
    """A JPEG at most ``size`` pixels on its longer side, upright, transparency on white."""
    if size < 1:
        raise ValueError(f"thumbnail size must be positive, not {size}")
    with _opened(data) as image:
        if image.format == "JPEG":
            image.draft("RGB", (size, size))  # libjpeg decodes at 1/2 … 1/8 scale: far faster
        try:
            thumbnail = _rgb_or_rgba(image)
            thumbnail.thumbnail((size, size), Image.Resampling.LANCZOS)
            thumbnail = _flattened(_upright(thumbnail))
            output = io.BytesIO()
            thumbnail.save(output, "JPEG", quality=_THUMBNAIL_QUALITY, optimize=True)
        except Exception as error:  # any decoder failure: the data is damaged
            raise InvalidPicture(_damaged_message(image.format, error)) from error
    return output.getvalue()


@contextmanager
def upright_picture(
    data: bytes, *, min_width: int | None = None
) -> Iterator[tuple[ImageInfo, Image.Image]]:
    """What the picture is, and its pixels upright in 8-bit RGB (transparency on white),
    ready to be resized and saved as JPEG; the pixels are only valid inside the ``with``.

    With ``min_width``, a JPEG is decoded at the smallest scale libjpeg offers (1/2 … 1/8)
    that is still at least that wide as displayed: a 4000-pixel original asked for 1200
    decodes at 2000 and takes a quarter of the time. Other formats decode in full. An RGB
    picture that needs no rotation is used as decoded, without a copy. Its ICC profile stays
    in ``info["icc_profile"]`` when it is an RGB one (a CMYK or grey profile would be wrong
    for the RGB pixels), so that colours survive the resizing. The data is trusted to have
    been checked on import (``inspect_image``); a decoder failure still raises
    ``InvalidPicture``.
    """
    with _opened(data) as image:
        info = _info(image)
        profile = image.info.get("icc_profile")
        if min_width is not None and image.format == "JPEG" and min_width < info.width:
            image.draft("RGB", _stored_size(image, info, min_width))
        try:
            image.load()
            picture = image if image.mode == "RGB" else _rgb_or_rgba(image)
            if _orientation(image) not in (0, 1):
                picture = _upright(picture)
            picture = _flattened(picture)
        except Exception as error:  # any decoder failure: the data is damaged
            raise InvalidPicture(_damaged_message(image.format, error)) from error
        picture.info.pop("icc_profile", None)
        if isinstance(profile, bytes) and profile[16:20] == b"RGB ":  # the header's colour space
            picture.info["icc_profile"] = profile
        yield info, picture


def _stored_size(image: Image.Image, info: ImageInfo, width: int) -> tuple[int, int]:
    """The size to ask ``draft`` for so that the displayed picture is at least ``width``
    wide: draft works on the pixels as stored, before the EXIF rotation."""
    height = -(-width * info.height // info.width)  # rounded up: draft may not go below it
    return (height, width) if (info.width, info.height) != image.size else (width, height)


# -- checks --------------------------------------------------------------------------------


def _check_byte_size(data: bytes, max_bytes: int) -> None:
    if not data:
        raise InvalidPicture(_("The file is empty: there is no picture in it."))
    if len(data) > max_bytes:
        raise InvalidPicture(
            _("The file is {size}: Copydesk takes pictures of up to {limit}.").format(
                size=_megabytes(len(data)), limit=_megabytes(max_bytes)
            )
        )


@contextmanager
def _opened(data: bytes) -> Iterator[Image.Image]:
    """The picture opened (header read, nothing decoded) in one of the accepted formats."""
    try:
        image = Image.open(io.BytesIO(data), formats=tuple(ACCEPTED_FORMATS))
    except Image.DecompressionBombError as error:
        match = _BOMB_PIXELS.search(str(error))
        raise InvalidPicture(_bomb_message(int(match[1]) if match else None)) from error
    except Exception as error:  # UnidentifiedImageError, or a plugin choking on its header
        raise InvalidPicture(_unidentified_message(data)) from error
    with image:
        if image.width * image.height > MAX_PIXELS:
            raise InvalidPicture(_bomb_message(image.width * image.height, image.size))
        yield image


def _info(image: Image.Image) -> ImageInfo:
    format_name = str(image.format)
    width, height = image.size
    if _orientation(image) in _ROTATED:
        width, height = height, width
    return ImageInfo(ACCEPTED_FORMATS[format_name], width, height, format_name)


def _check_decodes(data: bytes, format_name: str) -> None:
    """Decode every pixel: only a full decode notices a truncated or damaged file."""
    try:
        with Image.open(io.BytesIO(data), formats=(format_name,)) as image:
            image.verify()  # PNG: every chunk's checksum (verify() leaves the image unusable)
        with Image.open(io.BytesIO(data), formats=(format_name,)) as image:
            if format_name == "JPEG":
                # At 1/8 scale libjpeg still reads every scan (truncation shows) but skips most
                # of the inverse DCT: about half the time of a full decode.
                image.draft(image.mode, (max(1, image.width // 8), max(1, image.height // 8)))
            image.load()
    except Exception as error:  # OSError, SyntaxError, EOFError, struct.error, zlib …
        raise InvalidPicture(_damaged_message(format_name, error)) from error


def _orientation(image: Image.Image) -> int:
    try:
        return int(image.getexif().get(_ORIENTATION, 1))
    except Exception:  # broken EXIF: show the pixels as stored
        return 1


# -- thumbnails ----------------------------------------------------------------------------


def _rgb_or_rgba(image: Image.Image) -> Image.Image:
    """An 8-bit RGB copy (RGBA if the picture has transparency) that JPEG can take.

    Palette and 1-bit images are converted before resizing, which would otherwise use the
    nearest neighbour; 16-bit greys are scaled, as a plain conversion would clip them white.
    """
    if image.mode in ("I", "I;16", "I;16L", "I;16B", "I;16N"):
        return image.convert("I").point(lambda value: value * (1 / 257)).convert("RGB")
    if image.mode == "F":
        return image.convert("L").convert("RGB")
    transparent = image.mode in ("RGBA", "RGBa", "LA", "La", "PA") or ("transparency" in image.info)
    return image.convert("RGBA" if transparent else "RGB")


def _upright(image: Image.Image) -> Image.Image:
    try:
        return ImageOps.exif_transpose(image)
    except Exception:  # broken EXIF: keep the pixels as stored
        return image


def _flattened(image: Image.Image) -> Image.Image:
    if image.mode != "RGBA":
        return image
    background = Image.new("RGB", image.size, "white")
    background.paste(image, mask=image.getchannel("A"))
    return background


# -- messages ------------------------------------------------------------------------------


def _bomb_message(pixels: int | None, size: tuple[int, int] | None = None) -> str:
    limit = MAX_PIXELS // 1_000_000
    if pixels is None:
        return _(
            "The picture has more than {found} megapixels: Copydesk refuses pictures above "
            "{limit} megapixels, whose decoding could exhaust the memory (a decompression bomb)."
        ).format(found=2 * limit, limit=limit)
    found = f"{pixels / 1_000_000:,.0f}"
    if size is None:
        return _(
            "The picture has {found} megapixels: Copydesk refuses pictures above {limit} "
            "megapixels, whose decoding could exhaust the memory (a decompression bomb)."
        ).format(found=found, limit=limit)
    return _(
        "The picture has {found} megapixels ({width} × {height}): Copydesk refuses pictures "
        "above {limit} megapixels, whose decoding could exhaust the memory (a decompression "
        "bomb)."
    ).format(found=found, width=f"{size[0]:,}", height=f"{size[1]:,}", limit=limit)


def _damaged_message(format_name: str | None, error: Exception) -> str:
    if format_name is None:
        return _(
            "The picture file is truncated or damaged and cannot be read in full: {error}"
        ).format(error=error)
    return _(
        "The {format} file is truncated or damaged and cannot be read in full: {error}"
    ).format(format=_display_name(format_name), error=error)


def _unidentified_message(data: bytes) -> str:
    known = _sniff(data)
    if known in ACCEPTED_FORMATS:
        return _(
            "The file starts like a {format} picture but cannot be read: "
            "it is truncated or damaged."
        ).format(format=_display_name(known))
    if known == "GIF":
        return _(
            "GIF pictures are not accepted: credits cannot be embedded in a GIF file. "
            "Convert it to PNG."
        )
    if known is not None:
        return _(
            "{format} pictures are not accepted: Copydesk takes {accepted}. Convert it to JPEG."
        ).format(format=known, accepted=_(_ACCEPTED_NAMES))
    return _("The file is not a picture Copydesk can read: it takes {accepted}.").format(
        accepted=_(_ACCEPTED_NAMES)
    )


def _sniff(data: bytes) -> str | None:
    """The format a file's first bytes announce, for the message only."""
    head = data[:64]
    signatures = (
        (b"\xff\xd8\xff", "JPEG"),
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"II*\x00", "TIFF"),
        (b"MM\x00*", "TIFF"),
        (b"GIF87a", "GIF"),
        (b"GIF89a", "GIF"),
        (b"8BPS", "Photoshop (PSD)"),
        (b"%PDF-", "PDF"),
        (b"\xff\x0a", "JPEG XL"),
        (b"\x00\x00\x00\x0cJXL ", "JPEG XL"),
        (b"\x00\x00\x00\x0cjP  ", "JPEG 2000"),
    )
    for signature, name in signatures:
        if head.startswith(signature):
            return name
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "WEBP"
    if head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis"):
        return "AVIF"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"hevc", b"heim", b"mif1"):
        return "HEIC"
    if head.startswith(b"BM") and head[14:15] in (b"\x0c", b"\x28", b"\x40", b"\x6c", b"\x7c"):
        return "BMP"
    if b"<svg" in data[:1024].lower():
        return "SVG"
    return None


def _display_name(format_name: str) -> str:
    return {"WEBP": "WebP"}.get(format_name, format_name)


def _megabytes(size: int) -> str:
    if size < 1_000_000:
        return _("{size} KB").format(size=f"{size / 1000:,.0f}")
    return _("{size} MB").format(size=f"{size / 1_000_000:,.1f}".removesuffix(".0"))
