"""French and English typography rules, their fixes, and the Markdown they must leave alone."""

from __future__ import annotations

from itertools import pairwise

import pytest

from copydesk.text.typography import (
    NBSP,
    NNBSP,
    Edit,
    Finding,
    apply_edits,
    check_typography,
    fix_all_typography,
    non_overlapping_edits,
)


def found(text: str, language: str) -> list[tuple[str, str]]:
    """Each finding as (rule, the text it is about)."""
    return [(f.rule, text[f.start : f.end]) for f in check_typography(text, language)]


def fixed(text: str, language: str) -> str:
    return apply_edits(text, fix_all_typography(text, language))


def fix_of_only_finding(text: str, language: str) -> str:
    (finding,) = check_typography(text, language)
    return apply_edits(text, finding.edits)


# ---------------------------------------------------------------------------------------------
# French


@pytest.mark.parametrize(
    ("text", "rule", "expected"),
    [
        ("Selon lui : oui", "fr.space_before_colon", f"Selon lui{NBSP}: oui"),
        ("Selon lui: oui", "fr.space_before_colon", f"Selon lui{NBSP}: oui"),
        ("Oui ; non", "fr.space_before_semicolon", f"Oui{NNBSP}; non"),
        ("Oui; non", "fr.space_before_semicolon", f"Oui{NNBSP}; non"),
        ("Enfin !", "fr.space_before_exclamation", f"Enfin{NNBSP}!"),
        ("Enfin!", "fr.space_before_exclamation", f"Enfin{NNBSP}!"),
        ("Vraiment ?", "fr.space_before_question", f"Vraiment{NNBSP}?"),
        ("Vraiment?", "fr.space_before_question", f"Vraiment{NNBSP}?"),
        ("Vraiment  ?", "fr.space_before_question", f"Vraiment{NNBSP}?"),
    ],
)
def test_french_marks_need_a_no_break_space_before(text: str, rule: str, expected: str) -> None:
    ((found_rule, about),) = found(text, "fr")
    assert found_rule == rule and about in ":;!?"
    assert fix_of_only_finding(text, "fr") == expected


def test_the_finding_points_at_the_mark() -> None:
    text = "Le bilan : lourd."
    (finding,) = check_typography(text, "fr")
    assert text[finding.start : finding.end] == ":"
    assert finding.params == (("mark", ":"),)
    assert finding.edits == (Edit(8, 9, NBSP),)


@pytest.mark.parametrize("space", [NBSP, NNBSP])
def test_both_no_break_spaces_are_accepted(space: str) -> None:
    text = f"Bilan{space}: oui{space}; non{space}! Ah{space}? «{space}Oui{space}»"
    assert found(text, "fr") == []


def test_guillemets_need_no_break_spaces_inside() -> None:
    text = "Il a dit « oui » puis «non»."
    assert found(text, "fr") == [
        ("fr.space_after_opening_guillemet", "«"),
        ("fr.space_before_closing_guillemet", "»"),
        ("fr.space_after_opening_guillemet", "«"),
        ("fr.space_before_closing_guillemet", "»"),
    ]
    assert fixed(text, "fr") == f"Il a dit «{NBSP}oui{NBSP}» puis «{NBSP}non{NBSP}»."


def test_straight_double_quotes_become_guillemets() -> None:
    text = 'Il a dit "oui" puis " non ".'
    assert found(text, "fr") == [("fr.straight_double_quote", '"')] * 4
    assert fixed(text, "fr") == f"Il a dit «{NBSP}oui{NBSP}» puis «{NBSP}non{NBSP}»."


def test_straight_apostrophes_become_typographic() -> None:
    text = "L'école d'été"
    assert found(text, "fr") == [("fr.straight_apostrophe", "'")] * 2
    assert fixed(text, "fr") == "L’école d’été"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_double_spaces_become_one(language: str) -> None:
    text = "Un mot  puis   trois."
    assert found(text, language) == [("double_space", "  "), ("double_space", "   ")]
    assert check_typography(text, language)[1].params == (("count", "3"),)
    assert fixed(text, language) == "Un mot puis trois."


