"""The core's messages in the person's language, without Qt.

The core marks what a person reads with ``_()`` (and ``ngettext()`` where a number decides the
form), GNU gettext style: the English text is the key, the French catalogue
(``resources/translations/copydesk-core_fr.po``, compiled to ``.mo``) is read by the standard
library at start. gettext rather than message codes because the strings stay readable where
they are written, plural rules come with each language's catalogue, and translators' tools
(Poedit, Lokalize, Weblate) read ``.po`` files as they are. The window's own strings go through
Qt's ``tr()`` and ``.ts`` files; both are refreshed by ``make translations``.

Placeholders are named, ``str.format`` style, and filled after translation::

    _("There is no article with the slug “{slug}”.").format(slug=slug)

A text computed when a module is imported would be frozen in English: mark such constants with
``N_()`` and translate them with ``_()`` where they are used.
"""

from __future__ import annotations

import gettext
import os
from pathlib import Path

ENGLISH = "en"
FRENCH = "fr"
LANGUAGES = (ENGLISH, FRENCH)
DOMAIN = "copydesk-core"

_catalogue: gettext.NullTranslations = gettext.NullTranslations()
_language = ENGLISH


def _(message: str) -> str:
    return _catalogue.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form for ``count`` ("{count} picture" / "{count} pictures"); French counts 0 and 1
    as singular, which the catalogue's plural rule says."""
    return _catalogue.ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Marks a text for translation without translating it yet."""
    return message


def current_language() -> str:
    return _language


def system_language(environ: os._Environ[str] | dict[str, str] | None = None) -> str:
    """The language of the person's locale, as gettext reads it (LANGUAGE, LC_ALL,
    LC_MESSAGES, LANG); English when it names none Copydesk speaks."""
    env = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "")
        if not value:
            continue
        for candidate in value.split(":"):
            code = candidate.split("_")[0].split(".")[0].lower()
            if code in LANGUAGES:
                return code
            if code in ("c", "posix"):
                return ENGLISH
        return ENGLISH
    return ENGLISH


def catalogue_path(language: str) -> Path:
    from copydesk.resources import resource_path

    return resource_path("translations", f"{DOMAIN}_{language}.mo")


def use_language(language: str) -> str:
    """Makes the core speak ``language`` from now on; returns the language actually used
    (English when there is no catalogue for it)."""
    global _catalogue, _language
    if language not in LANGUAGES or language == ENGLISH:
        _catalogue, _language = gettext.NullTranslations(), ENGLISH
        return _language
    try:
        with catalogue_path(language).open("rb") as file:
            _catalogue = gettext.GNUTranslations(file)
    except (OSError, FileNotFoundError):
        _catalogue, _language = gettext.NullTranslations(), ENGLISH
        return _language
    _language = language
    return _language
