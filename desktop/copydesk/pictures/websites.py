"""Websites where a name belongs: addresses, domains and platforms ("Wikimedia Commons",
"flickr.com/photos/…") found in a credit, told apart from names such as "J.R.R. Tolkien"."""

from __future__ import annotations

import re
from collections.abc import Iterator

_PLATFORMS = (
    r"wikimedia(?!\s+foundation)(?:\s+commons)?|wikip[eé]dia|flickr|instagram|facebook"
    r"|twitter|unsplash|pixabay|pexels|google\s+images|youtube|tiktok|pinterest|reddit|imgur"
    r"|linkedin|bluesky"
)
# Top-level domains common enough to tell "wikipedia.org" from "J.R.R. Tolkien" or the
# IPTC reference's "(ref2017.1)".
_TLDS = (
    "com|org|net|edu|gov|mil|int|info|biz|io|co|me|tv|ai|app|dev|news|media|photo|photos|"
    "pics|press|online|site|blog|eu|fr|uk|de|ru|ua|us|ca|be|ch|it|es|nl|pl|pt|se|no|dk|fi|"
    "at|cz|sk|hu|ro|bg|gr|tr|il|jp|cn|kr|in|br|ar|mx|au|nz|ie|lu|ma|tn|dz|sn|ci|cm|za|by|"
    "kz|ge|am|md|lt|lv|ee|hr|rs|si|ba|ir|iq|sy|lb|eg|ng|ke|qa|ae|sa|hk|tw|sg|vn|th|id|ph"
)
_WEBSITE = re.compile(
    rf"""
    (?:https?://|www\.)[^\s,;()<>"“”]+
    |(?<![\w@.-])(?:x\.com|(?:[a-z0-9-]+\.)*[a-z0-9][a-z0-9-]*[a-z0-9]\.(?:{_TLDS}))
        (?![\w-])(?:/[^\s,;()<>"“”]*)?
    |\b(?:{_PLATFORMS})\b
    """,
    re.IGNORECASE | re.VERBOSE,
)


def website_in(text: str, allowed: tuple[str, ...] = ()) -> str | None:
    """The first website (address, domain or platform) ``text`` names, else None."""
    return next(websites_in(text, allowed), None)


def websites_in(text: str, allowed: tuple[str, ...] = ()) -> Iterator[str]:
    """Every website (address, domain or platform) ``text`` names, in order, but licence
    deeds and the links in ``allowed``."""
    for match in _WEBSITE.finditer(text):
        website = match.group().rstrip(".")
        if "creativecommons.org/" in website.lower() or same_link(website, allowed):
            continue  # a licence deed, or the page link a credit may carry
        yield website


def same_link(website: str, allowed: tuple[str, ...]) -> bool:
    return bare_link(website) in {bare_link(link) for link in allowed}


def bare_link(link: str) -> str:
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", link.strip().lower()).rstrip("/")


def page_address(text: str) -> str:
    """The address of a page (not a bare domain) in ``text``, with its scheme; else ""."""
    for match in _WEBSITE.finditer(text):
        link = match.group().rstrip(".")
        if "/" in bare_link(link) and "creativecommons.org/" not in link.lower():
            return link if re.match(r"https?://", link, re.IGNORECASE) else f"https://{link}"
    return ""


def real_name(text: str) -> bool:
    """Text that names someone: not empty and not only a website."""
    rest = _WEBSITE.sub("", text)
    return bool(re.search(r"\w", rest))
