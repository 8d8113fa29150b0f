"""Library pictures referenced from Markdown: ``![alt](image:12 "caption")``."""

from __future__ import annotations

import re
from dataclasses import dataclass

# The renderer takes any id (``copydesk.rendering.pictures.PICTURE_ID_RE``); library pictures
# have numeric ids.
_LIBRARY_PICTURE = re.compile(r"\]\(\s*<?image:(\d+)\b")


def body_picture_ids(body: str) -> list[int]:
    """The ids of the library pictures the body shows, each once, in order of appearance."""
    if "image:" not in body:
        return []
    return list(dict.fromkeys(int(found) for found in _LIBRARY_PICTURE.findall(body)))


def renumber_pictures(body: str, new_ids: dict[int, int]) -> str:
    """The body with each library picture ``image:OLD`` shown as ``image:NEW`` (an article
    imported from another library, whose pictures have other ids here); nothing else moves."""
    if not new_ids or "image:" not in body:
        return body

    def renumbered(found: re.Match[str]) -> str:
        old = int(found[1])
        if old not in new_ids:
            return found[0]
        return found[0][: found.start(1) - found.start(0)] + str(new_ids[old])

    return _LIBRARY_PICTURE.sub(renumbered, body)


def picture_markdown(picture_id: int, alt_text: str, caption: str = "") -> str:
    """The Markdown that shows a library picture in the body."""
    alt = _escape(alt_text, "[]`").replace("\n", " ")
    if not caption:
        return f"![{alt}](image:{picture_id})"
    title = _escape(caption, "`").replace("\n", " ")
    # Python-Markdown does not unescape quotes in a title, but takes the title up to the
    # last quote before ")": a caption with " is quoted with ' when it has none of those.
    quote = "'" if '"' in title and "'" not in title else '"'
    return f"![{alt}](image:{picture_id} {quote}{title}{quote})"


def _escape(text: str, specials: str) -> str:
    escaped = text.replace("\\", "\\\\")
    for char in specials:
        escaped = escaped.replace(char, "\\" + char)
    return escaped


# ``![alt](image:12 "caption")``: the alt text may hold escaped brackets, the title is quoted
# with " or ' (Python-Markdown accepts both) and the destination may sit in angle brackets.
_REFERENCE = re.compile(
    r"""!\[(?P<alt>(?:\\.|[^\]\\\n])*)\]
        \(\s*(?P<open><)?image:(?P<id>\d+)(?(open)>)
        (?:\s+(?:"(?P<dq>[^\n]*?)"|'(?P<sq>[^\n]*?)'))?\s*\)""",
    re.VERBOSE,
)
# Python-Markdown's backslash escapes (``markdown.inlinepatterns.ESCAPED_CHARS``).
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()>#+\-.!])")


@dataclass(frozen=True, slots=True)
class PictureReference:
    """One library picture shown in the body: ``body[start:end]`` is its Markdown."""

    picture_id: int
    alt_text: str
    caption: str
    start: int
    end: int


def find_picture_references(body: str) -> list[PictureReference]:
    """Every ``![alt](image:ID "caption")`` of the body, in order, unescaped."""
    if "image:" not in body:
        return []
    return [
        PictureReference(
            int(found["id"]),
            _unescape(found["alt"]),
            _unescape(found["dq"] if found["dq"] is not None else found["sq"] or ""),
            found.start(),
            found.end(),
        )
        for found in _REFERENCE.finditer(body)
    ]


def quoted_caption(markdown: str) -> str | None:
    """The title of one ``![alt](image:ID "title")`` exactly as quoted, escapes and all (None
    when ``markdown`` is not one, or has no title)."""
    found = _REFERENCE.fullmatch(markdown)
    if found is None:
        return None
    return found["dq"] if found["dq"] is not None else found["sq"]


def _unescape(text: str) -> str:
    return _ESCAPED.sub(r"\1", text)
