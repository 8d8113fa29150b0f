"""What an article or a picture looks like on the newsroom server: a JSON object that names
pictures by uuid (local ids differ from one replica to the next), the same on every replica,
so that revisions compare and merge field by field."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from copydesk.articles import revisions
from copydesk.articles import store as articles
from copydesk.library.models import Article, Picture
from copydesk.pictures import store as pictures
from copydesk.records.article import ArticleContent
from copydesk.records.picture import PictureFile, PictureMetadata

ARTICLE = "article"
PICTURE = "picture"
WireContent = dict[str, Any]

# Lists whose items merge three-way (one side adds a keyword, the other removes another).
LIST_FIELDS = ("authors", "keywords", "related_links")
PROSE_FIELDS = ("body",)
_FILE_FIELDS = ("sha256", "file_name", "media_type", "width", "height", "byte_size")
_LOCAL_REF = re.compile(r"(\]\(\s*<?image:)(\d+)\b")
_WIRE_REF = re.compile(
    r"(\]\(\s*<?image:)([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b"
)


def dumps(content: Mapping[str, Any]) -> str:
    """One text per content: revisions that hold the same fields compare equal."""
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def loads(text: str) -> WireContent:
    data = json.loads(text)
    return data if isinstance(data, dict) else {}


# ---- articles ---------------------------------------------------------------------------------


def article_to_wire(session: Session, article: Article) -> WireContent:
    data: WireContent = json.loads(revisions.content_to_json(articles.content_of(article)))
    data.pop("format", None)
    # Always said on the wire, so that unmarking it reaches the other desks (a field a side
    # leaves out keeps its base value in a merge).
    data["advertising"] = data.get("advertising") is True
    uuids = _picture_uuids(session, _local_ids(data))
    data["body"] = _LOCAL_REF.sub(lambda m: m[1] + uuids.get(int(m[2]), m[2]), data["body"])
    lead = data.pop("lead_picture", None)
    data["lead_picture"] = None
    if lead is not None and lead["picture_id"] in uuids:
        data["lead_picture"] = {**lead, "picture_id": uuids[lead["picture_id"]]}
    return data


def article_from_wire(session: Session, data: Mapping[str, Any]) -> ArticleContent:
    local = dict(data)
    ids = _picture_ids(session, _wire_uuids(local))
    local["body"] = _WIRE_REF.sub(lambda m: m[1] + str(ids.get(m[2], m[2])), local.get("body", ""))
    lead = local.get("lead_picture")
    local["lead_picture"] = None
    if isinstance(lead, dict) and lead.get("picture_id") in ids:
        local["lead_picture"] = {**lead, "picture_id": ids[lead["picture_id"]]}
    return revisions.content_from_json(json.dumps(local))


def _local_ids(data: Mapping[str, Any]) -> set[int]:
    found = {int(m[2]) for m in _LOCAL_REF.finditer(data.get("body", ""))}
    lead = data.get("lead_picture")
    return found | ({int(lead["picture_id"])} if lead else set())


def picture_uuids(data: Mapping[str, Any]) -> set[str]:
    """The pictures an article (in the wire format) shows."""
    return _wire_uuids(data)


def _wire_uuids(data: Mapping[str, Any]) -> set[str]:
    found = {m[2] for m in _WIRE_REF.finditer(data.get("body", ""))}
    lead = data.get("lead_picture")
    return found | ({str(lead["picture_id"])} if isinstance(lead, dict) else set())


def _picture_uuids(session: Session, ids: Iterable[int]) -> dict[int, str]:
    wanted = set(ids)
    if not wanted:
        return {}
    rows = session.execute(select(Picture.id, Picture.uuid).where(Picture.id.in_(wanted)))
    return {row_id: uuid for row_id, uuid in rows}


def _picture_ids(session: Session, uuids: Iterable[str]) -> dict[str, int]:
    wanted = set(uuids)
    if not wanted:
        return {}
    rows = session.execute(select(Picture.uuid, Picture.id).where(Picture.uuid.in_(wanted)))
    return {uuid: row_id for uuid, row_id in rows}


# ---- pictures ---------------------------------------------------------------------------------


def picture_to_wire(row: Picture) -> WireContent:
    record = pictures.to_record(row)
    data: WireContent = dataclasses.asdict(record.metadata)
    expiry = record.metadata.rights_expiry
    data["rights_expiry"] = expiry.isoformat() if expiry else None
    data.update(dataclasses.asdict(record.file))
    return data


def picture_from_wire(data: Mapping[str, Any]) -> tuple[PictureFile, PictureMetadata]:
    names = {field.name for field in dataclasses.fields(PictureMetadata)}
    values = {name: data[name] for name in names if name in data}
    expiry = values.get("rights_expiry")
    values["rights_expiry"] = date.fromisoformat(expiry) if expiry else None
    file = PictureFile(**{name: data.get(name, _FILE_DEFAULTS[name]) for name in _FILE_FIELDS})
    return file, PictureMetadata(**values)


_FILE_DEFAULTS: dict[str, Any] = {
    "sha256": "",
    "file_name": "",
    "media_type": "",
    "width": 0,
    "height": 0,
    "byte_size": 0,
}
