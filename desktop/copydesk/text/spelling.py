"""Spelling: the misspelt words of a text in the article's language, with suggestions.

The words are checked by Hunspell's dictionaries through Enchant (``pyenchant``; Debian's
``hunspell-fr``, ``hunspell-en-gb`` / ``hunspell-en-us``), never by a word list of our own. An
article in French is checked with ``fr_FR``, one in English with ``en_GB`` or else ``en_US``;
when no dictionary (or no Enchant) is installed, ``open_speller`` raises ``SpellingUnavailable``
saying why and the caller leaves spelling off.

What a person writes and is not prose is never flagged: Markdown syntax, inline code and
fenced code, URLs and domain names, e-mail addresses, HTML tags and entities, link targets
and ``image:`` picture references, YAML front matter at the top, numbers and words holding a
digit, ALL-CAPS acronyms, identifiers_with_underscores, #hashtags and @mentions. French
elisions (``l’``, ``d’``, ``qu’``, ``jusqu’``…, with ’ or ') and hyphenated words are checked
part by part when the dictionary does not know them whole, so correct French is not flagged.

Each word's verdict is cached, so checking a paragraph again (the editor does it at every
keystroke) costs a regular-expression pass and dictionary look-ups. A ``Speller`` may be used
from several threads (the editor's and the checks'): Enchant is called under a lock.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from copydesk.errors import CopydeskError
from copydesk.text.fences import closes_fence, opening_fence
from copydesk.translation import N_, _

# Article language → Enchant dictionary tags, the first installed one is used.
DICTIONARY_TAGS: dict[str, tuple[str, ...]] = {
    "fr": ("fr_FR", "fr"),
    "en": ("en_GB", "en_US", "en"),
}
_LANGUAGE_NAMES = {"fr": N_("French"), "en": N_("English")}
_PACKAGES = {"fr": "hunspell-fr", "en": "hunspell-en-gb"}

MAX_CACHED_WORDS = 200_000  # the cache starts again beyond this (a very long session)
MAX_SUGGESTIONS = 7

# A word: letters and digits (never "_": *emphasis* and _emphasis_ markers are not part of
# it), joined by inner apostrophes and hyphens: "l’invasion", "porte-parole", "don't".
_WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")
_DIGIT = re.compile(r"\d")
# Spans of a line that are not prose. Each pattern is tried only when its marker is in the
# line, so that a plain paragraph costs a few substring tests.
_NOT_PROSE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("`", re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")),  # `inline code`
    ("<", re.compile(r"<!--.*?(?:-->|$)|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")),  # <tag>
    ("&", re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")),  # &nbsp;
    (":", re.compile(r"\b[A-Za-z][A-Za-z0-9+.-]*://[^\s<>\"]*")),  # https://…
    (":", re.compile(r"\b(?:mailto|tel|image|data):[^\s<>\"()\]]+")),  # image:12, mailto:…
    ("www.", re.compile(r"\bwww\.[^\s<>\"()]+")),
    ("@", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),  # e-mail addresses
    ("](", re.compile(r"\]\(\s*(?:<[^>\n]*>|[^\s)]*)")),  # ](link target  (not its title)
    ("][", re.compile(r"\]\[[^\]\n]*\]")),  # ][reference label]
    ("[^", re.compile(r"\[\^[^\]\s]+\]")),  # [^footnote]
    ("]:", re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*\S+")),  # [label]: https://… (definition)
    ("/", re.compile(r"(?<![\w/])(?:~|\.{1,2})?/[\w.-]+(?:/[\w.-]*)+")),  # /paths/to/files
    ("_", re.compile(r"[^\W_]+(?:_[^\W_]+)+")),  # identifiers_with_underscores
    ("#", re.compile(r"(?<![\w&])#[^\W_][\w-]*")),  # #hashtag
    ("@", re.compile(r"(?<![\w&])@[^\W_][\w-]*")),  # @mention
)
# example.org, Node.js: a dot with a letter right after it (never in plain prose).
_DOT_LETTER = re.compile(r"\.[A-Za-z]")
_DOMAIN = re.compile(r"(?<![\w@.])(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[a-z]{2,}(?:/[^\s)]*)?(?![\w@])")
# French elisions before a vowel or a mute h: l’, d’, qu’, jusqu’, lorsqu’… (’ or ').
_ELISION = re.compile(
    r"((?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu|quelqu)[’'])(.+)", re.IGNORECASE
)
_POSSESSIVE = re.compile(r"(.+)[’']s", re.IGNORECASE)  # English: the Kremlin’s
_FRONT_MATTER_LINE = re.compile(r"(?:[A-Za-z_][\w-]*\s*:|\s|-\s|-$|#|$)")
_FRONT_MATTER_FENCE = "---"


class SpellingUnavailable(CopydeskError):
    """Spelling cannot be checked in a language; the message says why (and what to install)."""


@dataclass(frozen=True, slots=True)
class Misspelling:
    """``text[start:end]`` is ``word``, which the dictionary does not know."""

    start: int
    end: int
    word: str


def language_name(language: str) -> str:
    """ "French", "English" (translated), or the code itself for another language."""
    name = _LANGUAGE_NAMES.get(base_language(language))
    return _(name) if name else language


def base_language(language: str) -> str:
    """ "fr" for "fr", "fr_CA", "fr-BE"; lowercase."""
    return re.split(r"[_\-]", language.strip(), maxsplit=1)[0].lower()


def _enchant() -> Any:
    """The ``enchant`` module, imported when spelling is first needed (30 ms); raises
    ``SpellingUnavailable`` when pyenchant or the Enchant library is missing."""
    try:
        import enchant  # type: ignore[import-untyped]
    except (ImportError, OSError) as error:
        raise SpellingUnavailable(
            _(
                "Spelling is off: the Enchant spelling library is not installed "
                "(Debian and Ubuntu: sudo apt install libenchant-2-2)."
            )
        ) from error
    return enchant


def dictionary_tag(language: str) -> str:
    """The Enchant tag of the installed dictionary for ``language`` ("fr" → "fr_FR"), or
    ``SpellingUnavailable``."""
    code = base_language(language)
    tags = DICTIONARY_TAGS.get(code)
    if tags is None:
        raise SpellingUnavailable(
            _(
                "Spelling is off: Copydesk checks the spelling of French and English articles, "
                "not of articles in “{language}”."
            ).format(language=language)
        )
    enchant = _enchant()
    try:
        broker = enchant.Broker()
        for tag in tags:
            if broker.dict_exists(tag):
                return tag
    except enchant.errors.Error as error:
        raise SpellingUnavailable(
            _("Spelling is off: the Enchant spelling library failed ({error}).").format(error=error)
        ) from error
    raise SpellingUnavailable(
        _(
            "Spelling is off: there is no {language} dictionary on this computer "
            "(Debian and Ubuntu: sudo apt install {package})."
        ).format(language=language_name(code), package=_PACKAGES[code])
    )


def open_speller(language: str, words: Iterable[str] = ()) -> Speller:
    """A speller for articles in ``language`` that also knows ``words`` (the newsroom
    dictionary's); ``SpellingUnavailable`` when there is no dictionary for it."""
    tag = dictionary_tag(language)
    enchant = _enchant()
    try:
        dictionary = enchant.Dict(tag)
    except enchant.errors.Error as error:
        raise SpellingUnavailable(
            _("Spelling is off: the {language} dictionary could not be opened ({error}).").format(
                language=language_name(language), error=error
            )
        ) from error
    speller = Speller(base_language(language), tag, dictionary)
    speller.learn(words)
    return speller


class Speller:
    """Checks words and texts against one dictionary (and the words it has learnt)."""

    def __init__(self, language: str, tag: str, dictionary: Any) -> None:
        self.language = language
        self.tag = tag
        self._dictionary = dictionary
        self._lock = threading.Lock()
        # word → None when it is spelt right, else where its mistake is (start, end)
        self._verdicts: dict[str, tuple[int, int] | None] = {}
        self._learnt: set[str] = set()
        self.lookups = 0  # words actually sent to the dictionary (the cache's misses)

    # ---- words ------------------------------------------------------------------------------

    @property
    def learnt(self) -> frozenset[str]:
        return frozenset(self._learnt)

    def learn(self, words: Iterable[str]) -> None:
        """Accept ``words`` from now on (the newsroom dictionary's, or one just added)."""
        new = {word for word in (w.strip() for w in words) if word} - self._learnt
        if not new:
            return
        with self._lock:
            for word in sorted(new):
                self._dictionary.add_to_session(word)
                # A dictionary with straight apostrophes learns the word as it looks it up.
                if "’" in word:
                    self._dictionary.add_to_session(word.replace("’", "'"))
            self._learnt |= new
            self._verdicts = {}  # "Zelensky’s", "l’Ukrainienne"… may be right now

    def knows(self, word: str) -> bool:
        """Whether ``word`` is spelt right (a whole word, as ``misspellings`` finds them)."""
        return _skipped(word) or self._misspelt_part(word) is None

    def suggestions(self, word: str, limit: int = MAX_SUGGESTIONS) -> list[str]:
        """The dictionary's suggestions for ``word``, best first (Hunspell: tens of ms)."""
        with self._lock:
            found = self._dictionary.suggest(word)
        unique: list[str] = []
        for suggestion in found:
            if suggestion != word and suggestion not in unique:
                unique.append(suggestion)
        return unique[:limit]

    def _in_dictionary(self, word: str) -> bool:
        with self._lock:
            self.lookups += 1
            if self._dictionary.check(word):
                return True
            return "’" in word and bool(self._dictionary.check(word.replace("’", "'")))

    def _misspelt_part(self, word: str) -> tuple[int, int] | None:
        """Where in ``word`` the mistake is (start, end), or None when it is spelt right.

        The whole word first ("aujourd’hui", "c’est-à-dire"); else an elision is checked
        without its l’/d’/qu’ (the mistake is then after it), a possessive without its ’s, a
        hyphenated word part by part."""
        verdicts = self._verdicts
        if word in verdicts:
            return verdicts[word]
        verdict: tuple[int, int] | None = (0, len(word))
        if self._in_dictionary(word):
            verdict = None
        elif (elision := _ELISION.fullmatch(word)) is not None:
            part = self._misspelt_part(elision[2])
            offset = len(elision[1])
            verdict = None if part is None else (part[0] + offset, part[1] + offset)
        elif self._right_as_possessive(word) or self._right_in_parts(word):
            verdict = None
        if len(verdicts) >= MAX_CACHED_WORDS:
            verdicts.clear()
        verdicts[word] = verdict
        return verdict

    def _right_as_possessive(self, word: str) -> bool:
        """ "Kremlin’s": right when "Kremlin" is."""
        possessive = _POSSESSIVE.fullmatch(word)
        return possessive is not None and self._misspelt_part(possessive[1]) is None

    def _right_in_parts(self, word: str) -> bool:
        """ "Saint-Aubin", "a-t-il": right when every part is."""
        parts = [part for part in word.split("-") if part]
        return len(parts) > 1 and all(
            _skipped(part) or self._misspelt_part(part) is None for part in parts
        )

    # ---- texts ------------------------------------------------------------------------------

    def line_misspellings(self, line: str) -> list[Misspelling]:
        """The misspelt words of one line of Markdown (no code fence or front matter around
        it: the caller knows; ``misspellings`` does it for a whole text)."""
        found: list[Misspelling] = []
        skips = _not_prose(line)
        skip_index = 0
        verdicts = self._verdicts
        for match in _WORD.finditer(line):
            word = match.group()
            if verdicts.get(word, _UNKNOWN) is None:
                continue  # the common case: a word already known to be right
            start, end = match.span()
            if skips:
                while skip_index < len(skips) and skips[skip_index][1] <= start:
                    skip_index += 1
                if skip_index < len(skips) and skips[skip_index][0] < end:
                    continue  # inside code, a URL, a tag…
            if _skipped(word):
                continue
            part = self._misspelt_part(word)
            if part is not None:
                found.append(Misspelling(start + part[0], start + part[1], word[part[0] : part[1]]))
        return found

    def misspellings(self, text: str) -> list[Misspelling]:
        """The misspelt words of a Markdown text (a body, a headline, a caption…), with their
        offsets in ``text``; fenced code and front matter are left out."""
        found: list[Misspelling] = []
        fence: str | None = None
        lines = text.split("\n")
        skip_lines = _front_matter_lines(lines)
        offset = 0
        for number, line in enumerate(lines):
            if number < skip_lines:
                pass
            elif fence is not None:
                if closes_fence(fence, line):
                    fence = None
            elif (opening := opening_fence(line)) is not None:
                fence = opening
            else:
                found += [
                    Misspelling(m.start + offset, m.end + offset, m.word)
                    for m in self.line_misspellings(line)
                ]
            offset += len(line) + 1
        return found


_UNKNOWN = (-1, -1)


def _skipped(word: str) -> bool:
    """Words never checked: one letter, a digit anywhere (2025, 4G, COVID-19), ALL CAPS
    (OTAN, BBC, CC-BY)."""
    if len(word) < 2 or _DIGIT.search(word):
        return True
    letters = [char for char in word if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


def _not_prose(line: str) -> list[tuple[int, int]]:
    """The spans of ``line`` that are not prose, sorted by their start."""
    spans = [
        match.span()
        for marker, pattern in _NOT_PROSE
        if marker in line
        for match in pattern.finditer(line)
    ]
    if "." in line and _DOT_LETTER.search(line):
        spans += [match.span() for match in _DOMAIN.finditer(line)]
    spans.sort()
    return spans


def _front_matter_lines(lines: list[str]) -> int:
    """How many lines at the top are YAML front matter (``---`` … ``---`` or ``...``), 0 when
    there is none: every line between looks like YAML and the block is closed."""
    if not lines or lines[0].rstrip() != _FRONT_MATTER_FENCE:
        return 0
    for number, line in enumerate(lines[1:], start=1):
        if line.rstrip() in (_FRONT_MATTER_FENCE, "..."):
            return number + 1
        if not front_matter_line(line):
            return 0
    return 0


def front_matter_line(line: str) -> bool:
    """Whether ``line`` may be inside YAML front matter (``key: value``, an indented or list
    line, a comment, a blank line)."""
    return _FRONT_MATTER_LINE.match(line) is not None


__all__ = [
    "DICTIONARY_TAGS",
    "Misspelling",
    "Speller",
    "SpellingUnavailable",
    "base_language",
    "dictionary_tag",
    "front_matter_line",
    "language_name",
    "open_speller",
]