def test_repeated_marks_take_one_space_before_the_group() -> None:
    assert found("Quoi?!", "fr") == [("fr.space_before_question", "?!")]
    assert fixed("Quoi?!", "fr") == f"Quoi{NNBSP}?!"
    assert fixed("Non !!!", "fr") == f"Non{NNBSP}!!!"
    assert found(f"Quoi{NNBSP}?!", "fr") == []


def test_correct_french_text_has_no_findings() -> None:
    text = (
        f"Selon lui{NBSP}: «{NBSP}l’école est fermée{NBSP}»{NNBSP}; "
        f"pourquoi{NNBSP}? Parce qu’il pleut{NNBSP}!"
    )
    assert found(text, "fr") == []


def test_the_reference_kicker_has_straight_apostrophes() -> None:
    text = "1116 jour depuis l'invasion barbare de l'Ukraine"
    assert fixed(text, "fr") == "1116 jour depuis l’invasion barbare de l’Ukraine"


# ---------------------------------------------------------------------------------------------
# English


def test_english_double_quotes_open_and_close_by_context() -> None:
    text = 'She said "yes" and ("maybe").'
    assert [f.params for f in check_typography(text, "en")] == [
        (("replacement", "“"),),
        (("replacement", "”"),),
        (("replacement", "“"),),
        (("replacement", "”"),),
    ]
    assert fixed(text, "en") == "She said “yes” and (“maybe”)."


def test_english_single_quotes_and_apostrophes() -> None:
    text = "It's 'fine', the '90s said."
    assert found(text, "en") == [
        ("en.straight_apostrophe", "'"),
        ("en.straight_single_quote", "'"),
        ("en.straight_single_quote", "'"),
        ("en.straight_single_quote", "'"),
    ]
    assert fixed(text, "en") == "It’s ‘fine’, the ’90s said."


def test_english_leaves_french_spacing_alone() -> None:
    assert found("Why? Because: yes!", "en") == []


def test_correct_english_text_has_no_findings() -> None:
    assert found("It’s “fine”, she said — ‘quite’ fine.", "en") == []


def test_other_languages_are_not_checked() -> None:
    assert found('Was ist "das"?', "de") == []


# ---------------------------------------------------------------------------------------------
# A space after a mark, in both languages

SPACE_AFTER_RULES = ("space_after_mark", "fr.space_after_closing_guillemet")


def found_after(text: str, language: str) -> list[tuple[str, str]]:
    """The findings of the space-after rules only (others may flag the same text)."""
    return [(rule, about) for rule, about in found(text, language) if rule in SPACE_AFTER_RULES]


@pytest.mark.parametrize(
    ("text", "language", "marks", "expected"),
    [
        ("Pourquoi ?Parce que…", "fr", "?", f"Pourquoi{NNBSP}? Parce que…"),
        (f"Pourquoi{NNBSP}?Parce que…", "fr", "?", f"Pourquoi{NNBSP}? Parce que…"),
        (f"Bilan{NBSP}:lourd", "fr", ":", f"Bilan{NBSP}: lourd"),
        (f"Oui{NNBSP};non", "fr", ";", f"Oui{NNBSP}; non"),
        (f"Enfin{NNBSP}!Il vient", "fr", "!", f"Enfin{NNBSP}! Il vient"),
        (f"Ah{NNBSP}?Été", "fr", "?", f"Ah{NNBSP}? Été"),
        ("Why?Because", "en", "?", "Why? Because"),
        ("Note:this", "en", ":", "Note: this"),
        ("Wait;then", "en", ";", "Wait; then"),
        ("Stop!Now", "en", "!", "Stop! Now"),
        ("Yes!Ça", "en", "!", "Yes! Ça"),
        ("Okay?Ωmega", "en", "?", "Okay? Ωmega"),
    ],
)
def test_a_letter_glued_to_a_mark_takes_a_space(
    text: str, language: str, marks: str, expected: str
) -> None:
    assert found_after(text, language) == [("space_after_mark", marks)]
    assert fixed(text, language) == expected


