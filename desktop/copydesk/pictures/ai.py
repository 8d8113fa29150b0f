"""Pictures made by a model: the IPTC digital source types that say so, and captions that
tell the reader, in French or English."""

from __future__ import annotations

import re
import unicodedata

# IPTC NewsCodes digital source types of media made by a model (the URI's last segment).
AI_SOURCE_TYPES = frozenset(
    {
        "trainedalgorithmicmedia",
        "compositesynthetic",
        "algorithmicmedia",
        "compositewithtrainedalgorithmicmedia",
    }
)
_GENERATED = r"g[ée]n[ée]r[ée]e?s?"
_DISCLOSURE = re.compile(
    rf"""
    \b{_GENERATED}\s+(?:par|avec|à\s+l['’]aide\s+d['’](?:une?\s+)?)\s*(?:l['’]\s*)?
        (?:ia|intelligence\s+artificielle)\b
    |\b(?:image|illustration|photo|visuel)s?\s+{_GENERATED}\b
    |\bintelligence\s+artificielle\b|\bia\s+g[ée]n[ée]rative\b
    |\bcr[ée]{{1,2}}e?s?\s+(?:par|avec)\s+(?:l['’]\s*)?ia\b
    |\bai[\s-]+generated\b|\bartificial\s+intelligence\b|\bgenerative\s+ai\b
    |\b(?:generated|made|created)\s+(?:by|with|using)\s+(?:an?\s+)?
        (?:ai|artificial\s+intelligence)\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
DISCLOSURE_TEXT = {
    "fr": "Image générée par intelligence artificielle.",
    "en": "AI-generated image.",
}


def is_ai_generated(digital_source_type: str) -> bool:
    """Whether an IPTC digital source type (URI or bare code) says a model made the media."""
    code = re.split(r"[/:#]", digital_source_type.strip().rstrip("/"))[-1]
    return code.lower() in AI_SOURCE_TYPES


def discloses_ai(caption: str) -> bool:
    return _DISCLOSURE.search(unicodedata.normalize("NFC", caption)) is not None
