"""The window's language: chosen in Preferences, else the system's; applied at start.

French loads Copydesk's own catalogue (``copydesk_fr.qm``), Qt's (``qtbase_fr.qm``: standard
buttons, file dialogs, context menus) and the core's gettext catalogue. English loads only
``copydesk_en.qm``, which holds nothing but the English plural forms ("1 error", "2 errors") of
the numerus messages written once as "%n error(s)".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from copydesk import translation
from copydesk.resources import resource_path

_installed: list[QTranslator] = []


def chosen_language(preference: str) -> str:
    if preference in translation.LANGUAGES:
        return preference
    return translation.system_language()


def apply_language(preference: str = "") -> str:
    """Makes the window and the core speak the chosen language; returns it. Called again
    (the tests switch languages), it replaces what it installed before."""
    app = QCoreApplication.instance()
    language = translation.use_language(chosen_language(preference))
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(window_locale(QLocale.system().name(), language)))
    if app is None:
        return language
    catalogues = [resource_path("translations", f"copydesk_{language}.qm")]
    if language != translation.ENGLISH:
        qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        catalogues.append(_path(qt_translations, f"qtbase_{language}.qm"))
    for path in catalogues:
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
    return language


def window_locale(system_name: str, language: str) -> str:
    """Dates and numbers in the window's language, in the system's region when it speaks that
    language (fr_CA stays Canadian). A locale made from the name, never QLocale.system()
    itself: with LANGUAGE=fr and a C locale, that one is named fr_FR yet writes 1,757."""
    return system_name if system_name.split("_")[0] == language else language


def _path(folder: str, name: str) -> str:
    return f"{folder}/{name}"
