"""The head of a long body, enough to fill the preview's first screen.

An article is shown before its whole body is rendered: the page gets the head at once and
the rest a moment later, from the preview's own renderer. Rendering 50,000 words takes
hundreds of milliseconds a person would spend looking at an empty preview."""

from __future__ import annotations

from copydesk.text.fences import closes_fence, opening_fence

# More than the tallest preview shows (about 300 words on a 1600-pixel screen).
FIRST_SCREEN_CHARS = 6000


def first_screen(body: str, chars: int = FIRST_SCREEN_CHARS) -> str:
    """``body`` cut at the first blank line outside fenced code after ``chars`` characters;
    the whole body when it is shorter."""
    if len(body) <= chars:
        return body
    fence: str | None = None
    length = 0
    for line in body.splitlines(keepends=True):
        if fence is None:
            if length >= chars and not line.strip():
                return body[:length]
            fence = opening_fence(line)
        elif closes_fence(fence, line):
            fence = None
        length += len(line)
    return body