def test_the_space_after_finding_points_at_the_mark_and_inserts_a_space() -> None:
    text = "Pourquoi ?Parce"
    (finding,) = [f for f in check_typography(text, "fr") if f.rule == "space_after_mark"]
    assert finding == Finding("space_after_mark", 9, 10, (Edit(10, 10, " "),), (("mark", "?"),))


def test_the_closing_guillemet_takes_a_space_after_it_in_french() -> None:
    text = f"«{NBSP}Oui{NBSP}»dit-il"
    (finding,) = check_typography(text, "fr")
    assert finding == Finding("fr.space_after_closing_guillemet", 6, 7, (Edit(7, 7, " "),))
    assert fixed(text, "fr") == f"«{NBSP}Oui{NBSP}» dit-il"
    assert found_after("«Oui»Non", "fr") == [("fr.space_after_closing_guillemet", "»")]
    assert fixed("«Oui»Non", "fr") == f"«{NBSP}Oui{NBSP}» Non"


def test_english_has_no_guillemet_rule() -> None:
    assert found_after("He said »yes»no", "en") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pourquoi?Parce", f"Pourquoi{NNBSP}? Parce"),
        ("Bilan:Lourd", f"Bilan{NBSP}: Lourd"),
        ("Oui;Non", f"Oui{NNBSP}; Non"),
        ("Enfin!Il", f"Enfin{NNBSP}! Il"),
    ],
)
def test_french_marks_take_a_no_break_space_before_and_a_space_after(
    text: str, expected: str
) -> None:
    rules = [rule for rule, _ in found(text, "fr")]
    assert rules[1:] == ["space_after_mark"] and rules[0].startswith("fr.space_before_")
    mark = next(char for char in text if char in ":;!?")
    at = text.index(mark)
    assert fix_all_typography(text, "fr") == [
        Edit(at, at, NBSP if mark == ":" else NNBSP),
        Edit(at + 1, at + 1, " "),
    ]
    assert fixed(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "language", "marks", "expected"),
    [
        ("Quoi ?!Non", "fr", "?!", f"Quoi{NNBSP}?! Non"),
        ("Non !!!Si", "fr", "!!!", f"Non{NNBSP}!!! Si"),
        ("What?!No", "en", "?!", "What?! No"),
        ("No!!Yes", "en", "!!", "No!! Yes"),
    ],
)
def test_a_run_of_marks_takes_the_space_after_its_last_mark(
    text: str, language: str, marks: str, expected: str
) -> None:
    assert found_after(text, language) == [("space_after_mark", marks)]
    assert fixed(text, language) == expected


