"""Runs one sync of a library in its own process and kills that process with SIGKILL at a
named point, as a crash or a pulled plug would:

    python -m tests.newsroom.sync_driver LIBRARY POINT

after_push_commit  the server has committed a push; its answer is not recorded yet
mid_pull           the second head of a pull is being written into the library
mid_upload         two chunks of a picture file are on the server, the third is not
none               no kill: the sync runs to its end
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg

from copydesk.library.db import open_library
from copydesk.sync import engine, pulling, replica


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _after(calls: int, original: Callable[..., Any]) -> Callable[..., Any]:
    seen = 0

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        nonlocal seen
        seen += 1
        if seen >= calls:
            _die()
        return original(*args, **kwargs)

    return wrapped


def _arm(point: str) -> None:
    if point == "after_push_commit":
        replica.take_results = _after(1, replica.take_results)  # type: ignore[assignment]
    elif point == "mid_pull":
        pulling._apply = _after(2, pulling._apply)  # type: ignore[attr-defined]
    elif point == "mid_upload":
        execute = psycopg.Connection.execute
        uploads = 0

        def counted(self: psycopg.Connection[Any], query: Any, *args: Any, **kw: Any) -> Any:
            nonlocal uploads
            if "upload_chunk" in str(query):
                uploads += 1
                if uploads == 3:  # two chunks are committed on the server
                    _die()
            return execute(self, query, *args, **kw)

        psycopg.Connection.execute = counted  # type: ignore[method-assign]


def main() -> int:
    path, point = Path(sys.argv[1]), sys.argv[2]
    _arm(point)
    library = open_library(path)
    try:
        print(engine.sync(library).line())
    finally:
        library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
