"""Word and character counts and reading time of article text (Markdown)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# Link and image targets are not read aloud: ``[text](https://…)`` counts as "text".
_LINK_TARGET = re.compile(r"\]\([^)\n]*\)")
# A word: letters or digits, possibly joined by apostrophes or hyphens (l’école, week-end).
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")

DEFAULT_WORDS_PER_MINUTE = 230


@dataclass(frozen=True, slots=True)
class TextStats:
    words: int
    characters: int
    reading_minutes: int


def count_words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(_LINK_TARGET.sub("]", text)))


def reading_minutes(words: int, words_per_minute: int = DEFAULT_WORDS_PER_MINUTE) -> int:
    """Whole minutes, rounded up: one minute as soon as there is anything to read."""
    return math.ceil(words / max(words_per_minute, 1)) if words else 0


def text_stats(text: str, words_per_minute: int = DEFAULT_WORDS_PER_MINUTE) -> TextStats:
    words = count_words(text)
    return TextStats(words, len(text), reading_minutes(words, words_per_minute))
