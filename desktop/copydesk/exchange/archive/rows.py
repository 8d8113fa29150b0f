"""The rows of a library archive: every column of the tables it carries, as JSON, and back.

The formats come from the models themselves (``copydesk.library.models``): each column becomes a
field of the same name, in a JSON type its SQL type decides, so a column added by a later
schema is carried without anyone remembering to. An article carries its byline, keywords,
related links and picture uses inside it, in their order, without their own row ids.

Reading a row back checks everything a hostile or damaged archive could get wrong: missing
or unknown fields, wrong JSON types, malformed dates, unknown statuses or revision kinds,
a SHA-256 that is not one (it names a file in the media store), unreadable revision or
preset JSON. ``RowProblem`` says what, in a clause the caller places in a sentence.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import Boolean, Column, Date, Integer, RowMapping, String, Table, select
from sqlalchemy import Enum as SqlEnum
from sqlalchemy.orm import Session

from copydesk.articles.revisions import content_from_json
from copydesk.errors import CopydeskError
from copydesk.exchange.safe_json import MalformedJson, load_json
from copydesk.library.media_store import extension_for, media_type_for_name
from copydesk.library.models import (
    Article,
    ArticleAuthor,
    ArticleKeyword,
    DictionaryWord,
    Picture,
    PicturePreset,
    PictureUse,
    RelatedLinkRow,
    Revision,
    UTCDateTime,
)
from copydesk.pictures.presets import InvalidPreset, preset_from_json
from copydesk.records.article import RevisionKind
from copydesk.translation import _

DATETIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"  # always with microseconds: what SQLite keeps
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
MAX_EMBEDDED_JSON_BYTES = 64 * 1024 * 1024
MAX_EMBEDDED_JSON_DEPTH = 8
PICTURE_ROLES = ("lead", "body")

Row = dict[str, Any]
# The problem with a (typed) value of the field named first, as a clause; or None.
Check = Callable[[str, Any], str | None]


class RowProblem(Exception):
    """A row is not what the archive format says. The message is a clause: "the field
    “slug” should be text, not a number"."""


# ---------------------------------------------------------------------------------------------
# The formats


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    kind: str  # "int", "str", "bool", "date", "datetime" or "enum"
    nullable: bool
    enum: type[Enum] | None = None
    check: Check | None = None


