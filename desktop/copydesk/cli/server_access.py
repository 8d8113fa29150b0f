"""What the newsroom commands share: the library they open, the server's address and
password (from the URL, standard input, the OS keyring, libpq's own sources, or asked on a
terminal), and a server's refusal said in one sentence."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from copydesk.errors import CopydeskError
from copydesk.translation import _

if TYPE_CHECKING:
    from copydesk.library.db import Library
    from copydesk.sync.server.connection import ServerAddress


def add_password_stdin(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help=_("read the password from the first line of standard input"),
    )


def open_at(path: Path) -> Library:
    from copydesk.library.db import open_library

    return open_library(path)


def server(url: str, *, from_stdin: bool = False) -> tuple[ServerAddress, str | None]:
    from copydesk.sync.server.connection import ServerAddress

    address, written = ServerAddress.parse(url)
    return address, password_for(address, written, from_stdin=from_stdin)


def password_for(address: ServerAddress, written: str | None, *, from_stdin: bool) -> str | None:
    """The password written in the URL, else standard input's first line when asked to,
    else the keyring's; else None (libpq's own sources), asked for on a terminal when those
    have none either."""
    from copydesk.sync.server.connection import stored_password

    if written is not None:
        return written
    if from_stdin:
        return stdin_line(
            _("The first line of standard input should be the password: it is empty.")
        )
    stored = stored_password(address)
    if stored is not None or not sys.stdin.isatty() or not _libpq_lacks_password(address):
        return stored
    return ask(_("Password for {login}: ").format(login=address.keyring_user))


def _libpq_lacks_password(address: ServerAddress) -> bool:
    """Whether the server asks for a password libpq (PGPASSWORD, PGPASSFILE) does not have:
    a trial connection says (one that fails otherwise leaves the reason to the real one)."""
    from psycopg import pq

    trial = pq.PGconn.connect(address.conninfo(None).encode())
    try:
        return bool(trial.needs_password)
    finally:
        trial.finish()


def stdin_line(when_empty: str) -> str:
    """Standard input's first line; ``when_empty`` is the refusal when there is none."""
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise CopydeskError(when_empty)
    return line


def ask(prompt: str) -> str:
    import getpass

    try:
        return getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt):
        print(file=sys.stderr)
        raise CopydeskError(_("No password was given; nothing was done.")) from None


@contextlib.contextmanager
def refusals(address: ServerAddress) -> Iterator[None]:
    """A database error the engine let through (a permission the login lacks, say) said in
    one sentence, as its own refusals are."""
    import psycopg
    from sqlalchemy.exc import DBAPIError

    from copydesk.sync.errors import NewsroomError

    try:
        yield
    except (psycopg.Error, DBAPIError) as error:
        cause = error.orig if isinstance(error, DBAPIError) else error
        reason = (str(cause).strip().splitlines() or [type(cause).__name__])[0].rstrip(".")
        where = f"{address.host}:{address.port}"
        raise NewsroomError(
            _("The newsroom server at {where} refused {login}: {reason}.").format(
                where=where, login=address.login, reason=reason
            )
        ) from None
