"""Translated names of core values (the core keeps plain English for the command line)."""

from __future__ import annotations

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
