"""What other programs changed in a library a window has open.

The window polls ``changes_since`` a few times a second on its database thread. Its own
saves are in the change feed too; an article whose stored version is the one the window
based its text on (``KnownVersions``) is left out, so that the window's typing does not
come back to it as news.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import select

from copydesk.library import changes as library_changes
from copydesk.library.models import Article

if TYPE_CHECKING:
    from copydesk.library.db import Library


class KnownVersions(Protocol):
    """The version of each article this window based its text on
    (``copydesk.articles.operations.KnownVersions``)."""

    def base_of(self, article_id: int) -> tuple[str, int] | None: ...


@dataclass(frozen=True)
class OutsideChanges:
    """Changes after ``since`` up to ``until``. ``articles`` holds the articles changed or
    deleted elsewhere; ``complete`` False means some changes were missed (pruned from the
    feed, or another file now stands under the library's name): reload everything."""

    since: int
    until: int
    articles: frozenset[int] = frozenset()
    pictures: frozenset[int] = frozenset()
    histories: frozenset[int] = frozenset()
    complete: bool = True

    @property
    def any(self) -> bool:
        return bool(self.articles or self.pictures or self.histories) or not self.complete


def start_watching(library: Library) -> int:
    """The change number to poll from: what is in the library now is already known."""
    with library.read() as session:
        return library_changes.latest(session)


def changes_since(library: Library, since: int, versions: KnownVersions) -> OutsideChanges:
    """What changed after change ``since``, without this window's own article saves.

    First takes the library's locks again if this process lost them (see
    ``Library.ensure_locks``), so that an idle window is protected before anyone writes."""
    library.ensure_locks()
    with library.read() as session:
        changes = library_changes.changes_since(session, since)
        if not changes.complete:
            return OutsideChanges(since, changes.until, complete=False)
        stored = dict.fromkeys(changes.articles, ("", 0))
        if stored:
            rows = session.execute(
                select(Article.id, Article.uuid, Article.version).where(Article.id.in_(stored))
            )
            stored.update({row.id: (row.uuid, row.version) for row in rows})
    elsewhere = frozenset(
        article_id for article_id, state in stored.items() if versions.base_of(article_id) != state
    )
    return OutsideChanges(
        since, changes.until, elsewhere, changes.pictures, changes.histories, complete=True
    )
