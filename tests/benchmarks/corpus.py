"""Deterministic article text for the benchmarks: paragraphs and headings of prose-like
French words, so Markdown, search and counting meet realistic input."""

from __future__ import annotations

import random

_WORDS = [
    "le",
    "la",
    "les",
    "un",
    "une",
    "des",
    "et",
    "à",
    "de",
    "du",
    "en",
    "pour",
    "sur",
    "avec",
    "dans",
    "par",
    "que",
    "qui",
    "ne",
    "pas",
    "plus",
    "mairie",
    "conseil",
    "municipal",
    "budget",
    "école",
    "toiture",
    "panneaux",
    "solaires",
    "énergie",
    "commune",
    "habitants",
    "projet",
    "travaux",
    "maire",
    "adjointe",
    "finances",
    "réunion",
    "vote",
    "séance",
    "région",
    "département",
    "État",
    "année",
    "mois",
    "semaine",
    "jeudi",
    "lundi",
    "prix",
    "coût",
    "euros",
    "millions",
    "chantier",
    "entreprise",
    "emploi",
    "réseau",
    "électricité",
    "production",
    "consommation",
    "foyers",
    "village",
    "ville",
    "quartier",
    "rue",
    "place",
    "selon",
    "explique",
    "ajoute",
    "rappelle",
    "souligne",
    "annonce",
    "affirme",
    "estime",
    "précise",
    "indique",
]


def article_body(words: int, *, seed: int = 0) -> str:
    """About ``words`` words: paragraphs of 60 to 120 words, a heading every eight."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    written = 0
    while written < words:
        if len(paragraphs) % 9 == 8:
            paragraphs.append("## " + " ".join(rng.choices(_WORDS, k=4)).capitalize())
            written += 4
            continue
        count = min(rng.randint(60, 120), words - written)
        text = " ".join(rng.choices(_WORDS, k=count))
        paragraphs.append(text[0].upper() + text[1:] + ".")
        written += count
    return "\n\n".join(paragraphs) + "\n"
