"""The renditions a package ships: sizes, orientation, JPEG, and the credit written in each."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageCms

from copydesk.pictures.licensing import licence
from copydesk.pictures.metadata import read_metadata
from copydesk.pictures.renditions import (
    JPEG,
    ORIGINAL,
    PAGE,
    THUMBNAIL,
    RenditionFile,
    licence_terms,
    make_renditions,
    metadata_for_use,
    rendition_size,
)
from copydesk.records.picture import PictureMetadata
from tests.core.test_image_files import encoded, oriented_jpeg, photo, photo_jpeg

METADATA = PictureMetadata(
    creator="Zoë Lefèvre",
    source="Wikimédia Commons",
    licence_id="cc-by-4.0",
    description="Légende de la photothèque",
    alt_text="Texte alternatif de la photothèque",
)
CREDIT = "Photo : Zoë Lefèvre / Wikimédia Commons, CC BY 4.0"


def renditions(data: bytes, media_type: str = JPEG) -> dict[str, RenditionFile]:
    return {file.name: file for file in make_renditions(data, media_type, METADATA, credit=CREDIT)}


def opened(file: RenditionFile) -> Image.Image:
    image = Image.open(io.BytesIO(file.data))
    image.load()
    return image


def test_a_large_picture_gets_three_renditions_in_order() -> None:
    made = make_renditions(photo_jpeg((2400, 1600)), JPEG, METADATA, credit=CREDIT)
    assert [(f.name, f.width, f.height, f.media_type) for f in made] == [
        (ORIGINAL, 2400, 1600, JPEG),
        (PAGE, 1200, 800, JPEG),
        (THUMBNAIL, 400, 267, JPEG),
    ]
    for file in made:
        assert opened(file).size == (file.width, file.height)


def test_the_original_keeps_its_pixels_and_gains_the_credit() -> None:
    data = photo_jpeg((800, 600))
    original = renditions(data)[ORIGINAL]
    assert original.data != data
    assert original.data.endswith(data[-1000:])  # the scan data is the same, at the end
    assert read_metadata(original.data).creator == "Zoë Lefèvre"


def test_a_narrow_picture_is_never_upscaled() -> None:
    made = renditions(photo_jpeg((300, 200)))
    assert {name: (f.width, f.height) for name, f in made.items()} == {
        ORIGINAL: (300, 200),
        PAGE: (300, 200),
        THUMBNAIL: (300, 200),
    }


@pytest.mark.parametrize("orientation", [6, 8])
def test_renditions_are_upright_and_sized_as_displayed(orientation: int) -> None:
    made = renditions(oriented_jpeg(orientation))  # 400 × 300 stored, turned a quarter
    assert (made[ORIGINAL].width, made[ORIGINAL].height) == (300, 400)
    page = opened(made[PAGE])
    assert page.size == (300, 400)
    assert page.getexif().get(0x0112) is None  # no EXIF at all: nothing left to rotate


def test_a_transparent_png_becomes_jpeg_flattened_on_white() -> None:
    image = Image.new("RGBA", (1600, 800), (0, 0, 0, 0))
    image.paste((200, 0, 0, 255), (0, 0, 800, 800))
    made = renditions(encoded(image, "PNG"), "image/png")
    assert made[ORIGINAL].media_type == "image/png"
    assert made[PAGE].media_type == JPEG
    page = opened(made[PAGE])
    assert page.format == "JPEG" and page.mode == "RGB" and page.size == (1200, 600)
    assert page.getpixel((1100, 300)) == pytest.approx((255, 255, 255), abs=3)
    assert page.getpixel((100, 300)) == pytest.approx((200, 0, 0), abs=6)


@pytest.mark.parametrize("mode", ["L", "CMYK"])
def test_grey_and_cmyk_jpegs_give_rgb_renditions(mode: str) -> None:
    made = renditions(encoded(photo((1600, 1200)).convert(mode), "JPEG", quality=90))
    for name in (PAGE, THUMBNAIL):
        image = opened(made[name])
        assert image.mode == "RGB" and image.size == (made[name].width, made[name].height)
    assert (made[PAGE].width, made[PAGE].height) == (1200, 900)


def test_an_rgb_colour_profile_survives_the_resizing() -> None:
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    made = renditions(encoded(photo((1600, 1200)), "JPEG", icc_profile=profile))
    assert opened(made[PAGE]).info.get("icc_profile") == profile


def test_each_rendition_carries_the_credit() -> None:
    for file in renditions(photo_jpeg((1600, 1200))).values():
        found = read_metadata(file.data)
        assert (found.creator, found.credit_line, found.source) == (
            "Zoë Lefèvre",
            CREDIT,
            "Wikimédia Commons",
        )


def test_rendition_sizes_keep_the_proportions() -> None:
    assert rendition_size(4000, 3000, 1200) == (1200, 900)
    assert rendition_size(3000, 4000, 400) == (400, 533)
    assert rendition_size(1200, 10, 400) == (400, 3)
    assert rendition_size(5000, 1, 400) == (400, 1)  # never a zero height
    assert rendition_size(1000, 500, 1200) == (1000, 500)


# ---- the metadata of a use ------------------------------------------------------------------


def test_the_use_caption_and_alt_text_replace_the_librarys() -> None:
    used = metadata_for_use(
        METADATA,
        caption="Les éoliennes, photo illustrative",
        alt_text="Trois éoliennes",
        language="fr",
    )
    assert used.description == "Les éoliennes, photo illustrative"
    assert used.alt_text == "Trois éoliennes"


def test_a_use_without_caption_or_alt_text_keeps_the_librarys() -> None:
    used = metadata_for_use(METADATA, caption=" ", alt_text="", language="fr")
    assert (used.description, used.alt_text) == (METADATA.description, METADATA.alt_text)


def test_the_licence_fills_the_web_statement_and_usage_terms_left_empty() -> None:
    used = metadata_for_use(METADATA, caption="", alt_text="", language="fr")
    assert used.web_statement == "https://creativecommons.org/licenses/by/4.0/"
    assert used.usage_terms == (
        "Creative Commons Attribution 4.0 International, "
        "https://creativecommons.org/licenses/by/4.0/"
    )


def test_the_desks_own_rights_texts_win() -> None:
    typed = METADATA.replace(web_statement="https://example.org/rights", usage_terms="Sur demande")
    used = metadata_for_use(typed, caption="", alt_text="", language="fr")
    assert (used.web_statement, used.usage_terms) == ("https://example.org/rights", "Sur demande")


def test_usage_terms_of_each_kind_of_licence() -> None:
    assert licence_terms(licence("agency"), "fr") == "Tous droits réservés"
    assert licence_terms(licence("cc0-1.0"), "en").startswith("CC0 1.0 Universal, https://")
    assert licence_terms(licence("unknown"), "fr") == ""
    assert licence_terms(None, "fr") == ""
