"""Headings of a Markdown text (the outline panel's source)."""

from __future__ import annotations

from copydesk.text.outline import Heading, headings


def test_atx_headings_with_their_levels_titles_and_lines() -> None:
    text = "# Un\n\nTexte\n## Deux ##\n###### Six\n####### sept\n#pas un titre\n   ### Trois"
    assert headings(text) == [
        Heading(1, "Un", 0),
        Heading(2, "Deux", 3),
        Heading(6, "Six", 4),
        Heading(3, "Trois", 7),
    ]


def test_a_closing_sequence_is_dropped_but_a_trailing_hash_in_a_word_is_kept() -> None:
    assert [h.title for h in headings("# C#\n## Fin ##  \n#")] == ["C#", "Fin", ""]


def test_lines_inside_fenced_code_are_not_headings() -> None:
    text = "```python\n# commentaire\n~~~\n# encore du code\n```\n# Titre\n~~~~\n# code\n~~~\n"
    assert headings(text) == [Heading(1, "Titre", 5)]


def test_a_fence_closes_only_with_the_same_character_and_at_least_its_length() -> None:
    text = "````\n```\n# code\n````\n# Titre"
    assert headings(text) == [Heading(1, "Titre", 4)]


def test_an_unclosed_fence_runs_to_the_end() -> None:
    assert headings("# Avant\n```\n# code") == [Heading(1, "Avant", 0)]


def test_indented_by_four_spaces_is_code_not_a_heading() -> None:
    assert headings("    # code") == []


def test_fifty_thousand_words_are_scanned_whole() -> None:
    """Its speed: tests/benchmarks/bench_text.py."""
    paragraph = " ".join(["mot"] * 100)
    text = "\n\n".join(f"## Partie {n}\n\n{paragraph}" for n in range(500))
    found = headings(text)
    assert len(found) == 500 and found[-1].line == 499 * 4
