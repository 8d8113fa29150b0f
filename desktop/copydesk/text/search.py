"""Find and replace in a text: plain or regular-expression search, counted with ``re``.

The editor's find bar searches a copy of the body with these functions: one ``finditer``
pass counts every match of a 50,000-word body in a few milliseconds, where stepping through
the document with QTextDocument.find would take far longer on a common word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from copydesk.translation import _


class SearchError(ValueError):
    """The pattern or the replacement is not valid; the message says why, for the user."""


@dataclass(frozen=True, slots=True)
class SearchOptions:
    match_case: bool = False
    whole_word: bool = False
    regex: bool = False


def compile_search(query: str, options: SearchOptions) -> re.Pattern[str]:
    """The pattern for ``query``; raises SearchError on an invalid regular expression."""
    source = query if options.regex else re.escape(query)
    if options.whole_word:
        # Not \b: a query like "(AFP)" starts and ends with non-word characters.
        source = rf"(?<!\w)(?:{source})(?!\w)"
    flags = re.MULTILINE | (0 if options.match_case else re.IGNORECASE)
    try:
        return re.compile(source, flags)
    except re.error as error:
        raise SearchError(str(error)) from error
    except RecursionError as error:  # absurdly nested patterns
        raise SearchError(_("pattern too complex")) from error


def matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Every non-empty match (an empty one, like ``^``, cannot be selected or replaced)."""
    return (match for match in pattern.finditer(text) if match.end() > match.start())


def find_spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in matches(pattern, text)]


def replacement_for(match: re.Match[str], replacement: str, regex: bool) -> str:
    """``replacement`` for ``match``: with \\1 or \\g<name> groups when searching by regex."""
    if not regex:
        return replacement
    try:
        return match.expand(replacement)
    except (re.error, IndexError) as error:
        raise SearchError(str(error)) from error


def replace_all(text: str, pattern: re.Pattern[str], replacement: str, regex: bool) -> str:
    """``text`` with every non-empty match replaced (what the find bar's Replace All does)."""
    pieces: list[str] = []
    done = 0
    for match in matches(pattern, text):
        pieces += [text[done : match.start()], replacement_for(match, replacement, regex)]
        done = match.end()
    pieces.append(text[done:])
    return "".join(pieces)