@dataclass(frozen=True, slots=True)
class Part:
    """Rows of a child table carried inside their article: ``key`` in the article's JSON."""

    key: str
    table: Table
    fields: tuple[Field, ...]
    order: str  # the column that orders them within an article


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of row the archive carries, in entries named ``<name>/0001.json``…"""

    name: str
    table: Table
    fields: tuple[Field, ...]
    parts: tuple[Part, ...] = ()

    @property
    def noun(self) -> str:
        return self.name.removesuffix("s")


def _uuid_problem(name: str, value: str) -> str | None:
    try:
        canonical = str(uuid.UUID(value))
    except ValueError:
        canonical = ""
    if canonical == value:
        return None
    return _("the field “{field}” is not a UUID").format(field=name)


def _sha256_problem(name: str, value: str) -> str | None:
    if _SHA256.fullmatch(value):
        return None
    return _("the field “{field}” is not a SHA-256 (64 lowercase hex digits)").format(field=name)


def _media_type_problem(name: str, value: str) -> str | None:
    if value == "":
        return None  # a picture awaiting its file (no SHA-256 either)
    if media_type_for_name(extension_for(value)) == value:
        return None
    return _("the field “{field}” is a picture type Copydesk does not keep (“{type}”)").format(
        field=name, type=value
    )


def _positive(name: str, value: int) -> str | None:
    if value > 0:
        return None
    return _("the field “{field}” should be a positive number").format(field=name)


def _one_of(choices: Iterable[str]) -> Check:
    allowed = tuple(choices)

    def check(name: str, value: str) -> str | None:
        if value in allowed:
            return None
        return _("the field “{field}” should be one of {choices}").format(
            field=name, choices=", ".join(allowed)
        )

    return check


def _revision_content_problem(name: str, value: str) -> str | None:
    try:
        if not isinstance(_embedded_json(value), dict):
            return _("the field “{field}” should hold a JSON object").format(field=name)
        content_from_json(value)
    except MalformedJson as error:
        return _unreadable_json(name, error)
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        return _("the field “{field}” is not an article's content ({error})").format(
            field=name, error=error
        )
    return None


def _preset_fields_problem(name: str, value: str) -> str | None:
    try:
        _embedded_json(value)
        preset_from_json("archived", value)
    except MalformedJson as error:
        return _unreadable_json(name, error)
    except InvalidPreset as error:
        return _("the field “{field}” is not a preset's fields ({error})").format(
            field=name, error=_clause(str(error))
        )
    return None


def _unreadable_json(name: str, error: MalformedJson) -> str:
    return _("the field “{field}” is not readable JSON ({error})").format(
        field=name, error=_clause(str(error))
    )


def _dictionary_problem(name: str, value: str, *, word: bool = False) -> str | None:
    from copydesk.library.newsroom_dictionary import checked_language, checked_word

    try:
        (checked_word if word else checked_language)(value)
    except CopydeskError as error:
        return _("the field “{field}” is not valid ({error})").format(
            field=name, error=_clause(str(error))
        )
    return None


def _embedded_json(value: str) -> Any:
    return load_json(
        value.encode("utf-8"), max_bytes=MAX_EMBEDDED_JSON_BYTES, max_depth=MAX_EMBEDDED_JSON_DEPTH
    )


CHECKS: dict[tuple[str, str], Check] = {
    ("articles", "id"): _positive,
    ("articles", "uuid"): _uuid_problem,
    ("articles", "version"): _positive,
    ("pictures", "id"): _positive,
    ("pictures", "uuid"): _uuid_problem,
    ("pictures", "sha256"): _sha256_problem,
    ("pictures", "media_type"): _media_type_problem,
    ("revisions", "id"): _positive,
    ("revisions", "kind"): _one_of(kind.value for kind in RevisionKind),
    ("revisions", "content"): _revision_content_problem,
    ("picture_presets", "id"): _positive,
    ("picture_presets", "fields"): _preset_fields_problem,
    ("picture_uses", "role"): _one_of(PICTURE_ROLES),
    ("dictionary_words", "id"): _positive,
    ("dictionary_words", "word"): lambda name, value: _dictionary_problem(name, value, word=True),
    ("dictionary_words", "language"): lambda name, value: _dictionary_problem(name, value),
}


def _field(table: Table, column: Column[Any]) -> Field:
    kind, enum = _kind_of(column)
    check = CHECKS.get((table.name, column.name))
    return Field(column.name, kind, bool(column.nullable), enum, check)


def _kind_of(column: Column[Any]) -> tuple[str, type[Enum] | None]:
    sql_type = column.type
    if isinstance(sql_type, UTCDateTime):
        return "datetime", None
    if isinstance(sql_type, SqlEnum):  # before String: an Enum is one
        return "enum", sql_type.enum_class
    if isinstance(sql_type, Boolean):
        return "bool", None
    if isinstance(sql_type, Date):
        return "date", None
    if isinstance(sql_type, Integer):
        return "int", None
    if isinstance(sql_type, String):
        return "str", None
    raise TypeError(f"The library archive has no format for the column {column}.")


def _fields(table: Table, leave_out: tuple[str, ...] = ()) -> tuple[Field, ...]:
    return tuple(_field(table, c) for c in table.columns if c.name not in leave_out)


def _part(key: str, table: Table, order: str) -> Part:
    # Their ids are the library's business, their article is the one they are in, and
    # their order is the list's.
    return Part(key, table, _fields(table, ("id", "article_id", "position")), order)


def _kinds() -> tuple[Kind, ...]:
    articles = Article.__table__
    assert isinstance(articles, Table)
    parts = (
        _part("authors", _table(ArticleAuthor), "position"),
        _part("keywords", _table(ArticleKeyword), "position"),
        _part("related_links", _table(RelatedLinkRow), "position"),
        _part("picture_uses", _table(PictureUse), "id"),
    )
    # In the order they are written back: what a row refers to comes before it.
    return (
        Kind("pictures", _table(Picture), _fields(_table(Picture))),
        Kind("articles", articles, _fields(articles, ("list_key",)), parts),
        Kind("revisions", _table(Revision), _fields(_table(Revision))),
        Kind("presets", _table(PicturePreset), _fields(_table(PicturePreset))),
        # The newsroom dictionary (since schema 0008).
        Kind("words", _table(DictionaryWord), _fields(_table(DictionaryWord))),
    )


def _table(model: type[Any]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


KINDS = _kinds()
KIND_NAMES = tuple(kind.name for kind in KINDS)


def carried_tables() -> set[str]:
    """The tables an archive carries (the tests check no other table holds content)."""
    return {kind.table.name for kind in KINDS} | {
        part.table.name for kind in KINDS for part in kind.parts
    }


# ---------------------------------------------------------------------------------------------
# Export: rows to JSON values


# Rows read at a time by an export: its memory is a batch's, whatever the library's size.
READ_BATCH = 500


def iter_rows(session: Session, kind: Kind, batch: int = READ_BATCH) -> Iterator[Row]:
    """Every row of ``kind`` in id order, as JSON values, its parts inside it, read a batch
    at a time (by id, after the last one read)."""
    table = kind.table
    last: int | None = None
    while True:
        query = select(table).order_by(table.c.id).limit(batch)
        if last is not None:
            query = query.where(table.c.id > last)
        rows = [_encode(kind.fields, row) for row in session.execute(query).mappings()]
        if not rows:
            return
        ids = [row["id"] for row in rows]
        for part in kind.parts:
            by_article = _read_part(session, part, ids)
            for row in rows:
                row[part.key] = by_article.get(row["id"], [])
        yield from rows
        last = ids[-1]


def _read_part(session: Session, part: Part, article_ids: list[int]) -> dict[int, list[Row]]:
    table = part.table
    query = (
        select(table)
        .where(table.c.article_id.in_(article_ids))
        .order_by(table.c.article_id, table.c[part.order], table.c.id)
    )
    by_article: dict[int, list[Row]] = {}
    for row in session.execute(query).mappings():
        by_article.setdefault(row["article_id"], []).append(_encode(part.fields, row))
    return by_article


def _encode(fields: tuple[Field, ...], row: RowMapping) -> Row:
    return {field.name: _encode_value(field, row[field.name]) for field in fields}


def _encode_value(field: Field, value: Any) -> Any:
    if value is None:
        return None
    if field.kind == "datetime":
        return value.astimezone(UTC).strftime(DATETIME_FORMAT)
    if field.kind == "date":
        return value.isoformat()
    if field.kind == "enum":
        return value.value
    return value


# ---------------------------------------------------------------------------------------------
# Import: JSON values to rows, checked


# Columns a later schema added to a carried table, by the revision that added them: an archive
# of an older schema lacks them, and they take their defaults.
ADDED_COLUMNS: dict[str, dict[str, str]] = {
    "pictures": {
        **dict.fromkeys(
            (
                "special_instructions",
                "image_supplier",
                "cc_license",
                "cc_attribution_name",
                "cc_attribution_url",
                "model_release_status",
                "property_release_status",
                "rights_marked",
                "first_use_article",
                "first_use_headline",
            ),
            "0009",
        ),
        "disagreements": "0010",
    },
    "revisions": {"merged_with": "0007"},
    "articles": {"advertising": "0010"},
}


def decode_row(kind: Kind, data: Any, schema: str | None = None) -> Row:
    """The column values of one archived row of ``kind`` (its parts as lists of rows under
    their keys), or ``RowProblem``. ``schema``: the archived library's schema revision, when
    older than this Copydesk's."""
    if schema is not None and isinstance(data, dict):
        data = _with_added_columns(kind, data, schema)
    row = _decode(kind.fields, data, tuple(part.key for part in kind.parts))
    for part in kind.parts:
        items = data[part.key]
        if not isinstance(items, list):
            raise RowProblem(
                _("the field “{field}” should be a list, not {found}").format(
                    field=part.key, found=_json_type(items)
                )
            )
        row[part.key] = [_decoded_part(part, number, item) for number, item in enumerate(items, 1)]
    return row


