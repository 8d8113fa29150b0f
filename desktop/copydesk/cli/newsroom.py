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
    copydesk sync [--json] [--password-stdin]
                                        send what was saved here, then take what the desk has
    copydesk conflicts [--json]         the conflicts waiting for a person
    copydesk conflicts settle ID --keep mine|theirs

The password: the one written in URL, else (``--password-stdin``) the first line of standard
input, else the OS keyring (``join --keep-password`` keeps it there), else libpq's own
sources (PGPASSWORD, PGPASSFILE); on a terminal, asked when none of these has it. The
library keeps the server's address, never the password.

``sync`` exits with 0 when it ran to the end, conflicts or not: everything else was sent and
received, and a conflict is not a failure but a choice waiting in the library for a person
(each is listed on standard output; a script reads ``open_conflicts`` from ``--json``). It
exits with 1 and one line on standard error when the server cannot be reached, refuses the
login or is not a newsroom: nothing is lost, and the next sync carries on.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copydesk.errors import CopydeskError

if TYPE_CHECKING:
    from copydesk.library.db import Library
    from copydesk.sync.conflicts import Conflict
    from copydesk.sync.engine import SyncReport
    from copydesk.sync.operations import Status
    from copydesk.sync.server.admin import InitReport
    from copydesk.sync.server.connection import ServerAddress

LibraryPath = Callable[[argparse.Namespace], Path]
SETTLE_HINT = "Settle each with “copydesk conflicts settle ID --keep mine” (or theirs)."


def add_newsroom_commands(commands: Any, library_path: LibraryPath) -> None:
    """Add ``newsroom``, ``sync`` and ``conflicts`` to the ``copydesk`` parser's commands."""
    _add_server_commands(commands, library_path)
    sync = commands.add_parser(
        "sync",
        help="send what was saved here to the newsroom desk, then take what it has",
        description="Push, then pull, until the library and its desk are in step. Exits "
        "with 0 when done, conflicts included (they are listed); with 1 and the reason "
        "when the server cannot be reached or refuses.",
    )
    sync.add_argument("--json", action="store_true", help="print the report as JSON")
    _add_password_stdin(sync)
    sync.set_defaults(handler=lambda args: _sync(args, library_path(args)))
    _add_conflict_commands(commands, library_path)


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
    _add_password_stdin(join)
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


def _add_conflict_commands(commands: Any, library_path: LibraryPath) -> None:
    group = commands.add_parser(
        "conflicts",
        help="list the conflicts a sync found, or settle one",
        description="Without an action, list the conflicts waiting for a person.",
    )
    group.add_argument("--json", action="store_true", help="print JSON instead of lines")
    group.set_defaults(handler=lambda args: _list_conflicts(args, library_path(args)))
    actions = group.add_subparsers(dest="conflicts_command", metavar="ACTION")
    settle = actions.add_parser(
        "settle",
        help="keep one side of a conflict (sent at the next sync)",
        description="Keep this library's side (mine) or the desk's (theirs); the next sync "
        "sends the choice.",
    )
    settle.add_argument("conflict_id", type=int, metavar="ID")
    settle.add_argument("--keep", required=True, choices=("mine", "theirs"))
    settle.set_defaults(handler=lambda args: _settle(args, library_path(args)))


def _add_password_stdin(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input",
    )


# ---- setting a server up ----------------------------------------------------------------------


def _init(args: argparse.Namespace) -> int:
    from copydesk.sync.server.admin import init_newsroom

    address, password = _server(args.url)
    with _refusals(address):
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

    address, password = _server(args.url)
    with _refusals(address):
        role = add_desk(address, args.name, password)
    print(f"The desk “{args.name.strip()}” is ready at {address.url} (role {role}).")
    return 0


def _add_person(args: argparse.Namespace) -> int:
    from copydesk.sync.server.admin import Person, add_person

    address, password = _server(args.url)
    desks = tuple(args.desk)
    person = Person(args.login, _new_password(args.login), desks, args.chief, args.name)
    with _refusals(address):
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
        return _stdin_line(f"password for {login}")
    first = _ask(f"Password for {login}: ")
    if not first:
        raise CopydeskError(f"{login} needs a password; nobody was added.")
    if _ask(f"The same password for {login} again: ") != first:
        raise CopydeskError("The two passwords differ; nobody was added.")
    return first


# ---- a library and its desk -------------------------------------------------------------------


def _join(args: argparse.Namespace, path: Path) -> int:
    from copydesk.sync import operations

    address, password = _server(args.url, from_stdin=args.password_stdin)
    library = _open(path)
    try:
        with _refusals(address):
            report = operations.join(library, args.url, args.desk, password, _progress)
        conflicts = operations.list_conflicts(library)
    finally:
        library.close()
    print(f"Joined the desk “{args.desk}” at {address.url} as {address.login}: {report.line()}.")
    _print_conflicts(conflicts, quiet=True)
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

    library = _open(path)
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

    library = _open(path)
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


