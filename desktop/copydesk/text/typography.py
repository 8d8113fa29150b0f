"""French and English typography of article text (Markdown), with the edits that fix it.

Each rule reports a ``Finding``: what is wrong (``text[start:end]``) and the edits that make
it right. Markdown syntax is never prose: code, link targets, URLs, footnote markers, table
rows and the like are "protected" first, and no finding starts inside them.

Offsets are Python string indices into the text that was checked.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import NamedTuple

from copydesk.text.fences import closes_fence, opening_fence

NBSP = "\u00a0"  # no-break space: house style before ":" and inside « »
NNBSP = "\u202f"  # narrow no-break space: house style before ";", "!" and "?"
RIGHT_SINGLE_QUOTE = "’"  # also the typographic apostrophe
LEFT_SINGLE_QUOTE = "‘"
LEFT_DOUBLE_QUOTE = "“"
RIGHT_DOUBLE_QUOTE = "”"


# Named tuples rather than dataclasses: a long body can have thousands, built while typing.
class Edit(NamedTuple):
    """Replace ``text[start:end]`` with ``replacement`` (an insertion when start == end)."""

    start: int
    end: int
    replacement: str


class Finding(NamedTuple):
    """``rule`` is stable (``"fr.space_before_colon"``); ``params`` fill its message."""

    rule: str
    start: int
    end: int
    edits: tuple[Edit, ...]
    params: tuple[tuple[str, str], ...] = ()


# ---------------------------------------------------------------------------------------------
# Markdown syntax that must not be read as prose


class _Spans:
    """Sorted, merged ranges of the text where no finding may start."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for start, end in sorted(ranges):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            elif end > start:
                merged.append((start, end))
        self._starts = [start for start, _ in merged]
        self._ends = [end for _, end in merged]

    def __contains__(self, position: int) -> bool:
        index = bisect_right(self._starts, position) - 1
        return index >= 0 and position < self._ends[index]


_INDENTED = re.compile(r"^(?: {4}|\t)")
_BLANK = re.compile(r"^\s*$")

# Each pattern is run on its own: an alternation of them would be tried at every position
# of the text, and the editor checks 50,000 words while the user types.
_INLINE_SYNTAX = [
    re.compile(pattern)
    for pattern in (
        # Code spans, which may wrap but never cross a blank line.
        r"(`+)(?:(?!\n[ \t]*\n)[^`]|`(?!\1))+?\1(?!`)",
        # Link and image targets with their titles, one level of parentheses allowed
        # (Wikipedia addresses): ](https://x.org/a:b?c=d "caption").
        r"\]\((?:[^()\n]|\([^()\n]*\))*\)",
        # Autolinks and HTML tags: their quotes and colons are syntax.
        r"<[A-Za-z/!?][^<>\n]*>",
        # Bare addresses; trailing punctuation belongs to the sentence.
        r"(?:https?://|ftp://|mailto:|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"’»]",
        # E-mail addresses (the look-behind rejects the middle of words at once).
        r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
        # HTML entities: &nbsp; ends with a semicolon.
        r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);",
        # Image marker and footnote references: ![alt](…), [^1].
        r"!(?=\[)",
        r"\[\^[^\]\s]+\]",
    )
]
# At the start of a line: a footnote definition's "[^1]:" (its text is prose) and a whole
# link reference definition "[id]: https://… "title"".
_LINE_SYNTAX = re.compile(
    r"^ {0,3}\[\^[^\]\n]+\]:|^ {0,3}\[[^\]\n]+\]:[ \t]*\S+.*$",
    re.MULTILINE,
)
_TABLE_ALIGNMENT = re.compile(
    r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$", re.MULTILINE
)


def protected_spans(text: str) -> _Spans:
    """Where Markdown syntax, not prose, is written."""
    ranges = list(_code_blocks(text))
    for pattern in _INLINE_SYNTAX:
        ranges += [match.span() for match in pattern.finditer(text)]
    ranges += [match.span() for match in _LINE_SYNTAX.finditer(text)]
    ranges += [match.span() for match in _TABLE_ALIGNMENT.finditer(text) if "-" in match[0]]
    return _Spans(ranges)


