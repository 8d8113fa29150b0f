"""Spelling without Qt: Hunspell's French and English dictionaries through Enchant find the
mistakes of real sentences, and leave alone what is not prose (Markdown, URLs, code…)."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from copydesk.text import spelling
from copydesk.text.spelling import Speller, SpellingUnavailable, open_speller


@pytest.fixture(scope="module")
def french() -> Speller:
    return open_speller("fr")


@pytest.fixture(scope="module")
def english() -> Speller:
    return open_speller("en")


def flagged(speller: Speller, text: str) -> list[str]:
    found = speller.misspellings(text)
    for mistake in found:
        assert text[mistake.start : mistake.end] == mistake.word
    return [mistake.word for mistake in found]


# ---- dictionaries -----------------------------------------------------------------------------


def test_each_language_gets_its_installed_dictionary() -> None:
    assert spelling.dictionary_tag("fr") == "fr_FR"
    assert spelling.dictionary_tag("fr_CA") == "fr_FR"
    assert spelling.dictionary_tag("en") in ("en_GB", "en_US")
    assert open_speller("en").language == "en"


def test_english_takes_the_british_dictionary_else_the_american(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import enchant

    monkeypatch.setattr(enchant.Broker, "dict_exists", lambda _self, tag: tag == "en_US")
    assert spelling.dictionary_tag("en") == "en_US"


def test_a_language_without_a_dictionary_turns_spelling_off_with_a_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(SpellingUnavailable, match="not of articles in “de”"):
        open_speller("de")
    import enchant

    monkeypatch.setattr(enchant.Broker, "dict_exists", lambda _self, _tag: False)
    with pytest.raises(SpellingUnavailable, match=r"no French dictionary.*hunspell-fr"):
        open_speller("fr")


def test_without_enchant_spelling_is_off_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "enchant", None)  # import enchant raises ImportError
    with pytest.raises(SpellingUnavailable, match="Enchant spelling library is not installed"):
        open_speller("fr")


# ---- French -----------------------------------------------------------------------------------


def test_correct_french_is_not_flagged(french: Speller) -> None:
    text = (
        "Donald Trump a eu un entretien téléphonique avec Vladimir Poutine, qu’il a qualifié "
        "d’excellent. L’invasion de l'Ukraine, c’est-à-dire la guerre : jusqu’à quand ? "
        "Aujourd’hui, le porte-parole a-t-il répondu ? Lorsqu’il l’a dit, s’il l'avait su, "
        "presqu’île, arc-en-ciel, Saint-Aubin, week-end. « Non », dit-elle."
    )
    assert flagged(french, text) == []


def test_french_mistakes_are_found_where_they_are(french: Speller) -> None:
    text = "Une fote d’ortographe dans la phraze, et l’Ukrainee."
    found = french.misspellings(text)
    assert [m.word for m in found] == ["fote", "ortographe", "phraze", "Ukrainee"]
    elided = found[1]
    assert text[elided.start - 2 : elided.end] == "d’ortographe"  # the mistake, not the d’


def test_suggestions_put_the_likely_word_first(french: Speller, english: Speller) -> None:
    assert "faute" in french.suggestions("fote")[:3]
    assert "orthographe" in french.suggestions("ortographe")[:3]
    assert english.suggestions("recieve")[0] == "receive"
    assert len(french.suggestions("fote", limit=2)) == 2


# ---- English ----------------------------------------------------------------------------------


def test_english_sentences(english: Speller) -> None:
    right = "The Kremlin’s spokesman didn't say; it's a well-known mother-in-law's story."
    assert flagged(english, right) == []
    assert flagged(english, "Teh quick brwon fox jumps over the lazy dgo.") == [
        "Teh",
        "brwon",
        "dgo",
    ]


# ---- what is not prose -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Voir https://www.example.org/page_fautte?q=motz#ancre pour la suite.",
        "Écrire à redaction.fautte@example.org ou sur www.exemplle.org et wikipediaa.org.",
        "Le code `varriable_fautte = 1` et ``double `fautte` code`` restent tels quels.",
        'Du <span class="fautte">texte</span>, une <br/> et &nbsp; &eacute; &#233;.',
        '![Le toit de l’école](image:12 "Le toit") et [le lien](https://exemple.fr/fautte).',
        "Un [lien de référence][reff] et une note[^notte], une #motdiese et @quelquun.",
        "[reff]: https://exemple.fr/fautte",
        "L’OTAN, la BBC, le CNRS et l’ONU ; COVID-19, 4G, mp3, 2025, 1er, 3e, XXIe siècle.",
        "Le fichier /usr/share/fautte/dicos et la variable nom_de_fauttes.",
        "# Un titre\n\n> Une citation **en gras** et *en italique*, _aussi_ ~~barré~~.",
        "- une liste\n1. numérotée\n\n| un | tableau |\n|---|---|",
        "<!-- commentaire fautif -->Le texte suit.",
    ],
)
def test_what_is_not_prose_is_never_flagged(french: Speller, text: str) -> None:
    assert flagged(french, text) == []


def test_fenced_code_and_front_matter_are_left_out(french: Speller) -> None:
    text = (
        "---\ntitle: Un tittre\ntags: [fauttes]\n---\n"
        "Le texte.\n\n```python\nprint('fauttes')\n```\n\n~~~\ncodde\n~~~\n\nLa fin."
    )
    assert flagged(french, text) == []
    assert flagged(french, text + " Une errreur.") == ["errreur"]


def test_a_rule_at_the_top_is_not_front_matter(french: Speller) -> None:
    assert flagged(french, "---\nUne errreur sous un filet.") == ["errreur"]
    assert flagged(french, "---\ntitre: ouvert, jamais fermé, errreur") == ["errreur"]


def test_a_caption_and_link_text_are_prose(french: Speller) -> None:
    text = '![Le toit](image:3 "Le toit de l’écolle") et [le liien](https://exemple.fr).'
    assert flagged(french, text) == ["écolle", "liien"]


def test_offsets_count_from_the_start_of_the_text(french: Speller) -> None:
    text = "Première ligne.\n\nLa deuxièmme ligne."
    (mistake,) = french.misspellings(text)
    assert text[mistake.start : mistake.end] == "deuxièmme"


# ---- the newsroom dictionary's words ---------------------------------------------------------


def test_learnt_words_are_no_longer_flagged() -> None:
    speller = open_speller("fr", ["Zelensky"])
    text = "Volodymyr Zelensky a parlé à Peskov, le porte-parole de Zelensky."
    assert flagged(speller, text) == ["Volodymyr", "Peskov"]
    speller.learn(["Peskov", "Volodymyr"])
    assert flagged(speller, text) == []
    assert speller.knows("Peskov") and not speller.knows("Peskoff")
    assert speller.learnt == {"Zelensky", "Peskov", "Volodymyr"}


def test_a_learnt_word_is_known_in_its_other_forms() -> None:
    speller = open_speller("fr")
    speller.misspellings("l’Ukrainienne d’Azovstal")  # cached as wrong…
    speller.learn(["Azovstal"])
    assert flagged(speller, "l’Ukrainienne d’Azovstal, Azovstal-Sud") == []  # …not any more


def test_each_language_learns_its_own_words() -> None:
    french, english = open_speller("fr", ["Zelensky"]), open_speller("en")
    assert flagged(english, "Zelensky spoke.") == ["Zelensky"]
    assert flagged(french, "Zelensky a parlé.") == []


# ---- cost -------------------------------------------------------------------------------------


@pytest.fixture
def counting() -> Iterator[Speller]:
    yield open_speller("fr")


def test_checking_a_paragraph_again_asks_the_dictionary_nothing(counting: Speller) -> None:
    paragraph = "Le conseil municipal a voté le budget de la commune, malgré une fautte. " * 40
    first = counting.line_misspellings(paragraph)
    asked = counting.lookups
    assert asked < 20  # each distinct word once, however often it occurs
    assert counting.line_misspellings(paragraph + " Le") == first
    assert counting.lookups == asked