def test_a_mark_before_a_closing_guillemet_leaves_the_space_to_the_guillemet() -> None:
    text = "« Oui ?»Non"
    assert found_after(text, "fr") == [("fr.space_after_closing_guillemet", "»")]
    assert fixed(text, "fr") == f"«{NBSP}Oui{NNBSP}?{NBSP}» Non"
    assert found_after(f"«{NBSP}Oui{NNBSP}!{NBSP}»Non", "fr") == [
        ("fr.space_after_closing_guillemet", "»")
    ]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Quoi ?! Non !! Oui ?", id="runs followed by a space"),
        pytest.param("« Oui ! »", id="mark, space, guillemet"),
        pytest.param(f"«{NBSP}Oui{NNBSP}!{NBSP}» Non{NNBSP}?!", id="mark, no-break space"),
        pytest.param("« Oui ?» Non", id="?» then a space"),
        pytest.param("Quoi ?!… Non ?». Oui !, enfin :-)", id="marks before punctuation"),
        pytest.param("Voir p. 3:16.", id="colon then digits"),
    ],
)
def test_marks_not_followed_by_a_letter_are_not_flagged(text: str) -> None:
    assert found_after(text, "fr") == []
    assert found_after(text, "en") == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("À 10:30, un score de 3:1, un écran 16:9, 1:2.5.", id="times and ratios"),
        pytest.param("Voir Jean 3:16 et Matthieu 5:3-12.", id="Bible references"),
        pytest.param("Un prix de 3.5 ou 3,5 euros.", id="decimals"),
        pytest.param("Voir https://x.org/a?b=c:d;e!f ici.", id="bare URL"),
        pytest.param("Tapez https:// puis l’adresse.", id="scheme alone"),
        pytest.param("Voir www.x.org/a?page=b ici.", id="www address"),
        pytest.param("Voir x.org/a?id=b ou index.php?page=accueil.", id="address without scheme"),
        pytest.param("Écrire à mailto:x ou mailto:jean@x.org ici.", id="mailto"),
        pytest.param("À jean.dupont@x.org, qui?quoi@x.org, a!b@c.fr.", id="e-mail addresses"),
        pytest.param("Voir <https://x.org/a?b> et <mailto:a@b.org>.", id="autolinks"),
        pytest.param("Voir news:comp.lang, javascript:void, image:photo.", id="schemes without //"),
        pytest.param("Le dossier C:\\Users\\Public ou C:/Users ici.", id="Windows paths"),
        pytest.param("L’adresse 2001:db8::ff00:42 et std::vector ici.", id="double colons"),
        pytest.param("Super :D et ;) et :P ou ;p et :smile: ici.", id="emoticons after a space"),
        pytest.param(":D au début", id="emoticon at the start"),
        pytest.param("Voir `a?b:c;d!e` et ``x:y``.", id="code span"),
        pytest.param("Voir\n\n```\nclé:valeur;x?y\n```\n", id="fenced code"),
        pytest.param("Voir\n\n    clé:valeur\n", id="indented code"),
        pytest.param("Un [lien](https://x.org/a:b?c=d) ici.", id="link target"),
        pytest.param('Une ![photo](image:12 "Titre:sous-titre") ici.', id="image reference"),
        pytest.param("Texte.\n\n[site]:https://x.org/a?b\n", id="link definition"),
        pytest.param("Texte.\n\n[^1]:Une source.", id="footnote definition"),
        pytest.param("Un fait[^a] et un&nbsp;mot, &amp;Co.", id="footnote and entities"),
        pytest.param('Un <!--a:b?c--> et <span title="a:b">x</span>.', id="HTML"),
        pytest.param("Ligne\n:définition\n\n:::note\nTexte\n:::", id="marks at line start"),
        pytest.param("> [!NOTE]\n> Texte", id="Markdown alert"),
        pytest.param("Un mot{:.classe} et (?i) ici.", id="after an opening bracket"),
        pytest.param("| a |b|\n|:--|--:|\n| 1 | 2 |", id="table"),
        pytest.param(
            "---\ntitre: Pourquoi ?\ndate: 2024-05-01 10:30\nurl: https://x.org/a?b=c\n---\n\nTexte.",
            id="front matter",
        ),
    ],
)
def test_what_is_not_a_missing_space_after_a_mark(text: str) -> None:
    assert found_after(text, "fr") == []
    assert found_after(text, "en") == []


def test_english_marks_after_a_space_start_a_word() -> None:
    assert found_after("I love it :D ;P", "en") == []


def test_prose_around_syntax_still_gets_its_space_after() -> None:
    text = "Voir `a:b` et https://x.org/a?b.Pourquoi ?Parce"
    assert found_after(text, "fr") == [("space_after_mark", "?")]
    assert check_typography(text, "fr")[-1].start == text.rindex("?")


MESSY_SPACING = "Pourquoi?Parce que!Voilà:fini;enfin « Oui ?»Non, « Si ! »Bon.\nWhy?Because"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_fix_all_leaves_no_space_after_to_add(language: str) -> None:
    once = fixed(MESSY_SPACING, language)
    assert check_typography(once, language) == []
    assert fixed(once, language) == once
    edits = fix_all_typography(MESSY_SPACING, language)
    for first, second in pairwise(edits):
        assert first.end <= second.start and first != second


