"""Plain records for pictures: what the photo desk knows about a picture, and the picture as
stored in the library. Like ``records``, they carry no SQLAlchemy state and cross threads.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from copydesk.translation import _

# The metadata fields read from IPTC IIM / XMP on import, in the order the credit editor
# shows them. Each is a plain string ("" when absent).
EMBEDDED_FIELDS = (
    "creator",
    "creator_job_title",
    "credit_line",
    "copyright_notice",
    "source",
    "description",
    "headline",
    "web_statement",
    "usage_terms",
    "licensor",
    "digital_source_type",
    "alt_text",
    "city",
    "country",
    "date_created",
    "special_instructions",
    "image_supplier",
    "rights_marked",
    "cc_license",
    "cc_attribution_name",
    "cc_attribution_url",
    "model_release_status",
    "property_release_status",
)


@dataclass(frozen=True, slots=True)
class PictureMetadata:
    """Everything a desk can set about a picture's content and rights.

    The embedded fields (``EMBEDDED_FIELDS``) come from the file's IPTC IIM and XMP on
    import; the others are Copydesk's own: the licence chosen from the catalogue, the page the
    picture was taken from (attribution link), when the rights end, whether the picture was
    cropped (derivatives), and a credit line typed by hand instead of the composed one.
    """

    creator: str = ""  # IPTC By-line / dc:creator (several creators joined with ", ")
    creator_job_title: str = ""  # By-line Title / photoshop:AuthorsPosition
    credit_line: str = ""  # Credit / photoshop:Credit
    copyright_notice: str = ""  # Copyright Notice / dc:rights
    source: str = ""  # Source / photoshop:Source
    description: str = ""  # Caption-Abstract / dc:description
    headline: str = ""  # Headline / photoshop:Headline
    web_statement: str = ""  # xmpRights:WebStatement (a URL)
    usage_terms: str = ""  # xmpRights:UsageTerms
    licensor: str = ""  # plus:Licensor name (and URL when only that is given)
    digital_source_type: str = ""  # Iptc4xmpExt:DigitalSourceType (an IPTC NewsCodes URI)
    alt_text: str = ""  # Iptc4xmpCore:AltTextAccessibility
    city: str = ""  # City / photoshop:City
    country: str = ""  # Country-PrimaryLocationName / photoshop:Country
    date_created: str = ""  # ISO 8601 date or date-time, as found
    # The supplier's instructions: restrictions, embargoes, mandatory credits (``restrictions``)
    special_instructions: str = ""  # Special Instructions / photoshop:Instructions
    image_supplier: str = ""  # plus:ImageSupplier name
    rights_marked: str = ""  # xmpRights:Marked: "True" (rights-managed), "False" (public domain)
    cc_license: str = ""  # cc:license, a Creative Commons deed's address
    cc_attribution_name: str = ""  # cc:attributionName
    cc_attribution_url: str = ""  # cc:attributionURL
    model_release_status: str = ""  # plus:ModelReleaseStatus (a PLUS vocabulary address)
    property_release_status: str = ""  # plus:PropertyReleaseStatus
    licence_id: str = ""  # a catalogue id such as "cc-by-4.0"; "" = not chosen
    source_url: str = ""  # the page the picture comes from
    rights_expiry: date | None = None
    cropped: bool = False
    credit_override: str = ""  # used instead of the composed credit line when set
    # The article that used the picture first (its uuid and headline then), kept when that
    # article is deleted: a picture for one-time use may not go into a second one.
    first_use_article: str = ""
    first_use_headline: str = ""
    # What the file's IIM, XMP and EXIF said differently, field by field, as JSON (see
    # ``pictures.disagreements``); "" when they agree.
    disagreements: str = ""

    def replace(self, **changes: object) -> PictureMetadata:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


METADATA_FIELDS = tuple(field.name for field in dataclasses.fields(PictureMetadata))


class InvalidMetadata(ValueError):
    """Picture metadata read from a file (a package, an archive) that is not what Copydesk
    writes: the message names the field."""


def metadata_to_dict(metadata: PictureMetadata) -> dict[str, object]:
    """Every field, as JSON or YAML can hold it (the expiry date in ISO form)."""
    values: dict[str, object] = {name: getattr(metadata, name) for name in METADATA_FIELDS}
    expiry = metadata.rights_expiry
    values["rights_expiry"] = expiry.isoformat() if expiry is not None else None
    return values


def metadata_from_dict(values: object) -> PictureMetadata:
    """The reverse of ``metadata_to_dict``, strictly: a field of the wrong kind is refused
    by name; unknown fields too (they would be lost without a word)."""
    if not isinstance(values, dict):
        raise InvalidMetadata(_("the picture's metadata is not a set of fields"))
    unknown = sorted(str(name) for name in values if name not in METADATA_FIELDS)
    if unknown:
        raise InvalidMetadata(_("unknown picture field “{field}”").format(field=unknown[0]))
    fields: dict[str, object] = {}
    for name, value in values.items():
        fields[name] = _metadata_value(name, value)
    return PictureMetadata(**fields)  # type: ignore[arg-type]


def _metadata_value(name: str, value: object) -> object:
    if name == "cropped":
        if not isinstance(value, bool):
            raise InvalidMetadata(_("the picture field “cropped” is not true or false"))
        return value
    if name == "rights_expiry":
        return _expiry(value)
    if not isinstance(value, str):
        raise InvalidMetadata(_("the picture field “{field}” is not text").format(field=name))
    return value


def _expiry(value: object) -> date | None:
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidMetadata(_("the picture field “rights_expiry” is not a date"))


class PictureStatus(StrEnum):
    """The badge of a picture: the worst of its compliance problems."""

    COMPLETE = "complete"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class PictureFile:
    """The stored file: named by its SHA-256 in the library's media store. A picture whose
    credit came with an imported article awaits its file (``awaited``, not ``present``)."""

    sha256: str  # "" while the picture awaits its file
    file_name: str  # the name it was imported under (shown to the desk)
    media_type: str  # "image/jpeg", "image/png", ...
    width: int
    height: int
    byte_size: int

    @classmethod
    def awaited(cls, file_name: str) -> PictureFile:
        """A picture known by its credit and name only, its file to be attached later."""
        return cls("", file_name, "", 0, 0, 0)

    @property
    def present(self) -> bool:
        return bool(self.sha256)


@dataclass(frozen=True, slots=True)
class PictureRecord:
    id: int
    uuid: str
    file: PictureFile
    metadata: PictureMetadata
    imported_at: datetime
    updated_at: datetime
