"""``copydesk newsroom``, ``copydesk sync`` and ``copydesk conflicts``: a newsroom server set
up, and a library kept as a replica of one of its desks, from a terminal.

Setting a server up (URL names a role that may create schemas and roles there; no library):

    copydesk newsroom init URL          create or upgrade the newsroom schema and its roles
                                        (run again, it changes nothing)
    copydesk newsroom add-desk URL NAME
    copydesk newsroom add-person URL LOGIN [--desk NAME]... [--chief] [--name "Display Name"]
                                        the new person's password is the first line of
                                        standard input, or asked twice on a terminal; never
                                        an argument (other people could read it)

The library (``--library``) as a replica of a desk:

    copydesk newsroom join URL --desk NAME [--keep-password] [--password-stdin]
                                        make the library a replica of the desk, then sync it
                                        (progress on standard error)
    copydesk newsroom status            its server, desk, what waits, conflicts, last sync
    copydesk newsroom leave             unlink it; its articles and pictures stay

``copydesk sync`` and ``copydesk conflicts`` are in ``copydesk.cli.sync``.

The password: the one written in URL, else (``--password-stdin``) the first line of standard
input, else the OS keyring (``join --keep-password`` keeps it there), else libpq's own
sources (PGPASSWORD, PGPASSFILE); on a terminal, asked when none of these has it. The
library keeps the server's address, never the password.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copydesk.cli.server_access import (
    add_password_stdin,
    ask,
    open_at,
    refusals,
    server,
    stdin_line,
)
from copydesk.cli.sync import print_conflicts, progress
from copydesk.errors import CopydeskError

if TYPE_CHECKING:
    from copydesk.sync.operations import Status
    from copydesk.sync.server.admin import InitReport
    from copydesk.sync.server.connection import ServerAddress

LibraryPath = Callable[[argparse.Namespace], Path]


def add_newsroom_commands(commands: Any, library_path: LibraryPath) -> None:
    """Add ``newsroom`` to the ``copydesk`` parser's commands."""
    _add_server_commands(commands, library_path)


def _add_server_commands(commands: Any, library_path: LibraryPath) -> None:
    group = commands.add_parser(
        "newsroom",
        help="set up a newsroom server, or join, leave and look at a desk",
        description="A newsroom is a PostgreSQL server where desks share their articles "
        "and pictures; each library is a replica of one desk.",
    )
    actions = group.add_subparsers(dest="newsroom_command", metavar="ACTION", required=True)
    _add_admin_commands(actions)
    join = actions.add_parser(
        "join",
        help="make the library a replica of a desk (then sync it)",
        description="Make the library a replica of the desk: what it holds is sent to the "
        "desk, and the desk's articles and pictures come in (progress on standard error).",
    )
    join.add_argument("url", metavar="URL", help="postgresql://LOGIN@HOST:PORT/DB")
    join.add_argument("--desk", required=True, metavar="NAME", help="the desk to join")
    join.add_argument(
        "--keep-password", action="store_true", help="keep the password in the OS keyring"
    )
    add_password_stdin(join)
    join.set_defaults(handler=lambda args: _join(args, library_path(args)))
    status = actions.add_parser("status", help="where the library syncs and what waits")
    status.set_defaults(handler=lambda args: _status(library_path(args)))
    leave = actions.add_parser(
        "leave", help="unlink the library from its desk (its articles and pictures stay)"
    )
    leave.set_defaults(handler=lambda args: _leave(library_path(args)))


def _add_admin_commands(actions: Any) -> None:
    init = actions.add_parser(
        "init",
        help="create or upgrade the newsroom schema and roles on a server database",
        description="Create (or upgrade) the newsroom schema, its roles and grants in the "
        "database URL names. Run again, it changes nothing.",
    )
    init.add_argument("url", metavar="URL", help="postgresql://ADMIN@HOST:PORT/DB")
    init.set_defaults(handler=_init)
    desk = actions.add_parser("add-desk", help="add a desk to the newsroom")
    desk.add_argument("url", metavar="URL", help="postgresql://ADMIN@HOST:PORT/DB")
    desk.add_argument("name", metavar="NAME", help="the desk's name, e.g. Politique")
    desk.set_defaults(handler=_add_desk)
    person = actions.add_parser(
        "add-person",
        help="add a person (a login) to the newsroom and its desks",
        description="Add LOGIN to the newsroom (or update it). The password is the first "
        "line of standard input or, on a terminal, asked twice.",
    )
    person.add_argument("url", metavar="URL", help="postgresql://ADMIN@HOST:PORT/DB")
    person.add_argument("login", metavar="LOGIN", help="lowercase letters, digits, _ . -")
    person.add_argument(
        "--desk", action="append", default=[], metavar="NAME", help="a desk (repeatable)"
    )
    person.add_argument(
        "--chief",
        action="store_true",
        help="give the chief role (sees every desk's articles and pictures)",
    )
    person.add_argument("--name", default="", metavar="TEXT", help="the name people see")
    person.set_defaults(handler=_add_person)


