"""Library pictures referenced from Markdown: ``![alt](image:12 "caption")``."""

from __future__ import annotations

import re

# The renderer takes any id (``copydesk.rendering.pictures.PICTURE_ID_RE``); library pictures
# have numeric ids.
_LIBRARY_PICTURE = re.compile(r"\]\(\s*<?image:(\d+)\b")


def body_picture_ids(body: str) -> list[int]:
    """The ids of the library pictures the body shows, each once, in order of appearance."""
    if "image:" not in body:
        return []
    return list(dict.fromkeys(int(found) for found in _LIBRARY_PICTURE.findall(body)))


def picture_markdown(picture_id: int, alt_text: str, caption: str = "") -> str:
    """The Markdown that shows a library picture in the body."""
    alt = alt_text.replace("\\", "\\\\").replace("]", "\\]").replace("\n", " ")
    if not caption:
        return f"![{alt}](image:{picture_id})"
    title = caption.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'![{alt}](image:{picture_id} "{title}")'