def _decoded_part(part: Part, number: int, item: Any) -> Row:
    try:
        return _decode(part.fields, item)
    except RowProblem as problem:
        raise RowProblem(
            _("item {number} of “{field}”: {problem}").format(
                number=number, field=part.key, problem=problem
            )
        ) from None


def _with_added_columns(kind: Kind, data: dict[str, Any], schema: str) -> dict[str, Any]:
    added = {
        name: _default(kind.table.c[name])
        for name, since in ADDED_COLUMNS.get(kind.table.name, {}).items()
        if schema < since and name not in data
    }
    return {**data, **added} if added else data


def _default(column: Column[Any]) -> Any:
    default = column.default
    return getattr(default, "arg", None) if default is not None else None


def _decode(fields: tuple[Field, ...], data: Any, more: tuple[str, ...] = ()) -> Row:
    if not isinstance(data, dict):
        raise RowProblem(
            _("it should be a JSON object, not {found}").format(found=_json_type(data))
        )
    names = {field.name for field in fields} | set(more)
    unknown = sorted(set(data) - names)
    if unknown:
        raise RowProblem(_("it has an unknown field, “{field}”").format(field=unknown[0]))
    missing = [name for name in [*(field.name for field in fields), *more] if name not in data]
    if missing:
        raise RowProblem(_("the field “{field}” is missing").format(field=missing[0]))
    return {field.name: _decode_value(field, data[field.name]) for field in fields}


