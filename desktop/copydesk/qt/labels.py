"""Translated names of core values (the core keeps plain English for the command line)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from copydesk.records.article import ArticleStatus


def status_label(status: ArticleStatus) -> str:
    labels = {
        ArticleStatus.DRAFT: QCoreApplication.translate("status", "Draft"),
        ArticleStatus.IN_REVIEW: QCoreApplication.translate("status", "In review"),
        ArticleStatus.READY: QCoreApplication.translate("status", "Ready"),
        ArticleStatus.PUBLISHED: QCoreApplication.translate("status", "Published"),
    }
    return labels[status]


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
