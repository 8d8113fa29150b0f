"""Fenced code in Markdown, read one way everywhere (the outline, the typography checks, the
headline of a file without front matter, the editor's highlighting), as CommonMark reads it:
a line of three or more backticks or tildes, indented by at most three spaces, opens a
block; a line of the same character, at least as long and with nothing after it, closes it.
"""

from __future__ import annotations

import re

FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


def opening_fence(line: str) -> str | None:
    """The fence ``line`` opens a code block with (outside code), else None."""
    match = FENCE.match(line)
    return match[1] if match else None


def closes_fence(fence: str, line: str) -> bool:
    """Whether ``line`` closes the code block that ``fence`` opened."""
    match = FENCE.match(line)
    if match is None or line[match.end() :].strip():
        return False
    return match[1][0] == fence[0] and len(match[1]) >= len(fence)
