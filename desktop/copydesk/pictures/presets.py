"""Credit presets, like Photo Mechanic's metadata templates: a named set of picture fields
applied to many pictures at once, each field either overwriting or filling only when empty.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum

from copydesk.errors import CopydeskError
from copydesk.records.picture import PictureMetadata
from copydesk.translation import _

# The fields a preset may set: the rights and credit of a batch, never a picture's caption.
PRESET_FIELDS = (
    "creator",
    "creator_job_title",
    "credit_line",
    "copyright_notice",
    "source",
    "source_url",
    "licence_id",
    "usage_terms",
    "web_statement",
    "licensor",
    "city",
    "country",
)


class InvalidPreset(CopydeskError):
    """A preset that names an unknown field, or is not a preset at all."""


class FillMode(StrEnum):
    OVERWRITE = "overwrite"
    FILL_EMPTY = "fill_empty"  # only where the picture has nothing yet


@dataclass(frozen=True, slots=True)
class PresetField:
    value: str
    mode: FillMode = FillMode.OVERWRITE


@dataclass(frozen=True, slots=True)
class Preset:
    name: str
    fields: tuple[tuple[str, PresetField], ...]  # (field name, what to do), in PRESET_FIELDS order

    @classmethod
    def of(cls, name: str, fields: dict[str, PresetField]) -> Preset:
        name = name.strip()
        if not name:
            raise InvalidPreset(_("A preset needs a name."))
        unknown = sorted(set(fields) - set(PRESET_FIELDS))
        if unknown:
            raise InvalidPreset(
                _("A preset cannot set {fields}.").format(fields=", ".join(unknown))
            )
        ordered = tuple((field, fields[field]) for field in PRESET_FIELDS if field in fields)
        return cls(name, ordered)


def apply_preset(metadata: PictureMetadata, preset: Preset) -> PictureMetadata:
    changes: dict[str, object] = {}
    for field, setting in preset.fields:
        current = getattr(metadata, field)
        if setting.mode is FillMode.OVERWRITE or not current.strip():
            changes[field] = setting.value
    return metadata.replace(**changes) if changes else metadata


def preset_to_json(preset: Preset) -> str:
    return json.dumps(
        {field: {"value": s.value, "mode": s.mode.value} for field, s in preset.fields},
        ensure_ascii=False,
    )


def preset_from_json(name: str, text: str) -> Preset:
    try:
        data = json.loads(text)
        fields = {
            field: PresetField(str(entry["value"]), FillMode(entry["mode"]))
            for field, entry in data.items()
        }
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        raise InvalidPreset(
            _("The preset {name} is damaged: {error}.").format(name=repr(name), error=error)
        ) from error
    return Preset.of(name, fields)


def preset_from_metadata(name: str, metadata: PictureMetadata) -> Preset:
    """A preset of the picture's rights fields that are filled: credit, source and licence
    overwrite; the rest fill only empty fields."""
    overwrite = {"credit_line", "copyright_notice", "source", "licence_id", "usage_terms"}
    fields = {
        field: PresetField(value, FillMode.OVERWRITE if field in overwrite else FillMode.FILL_EMPTY)
        for field in PRESET_FIELDS
        if (value := str(getattr(metadata, field)).strip())
    }
    return Preset.of(name, fields)
