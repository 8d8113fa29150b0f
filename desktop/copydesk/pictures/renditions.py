"""The files of a picture as a publishing package ships it, each carrying its credit.

Three renditions of every picture:

- ``original``: the stored file itself, in its own format, with the credit metadata written
  into it (pixels and EXIF untouched: it is what the photographer or agency delivered);
- ``1200``: 1200 pixels wide for the article page, never upscaled;
- ``400``: a 400-pixel-wide thumbnail, never upscaled.

The two smaller ones are JPEG whatever the original (a PNG's transparency flattened on
white), upright (EXIF orientation applied, so that no reader has to), and without EXIF: a
camera's serial number or a GPS position has no business on a public page. Both come from
one decode, at the smallest scale libjpeg's draft mode offers above 1200 pixels.

Every file gets the picture's credit for this use in IPTC IIM (UTF-8) and XMP
(``image_metadata.write_metadata``): a picture saved from the page, or ingested by an agency
feed, still says who made it, under which licence, and what it shows.
"""

from __future__ import annotations

import io
from typing import NamedTuple

from PIL import Image

from copydesk.pictures import licensing
from copydesk.pictures.files import upright_picture
from copydesk.pictures.licensing import Family, Licence
from copydesk.pictures.metadata import write_metadata
from copydesk.records.picture import PictureMetadata

ORIGINAL = "original"
PAGE = "1200"
THUMBNAIL = "400"
# Rendition name -> its width in pixels, largest first: each is resized from the one before.
WIDTHS = {PAGE: 1200, THUMBNAIL: 400}
JPEG = "image/jpeg"
# Quality 85 is what news sites serve: artefacts invisible at page size, a third of the
# bytes of quality 95.
JPEG_QUALITY = 85


class RenditionFile(NamedTuple):
    name: str  # ORIGINAL, PAGE or THUMBNAIL
    data: bytes
    width: int  # as displayed
    height: int
    media_type: str


def make_renditions(
    original: bytes, media_type: str, metadata: PictureMetadata, *, credit: str
) -> list[RenditionFile]:
    """The renditions of a picture (``original``, ``1200``, ``400``, in this order), each
    with ``metadata`` (see ``metadata_for_use``) and the printed ``credit`` written in.

    ``media_type`` is the stored file's. Raises ``InvalidPicture`` if the file cannot be
    decoded and ``MetadataWriteError`` if its format cannot hold a credit.
    """
    with upright_picture(original, min_width=max(WIDTHS.values())) as (info, picture):
        resized = _resized_jpegs(info.width, info.height, picture)
    # The original is written twice: exiv2 orders the XMP namespaces of a file that had XMP
    # of its own differently from a file it wrote itself, and the second pass settles them.
    # So the original of a package imported elsewhere is shipped again byte for byte.
    written = write_metadata(original, metadata, credit=credit)
    files = [
        RenditionFile(
            ORIGINAL,
            write_metadata(written, metadata, credit=credit),
            info.width,
            info.height,
            media_type,
        )
    ]
    files += [
        RenditionFile(name, write_metadata(data, metadata, credit=credit), *size, JPEG)
        for name, (data, size) in resized.items()
    ]
    return files


def _resized_jpegs(
    width: int, height: int, picture: Image.Image
) -> dict[str, tuple[bytes, tuple[int, int]]]:
    """Each smaller rendition as JPEG bytes, with its size; each resized from the one before
    (the 400 from the 1200: a third of the pixels to read, and no visible difference)."""
    made = {}
    for name, max_width in WIDTHS.items():
        size = rendition_size(width, height, max_width)
        if picture.size != size:
            picture = _resized(picture, size)
        made[name] = (_jpeg(picture), size)
    return made


def rendition_size(width: int, height: int, max_width: int) -> tuple[int, int]:
    """The size of a rendition at most ``max_width`` wide, in the picture's proportions;
    a narrower picture keeps its size (upscaling only blurs it)."""
    if width <= max_width:
        return width, height
    return max_width, max(1, round(height * max_width / width))


def _resized(picture: Image.Image, size: tuple[int, int]) -> Image.Image:
    # Pillow copies ``info`` (the ICC profile) to the result.
    return picture.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def _jpeg(picture: Image.Image) -> bytes:
    output = io.BytesIO()
    profile = picture.info.get("icc_profile")
    options = {"icc_profile": profile} if profile else {}
    picture.save(output, "JPEG", quality=JPEG_QUALITY, optimize=True, **options)
    return output.getvalue()


# ---------------------------------------------------------------------------------------------
# What a rendition says of itself


def metadata_for_use(
    metadata: PictureMetadata, *, caption: str, alt_text: str, language: str
) -> PictureMetadata:
    """The picture's metadata as this article publishes it: the use's caption (as printed,
    with the house label) and alt text in place of the library's, when the use has them; the
    licence's deed as web statement and its title as usage terms when the desk typed none, so
    that the file names its licence even when it travels alone."""
    found = licensing.licence(metadata.licence_id) if metadata.licence_id else None
    return metadata.replace(
        description=caption.strip() or metadata.description,
        alt_text=alt_text.strip() or metadata.alt_text,
        web_statement=metadata.web_statement.strip() or _licence_url(found),
        usage_terms=metadata.usage_terms.strip() or licence_terms(found, language),
    )


def _licence_url(found: Licence | None) -> str:
    return found.url or "" if found is not None else ""


def licence_terms(found: Licence | None, language: str) -> str:
    """Usage terms that a licence implies: its full title and deed (``Creative Commons
    Attribution 4.0 International, https://…``), or a rights-reserved licence's label."""
    if found is None or found.family is Family.UNKNOWN:
        return ""
    if found.family is Family.RIGHTS_RESERVED:
        return found.label(language)
    return f"{found.title}, {found.url}" if found.url else found.title


__all__ = [
    "JPEG_QUALITY",
    "ORIGINAL",
    "PAGE",
    "THUMBNAIL",
    "WIDTHS",
    "RenditionFile",
    "licence_terms",
    "make_renditions",
    "metadata_for_use",
    "rendition_size",
]
