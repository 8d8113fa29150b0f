"""Translated names of core values (the core keeps plain English for the command line)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from copydesk.records.article import ArticleStatus


class Context:
    """Translates in the context ``name``, for code outside a ``QObject``: bind it to a
    module-level variable spelt like the context (``export = Context("export")``) and write
    ``export.tr("…")``, or ``export.tr("%n package(s) exported", "", count)`` for plural forms.

    lupdate reads ``export.tr(`` with ``export`` as the context and a third argument as the
    count. It would read ``QCoreApplication.translate("export", "…", "", count)`` as a
    message without plural forms (it takes a name there for an encoding), and would skip it
    altogether when the count is a call such as ``len(items)``.
    """

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate(self.name, text, disambiguation, n)


def status_label(status: ArticleStatus) -> str:
    labels = {
        ArticleStatus.DRAFT: QCoreApplication.translate("status", "Draft"),
        ArticleStatus.IN_REVIEW: QCoreApplication.translate("status", "In review"),
        ArticleStatus.READY: QCoreApplication.translate("status", "Ready"),
        ArticleStatus.PUBLISHED: QCoreApplication.translate("status", "Published"),
    }
    return labels[status]


def field_label(field: str) -> str:
    """The name the editor shows an article's field by, wherever a field is named (the
    checks, the history)."""
    labels = {
        "dateline_date": QCoreApplication.translate("field", "Dateline"),
        "edition": QCoreApplication.translate("field", "Edition"),
        "language": QCoreApplication.translate("field", "Language"),
        "status": QCoreApplication.translate("field", "Status"),
        "advertising": QCoreApplication.translate("field", "Advertising"),
        "kicker": QCoreApplication.translate("field", "Kicker"),
        "headline": QCoreApplication.translate("field", "Headline"),
        "standfirst": QCoreApplication.translate("field", "Standfirst"),
        "authors": QCoreApplication.translate("field", "Byline"),
        "keywords": QCoreApplication.translate("field", "Keywords"),
        "lead_picture": QCoreApplication.translate("field", "Lead picture"),
        "body": QCoreApplication.translate("field", "Body"),
        "related_title": QCoreApplication.translate("field", "Related links title"),
        "related_links": QCoreApplication.translate("field", "Related links"),
    }
    return labels.get(field, field)


def language_label(code: str) -> str:
    labels = {
        "fr": QCoreApplication.translate("language", "French"),
        "en": QCoreApplication.translate("language", "English"),
    }
    return labels.get(code, code)


_PLACEHOLDER = re.compile(r"%(\d+)")


def fill(template: str, values: list[str]) -> str:
    """``%1``, ``%2``… replaced in one pass, so a value containing "%2" stays as it is."""
    return _PLACEHOLDER.sub(lambda match: _value(values, match), template)


def _value(values: list[str], match: re.Match[str]) -> str:
    index = int(match[1]) - 1
    return values[index] if 0 <= index < len(values) else match[0]
