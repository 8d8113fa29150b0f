"""Deterministic article text for the benchmarks: Markdown shaped like a long article
(headings every dozen paragraphs, some emphasis, some links), so that highlighting, search,
counting and saving meet realistic input."""

from __future__ import annotations

import random

WORDS = [
    "le",
    "la",
    "les",
    "un",
    "une",
    "des",
    "et",
    "mais",
    "donc",
    "conseil",
    "municipal",
    "maire",
    "habitants",
    "village",
    "ferry",
    "port",
    "navire",
    "équipage",
    "capitaine",
    "tempête",
    "vague",
    "l’école",
    "week-end",
    "route",
    "pont",
    "élus",
    "budget",
    "projet",
    "travaux",
    "décision",
    "semaine",
    "commune",
    "région",
]


def article_body(words: int, seed: int = 4) -> str:
    """Markdown shaped like a long article: headings every dozen paragraphs, some emphasis,
    some links."""
    rnd = random.Random(seed)
    parts: list[str] = []
    written = 0
    while written < words:
        if len(parts) % 12 == 0:
            parts.append(f"## Partie {len(parts) // 12 + 1}")
        sentence = [rnd.choice(WORDS) for _ in range(rnd.randint(60, 140))]
        sentence[3] = f"**{sentence[3]}**"
        sentence[17] = f"*{sentence[17]}*"
        sentence[29] = f"[{sentence[29]}](https://example.org/{len(parts)})"
        parts.append(" ".join(sentence) + ".")
        written += len(sentence)
    return "\n\n".join(parts)