# ---- setting a server up ----------------------------------------------------------------------


def _init(args: argparse.Namespace) -> int:
    from copydesk.sync.server.admin import init_newsroom

    address, password = server(args.url)
    with refusals(address):
        report = init_newsroom(address, password)
    print(f"Newsroom ready at {address.url} (schema {report.revision_after}, {_done(report)}).")
    return 0


def _done(report: InitReport) -> str:
    if report.revision_before is None:
        return "created"
    if report.changed:
        return f"upgraded from {report.revision_before}"
    return "already up to date"


def _add_desk(args: argparse.Namespace) -> int:
    from copydesk.sync.server.admin import add_desk

    address, password = server(args.url)
    with refusals(address):
        role = add_desk(address, args.name, password)
    print(f"The desk “{args.name.strip()}” is ready at {address.url} (role {role}).")
    return 0


def _add_person(args: argparse.Namespace) -> int:
    from copydesk.sync.server.admin import Person, add_person

    address, password = server(args.url)
    desks = tuple(args.desk)
    person = Person(args.login, _new_password(args.login), desks, args.chief, args.name)
    with refusals(address):
        add_person(address, person, password)
    print(f"{args.login} belongs to the newsroom at {address.url}{_membership(desks, args.chief)}.")
    return 0


def _membership(desks: tuple[str, ...], chief: bool) -> str:
    parts = [f"on the desk{'s' if len(desks) > 1 else ''} {_and(desks)}"] if desks else []
    if chief:
        parts.append("as a chief")
    return "".join(f", {part}" for part in parts or ["on no desk yet"])


def _and(names: tuple[str, ...]) -> str:
    quoted = [f"“{name}”" for name in names]
    return " and ".join([", ".join(quoted[:-1]), quoted[-1]] if len(quoted) > 1 else quoted)


def _new_password(login: str) -> str:
    if not sys.stdin.isatty():
        return stdin_line(f"password for {login}")
    first = ask(f"Password for {login}: ")
    if not first:
        raise CopydeskError(f"{login} needs a password; nobody was added.")
    if ask(f"The same password for {login} again: ") != first:
        raise CopydeskError("The two passwords differ; nobody was added.")
    return first


# ---- a library and its desk -------------------------------------------------------------------


def _join(args: argparse.Namespace, path: Path) -> int:
    from copydesk.sync import operations

    address, password = server(args.url, from_stdin=args.password_stdin)
    library = open_at(path)
    try:
        with refusals(address):
            report = operations.join(library, args.url, args.desk, password, progress)
        conflicts = operations.list_conflicts(library)
    finally:
        library.close()
    print(f"Joined the desk “{args.desk}” at {address.url} as {address.login}: {report.line()}.")
    print_conflicts(conflicts, quiet=True)
    if args.keep_password:
        print(_keep(address, password))
    return 0


def _keep(address: ServerAddress, password: str | None) -> str:
    from copydesk.sync.server.connection import keep_password

    if password is None:
        return "No password was given here to keep: it came from PGPASSWORD or PGPASSFILE."
    if keep_password(address, password):
        return "The password is kept in the system keyring for the next syncs."
    return (
        "The password could not be kept: no system keyring works here; give it to each sync "
        "(PGPASSFILE or --password-stdin)."
    )


def _status(path: Path) -> int:
    from copydesk.sync import operations

    library = open_at(path)
    try:
        status = operations.status(library)
    finally:
        library.close()
    if status is None:
        print(f"The library {path} is not joined to a newsroom.")
        return 0
    for label, value in _status_lines(status):
        print(f"{label + ':':<11} {value}")
    return 0


def _status_lines(status: Status) -> list[tuple[str, str]]:
    last = status.last_sync_at
    return [
        ("Server", status.server_url),
        ("Desk", status.desk),
        ("Waiting", f"{status.waiting} to send"),
        ("Conflicts", f"{status.conflicts} to settle"),
        ("Last sync", last.astimezone().strftime("%Y-%m-%d %H:%M:%S") if last else "never"),
    ]


def _leave(path: Path) -> int:
    from copydesk.sync import operations

    library = open_at(path)
    try:
        status = operations.status(library)
        operations.leave(library)  # says so when the library is not joined
    finally:
        library.close()
    assert status is not None  # leave() raised otherwise
    print(_left(status))
    return 0


def _left(status: Status) -> str:
    line = (
        f"The library left the desk “{status.desk}” at {status.server_url}; "
        "its articles and pictures stay."
    )
    if status.waiting:
        line += f" What was never sent ({_count(status.waiting, 'change')}) stays only here."
    if status.conflicts:
        line += f" Its open conflicts ({status.conflicts}) are dropped: this library's side stays."
    return line


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
