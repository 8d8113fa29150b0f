"""Refreshes Copydesk's translations (``make translations``).

- The window: PySide6's own ``lupdate`` collects every ``tr()`` / ``translate()`` under
  ``desktop/copydesk/qt`` into ``resources/translations/copydesk_fr.ts`` (keeping what is
  already translated, dropping what vanished), then ``lrelease`` compiles ``copydesk_fr.qm``.
  ``copydesk_en.ts`` holds only the English forms of the plural ("numerus") messages.
- The core: Babel extracts ``_()`` / ``ngettext()`` / ``N_()`` from the rest of
  ``desktop/copydesk`` and updates ``copydesk-core_fr.po``, then compiles ``copydesk-core_fr.mo``.

New texts arrive untranslated; ``tests/core/test_translations.py`` fails until each has a
finished French translation.
"""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "desktop" / "copydesk"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("fr",)
CORE_DOMAIN = "copydesk-core"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
FRENCH_PLURALS = "nplurals=2; plural=(n > 1);"


def bin_dir() -> Path:
    return Path(sys.executable).parent


def qt_sources() -> list[Path]:
    return sorted((PACKAGE / "qt").rglob("*.py"))


def core_sources() -> Iterator[Path]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if "qt" not in path.relative_to(PACKAGE).parts[:1]:
            yield path


def core_template() -> Catalog:
    template = Catalog(domain=CORE_DOMAIN, project="Copydesk", fuzzy=False)
    for path in core_sources():
        for lineno, message, comments, context in extract_from_file(
            "python", str(path), keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
        ):
            template.add(
                message,
                locations=[(str(path.relative_to(ROOT)), lineno)],
                auto_comments=comments,
                context=context,
            )
    return template


def core_po_path(language: str) -> Path:
    return TRANSLATIONS / f"{CORE_DOMAIN}_{language}.po"


def core_mo_path(language: str) -> Path:
    return TRANSLATIONS / f"{CORE_DOMAIN}_{language}.mo"


def read_catalogue(language: str) -> Catalog:
    path = core_po_path(language)
    if not path.exists():
        return Catalog(locale=language, domain=CORE_DOMAIN, project="Copydesk", fuzzy=False)
    with path.open("rb") as file:
        return read_po(file, locale=language, domain=CORE_DOMAIN)


def compiled_mo(catalogue: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalogue, use_fuzzy=False)
    return buffer.getvalue()


def _stable_header(catalogue: Catalog) -> None:
    # Dates in the header would make every refresh a change.
    fixed = datetime(2026, 1, 1, tzinfo=UTC)
    catalogue.creation_date = catalogue.revision_date = fixed
    # CLDR gives French a third form for exact millions; gettext tools and translators expect
    # the classic two (0 and 1 singular).
    catalogue._num_plurals, catalogue._plural_expr = 2, "(n > 1)"
    catalogue.copyright_holder = "the Copydesk authors"
    catalogue.project, catalogue.version = "Copydesk", ""
    catalogue.msgid_bugs_address = ""
    catalogue.last_translator = "Copydesk"
    catalogue.language_team = "Copydesk"


def refresh_core(language: str) -> None:
    catalogue = read_catalogue(language)
    catalogue.update(core_template(), no_fuzzy_matching=True)
    catalogue.obsolete.clear()
    _stable_header(catalogue)
    buffer = io.BytesIO()
    write_po(buffer, catalogue, width=100, sort_output=False, omit_header=False)
    core_po_path(language).write_bytes(buffer.getvalue())
    core_mo_path(language).write_bytes(compiled_mo(read_catalogue(language)))


def refresh_qt(language: str, *, plurals_only: bool = False) -> None:
    ts = TRANSLATIONS / f"copydesk_{language}.ts"
    subprocess.run(
        [
            str(bin_dir() / "pyside6-lupdate"),
            *map(str, qt_sources()),
            *(["-pluralonly"] if plurals_only else []),
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "en",
            "-target-language",
            language,
            "-ts",
            str(ts),
        ],
        check=True,
    )
    release_qt(ts, ts.with_suffix(".qm"))


def release_qt(ts: Path, qm: Path) -> None:
    subprocess.run(
        [str(bin_dir() / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True
    )


def main() -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    # English is the source language: its catalogue holds only the plural forms.
    refresh_qt("en", plurals_only=True)
    for language in LANGUAGES:
        refresh_qt(language)
        refresh_core(language)
    print(f"Translations refreshed in {TRANSLATIONS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
