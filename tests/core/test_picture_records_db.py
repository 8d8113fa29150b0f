"""Pictures in the database: rows, where articles use them, presets."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from copydesk.articles import revisions
from copydesk.articles import store as articles
from copydesk.errors import NotFoundError
from copydesk.pictures import store as images
from copydesk.pictures.presets import (
    FillMode,
    InvalidPreset,
    Preset,
    PresetField,
    apply_preset,
    preset_from_json,
    preset_to_json,
)
from copydesk.pictures.store import PictureInUseError
from copydesk.records.article import ArticleContent, LeadPictureUse
from copydesk.records.picture import PictureFile, PictureMetadata
from copydesk.text.picture_refs import body_picture_ids, picture_markdown
from tests.helpers import opened

FILE = PictureFile("a" * 64, "poutine-trump.jpg", "image/jpeg", 1200, 800, 123_456)
METADATA = PictureMetadata(
    creator="Ana Lima",
    credit_line="Ana Lima / Kremlin.ru",
    source="Kremlin.ru",
    licence_id="cc-by-4.0",
    rights_expiry=date(2030, 1, 1),
    cropped=True,
)


def other_file(n: int) -> PictureFile:
    return dataclasses.replace(FILE, sha256=f"{n:064x}", file_name=f"p{n}.jpg")


def test_a_picture_row_keeps_every_field(library_path: Path) -> None:
    with opened(library_path) as library:
        with library.write() as session:
            added = images.add_picture(session, FILE, METADATA)
        with library.read() as session:
            assert images.get_picture(session, added.id) == added
            assert images.find_by_sha256(session, FILE.sha256) == added
            assert images.find_by_sha256(session, "b" * 64) is None
            assert images.known_hashes(session) == {FILE.sha256}
        assert added.file == FILE and added.metadata == METADATA


def test_updating_metadata_moves_the_timestamp_only_on_change(library_path: Path) -> None:
    with opened(library_path) as library:
        with library.write() as session:
            added = images.add_picture(session, FILE, METADATA)
        with library.write() as session:
            same = images.update_metadata(session, added.id, METADATA)
            assert same.updated_at == added.updated_at
            changed = images.update_metadata(session, added.id, METADATA.replace(city="Moscou"))
        assert changed.metadata.city == "Moscou" and changed.updated_at > added.updated_at
        with library.read() as session, pytest.raises(NotFoundError):
            images.get_picture(session, 999)


def test_the_lead_picture_and_body_pictures_are_uses(library_path: Path) -> None:
    with opened(library_path) as library:
        with library.write() as session:
            lead = images.add_picture(session, FILE, METADATA)
            inline = images.add_picture(session, other_file(2), METADATA)
            unused = images.add_picture(session, other_file(3), METADATA)
            use = LeadPictureUse(
                lead.id, "Poutine et Trump, photo illustrative", "Deux hommes", True
            )
            shown = picture_markdown(inline.id, "Une salle", "La salle")
            body = f"Texte.\n\n{shown}\n\n![x](image:999)"
            record = articles.create_article(
                session, ArticleContent(headline="Sommet", body=body, lead_picture=use)
            )
        with library.read() as session:
            assert articles.get_article(session, record.id).content.lead_picture == use
            usages = images.usages_by_picture(session)
        assert [u.role for u in usages[lead.id]] == ["lead"]
        assert [(u.slug, u.role) for u in usages[inline.id]] == [("sommet", "body")]
        assert unused.id not in usages  # and image:999 names no picture: no row
        with library.write() as session, pytest.raises(PictureInUseError, match="sommet"):
            images.delete_picture(session, lead.id)
        with library.write() as session:
            images.delete_picture(session, unused.id)
            articles.save_content(
                session, record.id, record.content.replace(lead_picture=None, body="")
            )
        with library.read() as session:
            assert images.usages_by_picture(session) == {}
            assert images.picture_count(session) == 2


def test_the_lead_picture_survives_a_revision_round_trip() -> None:
    content = ArticleContent(headline="H", lead_picture=LeadPictureUse(4, "Légende", "Alt", True))
    assert revisions.content_from_json(revisions.content_to_json(content)) == content
    plain = ArticleContent(headline="H")
    assert revisions.content_from_json(revisions.content_to_json(plain)) == plain


def test_body_picture_ids_and_markdown() -> None:
    body = '![a](image:3 "c")\n![b](image:12)\n![c](image:3)\n![d](image:p1)\n![e](<image:7>)'
    assert body_picture_ids(body) == [3, 12, 7]
    assert body_picture_ids("no pictures") == []
    markdown = picture_markdown(5, "Un [crochet]", 'Il dit "oui"')
    assert markdown == "![Un \\[crochet\\]](image:5 'Il dit \"oui\"')"
    assert body_picture_ids(markdown) == [5]


def test_presets_fill_or_overwrite() -> None:
    preset = Preset.of(
        "AFP",
        {
            "credit_line": PresetField("AFP"),
            "source": PresetField("AFP", FillMode.FILL_EMPTY),
            "licence_id": PresetField("agency", FillMode.FILL_EMPTY),
        },
    )
    applied = apply_preset(PictureMetadata(credit_line="Old", source="Reuters"), preset)
    assert (applied.credit_line, applied.source, applied.licence_id) == ("AFP", "Reuters", "agency")
    assert preset_from_json("AFP", preset_to_json(preset)) == preset
    with pytest.raises(InvalidPreset, match="description"):
        Preset.of("Bad", {"description": PresetField("x")})
    with pytest.raises(InvalidPreset, match="name"):
        Preset.of("  ", {})
    with pytest.raises(InvalidPreset, match="damaged"):
        preset_from_json("AFP", '{"source": {"value": "x", "mode": "sometimes"}}')


def test_presets_are_stored_by_name(library_path: Path) -> None:
    first = Preset.of("AFP", {"credit_line": PresetField("AFP")})
    second = Preset.of("AFP", {"credit_line": PresetField("AFP / Pool")})
    with opened(library_path) as library:
        with library.write() as session:
            images.save_preset(session, first)
            images.save_preset(session, Preset.of("Reuters", {"source": PresetField("Reuters")}))
            images.save_preset(session, second)  # same name: replaced
        with library.read() as session:
            assert [p.name for p in images.list_presets(session)] == ["AFP", "Reuters"]
            assert images.list_presets(session)[0] == second
        with library.write() as session:
            images.delete_preset(session, "Reuters")
            with pytest.raises(NotFoundError):
                images.delete_preset(session, "Reuters")
