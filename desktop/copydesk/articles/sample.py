"""The sample articles a new library starts with (our own texts and pictures, in the shape of
news articles): one French, one English, each with a lead picture and a body picture, so the
credits pane, the preview's figures and the credit checks are at work on first open. One
picture's licence is left unchosen although its metadata names it: the newcomer sees a
problem, its explanation and its one-click fix.

Tests and benchmarks that want one plain article use ``add_sample_article``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from copydesk.articles import store as articles
from copydesk.library.media_store import MediaStore
from copydesk.pictures import store as images
from copydesk.pictures.importing import prepare_picture_data
from copydesk.records.article import (
    ArticleContent,
    ArticleRecord,
    ArticleStatus,
    LeadPictureUse,
    RelatedLink,
)
from copydesk.records.picture import PictureMetadata
from copydesk.resources import read_resource_text, resource_path
from copydesk.text.picture_refs import picture_markdown

FRENCH, ENGLISH = "article", "article-en"
FIRST_RUN = (ENGLISH, FRENCH)  # the last created comes first in the list


def _meta(name: str) -> dict[str, Any]:
    meta: dict[str, Any] = json.loads(read_resource_text("sample", f"{name}.json"))
    return meta


def sample_content(name: str = FRENCH, pictures: Mapping[str, int] | None = None) -> ArticleContent:
    """A sample article; with ``pictures`` (sample picture name → library id) its lead and
    body pictures, else none."""
    meta = _meta(name)
    body = read_resource_text("sample", f"{name}-body.md")
    lead = None
    if pictures is not None:
        lead = _lead_use(meta["lead_picture"], pictures)
        body = _with_body_picture(body, meta["body_picture"], pictures)
    return ArticleContent(
        headline=meta["headline"],
        kicker=meta["kicker"],
        standfirst=meta["standfirst"],
        body=body,
        language=meta["language"],
        dateline_date=date.fromisoformat(meta["dateline_date"]),
        edition=meta["edition"],
        authors=tuple(meta["authors"]),
        keywords=tuple(meta["keywords"]),
        related_title=meta["related_title"],
        related_links=tuple(RelatedLink(**link) for link in meta["related_links"]),
        status=ArticleStatus(meta["status"]),
        lead_picture=lead,
    )


def add_sample_article(session: Session) -> ArticleRecord:
    """The French sample article, without pictures."""
    return articles.create_article(session, sample_content())


def add_first_run_samples(session: Session, media: MediaStore) -> list[ArticleRecord]:
    """Both sample articles with their pictures, inside the library's creation transaction
    (the picture files go to ``media`` first; a creation that fails leaves them to the
    store's sweep of unreferenced files)."""
    pictures = add_sample_pictures(session, media)
    return [articles.create_article(session, sample_content(name, pictures)) for name in FIRST_RUN]


def add_sample_pictures(session: Session, media: MediaStore) -> dict[str, int]:
    catalogue = json.loads(read_resource_text("sample", "pictures.json"))
    ids = {}
    for name, entry in catalogue.items():
        path = resource_path("sample", "pictures", entry["file"])
        prepared = prepare_picture_data(Path(path.name), path.read_bytes())
        media.store(prepared.data, prepared.file.sha256, prepared.file.media_type)
        existing = images.find_by_sha256(session, prepared.file.sha256)
        record = existing or images.add_picture(
            session, prepared.file, PictureMetadata(**entry["metadata"])
        )
        ids[name] = record.id
    return ids


def _lead_use(use: Mapping[str, str], pictures: Mapping[str, int]) -> LeadPictureUse:
    return LeadPictureUse(
        pictures[use["picture"]], caption=use["caption"], alt_text=use["alt_text"]
    )


def _with_body_picture(body: str, use: Mapping[str, Any], pictures: Mapping[str, int]) -> str:
    paragraphs = body.split("\n\n")
    markdown = picture_markdown(pictures[use["picture"]], use["alt_text"], use["caption"])
    paragraphs.insert(int(use["after_paragraph"]), markdown)
    return "\n\n".join(paragraphs)
