"""A file whose IIM, XMP or EXIF disagree: what counts as disagreeing, how it is kept on the
picture, and how the desk settles it (a pick, keeping the value shown, or editing the field)."""

from __future__ import annotations

import io
from pathlib import Path

import pyexiv2
import pytest
from PIL import Image

from copydesk.pictures import disagreements
from copydesk.pictures import store as images
from copydesk.pictures.disagreements import Disagreement, find
from copydesk.pictures.metadata import read_metadata, write_metadata
from copydesk.records.picture import PictureFile, PictureMetadata
from tests.helpers import opened

FILE = PictureFile("b" * 64, "wire.jpg", "image/jpeg", 800, 600, 1000)


@pytest.mark.parametrize(
    ("field", "values", "limit"),
    [
        ("source", {"XMP": "AFP", "IIM": "AFP"}, 32),
        ("source", {"XMP": "Agence  France\nPresse", "IIM": "Agence France Presse"}, 32),
        ("source", {"XMP": "AFP", "IIM": ""}, 32),  # one block only
        ("credit_line", {"XMP": "x" * 40, "IIM": "x" * 32}, 32),  # cut at IIM's limit
        ("credit_line", {"XMP": "é" * 20, "IIM": "é" * 15}, 32),  # 30 of 32 bytes: a cut
        ("date_created", {"XMP": "2024-05-01T10:00:00+02:00", "IIM": "2024-05-01"}, None),
        ("date_created", {"XMP": "2024-05-01T10:00:00+02:00", "IIM": "2024-05-01T08:00:00Z"}, None),
        ("creator", {"XMP": "Ana Lima, Léa Martin", "IIM": "Ana Lima", "EXIF": "Léa Martin"}, 32),
    ],
)
def test_these_agree(field: str, values: dict[str, str], limit: int | None) -> None:
    assert find(field, values, limit) is None


@pytest.mark.parametrize(
    ("field", "values", "limit"),
    [
        ("source", {"XMP": "AFP", "IIM": "RTR"}, 32),
        ("source", {"XMP": "AFP", "IIM": "afp"}, 32),  # the desk may prefer one casing
        ("credit_line", {"XMP": "Jane Doe / Reuters", "IIM": "Jane Doe"}, 32),  # not a cut
        ("date_created", {"XMP": "2024-06-12", "IIM": "2024-05-01"}, None),
        ("date_created", {"XMP": "2024-05-01T10:00:00+02:00", "IIM": "2024-05-01T10:00:00Z"}, None),
        ("creator", {"XMP": "Ana Lima", "IIM": "Ana Lima", "EXIF": "Canon EOS user"}, 32),
    ],
)
def test_these_disagree(field: str, values: dict[str, str], limit: int | None) -> None:
    found = find(field, values, limit)
    assert found is not None and found.field == field
    assert [source for source, _ in found.values] == [
        s for s in ("XMP", "IIM", "EXIF") if s in values
    ]


def test_choices_group_the_blocks_that_agree() -> None:
    found = Disagreement("creator", (("XMP", "Ana"), ("IIM", "Ana"), ("EXIF", "Bob")))
    assert found.choices() == [("Ana", ("XMP", "IIM")), ("Bob", ("EXIF",))]
    assert disagreements.describe(found) == "XMP/IIM “Ana”; EXIF “Bob”"


def test_exif_that_disagrees_is_read_from_the_file() -> None:
    output = io.BytesIO()
    Image.new("RGB", (32, 24)).save(output, "JPEG")
    read_metadata(output.getvalue())
    with pyexiv2.ImageData(output.getvalue()) as image:
        image.modify_exif({"Exif.Image.Artist": "Camera Owner"})
        image.modify_xmp({"Xmp.dc.creator": ["Ana Lima"]})
        data = bytes(image.get_bytes())
    metadata = read_metadata(data)
    assert metadata.creator == "Ana Lima"
    [found] = disagreements.disagreements_of(metadata)
    assert found.values == (("XMP", "Ana Lima"), ("EXIF", "Camera Owner"))
    # Written back, every block says the same, and nothing disagrees any more.
    again = read_metadata(write_metadata(data, metadata, credit=""))
    assert again.disagreements == "" and again.creator == "Ana Lima"


SOURCE_AND_DATE = disagreements.encode(
    [
        Disagreement("source", (("XMP", "REUTERS"), ("IIM", "RTR"))),
        Disagreement("date_created", (("XMP", "2024-06-12"), ("IIM", "2024-05-01"))),
    ]
)
WIRE = PictureMetadata(source="REUTERS", date_created="2024-06-12", disagreements=SOURCE_AND_DATE)


def test_a_pick_sets_the_field_and_settles_it_alone() -> None:
    picked = WIRE.replace(**disagreements.pick(WIRE, "source", "RTR"))
    assert picked.source == "RTR"
    assert [d.field for d in disagreements.disagreements_of(picked)] == ["date_created"]
    kept = picked.replace(**disagreements.keep(picked, "date_created"))
    assert kept.date_created == "2024-06-12" and kept.disagreements == ""


def test_damaged_json_is_no_disagreement() -> None:
    for damaged in ("{", "[1]", '{"source": "x"}', '{"source": {"XMP": "a"}}'):
        assert disagreements.disagreements_of(PictureMetadata(disagreements=damaged)) == []


def test_editing_a_field_settles_it_and_undo_brings_it_back(tmp_path: Path) -> None:
    with opened(tmp_path / "desk.copydesk") as library, library.write() as session:
        picture = images.add_picture(session, FILE, WIRE)
        typed = images.update_metadata(session, picture.id, WIRE.replace(source="Reuters"))
        assert [d.field for d in disagreements.disagreements_of(typed.metadata)] == ["date_created"]
        undone = images.update_metadata(session, picture.id, WIRE)
        assert undone.metadata == WIRE
        unrelated = images.update_metadata(session, picture.id, WIRE.replace(city="Brest"))
        assert unrelated.metadata.disagreements == SOURCE_AND_DATE


def test_a_file_attached_later_brings_the_disagreements_of_the_fields_it_fills(
    tmp_path: Path,
) -> None:
    embedded = WIRE.replace(creator="Jane Doe")
    with opened(tmp_path / "desk.copydesk") as library, library.write() as session:
        awaiting = images.add_picture(
            session, PictureFile.awaited("wire.jpg"), PictureMetadata(source="Reuters")
        )
        attached = images.attach_file(session, awaiting.id, FILE, embedded)
    # The desk's source stays and does not disagree; the date came from the file.
    assert attached.metadata.source == "Reuters"
    assert [d.field for d in disagreements.disagreements_of(attached.metadata)] == ["date_created"]