def test_fix_all_of_messy_spacing() -> None:
    assert fixed(MESSY_SPACING, "fr") == (
        f"Pourquoi{NNBSP}? Parce que{NNBSP}! Voilà{NBSP}: fini{NNBSP}; enfin "
        f"«{NBSP}Oui{NNBSP}?{NBSP}» Non, «{NBSP}Si{NNBSP}!{NBSP}» Bon.\nWhy{NNBSP}? Because"
    )
    assert fixed(MESSY_SPACING, "en") == (
        "Pourquoi? Parce que! Voilà: fini; enfin « Oui ?»Non, « Si ! »Bon.\nWhy? Because"
    )


def test_every_space_after_rule_has_a_message() -> None:
    from copydesk.articles.checks import _typography_message

    assert _typography_message("space_after_mark", (("mark", "?!"),), "en") == (
        "Put a space after “?!”."
    )
    guillemet = _typography_message("fr.space_after_closing_guillemet", (), "fr")
    assert guillemet == "In French, “»” takes a space after it."


# ---------------------------------------------------------------------------------------------
# What must not be flagged


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Voir `a:b; c!` et ``x`y: z``.", id="code span"),
        pytest.param('Voir\n\n```\nclé: valeur; "x"  y\n```\n', id="fenced code"),
        pytest.param("Voir\n\n~~~python\nx = 'a'  # b: c\n~~~", id="tilde fence"),
        pytest.param("Voir\n\n    clé: \"valeur\"\n    autre: 'x'\n", id="indented code"),
        pytest.param("Un [lien](https://x.org/a:b?c=d).", id="link target"),
        pytest.param("Un [lien](https://fr.wikipedia.org/wiki/A_(b):c).", id="link parentheses"),
        pytest.param('Une ![photo](image:12 "caption") ici.', id="image target and title"),
        pytest.param('Un [lien](https://x.org "Titre: bref") ici.', id="link title"),
        pytest.param("Voir <https://x.org/a?b=c> ici.", id="autolink"),
        pytest.param("Voir <mailto:a@b.org> ici.", id="mailto autolink"),
        pytest.param("Voir https://x.org/a:b?c=d ici.", id="bare URL"),
        pytest.param("Écrire à mailto:a@b.org ou a.b@c.org ici.", id="bare mailto"),
        pytest.param('Un <span class="x">mot</span> ici.', id="HTML tag"),
        pytest.param("Un&nbsp;mot et &#8217; ici.", id="HTML entity"),
        pytest.param("Une image![alt](a.png) ici.", id="image marker"),
        pytest.param("Un fait[^1] et[^note] ici.", id="footnote reference"),
        pytest.param("Texte.\n\n[^1]: Une source.\n[^n2]: Une autre.", id="footnote definition"),
        pytest.param('Texte.\n\n[site]: https://x.org/a?b "Titre"\n', id="link definition"),
        pytest.param("| a | b |\n|:---|---:|\n| 1 | 2 |", id="table alignment"),
        pytest.param("a | b\n:-- | --:\n1 | 2", id="table alignment without pipes"),
        pytest.param("| a  | bb |\n|----|----|", id="table padding"),
        pytest.param("À 10:30, un score de 3:1.", id="time and ratio"),
        pytest.param("Une ligne  \nune autre.", id="hard line break"),
        pytest.param(f"Liste{NBSP}:\n\n  - item\n    - sous-item", id="indentation"),
        pytest.param("Ligne\n: définition", id="mark at line start"),
    ],
)
def test_markdown_syntax_is_not_flagged(text: str) -> None:
    assert found(text, "fr") == []
    assert found(text, "en") == []


def test_english_quotes_in_markdown_syntax_are_not_flagged() -> None:
    text = (
        'Code `x = "a"` and ![alt](a.png "caption") and <a href="x">y</a>.\n\n    print(\'hi\')\n'
    )
    assert found(text, "en") == []


def test_prose_around_markdown_syntax_is_still_checked() -> None:
    text = "Voir `a:b` : et [lien](https://x.org/a:b) l'école."
    assert found(text, "fr") == [
        ("fr.space_before_colon", ":"),
        ("fr.straight_apostrophe", "'"),
    ]
    (colon, apostrophe) = check_typography(text, "fr")
    assert colon.start == text.index(" : ") + 1
    assert apostrophe.start == text.index("'")


def test_link_text_and_footnote_text_are_prose() -> None:
    text = "Un [lien d'ici](https://x.org).\n\n[^1]: Source : l'AFP."
    assert found(text, "fr") == [
        ("fr.straight_apostrophe", "'"),
        ("fr.space_before_colon", ":"),
        ("fr.straight_apostrophe", "'"),
    ]


def test_quotes_in_a_link_title_do_not_change_how_later_quotes_pair() -> None:
    text = 'Une ![photo](a.png "légende") puis "oui".'
    assert fixed(text, "fr") == f'Une ![photo](a.png "légende") puis «{NBSP}oui{NBSP}».'


def test_text_after_a_closed_fence_is_checked() -> None:
    text = "```\na: b\n```\n\nEt puis: oui"
    assert found(text, "fr") == [("fr.space_before_colon", ":")]


def test_an_unclosed_fence_protects_to_the_end() -> None:
    assert found("Texte.\n\n```\na: b\nc; d", "fr") == []


