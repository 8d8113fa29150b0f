"""The open article in a replica, when a sync wrote it while the person was typing: the
window's save meets a newer stored version. Outside a newsroom that is the "which version?"
question; in one, the merge rules apply as they do between replicas: the edits merge
three-way with what came in (the window's last saved text is the base), and only what
does not merge goes to a person."""

from __future__ import annotations

import json

from copydesk.articles import revisions
from copydesk.articles import store as articles
from copydesk.library.db import Library
from copydesk.records.article import ArticleContent, ArticleRecord, RevisionKind
from copydesk.sync import replica
from copydesk.sync.pulling import merge
from copydesk.sync.wire import ARTICLE


def merge_contents(
    base: ArticleContent, mine: ArticleContent, theirs: ArticleContent
) -> ArticleContent | None:
    """``mine`` and ``theirs`` merged against ``base``; None when a field does not merge."""
    sides = [json.loads(revisions.content_to_json(content)) for content in (base, mine, theirs)]
    result = merge(ARTICLE, *sides)
    if not result.clean:
        return None
    return revisions.content_from_json(json.dumps(result.merged))


def save_merged(
    library: Library, article_id: int, base: ArticleContent, mine: ArticleContent
) -> ArticleRecord | None:
    """Save ``mine`` merged with the article as stored now, recorded in its history as a
    merge of the person who made the stored version and this library's person. None, and
    nothing written, when the two do not merge."""
    with library.write() as session:
        article = articles.load_article(session, article_id)
        merged = merge_contents(base, mine, articles.content_of(article))
        if merged is None:
            return None
        latest = revisions.latest_revision(session, article_id)
        theirs_author = latest.author if latest is not None else ""
        record = articles.save_content(session, article_id, merged)
        state = replica.state(session)
        me = (state.display_name or state.login) if state is not None else ""
        revisions.record_from_desk(
            session, article_id, RevisionKind.MERGED, author=theirs_author, merged_with=me
        )
        return record
