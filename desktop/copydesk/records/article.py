"""Plain article records passed between the database thread, the UI and the renderer.

They carry no SQLAlchemy state, so they cross threads safely and importing them is cheap.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from copydesk.translation import N_, _


class ArticleStatus(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    READY = "ready"
    PUBLISHED = "published"

    @property
    def label(self) -> str:
        """The status for the command line, in the person's language ("in review"); the
        window has its own labels."""
        return _(_STATUS_LABELS[self])


_STATUS_LABELS = {
    ArticleStatus.DRAFT: N_("draft"),
    ArticleStatus.IN_REVIEW: N_("in review"),
    ArticleStatus.READY: N_("ready"),
    ArticleStatus.PUBLISHED: N_("published"),
}


LANGUAGES: dict[str, str] = {"fr": "Français", "en": "English"}
DEFAULT_LANGUAGE = "fr"


@dataclass(frozen=True, slots=True)
class RelatedLink:
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class LeadPictureUse:
    """The article's lead picture: which library picture, and this use's caption, alt text
    (for readers who cannot see it) and whether it only illustrates the story."""

    picture_id: int
    caption: str = ""
    alt_text: str = ""
    illustrative: bool = False


@dataclass(frozen=True, slots=True)
class ArticleContent:
    """Everything an editor can change in an article."""

    headline: str = ""
    kicker: str = ""
    standfirst: str = ""
    body: str = ""
    language: str = DEFAULT_LANGUAGE
    dateline_date: date | None = None
    edition: str = ""
    authors: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    related_title: str = ""
    related_links: tuple[RelatedLink, ...] = ()
    status: ArticleStatus = ArticleStatus.DRAFT
    lead_picture: LeadPictureUse | None = None
    # Advertising or sponsored content: a commercial use of its pictures, which a supplier's
    # "editorial use only" or "no sales" forbids.
    advertising: bool = False

    def replace(self, **changes: object) -> ArticleContent:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """A stored article: its identity, its slug, its content, its timestamps and its version
    (bumped by every save, so a save based on an older one is recognised as a conflict)."""

    id: int
    uuid: str
    slug: str
    content: ArticleContent
    created_at: datetime
    updated_at: datetime
    version: int = 1


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One row of the article list."""

    id: int
    slug: str
    headline: str
    status: ArticleStatus
    language: str
    updated_at: datetime


def summary_of(record: ArticleRecord) -> ArticleSummary:
    """The list row of a stored article."""
    return ArticleSummary(
        id=record.id,
        slug=record.slug,
        headline=record.content.headline,
        status=record.content.status,
        language=record.content.language,
        updated_at=record.updated_at,
    )


class RevisionKind(StrEnum):
    MANUAL = "manual"  # Ctrl+S
    PERIODIC = "periodic"  # while editing, every few minutes
    BEFORE_RESTORE = "before_restore"  # the text a restore replaced
    RESTORE = "restore"  # the text a restore brought back
    OTHER_WINDOW = "other_window"  # a conflict: the version another window saved
    NOT_KEPT = "not_kept"  # a conflict: the version this window set aside
    FROM_DESK = "from_desk"  # a newsroom: another person's changes, as they came in
    MERGED = "merged"  # a newsroom: their changes and this library's, merged on their own
    SETTLED = "settled"  # a newsroom: a conflict a person settled from both sides


@dataclass(frozen=True, slots=True)
class RevisionSummary:
    id: int
    article_id: int
    created_at: datetime
    author: str
    kind: RevisionKind
    word_count: int
    merged_with: str = ""  # a revision with two parents: who made the second side

    @property
    def two_parents(self) -> bool:
        return self.kind in (RevisionKind.MERGED, RevisionKind.SETTLED)


@dataclass(frozen=True, slots=True)
class RevisionRecord:
    summary: RevisionSummary
    content: ArticleContent


def split_list(text: str) -> tuple[str, ...]:
    """``"Ana Lima, Jean Roy ,"`` → ``("Ana Lima", "Jean Roy")``: the comma-separated fields."""
    return tuple(part.strip() for part in text.split(",") if part.strip())


# Rows of the article list read at a time: the first page with the list, the next ones when
# the list is scrolled to them.
PAGE_SIZE = 100


@dataclass(frozen=True, slots=True)
class ArticleQuery:
    """What the article list shows: articles matching ``text`` (all when empty) and
    ``status`` (any when None)."""

    text: str = ""
    status: ArticleStatus | None = None


ALL_ARTICLES = ArticleQuery()


@dataclass(frozen=True, slots=True)
class ArticleList:
    """The first page of the articles a query found, in list order, how many it found, and
    where the next page starts."""

    first_page: list[ArticleSummary]
    count: int  # how many articles the query finds (at least this many when not exact)
    count_is_exact: bool = True
    after: int | None = None  # the list key after which the next page starts; None: no more
    query: ArticleQuery = ALL_ARTICLES

    @property
    def ids(self) -> list[int]:
        return [summary.id for summary in self.first_page]


EMPTY_LIST = ArticleList([], 0)


@dataclass(frozen=True, slots=True)
class ArticlePage:
    """Articles further down a list, and where the page after them starts (None: no more)."""

    summaries: list[ArticleSummary]
    after: int | None


def choose_article_id(first_ids: list[int], preferred_id: int | None) -> int | None:
    """The article to open: the preferred one (the caller has checked that it still exists),
    else the latest changed, the first of ``first_ids``."""
    if preferred_id is not None:
        return preferred_id
    return first_ids[0] if first_ids else None
