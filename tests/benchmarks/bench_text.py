"""The text checks of a 50,000-word article, as the window runs them while the editor types:
the article's checks (typography included) and its outline. Targets: the bounds the unit
tests used to assert (checks 100 ms, outline 50 ms), now medians measured here.

    .venv/bin/python tests/benchmarks/bench_text.py [--rounds 15]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchlib import Figure, report

from copydesk.articles.checks import check_article
from copydesk.preferences import Preferences
from copydesk.records.article import ArticleContent
from copydesk.text.outline import headings

# About the density of the reference article: a few problems per paragraph.
PARAGRAPH = (
    "Selon Trump, la conversation a été productive : les deux parties ont abordé la "
    "guerre en Ukraine, la situation au Moyen-Orient, l’énergie, l’intelligence artificielle "
    "et l’influence du dollar. Il a été précédemment rapporté qu'à partir du 12 mars, "
    "les États-Unis imposeront une taxe de 25 % sur l’importation d’acier en provenance "
    "du Canada ; voir [la source](https://x.org/a:b?c=d) et `code: x`. Les deux dirigeants "
    "ont évoqué les liens historiques entre les États-Unis et la Russie, rappelant leur "
    "lutte commune lors de la Seconde Guerre mondiale, puis « la paix »."
)


def timed(action: Callable[[], object], rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds
    content = ArticleContent(headline="Titre", language="fr", body="\n\n".join([PARAGRAPH] * 600))
    outline_text = "\n\n".join(f"## Partie {n}\n\n{' '.join(['mot'] * 100)}" for n in range(500))
    preferences, today = Preferences(), date(2025, 3, 15)
    figures = [
        Figure(
            "check a 50,000-word article",
            timed(lambda: check_article(content, preferences, today), rounds),
            100.0,
        ),
        Figure(
            "outline of a 50,000-word article", timed(lambda: headings(outline_text), rounds), 50.0
        ),
    ]
    ok = report("Text checks of a long article", figures, [f"{rounds} rounds each"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