def _code_blocks(text: str) -> Iterator[tuple[int, int]]:
    """Fenced blocks, and indented blocks after a blank line. Lines indented under a list
    item look the same; leaving them unchecked is the safe mistake."""
    fence: str | None = None
    fence_start = 0
    previous_blank = True
    for start, line in _lines(text):
        end = start + len(line)
        if fence is not None:
            if closes_fence(fence, line):
                yield fence_start, end
                fence = None
        elif opening := opening_fence(line):
            fence, fence_start = opening, start
        elif previous_blank and _INDENTED.match(line) and not _BLANK.match(line):
            yield start, end
            continue  # the next indented line continues the block
        previous_blank = bool(_BLANK.match(line))
    if fence is not None:
        yield fence_start, len(text)  # an unclosed fence runs to the end, as in Markdown


def _lines(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


# ---------------------------------------------------------------------------------------------
# Rules shared by both languages

# Two or more spaces between two visible characters: not indentation (line start) and not a
# Markdown hard line break (line end). Table cells may be padded for alignment.
_DOUBLE_SPACE = re.compile("  +")


def _double_spaces(text: str, replaced_elsewhere: Callable[[int, int], bool]) -> Iterator[Finding]:
    for match in _DOUBLE_SPACE.finditer(text):
        start, end = match.span()
        if not (_between_words(text, start, end)) or replaced_elsewhere(start, end):
            continue
        edit = Edit(start, end, " ")
        yield Finding("double_space", start, end, (edit,), (("count", str(end - start)),))


def _between_words(text: str, start: int, end: int) -> bool:
    return (
        start > 0
        and end < len(text)
        and not text[start - 1].isspace()
        and not text[end].isspace()
        and "|" not in (text[start - 1], text[end])
    )


def _is_opening(text: str, position: int) -> bool:
    """Whether the quote at ``position`` opens: it follows a space, a line start or an
    opening bracket or dash."""
    return position == 0 or text[position - 1].isspace() or text[position - 1] in "([{—–-/"


# Marks with a letter right after them: the last of a run ("?!", "?»") takes the space. A
# letter is a word character other than a digit or "_": 10:30, 3:1 and Jean 3:16 never match.
_MARKS_BEFORE_LETTER = {
    "fr": re.compile(r"[?!:;»]+(?=[^\W\d_])"),
    "en": re.compile(r"[?!:;]+(?=[^\W\d_])"),
}
# At a word start, faces (:D, ;P) and emoji codes (:smile:) are not marks.
_EMOTICON = re.compile(r"[:;][^\W\d_](?!\w)|:[\w+-]+:")
# URI schemes written without "//" (http, ftp and mailto addresses are protected already).
_SCHEME = re.compile(
    r"(?<![\w.+-])(?:callto|data|geo|image|javascript|news|sip|skype|sms|tel|urn|xmpp)\Z"
)
# A word holding one of these is an address, a path or a query: x.org/a?b=c, C:\x, a@b.
_ADDRESS_CHARS = frozenset("/\\@=")
_OPENERS = "([{<«“‘"
_NEAR = 64  # how far to look for the words around the marks


def _spaces_after_marks(text: str, language: str) -> Iterator[Finding]:
    for match in _MARKS_BEFORE_LETTER[language].finditer(text):
        end = match.end()
        run = match[0]
        start = end - 1 if run[-1] == "»" else match.start() + run.rfind("»") + 1
        if not text[end].isalpha() or not _ends_a_word(text, start, end, language):
            continue
        edit = Edit(end, end, " ")
        if run[-1] == "»":
            yield Finding("fr.space_after_closing_guillemet", start, end, (edit,))
        else:
            yield Finding("space_after_mark", start, end, (edit,), (("mark", text[start:end]),))


def _ends_a_word(text: str, start: int, end: int, language: str) -> bool:
    """Whether the marks ``text[start:end]`` end a word, so that the letter after them starts
    the next one: not a face or an emoji code (:D, :smile:), a URI scheme (news:x), an
    address or a path (x.org/a?b=c, C:\\x, 2001:db8::1) or Markdown syntax ([!NOTE])."""
    before = text[max(0, start - _NEAR) : start]
    word = before.rsplit(None, 1)[-1] if before[-1:].strip() else ""
    previous = word[-1:]
    if not word:  # the marks follow a space or start a line
        if language != "fr" or _EMOTICON.match(text, start):
            return False  # only French sets marks off with a space
        rest = before.rstrip()
        previous = "\n" if not rest or "\n" in before[len(rest) :] else rest[-1]
    if previous.isspace() or previous in _OPENERS:
        return False
    marks = text[start:end]
    token = word + marks + text[end : end + _NEAR].split(None, 1)[0]
    if not _ADDRESS_CHARS.isdisjoint(token):
        return False
    return ":" not in marks or (token.count(":") == 1 and not _SCHEME.search(word))


# ---------------------------------------------------------------------------------------------
# French

_FRENCH_MARK_RULES = {
    ":": "fr.space_before_colon",
    ";": "fr.space_before_semicolon",
    "!": "fr.space_before_exclamation",
    "?": "fr.space_before_question",
}
# "?!" and "!!" take one space before the group, none inside it. Patterns start with the
# mark itself, which the regular expression engine finds fast; spaces are looked at after.
_FRENCH_MARKS = re.compile(r"[:;]|[!?]+")


def _french_marks(text: str) -> Iterator[Finding]:
    for match in _FRENCH_MARKS.finditer(text):
        mark_start, mark_end = match.span()
        spaces_start = _skip_plain_spaces_back(text, mark_start)
        before = text[spaces_start - 1] if spaces_start > 0 else "\n"
        if before == "\n" or before in (NBSP, NNBSP) or _between_digits(text, mark_start):
            continue
        mark = match[0]
        space = NBSP if mark == ":" else NNBSP
        edit = Edit(spaces_start, mark_start, space)
        rule = _FRENCH_MARK_RULES[mark[0]]
        yield Finding(rule, mark_start, mark_end, (edit,), (("mark", mark),))


def _between_digits(text: str, position: int) -> bool:
    """Times and ratios (10:30, 3:1) take no space."""
    return (
        0 < position < len(text) - 1
        and text[position - 1].isdigit()
        and text[position + 1].isdigit()
    )


def _guillemet_spaces(text: str) -> Iterator[Finding]:
    for match in re.finditer("«", text):
        after = _skip_plain_spaces(text, match.end())
        if after < len(text) and text[after] not in f"\n{NBSP}{NNBSP}":
            edit = Edit(match.end(), after, NBSP)
            yield Finding("fr.space_after_opening_guillemet", *match.span(), (edit,))
    for match in re.finditer("»", text):
        before = _skip_plain_spaces_back(text, match.start())
        if before > 0 and text[before - 1] not in f"\n{NBSP}{NNBSP}":
            edit = Edit(before, match.start(), NBSP)
            yield Finding("fr.space_before_closing_guillemet", *match.span(), (edit,))


def _french_double_quotes(text: str, quotes: dict[int, bool]) -> Iterator[Finding]:
    """Opening quotes take the spaces after them, closing quotes the spaces before them."""
    for position, opening in quotes.items():
        if opening:
            end = _skip_plain_spaces(text, position + 1)
            edit = Edit(position, end, "«" + NBSP)
        else:
            start = _skip_plain_spaces_back(text, position)
            edit = Edit(start, position + 1, NBSP + "»")
        yield Finding("fr.straight_double_quote", position, position + 1, (edit,),
                      (("replacement", "«" if opening else "»"),))  # fmt: skip


def _is_plain_space(char: str) -> bool:
    """White space that may break a line: any but the line end and the no-break spaces."""
    return char.isspace() and char not in f"\n{NBSP}{NNBSP}"


def _skip_plain_spaces(text: str, position: int) -> int:
    while position < len(text) and _is_plain_space(text[position]):
        position += 1
    return position


def _skip_plain_spaces_back(text: str, position: int) -> int:
    while position > 0 and _is_plain_space(text[position - 1]):
        position -= 1
    return position


def _double_quote_roles(text: str, protected: _Spans) -> Iterator[tuple[int, bool]]:
    """Each straight double quote and whether it opens. Context decides when it can (after
    a space it opens, before one it closes); otherwise quotes alternate within a paragraph."""
    open_quote = False
    paragraph_end = -1
    for match in re.finditer('"', text):
        position = match.start()
        if position in protected:
            continue  # a link title's or an HTML attribute's quotes are syntax
        if position > paragraph_end:
            open_quote = False
            found = text.find("\n\n", position)
            paragraph_end = found if found >= 0 else len(text)
        opening = _quote_opens(text, position, open_quote)
        open_quote = opening
        yield position, opening


def _quote_opens(text: str, position: int, inside_quote: bool) -> bool:
    after = text[position + 1] if position + 1 < len(text) else "\n"
    after_space = _is_opening(text, position)
    if after_space and not after.isspace() and after not in ".,;:!?)]}":
        return True
    if not after_space and not after.isalnum():
        return False
    return not inside_quote


def _french_apostrophes(text: str) -> Iterator[Finding]:
    for match in re.finditer("'", text):
        edit = Edit(match.start(), match.end(), RIGHT_SINGLE_QUOTE)
        yield Finding("fr.straight_apostrophe", match.start(), match.end(), (edit,))


def french_findings(text: str, protected: _Spans) -> Iterator[Finding]:
    quotes = dict(_double_quote_roles(text, protected))

    def replaced_elsewhere(start: int, end: int) -> bool:
        """Spaces inside guillemets or quotes and before a mark: their rule replaces them."""
        before, after = text[start - 1], text[end]
        return (
            before == "«"
            or after in ":;!?»"
            or quotes.get(start - 1) is True
            or quotes.get(end) is False
        )

    yield from _french_marks(text)
    yield from _guillemet_spaces(text)
    yield from _spaces_after_marks(text, "fr")
    yield from _french_double_quotes(text, quotes)
    yield from _french_apostrophes(text)
    yield from _double_spaces(text, replaced_elsewhere)


# ---------------------------------------------------------------------------------------------
# English


def _english_double_quotes(text: str, protected: _Spans) -> Iterator[Finding]:
    for position, opening in _double_quote_roles(text, protected):
        replacement = LEFT_DOUBLE_QUOTE if opening else RIGHT_DOUBLE_QUOTE
        edit = Edit(position, position + 1, replacement)
        yield Finding("en.straight_double_quote", position, position + 1, (edit,),
                      (("replacement", replacement),))  # fmt: skip


# An apostrophe standing for the century: ’90s, ’68.
_ELIDED_YEAR = re.compile(r"\d\d(?:s\b|\b)")


def _english_single_quotes(text: str) -> Iterator[Finding]:
    for match in re.finditer("'", text):
        position = match.start()
        between_letters = (
            0 < position < len(text) - 1
            and text[position - 1].isalnum()
            and text[position + 1].isalpha()
        )
        opening = _is_opening(text, position) and not _ELIDED_YEAR.match(text, position + 1)
        replacement = LEFT_SINGLE_QUOTE if opening else RIGHT_SINGLE_QUOTE
        rule = "en.straight_apostrophe" if between_letters else "en.straight_single_quote"
        edit = Edit(position, position + 1, replacement)
        yield Finding(rule, position, position + 1, (edit,), (("replacement", replacement),))


def english_findings(text: str, protected: _Spans) -> Iterator[Finding]:
    yield from _english_double_quotes(text, protected)
    yield from _english_single_quotes(text)
    yield from _spaces_after_marks(text, "en")
    yield from _double_spaces(text, lambda start, end: False)


# ---------------------------------------------------------------------------------------------
# Entry points

_RULES: dict[str, Callable[[str, _Spans], Iterator[Finding]]] = {
    "fr": french_findings,
    "en": english_findings,
}


def check_typography(text: str, language: str) -> list[Finding]:
    """The typography findings of ``text`` in ``language`` ("fr", "en"; others have none),
    in text order, none inside Markdown syntax."""
    rules = _RULES.get(language)
    if rules is None or not text:
        return []
    protected = protected_spans(text)
    findings = [found for found in rules(text, protected) if found.start not in protected]
    findings.sort(key=lambda found: (found.start, found.end))
    return findings


def non_overlapping_edits(groups: Iterable[Sequence[Edit]]) -> list[Edit]:
    """The edits of every group that fits beside the groups before it (a group is one
    finding's fix: kept or dropped whole), sorted by position."""
    kept: list[Edit] = []
    for group in sorted(groups, key=lambda edits: min(_edit_key(edit) for edit in edits)):
        if not any(_overlaps_any(kept, edit) for edit in group):
            for edit in group:
                insort(kept, edit, key=_edit_key)
    return kept


def _edit_key(edit: Edit) -> tuple[int, int]:
    return edit.start, edit.end


def _overlaps_any(kept: list[Edit], edit: Edit) -> bool:
    """``kept`` is sorted and free of overlaps, so only the neighbours of ``edit`` can touch it."""
    index = bisect_left(kept, _edit_key(edit), key=_edit_key)
    return any(_overlap(edit, other) for other in kept[max(index - 1, 0) : index + 2])


def _overlap(first: Edit, second: Edit) -> bool:
    if first.start == first.end == second.start == second.end:
        return True  # two insertions at one place: their order would be a guess
    return first.start < second.end and second.start < first.end


def fix_all_typography(text: str, language: str) -> list[Edit]:
    """Every typography edit of ``text`` at once, non-overlapping, sorted by position."""
    return non_overlapping_edits(found.edits for found in check_typography(text, language))


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits in one pass (offsets refer to the original text)."""
    pieces: list[str] = []
    position = 0
    for edit in sorted(edits, key=_edit_key):
        pieces += [text[position : edit.start], edit.replacement]
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)
