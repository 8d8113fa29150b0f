"""Numbers in messages, written as the core's language writes them: 12,345.6 in English,
12 345,6 in French (a narrow no-break space between the thousands, a decimal comma)."""

from __future__ import annotations

from copydesk.translation import FRENCH, current_language

NNBSP = "\u202f"


def number(value: float, decimals: int = 0, *, grouping: bool = True) -> str:
    """``value`` with ``decimals`` digits after the point, thousands grouped unless
    ``grouping`` is False."""
    text = f"{value:,.{decimals}f}" if grouping else f"{value:.{decimals}f}"
    if current_language() == FRENCH:
        text = text.replace(",", NNBSP).replace(".", ",")
    return text


__all__ = ["number"]
