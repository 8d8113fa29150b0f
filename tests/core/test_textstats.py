from __future__ import annotations

from copydesk.text.stats import count_words, reading_minutes, text_stats


def test_words_in_french_and_english_prose() -> None:
    assert count_words("L’école du week-end ouvre à 9 h.") == 7
    assert count_words("It's a well-known fact, isn't it?") == 6
    assert count_words("") == 0
    assert count_words("— « » … !") == 0


def test_markdown_markup_and_link_targets_are_not_words() -> None:
    assert count_words("## Titre\n\n* un **deux** [trois](https://example.org/a-b-c)") == 4
    assert count_words('![Une photo](image:12 "légende")') == 2


def test_reading_time_rounds_up() -> None:
    assert reading_minutes(0) == 0
    assert reading_minutes(1) == 1
    assert reading_minutes(460, words_per_minute=230) == 2
    assert reading_minutes(461, words_per_minute=230) == 3
    stats = text_stats("un deux trois")
    assert (stats.words, stats.characters, stats.reading_minutes) == (3, 13, 1)
