"""One name for each article field, wherever the window names it."""

from __future__ import annotations

import dataclasses

from copydesk.articles.checks import FIELD_ORDER
from copydesk.qt.labels import field_label
from copydesk.records.article import ArticleContent


def test_every_article_field_has_one_label_of_its_own() -> None:
    fields = {field.name for field in dataclasses.fields(ArticleContent)} | set(FIELD_ORDER)
    labels = {field: field_label(field) for field in fields}
    assert all(label and label != field for field, label in labels.items()), labels
    assert len(set(labels.values())) == len(fields)  # no two fields look alike
    assert labels["dateline_date"] == "Dateline"  # as the editor's form says
    assert field_label("not_a_field") == "not_a_field"
