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
from copydesk.library.migrations import HEAD_REVISION

FORMAT = "copydesk-library"
FORMAT_VERSION = 1
GENERATOR = "Copydesk"
HEADER = "archive.json"
# Archives of these library schemas have the rows this Copydesk writes. A migration that
# changes a carried table adds its old revision here with a way to fill what it lacks.
READABLE_SCHEMAS = frozenset({"0004", HEAD_REVISION})  # 0005 only added the change feed
MAX_JSON_BYTES = 256 * 1024 * 1024
MAX_JSON_DEPTH = 16  # rows are four levels deep
# A library's pictures may add up to far more than a publishing package's: the zip bombs
# are caught by the compression ratio and each entry's own limit.
MAX_ENTRIES = 500_000
MAX_TOTAL_BYTES = 1024**4

PICTURES = next(kind for kind in KINDS if kind.name == "pictures")
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

    def describe(self) -> str:
        """ "2 articles, 5 revisions, 1 picture and no presets"."""
        parts = [counted(getattr(self, name), name) for name in KIND_NAMES_IN_SENTENCE]
        return f"{', '.join(parts[:-1])} and {parts[-1]}"


KIND_NAMES_IN_SENTENCE = ("articles", "revisions", "pictures", "presets")


def counted(count: int, plural: str) -> str:
    if count == 0:
        return f"no {plural}"
    return f"{count:,} {plural if count != 1 else plural.removesuffix('s')}"


def summary(path: Path, uuid: str, counts: dict[str, int]) -> ArchiveSummary:
    return ArchiveSummary(path, uuid, **{name: counts[name] for name in KIND_NAMES})


def clause(message: str) -> str:
    """A sentence made a clause: no capital, no full stop."""
    message = message.strip().rstrip(".")
    return message[:1].lower() + message[1:]
