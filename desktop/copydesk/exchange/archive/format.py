"""The library archive's format: its entries, limits and versions, and the summary an export
or an import reports."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from copydesk.errors import CopydeskError
from copydesk.exchange.archive.rows import (
    KIND_NAMES,
    KINDS,
)
from copydesk.exchange.numbers import number
from copydesk.library.migrations import HEAD_REVISION
from copydesk.translation import N_, _, ngettext

FORMAT = "copydesk-library"
FORMAT_VERSION = 1
GENERATOR = "Copydesk"
HEADER = "archive.json"
# Archives of these library schemas have the rows this Copydesk writes. A migration that
# changes a carried table adds its old revision here with a way to fill what it lacks.
# (0005 only added the change feed; 0008 the newsroom dictionary, see LATER_KINDS.)
READABLE_SCHEMAS = frozenset({"0004", "0007", "0008", "0009", HEAD_REVISION})
# Kinds of rows a later schema added: an archive of an older one has none of them (0008: the
# newsroom dictionary's words).
LATER_KINDS = frozenset({"words"})
MAX_JSON_BYTES = 256 * 1024 * 1024
MAX_JSON_DEPTH = 16  # rows are four levels deep
# A library's pictures may add up to far more than a publishing package's: the zip bombs
# are caught by the compression ratio and each entry's own limit.
MAX_ENTRIES = 500_000
MAX_TOTAL_BYTES = 1024**4

PICTURES = next(kind for kind in KINDS if kind.name == "pictures")
WORDS = next(kind for kind in KINDS if kind.name == "words")
ROWS_ENTRY = re.compile(rf"({'|'.join(KIND_NAMES)})/(\d{{4,9}})\.json")
MEDIA_ENTRY = re.compile(r"media/([0-9a-f]{64})\.[a-z]{2,4}")
SHA256 = re.compile(r"[0-9a-f]{64}")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class ArchiveError(CopydeskError):
    """A library archive cannot be written or imported. The message names the problem (the
    entry, the row and the field where there is one); nothing was left half-written."""


@dataclass(frozen=True, slots=True)
class ArchiveSummary:
    """What an archive holds: the archive's path, the library's uuid, and its row counts."""

    path: Path
    library_uuid: str
    articles: int
    revisions: int
    pictures: int
    presets: int
    words: int = 0  # of the newsroom dictionary
    # The pictures whose supplier says NO ARCHIVES, named, and whether their files were left
    # out (else kept, flagged in the header).
    no_archives: tuple[str, ...] = ()
    left_out: bool = True

    def describe(self) -> str:
        """ "2 articles, 5 revisions, 1 picture and no presets"."""
        return _("{articles}, {revisions}, {pictures} and {presets}").format(
            **{name: counted(getattr(self, name), name) for name in KIND_NAMES_IN_SENTENCE}
        )


KIND_NAMES_IN_SENTENCE = ("articles", "revisions", "pictures", "presets")
_NONE = {
    "articles": N_("no articles"),
    "revisions": N_("no revisions"),
    "pictures": N_("no pictures"),
    "presets": N_("no presets"),
}


def counted(count: int, name: str) -> str:
    """ "2 articles", "1 revision", "no pictures": ``count`` rows of the kind ``name``."""
    if count == 0:
        return _(_NONE[name])
    return quantity(count, name)


def quantity(count: int, name: str) -> str:
    """ "0 articles", "1 revision", "2 pictures": ``count`` rows of the kind ``name``."""
    if name == "articles":
        text = ngettext("{count} article", "{count} articles", count)
    elif name == "revisions":
        text = ngettext("{count} revision", "{count} revisions", count)
    elif name == "pictures":
        text = ngettext("{count} picture", "{count} pictures", count)
    else:
        text = ngettext("{count} preset", "{count} presets", count)
    return text.format(count=number(count))


def summary(
    path: Path,
    uuid: str,
    counts: dict[str, int],
    *,
    no_archives: tuple[str, ...] = (),
    left_out: bool = True,
) -> ArchiveSummary:
    return ArchiveSummary(
        path,
        uuid,
        **{name: counts[name] for name in KIND_NAMES},
        no_archives=no_archives,
        left_out=left_out,
    )


def clause(message: str) -> str:
    """A sentence made a clause: no capital, no full stop."""
    message = message.strip().rstrip(".")
    return message[:1].lower() + message[1:]