def _decode_value(field: Field, value: Any) -> Any:
    if value is None:
        if field.nullable:
            return None
        raise RowProblem(_("the field “{field}” cannot be empty (null)").format(field=field.name))
    try:
        decoded = _DECODERS[field.kind](field, value)
        problem = field.check(field.name, decoded) if field.check is not None else None
    except _Expected as expected:
        problem = _("the field “{field}” should be {expected}, not {found}").format(
            field=field.name, expected=expected, found=_json_type(value)
        )
    if problem:
        raise RowProblem(problem)
    return decoded


class _Expected(Exception):
    """What a value should have been ("text", "a whole number"…), translated."""


def _int(field: Field, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Expected(_("a whole number"))
    return value


def _str(field: Field, value: Any) -> str:
    if not isinstance(value, str):
        raise _Expected(_("text"))
    return value


def _bool(field: Field, value: Any) -> bool:
    if not isinstance(value, bool):
        raise _Expected(_("true or false"))
    return value


def _date(field: Field, value: Any) -> date:
    try:
        if isinstance(value, str) and _DATE.fullmatch(value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise _Expected(_("a date written as 2025-03-15"))


def _datetime(field: Field, value: Any) -> datetime:
    try:
        if isinstance(value, str) and _DATETIME.fullmatch(value):
            return datetime.strptime(value, DATETIME_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        pass
    raise _Expected(_("a UTC time written as 2025-03-15T09:30:00.000000Z"))


def _enum(field: Field, value: Any) -> Enum:
    assert field.enum is not None
    choices = [member.value for member in field.enum]
    if value in choices:
        return field.enum(value)
    raise _Expected(_("one of {values}").format(values=", ".join(choices)))


_DECODERS: dict[str, Callable[[Field, Any], Any]] = {
    "int": _int,
    "str": _str,
    "bool": _bool,
    "date": _date,
    "datetime": _datetime,
    "enum": _enum,
}


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return _("true or false")
    if isinstance(value, int | float):
        return _("a number")
    if isinstance(value, str):
        if len(value) <= 40:
            return _("the text “{text}”").format(text=value)
        return _("a longer text")
    return _("a list") if isinstance(value, list) else _("an object")


def _clause(message: str) -> str:
    """A sentence made a clause: no capital, no full stop."""
    message = message.rstrip(".")
    return message[:1].lower() + message[1:]


# ---------------------------------------------------------------------------------------------
# Import: writing checked rows back, with their own ids


def insert_rows(session: Session, kind: Kind, rows: list[Row]) -> None:
    if not rows:
        return
    own = [{field.name: row[field.name] for field in kind.fields} for row in rows]
    session.execute(kind.table.insert(), own)
    for part in kind.parts:
        items = [
            {**item, "article_id": row["id"], **_position(part, index)}
            for row in rows
            for index, item in enumerate(row[part.key])
        ]
        if items:
            session.execute(part.table.insert(), items)


def _position(part: Part, index: int) -> dict[str, int]:
    return {"position": index} if "position" in part.table.c else {}


__all__ = [
    "KINDS",
    "KIND_NAMES",
    "Field",
    "Kind",
    "Part",
    "Row",
    "RowProblem",
    "carried_tables",
    "decode_row",
    "insert_rows",
    "iter_rows",
]
