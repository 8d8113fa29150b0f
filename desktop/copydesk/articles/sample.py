"""The sample article a new library starts with (our own text, in the shape of a news article)."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy.orm import Session

from copydesk.articles import store as articles
from copydesk.records.article import ArticleContent, ArticleRecord, ArticleStatus, RelatedLink
from copydesk.resources import read_resource_text


def sample_content() -> ArticleContent:
    meta = json.loads(read_resource_text("sample", "article.json"))
    return ArticleContent(
        headline=meta["headline"],
        kicker=meta["kicker"],
        standfirst=meta["standfirst"],
        body=read_resource_text("sample", "article-body.md"),
        language=meta["language"],
        dateline_date=date.fromisoformat(meta["dateline_date"]),
        edition=meta["edition"],
        authors=tuple(meta["authors"]),
        keywords=tuple(meta["keywords"]),
        related_title=meta["related_title"],
        related_links=tuple(RelatedLink(**link) for link in meta["related_links"]),
        status=ArticleStatus(meta["status"]),
    )


def add_sample_article(session: Session) -> ArticleRecord:
    return articles.create_article(session, sample_content())
