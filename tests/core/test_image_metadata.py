"""Picture metadata: IPTC IIM and XMP read (with precedence and encodings) and written."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pyexiv2
import pytest
from PIL import Image

from copydesk.errors import MetadataWriteError
from copydesk.pictures.iptc_digest import DigestState, digest_state
from copydesk.pictures.metadata import iim_date_time, iso_date, read_metadata, write_metadata
from copydesk.records.picture import EMBEDDED_FIELDS, PictureMetadata

REFERENCE = "IPTC-PhotometadataRef-Std2017.1.jpg"

# Every embedded field, as the IPTC reference image holds it (checked against pyexiv2's
# read_iptc()/read_xmp() and exiftool). Where IIM and XMP differ, XMP wins: IIM has one
# By-line, XMP two creators. The 2017.1 image predates the alt-text field (2021): none.
REFERENCE_FIELDS = {
    "creator": "Creator1 (ref2017.1), Creator2 (ref2017.1)",
    "creator_job_title": "Creator's Job Title  (ref2017.1)",
    "credit_line": "Credit Line (ref2017.1)",
    "copyright_notice": "Copyright (Notice) 2017.1 IPTC - www.iptc.org  (ref2017.1)",
    "source": "Source (ref2017.1)",
    "description": "The description aka caption (ref2017.1)",
    "headline": "The Headline (ref2017.1)",
    "web_statement": "http://www.WebStatementOfRights.org/2017.1",
    "usage_terms": "Rights Usage Termns (ref2017.1)",
    "licensor": "Licensor Name 1 (ref2017.1), Licensor Name 2 (ref2017.1)",
    "digital_source_type": "http://cv.iptc.org/newscodes/digitalsourcetype/softwareImage",
    "alt_text": "",
    "city": "City (Core) (ref2017.1)",
    "country": "Country (Core) (ref2017.1)",
    "date_created": "2017-07-13T17:01:00+00:00",
    "special_instructions": "An Instruction (ref2017.1)",
    "image_supplier": "Image Supplier Name (ref2017.1)",
    "rights_marked": "",
    "cc_license": "",
    "cc_attribution_name": "",
    "cc_attribution_url": "",
    "model_release_status": "http://ns.useplus.org/ldf/vocab/MR-NAP",
    "property_release_status": "http://ns.useplus.org/ldf/vocab/PR-NAP",
}

FULL = PictureMetadata(
    creator="Zoë Lefèvre-東京",
    creator_job_title="Photographe « senior »",
    credit_line="ignored: the credit argument is written",
    copyright_notice="© 2025 Zoë Lefèvre, tous droits réservés",
    source="Agence Été",
    description='« Légende » Zoë, 東京\nSecond paragraph & <b>markup</b>, lang="fr"',
    headline="Manifestation à Besançon",
    web_statement="https://example.org/licence/zoë",
    usage_terms="Réutilisation libre, crédit « Zoë » obligatoire",
    licensor="Agence Été SARL",
    digital_source_type="http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture",
    alt_text="Des manifestants devant la préfecture, 東京",
    city="Besançon",
    country="France",
    date_created="2025-03-15T14:30:00+01:00",
    special_instructions="CRÉDIT OBLIGATOIRE : Zoë Lefèvre. USAGE UNIQUE ; PAS D’ARCHIVAGE",
    image_supplier="Agence Été",
    rights_marked="True",
    cc_license="https://creativecommons.org/licenses/by-sa/4.0/",
    cc_attribution_name="Zoë Lefèvre",
    cc_attribution_url="https://example.org/zoë",
    model_release_status="http://ns.useplus.org/ldf/vocab/MR-NON",
    property_release_status="http://ns.useplus.org/ldf/vocab/PR-UPR",
)
CREDIT = "Photo : Zoë Lefèvre / Agence Été, 東京"
# Cut at IIM's 32 bytes, as exiftool does, without the "É" whose 2 bytes straddle the limit.
IIM_CREDIT = "Photo : Zoë Lefèvre / Agence "


def jpeg(size: tuple[int, int] = (64, 48)) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", size, (120, 80, 40)).save(output, "JPEG")
    return output.getvalue()


def image_bytes(format_name: str) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (32, 24), "red").save(output, format_name)
    return output.getvalue()


def with_iptc(data: bytes, values: dict[str, Any], encoding: str = "utf-8") -> bytes:
    with pyexiv2.ImageData(data) as image:
        image.modify_iptc(values, encoding=encoding)
        return bytes(image.get_bytes())


def with_xmp(data: bytes, values: dict[str, Any]) -> bytes:
    with pyexiv2.ImageData(data) as image:
        image.modify_xmp(values)
        return bytes(image.get_bytes())


def raw_iptc(data: bytes) -> dict[str, Any]:
    with pyexiv2.ImageData(data) as image:
        return dict(image.read_iptc(encoding="utf-8"))


def raw_xmp(data: bytes) -> dict[str, Any]:
    with pyexiv2.ImageData(data) as image:
        return dict(image.read_xmp())


def fields(metadata: PictureMetadata) -> dict[str, str]:
    return {name: getattr(metadata, name) for name in EMBEDDED_FIELDS}


# -- the IPTC reference image --------------------------------------------------------------


def test_the_reference_image_comes_in_with_every_field_right(shared: Path) -> None:
    assert set(REFERENCE_FIELDS) == set(EMBEDDED_FIELDS)
    metadata = read_metadata((shared / "images" / REFERENCE).read_bytes())
    assert fields(metadata) == REFERENCE_FIELDS
    assert metadata.replace(**{name: "" for name in EMBEDDED_FIELDS}) == PictureMetadata()


def test_exif_artist_and_copyright_are_the_last_fallback() -> None:
    with pyexiv2.ImageData(jpeg()) as image:
        image.modify_exif({"Exif.Image.Artist": "Jane Doe", "Exif.Image.Copyright": "© Jane"})
        data = bytes(image.get_bytes())
    metadata = read_metadata(data)
    assert (metadata.creator, metadata.copyright_notice) == ("Jane Doe", "© Jane")
    with_xmp = write_metadata(data, PictureMetadata(creator="Ana Lima"), credit="")
    assert read_metadata(with_xmp).creator == "Ana Lima"  # XMP first; EXIF follows it
    with pyexiv2.ImageData(with_xmp) as image:
        assert image.read_exif()["Exif.Image.Artist"] == "Ana Lima"


def test_a_path_reads_like_its_bytes(shared: Path) -> None:
    path = shared / "images" / REFERENCE
    assert read_metadata(path) == read_metadata(path.read_bytes())


def test_the_reference_image_cuts_an_iim_value_that_xmp_has_whole(shared: Path) -> None:
    """Why XMP comes first: IIM ProvinceState stops at 32 bytes."""
    data = (shared / "images" / REFERENCE).read_bytes()
    assert raw_iptc(data)["Iptc.Application2.ProvinceState"] == "Province/State (Core) (ref2017.1"
    assert raw_xmp(data)["Xmp.photoshop.State"] == "Province/State (Core) (ref2017.1)"


# -- writing -------------------------------------------------------------------------------


def test_every_field_round_trips_with_non_ascii_text() -> None:
    written = write_metadata(jpeg(), FULL, credit=CREDIT)
    assert fields(read_metadata(written)) == fields(FULL.replace(credit_line=CREDIT))


def test_iim_is_written_as_declared_utf8() -> None:
    written = write_metadata(jpeg(), FULL, credit=CREDIT)
    iptc = raw_iptc(written)
    assert iptc["Iptc.Envelope.CharacterSet"] == "\x1b%G"
    assert iptc["Iptc.Application2.Byline"] == ["Zoë Lefèvre-東京"]
    assert iptc["Iptc.Application2.Credit"] == IIM_CREDIT
    assert iptc["Iptc.Application2.Caption"] == FULL.description
    assert iptc["Iptc.Application2.DateCreated"] == "2025-03-15"
    assert iptc["Iptc.Application2.TimeCreated"] == "14:30:00+01:00"


def test_iim_text_is_cut_at_its_length_limit_and_read_whole_from_xmp() -> None:
    creator = "東京" * 20  # 120 bytes: IIM By-line takes 32, 10 whole characters
    written = write_metadata(jpeg(), PictureMetadata(creator=creator), credit=CREDIT)
    assert raw_iptc(written)["Iptc.Application2.Byline"] == ["東京" * 5]
    assert len(IIM_CREDIT.encode()) == 31
    assert (read_metadata(written).creator, read_metadata(written).credit_line) == (creator, CREDIT)


def test_the_xmp_holds_what_iim_cannot() -> None:
    xmp = raw_xmp(write_metadata(jpeg(), FULL, credit=CREDIT))
    assert xmp["Xmp.iptc.AltTextAccessibility"] == {'lang="x-default"': FULL.alt_text}
    assert xmp["Xmp.xmpRights.UsageTerms"] == {'lang="x-default"': FULL.usage_terms}
    assert xmp["Xmp.xmpRights.WebStatement"] == FULL.web_statement
    assert xmp["Xmp.plus.Licensor[1]/plus:LicensorName"] == "Agence Été SARL"
    assert xmp["Xmp.iptcExt.DigitalSourceType"] == FULL.digital_source_type
    assert xmp["Xmp.photoshop.DateCreated"] == "2025-03-15T14:30:00+01:00"


def test_writing_over_the_reference_image_replaces_its_credits(shared: Path) -> None:
    data = (shared / "images" / REFERENCE).read_bytes()
    written = write_metadata(data, FULL.replace(country=""), credit=CREDIT)
    assert fields(read_metadata(written)) == fields(FULL.replace(credit_line=CREDIT, country=""))
    xmp, iptc = raw_xmp(written), raw_iptc(written)
    # one licensor left, none of the reference's twelve-field structs
    assert [key for key in xmp if key.startswith("Xmp.plus.Licensor")] == [
        "Xmp.plus.Licensor",
        "Xmp.plus.Licensor[1]",
        "Xmp.plus.Licensor[1]/plus:LicensorName",
    ]
    assert "Xmp.photoshop.Country" not in xmp and "Iptc.Application2.CountryName" not in iptc
    # what Copydesk does not manage stays
    assert iptc["Iptc.Application2.Keywords"][0] == "Keyword1ref2017.1"
    assert xmp["Xmp.photoshop.State"] == "Province/State (Core) (ref2017.1)"


def test_a_lang_alt_loses_its_stale_languages() -> None:
    data = with_xmp(
        jpeg(), {"Xmp.dc.description": {'lang="x-default"': "Old", 'lang="fr"': "Vieux"}}
    )
    written = write_metadata(data, PictureMetadata(description="New"), credit="")
    assert raw_xmp(written)["Xmp.dc.description"] == {'lang="x-default"': "New"}


def test_empty_fields_are_removed_from_the_file() -> None:
    written = write_metadata(
        write_metadata(jpeg(), FULL, credit=CREDIT), PictureMetadata(), credit=""
    )
    assert fields(read_metadata(written)) == fields(PictureMetadata())
    assert set(raw_iptc(written)) <= {
        "Iptc.Envelope.ModelVersion",
        "Iptc.Envelope.CharacterSet",
        "Iptc.Application2.RecordVersion",
    }
    assert not raw_xmp(written)


def test_control_characters_are_not_written() -> None:
    metadata = PictureMetadata(description="Ligne\x0b un\r\nligne deux\x00", headline="\x1bTitre")
    written = write_metadata(jpeg(), metadata, credit="Crédit\x07")
    result = read_metadata(written)
    assert (result.description, result.headline, result.credit_line) == (
        "Ligne un\nligne deux",
        "Titre",
        "Crédit",
    )
    assert raw_xmp(written)["Xmp.photoshop.Headline"] == "Titre"


def test_a_licensor_given_as_a_url_goes_in_licensor_url() -> None:
    metadata = PictureMetadata(licensor="https://agence.example/été")
    written = write_metadata(jpeg(), metadata, credit="")
    assert raw_xmp(written)["Xmp.plus.Licensor[1]/plus:LicensorURL"] == metadata.licensor
    assert read_metadata(written).licensor == metadata.licensor


def test_a_creator_with_a_comma_stays_one_creator() -> None:
    written = write_metadata(jpeg(), PictureMetadata(creator="Dupont, Jean"), credit="")
    assert raw_xmp(written)["Xmp.dc.creator"] == ["Dupont, Jean"]
    assert raw_iptc(written)["Iptc.Application2.Byline"] == ["Dupont, Jean"]


def test_existing_latin1_iim_is_rewritten_as_utf8() -> None:
    """Declaring UTF-8 covers every dataset: the keywords Copydesk does not manage too."""
    data = with_iptc(
        jpeg(),
        {"Iptc.Application2.Keywords": ["Été", "grève"], "Iptc.Application2.City": "Orléans"},
        encoding="cp1252",
    )
    written = write_metadata(data, PictureMetadata(city="Besançon"), credit="")
    iptc = raw_iptc(written)  # strict UTF-8 decoding: raises on any Latin-1 byte left
    assert iptc["Iptc.Application2.Keywords"] == ["Été", "grève"]
    assert iptc["Iptc.Application2.City"] == "Besançon"


def test_a_date_iim_cannot_say_is_written_to_xmp_only() -> None:
    written = write_metadata(jpeg(), PictureMetadata(date_created="2024-05-06T07:08"), credit="")
    assert raw_iptc(written)["Iptc.Application2.DateCreated"] == "2024-05-06"
    assert "Iptc.Application2.TimeCreated" not in raw_iptc(written)
    assert read_metadata(written).date_created == "2024-05-06T07:08"


def test_a_date_that_is_not_iso_is_not_written() -> None:
    written = write_metadata(jpeg(), PictureMetadata(date_created="mardi dernier"), credit="")
    assert read_metadata(written).date_created == ""
    assert "Xmp.photoshop.DateCreated" not in raw_xmp(written)


@pytest.mark.parametrize("format_name", ["PNG", "TIFF"])
def test_png_and_tiff_take_both_iim_and_xmp(format_name: str) -> None:
    written = write_metadata(image_bytes(format_name), FULL, credit=CREDIT)
    assert fields(read_metadata(written)) == fields(FULL.replace(credit_line=CREDIT))
    assert raw_iptc(written)["Iptc.Application2.Credit"] == IIM_CREDIT
    Image.open(io.BytesIO(written)).load()  # still a valid picture


def test_webp_takes_xmp_only() -> None:
    written = write_metadata(image_bytes("WEBP"), FULL, credit=CREDIT)
    assert fields(read_metadata(written)) == fields(FULL.replace(credit_line=CREDIT))
    assert raw_iptc(written) == {}


@pytest.mark.parametrize("format_name", ["GIF", "BMP"])
def test_a_format_without_metadata_is_refused(format_name: str) -> None:
    with pytest.raises(MetadataWriteError, match="cannot write credits into this picture"):
        write_metadata(image_bytes(format_name), FULL, credit=CREDIT)


def test_data_that_is_no_picture_cannot_be_written() -> None:
    with pytest.raises(MetadataWriteError, match="cannot be written"):
        write_metadata(b"not a picture", FULL, credit=CREDIT)


def test_threads_can_read_and_write_at_once() -> None:
    """pyexiv2 keeps global state between the calls of one operation (the log level this
    module sets for reading or writing, exiv2's error log), so operations take turns. A smoke
    test: the race it guards against is rare by nature (pyexiv2 holds the GIL in C++)."""
    damaged = with_segment(
        with_iptc(jpeg(), {"Iptc.Application2.Credit": "IIM credit"}), 0xE1, BROKEN_XMP
    )

    def work(number: int) -> str:
        if number % 2:
            return read_metadata(damaged).credit_line  # needs exiv2's errors muted
        written = write_metadata(jpeg(), PictureMetadata(city=f"Ville {number} é"), credit="")
        return read_metadata(written).city

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(200)))
    assert results == ["IIM credit" if number % 2 else f"Ville {number} é" for number in range(200)]


# -- IIM encodings -------------------------------------------------------------------------


def test_undeclared_windows_1252_iim_is_read_right() -> None:
    data = with_iptc(
        jpeg(),
        {"Iptc.Application2.Credit": "Crédit ’Zoë’ – €", "Iptc.Application2.Byline": ["Zoë"]},
        encoding="cp1252",
    )
    assert "Iptc.Envelope.CharacterSet" not in raw_iptc_latin1(data)
    metadata = read_metadata(data)
    assert (metadata.credit_line, metadata.creator) == ("Crédit ’Zoë’ – €", "Zoë")


def test_declared_utf8_iim_is_read_right() -> None:
    data = with_iptc(
        jpeg(),
        {"Iptc.Envelope.CharacterSet": "\x1b%G", "Iptc.Application2.Caption": "« Légende » 東京"},
    )
    assert read_metadata(data).description == "« Légende » 東京"


def test_undeclared_utf8_iim_is_read_as_utf8() -> None:
    """exiv2-based tools often write UTF-8 without saying so."""
    data = with_iptc(jpeg(), {"Iptc.Application2.Caption": "« Légende » 東京"})
    assert "Iptc.Envelope.CharacterSet" not in raw_iptc_latin1(data)
    assert read_metadata(data).description == "« Légende » 東京"


def test_iim_declared_utf8_but_written_in_latin1_is_still_read() -> None:
    data = with_iptc(
        jpeg(),
        {"Iptc.Envelope.CharacterSet": "\x1b%G", "Iptc.Application2.City": "Orléans"},
        encoding="latin-1",
    )
    assert read_metadata(data).city == "Orléans"


def test_garbled_iim_loses_its_control_bytes_and_never_raises() -> None:
    data = with_iptc(
        jpeg(),
        {
            "Iptc.Application2.Headline": "\x00\x01Titre\x81\x9d\x00",
            "Iptc.Application2.City": "\x00",
        },
        encoding="latin-1",
    )
    metadata = read_metadata(data)
    assert (metadata.headline, metadata.city) == ("Titre", "")


def test_photoshop_line_breaks_become_newlines() -> None:
    data = with_iptc(jpeg(), {"Iptc.Application2.Caption": "One\rTwo\r\nThree"})
    assert read_metadata(data).description == "One\nTwo\nThree"


def raw_iptc_latin1(data: bytes) -> dict[str, Any]:
    with pyexiv2.ImageData(data) as image:
        return dict(image.read_iptc(encoding="latin-1"))


# -- precedence ----------------------------------------------------------------------------


def test_xmp_wins_when_iim_disagrees() -> None:
    data = with_iptc(jpeg(), {"Iptc.Application2.Caption": "IIM caption"})
    data = with_xmp(data, {"Xmp.dc.description": {'lang="x-default"': "XMP caption"}})
    assert read_metadata(data).description == "XMP caption"


def test_iim_fills_what_xmp_lacks() -> None:
    data = with_iptc(
        jpeg(),
        {
            "Iptc.Application2.Caption": "IIM caption",
            "Iptc.Application2.DateCreated": "2020-01-02",
            "Iptc.Application2.TimeCreated": "10:11:12+02:00",
        },
    )
    data = with_xmp(data, {"Xmp.photoshop.Credit": "XMP credit"})
    metadata = read_metadata(data)
    assert metadata.description == "IIM caption"
    assert metadata.credit_line == "XMP credit"
    assert metadata.date_created == "2020-01-02T10:11:12+02:00"


def test_a_lang_alt_without_x_default_gives_its_first_language() -> None:
    data = with_xmp(jpeg(), {"Xmp.dc.rights": {'lang="fr"': "© Zoë", 'lang="en"': "© Zoe"}})
    assert read_metadata(data).copyright_notice == "© Zoë"


def test_a_licensor_without_a_name_gives_its_url() -> None:
    data = with_xmp(
        jpeg(),
        {
            "Xmp.plus.Licensor": 'type="Seq"',
            "Xmp.plus.Licensor[1]": 'type="Struct"',
            "Xmp.plus.Licensor[1]/plus:LicensorURL": "https://agence.example",
            "Xmp.plus.Licensor[1]/plus:LicensorEmail": "photo@agence.example",
        },
    )
    assert read_metadata(data).licensor == "https://agence.example"


# The MWG digest: a JPEG whose IIM (APP13) was last synchronised with its XMP, or not.


def iim_dataset(number: int, value: bytes) -> bytes:
    return bytes([0x1C, 2, number]) + len(value).to_bytes(2, "big") + value


def photoshop_segment(iim: bytes, digest: bytes | None) -> bytes:
    def resource(resource_id: int, data: bytes) -> bytes:
        padding = b"\x00" if len(data) % 2 else b""
        return (
            b"8BIM"
            + resource_id.to_bytes(2, "big")
            + b"\x00\x00"
            + len(data).to_bytes(4, "big")
            + data
            + padding
        )

    payload = b"Photoshop 3.0\x00" + resource(0x0404, iim)
    if digest is not None:
        payload += resource(0x0425, digest)
    return b"\xff\xed" + (len(payload) + 2).to_bytes(2, "big") + payload


def jpeg_with_iim_and_xmp(iim_caption: str, xmp_caption: str, digest: str) -> bytes:
    """``digest``: "current" (MD5 of the IIM), "stale" (of other IIM) or "none"."""
    iim = iim_dataset(120, iim_caption.encode())
    stored = {
        "current": hashlib.md5(iim).digest(),
        "stale": hashlib.md5(b"older IIM").digest(),
        "none": None,
    }[digest]
    data = with_xmp(jpeg(), {"Xmp.dc.description": {'lang="x-default"': xmp_caption}})
    return data[:2] + photoshop_segment(iim, stored) + data[2:]


@pytest.mark.parametrize(
    ("digest", "iim", "xmp", "expected"),
    [
        ("current", "IIM text", "XMP text", "XMP text"),
        ("none", "IIM text", "XMP text", "XMP text"),
        (
            "stale",
            "Edited later in an IIM-only tool",
            "XMP text",
            "Edited later in an IIM-only tool",
        ),
        (
            "stale",
            "A caption cut at the IIM",
            "A caption cut at the IIM limit, whole in XMP",
            "A caption cut at the IIM limit, whole in XMP",
        ),
        ("stale", "IIM only", "", "IIM only"),
    ],
)
def test_a_stale_iptc_digest_makes_iim_the_newer_text(
    digest: str, iim: str, xmp: str, expected: str
) -> None:
    data = jpeg_with_iim_and_xmp(iim, xmp, digest)
    assert raw_iptc(data)["Iptc.Application2.Caption"] == iim  # exiv2 reads our segment
    assert read_metadata(data).description == expected


def test_writing_keeps_a_current_digest_current() -> None:
    data = jpeg_with_iim_and_xmp("IIM text", "XMP text", "current")
    assert digest_state(data) is DigestState.CURRENT
    written = write_metadata(data, PictureMetadata(description="Nouvelle légende"), credit="")
    assert digest_state(written) is DigestState.CURRENT
    assert read_metadata(written).description == "Nouvelle légende"


def test_writing_leaves_a_stale_digest_stale() -> None:
    data = jpeg_with_iim_and_xmp("IIM text", "XMP text", "stale")
    written = write_metadata(data, PictureMetadata(description="Nouvelle légende"), credit="")
    assert digest_state(written) is DigestState.STALE
    assert read_metadata(written).description == "Nouvelle légende"  # both say it


def test_a_jpeg_without_photoshop_resources_has_no_digest(shared: Path) -> None:
    assert digest_state((shared / "images" / REFERENCE).read_bytes()) is DigestState.ABSENT
    assert digest_state(b"") is DigestState.ABSENT
    assert digest_state(b"\xff\xd8\xff\xed\x00\x01") is DigestState.ABSENT


# -- odd data ------------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"not a picture", bytes(range(256)) * 4, b"\xff\xd8\xff"])
def test_data_without_readable_metadata_gives_empty_fields(data: bytes) -> None:
    assert read_metadata(data) == PictureMetadata()


def test_a_truncated_jpeg_still_gives_its_metadata() -> None:
    """Metadata sits before the pixels: the pixels' check is ``image_files``'s job."""
    data = write_metadata(jpeg((400, 300)), FULL, credit=CREDIT)
    assert read_metadata(data[: len(data) * 3 // 4]).creator == FULL.creator


def with_segment(data: bytes, marker: int, body: bytes) -> bytes:
    """``data`` (a JPEG) with an APPn segment inserted after SOI."""
    return data[:2] + bytes([0xFF, marker]) + (len(body) + 2).to_bytes(2, "big") + body + data[2:]


BROKEN_EXIF = b"Exif\x00\x00II*\x00\x08\x00\x00\x00\xff\xff" + b"\x01" * 40  # 65,535 entries
BROKEN_XMP = b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF><bro"


def test_a_broken_exif_block_does_not_hide_iim_and_xmp() -> None:
    """pyexiv2 raises on any error exiv2 logs, though exiv2 read the rest fine."""
    data = with_segment(write_metadata(jpeg(), FULL, credit=CREDIT), 0xE1, BROKEN_EXIF)
    assert fields(read_metadata(data)) == fields(FULL.replace(credit_line=CREDIT))
    written = write_metadata(data, FULL.replace(city="Lyon"), credit=CREDIT)
    assert read_metadata(written).city == "Lyon"


def test_a_broken_xmp_packet_leaves_the_iim(capfd: pytest.CaptureFixture[str]) -> None:
    data = with_iptc(jpeg(), {"Iptc.Application2.Credit": "IIM credit"})
    data = with_segment(data, 0xE1, BROKEN_XMP)
    assert read_metadata(data).credit_line == "IIM credit"
    written = write_metadata(data, PictureMetadata(source="Agence"), credit="New credit")
    assert (read_metadata(written).credit_line, read_metadata(written).source) == (
        "New credit",
        "Agence",
    )
    assert capfd.readouterr().out == ""  # exiv2's "[warn] …" lines stay off stdout


def test_lists_where_text_belongs_are_joined_without_repeats() -> None:
    data = with_xmp(
        jpeg(),
        {"Xmp.photoshop.Credit": ["one", "two", "one"], "Xmp.dc.creator": ["A", "", "B", "A"]},
    )
    metadata = read_metadata(data)
    assert (metadata.credit_line, metadata.creator) == ("one, two", "A, B")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017-07-13T17:01:00+00:00", "2017-07-13T17:01:00+00:00"),
        ("2017:07:13 17:01:00", "2017-07-13T17:01:00"),
        ("2017-07-13T17:01+0200", "2017-07-13T17:01+02:00"),
        ("2017-07-13T17:01:00.25Z", "2017-07-13T17:01:00.25Z"),
        ("2017-07", "2017-07"),
        ("2017", "2017"),
        ("2017-02-30", ""),
        ("2017-13", ""),
        ("2017-07-13T24:00", ""),
        ("2017-07-13T12:60", ""),
        ("13/07/2017", ""),
        ("", ""),
    ],
)
def test_iso_date(text: str, expected: str) -> None:
    assert iso_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017-07-13T17:01:00+00:00", ("2017-07-13", "17:01:00+00:00")),
        ("2017-07-13T17:01Z", ("2017-07-13", "17:01:00+00:00")),
        ("2017-07-13T17:01:02.5-05:00", ("2017-07-13", "17:01:02-05:00")),
        ("2017-07-13T17:01:00", ("2017-07-13", "")),
        ("2017-07-13", ("2017-07-13", "")),
        ("2017-07", ("", "")),
        ("nonsense", ("", "")),
    ],
)
def test_iim_date_time(text: str, expected: tuple[str, str]) -> None:
    assert iim_date_time(text) == expected


# -- an independent reader -----------------------------------------------------------------

EXIFTOOL = shutil.which("exiftool")
needs_exiftool = pytest.mark.skipif(
    EXIFTOOL is None, reason="exiftool is not installed (Debian: libimage-exiftool-perl)"
)


def exiftool_tags(path: Path) -> dict[str, Any]:
    assert EXIFTOOL is not None
    result = subprocess.run(
        [EXIFTOOL, "-json", "-a", "-G1", "-all", "-validate", str(path)],
        capture_output=True,
        check=True,
    )
    tags: dict[str, Any] = json.loads(result.stdout.decode("utf-8"))[0]
    return tags


@needs_exiftool
@pytest.mark.parametrize("source", ["plain", "reference"])
def test_exiftool_reads_the_written_credits_without_mojibake(
    source: str, shared: Path, tmp_path: Path
) -> None:
    data = jpeg() if source == "plain" else (shared / "images" / REFERENCE).read_bytes()
    path = tmp_path / "written.jpg"
    path.write_bytes(write_metadata(data, FULL, credit=CREDIT))
    tags = exiftool_tags(path)
    expected = {
        "IPTC:CodedCharacterSet": "UTF8",
        "IPTC:By-line": FULL.creator,
        "XMP-dc:Creator": FULL.creator,
        "IPTC:Credit": IIM_CREDIT,
        "XMP-photoshop:Credit": CREDIT,
        "IPTC:CopyrightNotice": FULL.copyright_notice,
        "XMP-dc:Rights": FULL.copyright_notice,
        "IPTC:Source": FULL.source,
        "XMP-photoshop:Source": FULL.source,
        "IPTC:Caption-Abstract": FULL.description,
        "XMP-dc:Description": FULL.description,
        "XMP-xmpRights:UsageTerms": FULL.usage_terms,
        "XMP-xmpRights:WebStatement": FULL.web_statement,
        "XMP-iptcCore:AltTextAccessibility": FULL.alt_text,
        "XMP-plus:LicensorName": FULL.licensor,
        "IPTC:SpecialInstructions": FULL.special_instructions,
        "XMP-photoshop:Instructions": FULL.special_instructions,
        "XMP-plus:ImageSupplierName": FULL.image_supplier,
        "XMP-xmpRights:Marked": True,
        "XMP-cc:License": FULL.cc_license,
        "XMP-cc:AttributionName": FULL.cc_attribution_name,
        "XMP-cc:AttributionURL": FULL.cc_attribution_url,
        "XMP-plus:ModelReleaseStatus": "None",
        "XMP-plus:PropertyReleaseStatus": "Unlimited Property Releases",
        "ExifTool:Validate": "OK",
    }
    if source == "reference":  # EXIF Artist and Copyright follow, where the file has them
        expected["IFD0:Artist"] = FULL.creator
        expected["IFD0:Copyright"] = FULL.copyright_notice
    assert {key: tags.get(key) for key in expected} == expected
    assert "ExifTool:Warning" not in tags
    if source == "plain":
        assert "IFD0:Artist" not in tags  # none is added
