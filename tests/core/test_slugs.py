from hypothesis import given
from hypothesis import strategies as st

from copydesk.articles.slugs import MAX_SLUG_LENGTH, slugify, unique_slug


def test_slugify_folds_accents_and_punctuation() -> None:
    assert slugify("Poutine et Trump ont convenu d’entamer des négociations") == (
        "poutine-et-trump-ont-convenu-d-entamer-des-negociations"
    )
    assert slugify("  Œuvres & cœurs : l’été 2025 !  ") == "oeuvres-coeurs-l-ete-2025"


def test_slugify_never_returns_empty() -> None:
    assert slugify("") == "untitled"
    assert slugify("«  »  !?") == "untitled"
    assert slugify("Путин") == "untitled"  # no Latin letters to keep


def test_slugify_cuts_long_headlines_at_a_word() -> None:
    slug = slugify("mot " * 50)
    assert len(slug) <= MAX_SLUG_LENGTH
    assert not slug.endswith("-")
    assert all(part == "mot" for part in slug.split("-"))


def test_unique_slug_counts_up() -> None:
    taken = {"budget", "budget-2"}
    assert unique_slug("budget", taken.__contains__) == "budget-3"
    assert unique_slug("ferry", taken.__contains__) == "ferry"


@given(st.text())
def test_any_headline_gives_a_clean_slug(headline: str) -> None:
    slug = slugify(headline)
    assert slug and len(slug) <= MAX_SLUG_LENGTH
    assert set(slug) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    assert not slug.startswith("-") and not slug.endswith("-") and "--" not in slug