def _sync(args: argparse.Namespace, path: Path) -> int:
    from copydesk.sync import engine, operations

    library = _open(path)
    try:
        target = engine.replica_of(library)  # says so when the library is not joined
        password = _password(target.address, None, from_stdin=args.password_stdin)
        progress = _progress if sys.stderr.isatty() else None
        with _refusals(target.address):
            report = operations.sync(library, password, progress)
        conflicts = operations.list_conflicts(library)
    finally:
        library.close()
    if args.json:
        print(json.dumps(_report_json(report, conflicts), ensure_ascii=False, indent=2))
        return 0
    print(f"Synced with the desk “{target.desk}” at {target.address.url}: {report.line()}.")
    _print_conflicts(conflicts, quiet=True)
    return 0


def _report_json(report: SyncReport, conflicts: list[Conflict]) -> dict[str, object]:
    return {
        "sent": report.pushed.sent,
        "received": report.pulled.received,
        "merged": report.pulled.merged,
        "refused": report.pushed.refused,
        "overruled": report.pushed.overruled,
        "waiting": report.waiting,
        "open_conflicts": report.open_conflicts,
        "conflicts": [_conflict_json(conflict) for conflict in conflicts],
    }


def _progress(done: int, total: int) -> None:
    print(f"Receiving {done}/{total}…", file=sys.stderr, flush=True)


# ---- conflicts --------------------------------------------------------------------------------


def _list_conflicts(args: argparse.Namespace, path: Path) -> int:
    from copydesk.sync import operations

    library = _open(path)
    try:
        conflicts = operations.list_conflicts(library)
    finally:
        library.close()
    if args.json:
        rows = [_conflict_json(conflict) for conflict in conflicts]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        _print_conflicts(conflicts, quiet=False)
    return 0


def _print_conflicts(conflicts: list[Conflict], *, quiet: bool) -> None:
    if not conflicts:
        if not quiet:
            print("There are no conflicts to settle.")
        return
    for conflict in conflicts:
        print(_conflict_line(conflict))
    print(SETTLE_HINT)


def _conflict_line(conflict: Conflict) -> str:
    what = f"Conflict {conflict.id}: the {conflict.entity} “{conflict.title}”"
    if conflict.theirs_deleted:
        return f"{what} was changed here and deleted on the desk."
    fields = ", ".join(conflict.fields) or "its content"
    return f"{what} differs here and on the desk in {fields}."


def _conflict_json(conflict: Conflict) -> dict[str, object]:
    return {
        "id": conflict.id,
        "kind": conflict.entity,
        "uuid": conflict.uuid,
        "title": conflict.title,
        "fields": list(conflict.fields),
        "theirs_deleted": conflict.theirs_deleted,
        "mine": {name: conflict.mine.get(name) for name in conflict.fields},
        "theirs": {name: conflict.theirs.get(name) for name in conflict.fields},
    }


def _settle(args: argparse.Namespace, path: Path) -> int:
    from copydesk.errors import NotFoundError
    from copydesk.sync import operations

    library = _open(path)
    try:
        found = [c for c in operations.list_conflicts(library) if c.id == args.conflict_id]
        if not found:
            raise NotFoundError(f"There is no conflict {args.conflict_id} in this library.")
        operations.settle_conflict(library, args.conflict_id, args.keep)
    finally:
        library.close()
    side = "this library's side" if args.keep == "mine" else "the desk's side"
    print(
        f"Conflict {args.conflict_id} is settled: the {found[0].entity} “{found[0].title}” "
        f"keeps {side}; the next sync sends it."
    )
    return 0


# ---- the server, its password, its refusals ---------------------------------------------------


def _open(path: Path) -> Library:
    from copydesk.library.db import open_library

    return open_library(path)


def _server(url: str, *, from_stdin: bool = False) -> tuple[ServerAddress, str | None]:
    from copydesk.sync.server.connection import ServerAddress

    address, written = ServerAddress.parse(url)
    return address, _password(address, written, from_stdin=from_stdin)


def _password(address: ServerAddress, written: str | None, *, from_stdin: bool) -> str | None:
    """The password written in the URL, else standard input's first line when asked to,
    else the keyring's; else None (libpq's own sources), asked for on a terminal when those
    have none either."""
    from copydesk.sync.server.connection import stored_password

    if written is not None:
        return written
    if from_stdin:
        return _stdin_line("password")
    stored = stored_password(address)
    if stored is not None or not sys.stdin.isatty() or not _libpq_lacks_password(address):
        return stored
    return _ask(f"Password for {address.keyring_user}: ")


def _libpq_lacks_password(address: ServerAddress) -> bool:
    """Whether the server asks for a password libpq (PGPASSWORD, PGPASSFILE) does not have:
    a trial connection says (one that fails otherwise leaves the reason to the real one)."""
    from psycopg import pq

    trial = pq.PGconn.connect(address.conninfo(None).encode())
    try:
        return bool(trial.needs_password)
    finally:
        trial.finish()


def _stdin_line(what: str) -> str:
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise CopydeskError(f"The first line of standard input should be the {what}: it is empty.")
    return line


def _ask(prompt: str) -> str:
    import getpass

    try:
        return getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt):
        print(file=sys.stderr)
        raise CopydeskError("No password was given; nothing was done.") from None


@contextlib.contextmanager
def _refusals(address: ServerAddress) -> Iterator[None]:
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
            f"The newsroom server at {where} refused {address.login}: {reason}."
        ) from None
