"""Pictures of the library in articles: ``![alt](image:ID "caption")`` and the lead figure.

The Markdown names a picture by its library ID; a resolver (given by whoever renders: the
picture-credit feature provides the real one) turns the ID into a source URL, a credit
line and a size. A picture alone in its paragraph becomes a ``<figure>`` with caption and
credit; an unknown ID becomes a visible placeholder, never a broken ``<img>``, and so does a
picture the library knows by its credit only (awaiting its file: no ``src``), its caption and
credit shown below the placeholder.

The Markdown side (``picture_extension``) is apart: what only describes pictures loads without
Python-Markdown, before the window's first paint.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

IMAGE_PREFIX = "image:"
# Every ``image:ID`` a block may name (a superset: the renderer keys its cache on them).
PICTURE_ID_RE = re.compile(r"image:([^\s)\"'<>\]]+)")
# The attribute of a Markdown instance holding the resolver for the current conversion.
RESOLVER_ATTRIBUTE = "cd_picture_resolver"


@dataclass(frozen=True, slots=True)
class Picture:
    """What the renderer needs of a library picture (hashable: it is part of cache keys).
    An empty ``src``: the picture awaits its file (``Picture.awaiting``)."""

    src: str
    credit: str = ""
    width: int | None = None
    height: int | None = None

    @classmethod
    def awaiting(cls, credit: str) -> Picture:
        """A picture known by its credit, whose file is not in the library yet."""
        return cls("", credit)

    @property
    def has_file(self) -> bool:
        return bool(self.src)


PictureResolver = Callable[[str], Picture | None]


@dataclass(frozen=True, slots=True)
class LeadPicture:
    """The article's lead picture: ``picture`` is None when the library lacks it."""

    picture_id: str
    picture: Picture | None
    alt: str = ""
    caption: str = ""


_MISSING = {
    "fr": "Image introuvable dans la bibliothèque : {id}",
    "en": "Picture missing from the library: {id}",
}


_AWAITING = {
    "fr": "Image {id} en attente de son fichier",
    "en": "Picture {id} awaits its file",
}


def missing_label(picture_id: str, language: str) -> str:
    return _MISSING.get(language, _MISSING["en"]).format(id=picture_id)


def awaiting_label(picture_id: str, language: str) -> str:
    return _AWAITING.get(language, _AWAITING["en"]).format(id=picture_id)


def figure_html(
    picture_id: str,
    picture: Picture | None,
    *,
    alt: str,
    caption: str,
    language: str,
    css_class: str = "cd-figure",
) -> str:
    """``<figure>`` with the image (or a placeholder), the caption and the credit line."""
    if picture is None:
        media = f'<div class="cd-missing">{escape(missing_label(picture_id, language))}</div>'
        css_class += " cd-figure-missing"
    elif not picture.has_file:
        label = escape(awaiting_label(picture_id, language))
        media = f'<div class="cd-awaiting">{label}</div>'
        css_class += " cd-figure-awaiting"
    else:
        media = _img_html(picture, alt)
    return f'<figure class="{css_class}">{media}{_figcaption_html(picture, caption)}</figure>'


def _img_html(picture: Picture, alt: str) -> str:
    size = "".join(
        f' {name}="{value}"'
        for name, value in (("width", picture.width), ("height", picture.height))
        if value
    )
    return f'<img src="{escape(picture.src)}" alt="{escape(alt)}"{size}>'


def _figcaption_html(picture: Picture | None, caption: str) -> str:
    parts = [escape(caption.strip())] if caption.strip() else []
    if picture is not None and picture.credit.strip():
        parts.append(f'<span class="cd-credit">{escape(picture.credit.strip())}</span>')
    return f"<figcaption>{' '.join(parts)}</figcaption>" if parts else ""
