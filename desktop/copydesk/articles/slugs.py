"""URL slugs from headlines."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

MAX_SLUG_LENGTH = 80
UNTITLED_SLUG = "untitled"

_NON_WORD = re.compile(r"[^a-z0-9]+")
# Letters that Unicode decomposition does not reduce to ASCII.
_LIGATURES = str.maketrans(
    {"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "ø": "o", "Ø": "O"}
)


def slugify(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """``"Ils ont convenu d’entamer…"`` → ``"ils-ont-convenu-d-entamer"``."""
    # Punctuation (apostrophes included) separates words: "l’électricité" → "l-electricite".
    spaced = "".join(ch if ch.isalnum() else " " for ch in text.translate(_LIGATURES))
    ascii_text = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode("ascii")
    slug = _NON_WORD.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug or UNTITLED_SLUG


def unique_slug(base: str, is_taken: Callable[[str], bool]) -> str:
    """``base``, or ``base-2``, ``base-3``… whichever is free first."""
    if not is_taken(base):
        return base
    n = 2
    while is_taken(f"{base}-{n}"):
        n += 1
    return f"{base}-{n}"
