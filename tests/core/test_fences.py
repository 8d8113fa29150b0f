"""Fenced code is read one way by everything that skips code: the outline, the headline of a
file without front matter and the typography checks (the highlighter: tests/qt)."""

from __future__ import annotations

import pytest

from copydesk.exchange.markdown_file.headline import headline_from_body
from copydesk.text.fences import closes_fence, opening_fence
from copydesk.text.outline import headings
from copydesk.text.typography import check_typography

# "``` not a close" has text after its backticks: CommonMark reads it as code, not a close.
TEXT = '```\n# Pas un titre\n``` not a close\n"guillemets droits"\n```\n\n# Le vrai titre\n'


@pytest.mark.parametrize(
    ("fence", "line", "closes"),
    [
        ("```", "```", True),
        ("```", "````", True),
        ("```", "   ```  ", True),
        ("```", "``", False),
        ("```", "~~~", False),
        ("````", "```", False),
        ("```", "``` python", False),
        ("~~~", "~~~~", True),
        ("```", "    ```", False),  # four spaces in: code, not a fence
    ],
)
def test_what_closes_a_fence(fence: str, line: str, closes: bool) -> None:
    assert closes_fence(fence, line) is closes


def test_what_opens_a_fence() -> None:
    assert opening_fence("```python") == "```"
    assert opening_fence("  ~~~~") == "~~~~"
    assert opening_fence("``") is None
    assert opening_fence("    ```") is None


def test_the_outline_the_headline_and_typography_agree_on_what_is_code() -> None:
    assert [heading.title for heading in headings(TEXT)] == ["Le vrai titre"]
    headline, _body, _warnings = headline_from_body(TEXT)
    assert headline == "Le vrai titre"
    assert not check_typography(TEXT, "fr"), "straight quotes inside code are not checked"