def test_indented_lines_continuing_a_paragraph_are_prose() -> None:
    # Markdown only starts an indented code block after a blank line.
    assert found("Texte\n    qui continue: ici", "fr") == [("fr.space_before_colon", ":")]


# ---------------------------------------------------------------------------------------------
# Fixing everything at once

MESSY_FRENCH = (
    'Selon lui : « c\'est fini »; "vraiment"?!  Oui  !\n\n'
    'Un `code: x` et [lien](https://x.org/a:b "t") ; 10:30.  \nFin "  ouvert  "'
)
MESSY_ENGLISH = "He said \"don't\"  and 'maybe'.\n\nIn the '90s, `x = 'a'` \"was\" ok."


@pytest.mark.parametrize(("text", "language"), [(MESSY_FRENCH, "fr"), (MESSY_ENGLISH, "en")])
def test_fix_all_leaves_nothing_to_fix(text: str, language: str) -> None:
    once = fixed(text, language)
    assert once != text
    assert check_typography(once, language) == []
    assert fixed(once, language) == once


def test_fix_all_of_messy_french() -> None:
    assert fixed(MESSY_FRENCH, "fr") == (
        f"Selon lui{NBSP}: «{NBSP}c’est fini{NBSP}»{NNBSP}; «{NBSP}vraiment{NBSP}»{NNBSP}?! "
        f"Oui{NNBSP}!\n\n"
        f'Un `code: x` et [lien](https://x.org/a:b "t"){NNBSP}; 10:30.  \n'
        f"Fin «{NBSP}ouvert{NBSP}»"
    )


def test_fix_all_edits_do_not_overlap() -> None:
    edits = fix_all_typography(MESSY_FRENCH, "fr")
    assert edits == sorted(edits, key=lambda e: (e.start, e.end))
    for first, second in pairwise(edits):
        assert first.end <= second.start


def test_overlapping_groups_keep_the_first() -> None:
    kept = non_overlapping_edits([(Edit(0, 3, "x"),), (Edit(2, 4, "y"),), (Edit(4, 5, "z"),)])
    assert kept == [Edit(0, 3, "x"), Edit(4, 5, "z")]
    assert non_overlapping_edits([(Edit(1, 1, "a"),), (Edit(1, 1, "b"),)]) == [Edit(1, 1, "a")]


def test_apply_edits_uses_offsets_of_the_original_text() -> None:
    text = "abcdef"
    assert apply_edits(text, [Edit(4, 5, "EE"), Edit(0, 1, ""), Edit(2, 2, "+")]) == "b+cdEEf"


def test_offsets_are_python_indices_with_emoji() -> None:
    text = "😀 L'été 🎉: oui"
    findings = check_typography(text, "fr")
    assert [text[f.start : f.end] for f in findings] == ["'", ":"]
    assert fixed(text, "fr") == f"😀 L’été 🎉{NBSP}: oui"
