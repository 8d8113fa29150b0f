"""Agency pictures as a photo desk receives them, made here with their IIM and XMP: each gives
the credit the supplier requires, the problems its instructions raise, the licence its
metadata points at, and survives export → exiftool read-back → re-import unchanged."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pyexiv2
import pytest
from PIL import Image

from copydesk.articles import store as articles
from copydesk.articles.pictures import check_pictures, load_article_pictures
from copydesk.pictures import disagreements
from copydesk.pictures.compliance import check_picture
from copydesk.pictures.credits import credit_for, file_credit
from copydesk.pictures.importing import prepare_picture_data
from copydesk.pictures.licence_suggestions import suggest_licence
from copydesk.pictures.listing import Judgement
from copydesk.pictures.metadata import read_metadata
from copydesk.pictures.operations import import_files
from copydesk.pictures.renditions import ORIGINAL, make_renditions
from copydesk.records.article import ArticleContent, LeadPictureUse
from copydesk.records.picture import EMBEDDED_FIELDS, PictureMetadata
from tests.helpers import opened

EXIFTOOL = shutil.which("exiftool")  # make test installs it (libimage-exiftool-perl)
CET = timezone(timedelta(hours=1))
NOW = datetime(2026, 12, 3, 12, 0, tzinfo=CET)
AFTER_EMBARGO = datetime(2026, 12, 10, 7, 0, tzinfo=CET)
# Field -> (IIM dataset, XMP property) as agencies write them.
_BLOCKS = {
    "creator": ("Iptc.Application2.Byline", "Xmp.dc.creator"),
    "credit_line": ("Iptc.Application2.Credit", "Xmp.photoshop.Credit"),
    "source": ("Iptc.Application2.Source", "Xmp.photoshop.Source"),
    "special_instructions": ("Iptc.Application2.SpecialInstructions", "Xmp.photoshop.Instructions"),
    "copyright_notice": ("Iptc.Application2.Copyright", "Xmp.dc.rights"),
    "description": ("Iptc.Application2.Caption", "Xmp.dc.description"),
}
_LANG_ALT = {"copyright_notice", "description"}


@dataclass(frozen=True)
class Case:
    fields: dict[str, str]
    credit_fr: str
    credit_en: str
    problems: list[str]  # the codes, in the order the editor lists them
    suggested: str  # the licence suggested, "" for none
    iim_only: dict[str, Any] = field(default_factory=dict)
    xmp_only: dict[str, Any] = field(default_factory=dict)


CASES = {
    "wire photo": Case(
        {"creator": "Jane Doe", "credit_line": "Agence France-Presse", "source": "AFP"},
        "Photo\u00a0: Jane Doe / Agence France-Presse",
        "Photo: Jane Doe / Agence France-Presse",
        ["licence.missing"],
        "agency",
    ),
    "handout": Case(
        {
            "credit_line": "US Navy",
            "source": "US NAVY",
            "special_instructions": (
                "MANDATORY CREDIT: US NAVY/HANDOUT. ONE TIME USE ONLY; NO ARCHIVES. HANDOUT PHOTO"
            ),
        },
        "Photo\u00a0: US Navy",
        "Photo: US Navy",
        ["instructions.credit_missing", "licence.missing"],
        "handout",
    ),
    "file photo": Case(
        {
            "creator": "John Smith",
            "credit_line": "Reuters",
            "special_instructions": "EDS NOTE: A FILE PHOTO",
            "description": "Le président en 2019.",
        },
        "Photo\u00a0: John Smith / Reuters",
        "Photo: John Smith / Reuters",
        ["instructions.file_photo", "licence.missing"],
        "agency",
    ),
    "stock photo": Case(
        {"copyright_notice": "© Getty Images", "description": "Une plage."},
        "",
        "",
        ["licence.missing"],
        "agency",
    ),
    "CC BY-SA by its XMP only": Case(
        {},
        "",
        "",
        ["licence.missing"],
        "cc-by-sa-4.0",
        xmp_only={
            "Xmp.cc.license": "https://creativecommons.org/licenses/by-sa/4.0/",
            "Xmp.cc.attributionName": "Ana Lima",
        },
    ),
    "embargoed": Case(
        {
            "creator": "Jane Doe",
            "credit_line": "Reuters",
            "special_instructions": "EMBARGOED UNTIL 2026-12-10 06:00 CET",
        },
        "Photo\u00a0: Jane Doe / Reuters",
        "Photo: Jane Doe / Reuters",
        ["instructions.embargo", "licence.missing"],
        "agency",
    ),
    "French wording": Case(
        {
            "creator": "Marie Dupont",
            "credit_line": "Agence France-Presse",
            "source": "AFP",
            "special_instructions": (
                "CRÉDIT OBLIGATOIRE : MARIE DUPONT/AFP. USAGE UNIQUE. PAS D’ARCHIVES. "
                "SOUS EMBARGO JUSQU’AU 10/12/2026 06:00"
            ),
        },
        "Photo\u00a0: Marie Dupont / Agence France-Presse",
        "Photo: Marie Dupont / Agence France-Presse",
        ["instructions.credit_missing", "instructions.embargo", "licence.missing"],
        "agency",
    ),
    "IIM and XMP disagree": Case(
        {"creator": "Jane Doe", "credit_line": "Reuters", "source": "REUTERS"},
        "Photo\u00a0: Jane Doe / Reuters",
        "Photo: Jane Doe / Reuters",
        ["metadata.disagrees", "metadata.disagrees", "licence.missing"],
        "agency",
        iim_only={"Iptc.Application2.Source": "RTR", "Iptc.Application2.DateCreated": "2024-05-01"},
        xmp_only={"Xmp.photoshop.DateCreated": "2024-06-12"},
    ),
}


def jpeg() -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (640, 480), (90, 120, 150)).save(output, "JPEG")
    return output.getvalue()


def agency_picture(case: Case) -> bytes:
    read_metadata(jpeg())  # registers the Creative Commons namespace with exiv2
    iim: dict[str, Any] = {"Iptc.Envelope.CharacterSet": "\x1b%G"}
    xmp: dict[str, Any] = {}
    for name, value in case.fields.items():
        iim_key, xmp_key = _BLOCKS[name]
        iim[iim_key] = [value] if name == "creator" else value
        if name == "creator":
            xmp[xmp_key] = [value]
        elif name in _LANG_ALT:
            xmp[xmp_key] = {'lang="x-default"': value}
        else:
            xmp[xmp_key] = value
    iim.update(case.iim_only)
    xmp.update(case.xmp_only)
    with pyexiv2.ImageData(jpeg()) as image:
        image.modify_iptc(iim, encoding="utf-8")
        image.modify_xmp(xmp)
        return bytes(image.get_bytes())


def imported(data: bytes, name: str = "agency.jpg") -> PictureMetadata:
    return prepare_picture_data(Path(name), data).metadata


def embedded(metadata: PictureMetadata) -> dict[str, str]:
    return {name: getattr(metadata, name) for name in EMBEDDED_FIELDS}


def exported(metadata: PictureMetadata, data: bytes) -> bytes:
    renditions = make_renditions(data, "image/jpeg", metadata, credit=file_credit(metadata))
    return next(r.data for r in renditions if r.name == ORIGINAL)


def exiftool_tags(path: Path) -> dict[str, Any]:
    assert EXIFTOOL is not None, "make test installs exiftool (libimage-exiftool-perl)"
    result = subprocess.run(
        [EXIFTOOL, "-j", "-G1", "-charset", "iptc=UTF8", str(path)], capture_output=True, check=True
    )
    tags: dict[str, Any] = json.loads(result.stdout.decode("utf-8"))[0]
    return tags


@pytest.mark.parametrize("name", CASES)
def test_the_credit_problems_and_suggestion(name: str) -> None:
    case = CASES[name]
    metadata = imported(agency_picture(case))
    assert credit_for(metadata, "fr") == case.credit_fr
    assert credit_for(metadata, "en") == case.credit_en
    found = check_picture(metadata, language="fr", commercial=False, today=NOW.date(), now=NOW)
    assert [problem.code for problem in found] == case.problems
    suggestion = suggest_licence(metadata)
    assert (suggestion.licence.id if suggestion else "") == case.suggested


@pytest.mark.parametrize("name", ["embargoed", "French wording"])
def test_an_embargo_ends_at_its_moment(name: str) -> None:
    metadata = imported(agency_picture(CASES[name]))
    later = check_picture(
        metadata, language="fr", commercial=False, today=AFTER_EMBARGO.date(), now=AFTER_EMBARGO
    )
    assert "instructions.embargo" not in [problem.code for problem in later]


def test_the_disagreeing_picture_lists_both_values_per_field() -> None:
    metadata = imported(agency_picture(CASES["IIM and XMP disagree"]))
    assert metadata.source == "REUTERS" and metadata.date_created == "2024-06-12"  # XMP wins
    found = {d.field: d.choices() for d in disagreements.disagreements_of(metadata)}
    assert found == {
        "source": [("REUTERS", ("XMP",)), ("RTR", ("IIM",))],
        "date_created": [("2024-06-12", ("XMP",)), ("2024-05-01", ("IIM",))],
    }
    [source] = [
        p
        for p in check_picture(metadata, language="en", commercial=False, today=NOW.date())
        if p.field == "source"
    ]
    assert source.message == "Source: the file’s metadata disagrees (XMP “REUTERS”; IIM “RTR”)."


@pytest.mark.parametrize("name", CASES)
def test_export_exiftool_and_reimport_keep_every_field(name: str, tmp_path: Path) -> None:
    case = CASES[name]
    data = agency_picture(case)
    metadata = imported(data)
    if name == "IIM and XMP disagree":  # the desk picks IIM's source, keeps XMP's date
        metadata = metadata.replace(**disagreements.pick(metadata, "source", "RTR"))
        metadata = metadata.replace(**disagreements.keep(metadata, "date_created"))
        assert metadata.disagreements == ""
    path = tmp_path / "exported.jpg"
    path.write_bytes(exported(metadata, data))
    tags = exiftool_tags(path)
    written = {
        "credit_line": ("IPTC:Credit", "XMP-photoshop:Credit"),
        "source": ("IPTC:Source", "XMP-photoshop:Source"),
        "special_instructions": ("IPTC:SpecialInstructions", "XMP-photoshop:Instructions"),
        "copyright_notice": ("IPTC:CopyrightNotice", "XMP-dc:Rights"),
        "description": ("IPTC:Caption-Abstract", "XMP-dc:Description"),
    }
    for name_, keys in written.items():
        value = getattr(metadata, name_)
        assert [str(tags.get(key, "")) for key in keys] == [value, value], name_
    assert tags.get("XMP-cc:License", "") == metadata.cc_license
    if metadata.date_created:
        assert tags["IPTC:DateCreated"] == metadata.date_created.replace("-", ":")
    back = imported(path.read_bytes(), "exported.jpg")
    assert embedded(back) == embedded(metadata)
    assert back.disagreements == ""
    assert credit_for(back, "fr") == credit_for(metadata, "fr")


def test_a_one_time_use_handout_is_named_in_a_second_article(tmp_path: Path) -> None:
    picture_file = tmp_path / "handout.jpg"
    picture_file.write_bytes(agency_picture(CASES["handout"]))
    judgement = Judgement("fr", False, date(2026, 12, 3))
    with opened(tmp_path / "desk.copydesk") as library:
        (picture_id,) = import_files(library, [picture_file]).picture_ids
        with library.write() as session:
            records = [
                articles.create_article(
                    session,
                    ArticleContent(
                        headline=headline,
                        body="Texte.",
                        lead_picture=LeadPictureUse(picture_id, "Le navire.", "Un navire à quai"),
                    ),
                )
                for headline in ("Premier", "Second")
            ]
        snapshot = load_article_pictures(library, {picture_id}, judgement)
        codes = [
            [p.code for p in check_pictures(record.content, snapshot, record.uuid)]
            for record in records
        ]
    assert "picture.instructions.one_time_use" not in codes[0]
    assert "picture.instructions.one_time_use" in codes[1]


EVERY_RIGHTS_FIELD = PictureMetadata(
    creator="Ana Lima",
    credit_line="Agence Exemple",
    source="AGEX",
    copyright_notice="© 2026 Agence Exemple",
    usage_terms="Editorial use only",
    web_statement="https://www.example.org/rights",
    licensor="Agence Exemple Licensing",
    image_supplier="Exemple Images",
    special_instructions="EDITORIAL USE ONLY. NO SALES",
    rights_marked="True",
    cc_license="https://creativecommons.org/licenses/by-sa/4.0/",
    cc_attribution_name="Ana Lima",
    cc_attribution_url="https://www.example.org/ana-lima",
    model_release_status="http://ns.useplus.org/ldf/vocab/MR-NON",
    property_release_status="http://ns.useplus.org/ldf/vocab/PR-NAP",
    digital_source_type="http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture",
)


def test_every_rights_field_is_written_and_exiftool_reads_it_back(tmp_path: Path) -> None:
    renditions = make_renditions(
        jpeg(), "image/jpeg", EVERY_RIGHTS_FIELD, credit=file_credit(EVERY_RIGHTS_FIELD)
    )
    expected = {
        "XMP-photoshop:Credit": "Agence Exemple",
        "XMP-photoshop:Source": "AGEX",
        "XMP-dc:Rights": "© 2026 Agence Exemple",
        "XMP-xmpRights:UsageTerms": "Editorial use only",
        "XMP-xmpRights:WebStatement": "https://www.example.org/rights",
        "XMP-plus:LicensorName": "Agence Exemple Licensing",
        "XMP-plus:ImageSupplierName": "Exemple Images",
        "XMP-photoshop:Instructions": "EDITORIAL USE ONLY. NO SALES",
        "IPTC:SpecialInstructions": "EDITORIAL USE ONLY. NO SALES",
        "XMP-xmpRights:Marked": True,
        "XMP-cc:License": "https://creativecommons.org/licenses/by-sa/4.0/",
        "XMP-cc:AttributionName": "Ana Lima",
        "XMP-cc:AttributionURL": "https://www.example.org/ana-lima",
        "XMP-plus:ModelReleaseStatus": "None",
        "XMP-plus:PropertyReleaseStatus": "Not Applicable",
        "XMP-iptcExt:DigitalSourceType": (
            "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"
        ),
    }
    for rendition in renditions:  # the original and both resized ones
        path = tmp_path / f"{rendition.name}.jpg"
        path.write_bytes(rendition.data)
        tags = exiftool_tags(path)
        assert {key: tags.get(key) for key in expected} == expected, rendition.name
        back = read_metadata(rendition.data)
        assert embedded(back) == embedded(EVERY_RIGHTS_FIELD), rendition.name
