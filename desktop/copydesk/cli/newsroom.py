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
from copydesk.translation import _, ngettext

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
        help=_("set up a newsroom server, or join, leave and look at a desk"),
        description=_(
            "A newsroom is a PostgreSQL server where desks share their articles "
            "and pictures; each library is a replica of one desk."
        ),
        epilog=_(
            "Examples:\n"
            "  copydesk newsroom init postgresql://admin@db.example.org/newsroom\n"
            "  copydesk newsroom join postgresql://camille@db.example.org/newsroom "
            "--desk Politique\n"
            "  copydesk newsroom status"
        ),
    )
    actions = group.add_subparsers(dest="newsroom_command", metavar="ACTION", required=True)
    _add_admin_commands(actions)
    join = actions.add_parser(
        "join",
        help=_("make the library a replica of a desk (then sync it)"),
        description=_(
            "Make the library a replica of the desk: what it holds is sent to the "
            "desk, and the desk's articles and pictures come in (progress on standard error)."
        ),
        epilog=_(
            "Examples:\n"
            "  copydesk newsroom join postgresql://camille@db.example.org/newsroom "
            "--desk Politique\n"
            "  copydesk --library ~/camille.copydesk newsroom join "
            "postgresql://camille@db.example.org/newsroom --desk Sport --keep-password"
        ),
    )
    join.add_argument("url", metavar="URL", help="postgresql://LOGIN@HOST:PORT/DB")
    join.add_argument("--desk", required=True, metavar="NAME", help=_("the desk to join"))
    join.add_argument(
        "--keep-password", action="store_true", help=_("keep the password in the OS keyring")
    )
    join.add_argument(
        "--keep-days",
        type=int,
        metavar="DAYS",
        help=_(
            "a partial replica: take only what changed in the last DAYS days (older articles "
            "stay on the server, found by its search and brought when opened)"
        ),
    )
    add_password_stdin(join)
    join.set_defaults(handler=lambda args: _join(args, library_path(args)))
    status = actions.add_parser(
        "status",
        help=_("where the library syncs and what waits"),
        description=_(
            "Print the library's server and desk, what waits to be sent, the conflicts "
            "to settle and when it last synced."
        ),
        epilog=_(
            "Examples:\n"
            "  copydesk newsroom status\n"
            "  copydesk --library ~/camille.copydesk newsroom status"
        ),
    )
    status.set_defaults(handler=lambda args: _status(library_path(args)))
    leave = actions.add_parser(
        "leave",
        help=_("unlink the library from its desk (its articles and pictures stay)"),
        description=_(
            "Unlink the library from its desk. Its articles and pictures stay; what was "
            "never sent stays only here, and its open conflicts are dropped."
        ),
        epilog=_("Examples:\n  copydesk --library ~/camille.copydesk newsroom leave"),
    )
    leave.set_defaults(handler=lambda args: _leave(library_path(args)))


def _add_admin_commands(actions: Any) -> None:
    init = actions.add_parser(
        "init",
        help=_("create or upgrade the newsroom schema and roles on a server database"),
        description=_(
            "Create (or upgrade) the newsroom schema, its roles and grants in the "
            "database URL names. Run again, it changes nothing."
        ),
        epilog=_("Examples:\n  copydesk newsroom init postgresql://admin@db.example.org/newsroom"),
    )
    init.add_argument("url", metavar="URL", help="postgresql://ADMIN@HOST:PORT/DB")
    init.set_defaults(handler=_init)
    desk = actions.add_parser(
        "add-desk",
        help=_("add a desk to the newsroom"),
        description=_(
            "Add the desk NAME to the newsroom, with its group role. A desk already there "
            "is kept as it is."
        ),
        epilog=_(
            "Examples:\n"
            "  copydesk newsroom add-desk postgresql://admin@db.example.org/newsroom Politique"
        ),
    )
    desk.add_argument("url", metavar="URL", help="postgresql://ADMIN@HOST:PORT/DB")
    desk.add_argument("name", metavar="NAME", help=_("the desk's name, e.g. Politique"))
    desk.set_defaults(handler=_add_desk)
    person = actions.add_parser(
        "add-person",
        help=_("add a person (a login) to the newsroom and its desks"),
        description=_(
            "Add LOGIN to the newsroom (or update it). The password is the first "
            "line of standard input or, on a terminal, asked twice."
        ),
        epilog=_(
            "Examples:\n"
            "  copydesk newsroom add-person postgresql://admin@db.example.org/newsroom "
            "camille --desk Politique --name 'Camille Martin'\n"
            "  copydesk newsroom add-person postgresql://admin@db.example.org/newsroom "
            "chief --chief"
        ),
    )
    person.add_argument("url", metavar="URL", help="postgresql://ADMIN@HOST:PORT/DB")
    person.add_argument("login", metavar="LOGIN", help=_("lowercase letters, digits, _ . -"))
    person.add_argument(
        "--desk", action="append", default=[], metavar="NAME", help=_("a desk (repeatable)")
    )
    person.add_argument(
        "--chief",
        action="store_true",
        help=_("give the chief role (sees every desk's articles and pictures)"),
    )
    person.add_argument("--name", default="", metavar="TEXT", help=_("the name people see"))
    person.set_defaults(handler=_add_person)


# ---- setting a server up ----------------------------------------------------------------------


def _init(args: argparse.Namespace) -> int:
    from copydesk.sync.server.admin import init_newsroom

    address, password = server(args.url)
    with refusals(address):
        report = init_newsroom(address, password)
    print(_ready(address, report))
    return 0


def _ready(address: ServerAddress, report: InitReport) -> str:
    if report.revision_before is None:
        text = _("Newsroom ready at {url} (schema {revision}, created).")
    elif report.changed:
        text = _("Newsroom ready at {url} (schema {revision}, upgraded from {before}).")
    else:
        text = _("Newsroom ready at {url} (schema {revision}, already up to date).")
    return text.format(
        url=address.url, revision=report.revision_after, before=report.revision_before
    )


def _add_desk(args: argparse.Namespace) -> int:
    from copydesk.sync.server.admin import add_desk

    address, password = server(args.url)
    with refusals(address):
        role = add_desk(address, args.name, password)
    print(
        _("The desk “{desk}” is ready at {url} (role {role}).").format(
            desk=args.name.strip(), url=address.url, role=role
        )
    )
    return 0


def _add_person(args: argparse.Namespace) -> int:
    from copydesk.sync.server.admin import Person, add_person

    address, password = server(args.url)
    desks = tuple(args.desk)
    person = Person(args.login, _new_password(args.login), desks, args.chief, args.name)
    with refusals(address):
        add_person(address, person, password)
    print(_membership(args.login, address.url, desks, args.chief))
    return 0


def _membership(login: str, url: str, desks: tuple[str, ...], chief: bool) -> str:
    count = len(desks)
    if desks and chief:
        text = ngettext(
            "{login} belongs to the newsroom at {url}, on the desk {desks}, as a chief.",
            "{login} belongs to the newsroom at {url}, on the desks {desks}, as a chief.",
            count,
        )
    elif desks:
        text = ngettext(
            "{login} belongs to the newsroom at {url}, on the desk {desks}.",
            "{login} belongs to the newsroom at {url}, on the desks {desks}.",
            count,
        )
    elif chief:
        text = _("{login} belongs to the newsroom at {url}, as a chief.")
    else:
        text = _("{login} belongs to the newsroom at {url}, on no desk yet.")
    return text.format(login=login, url=url, desks=_and(desks))


def _and(names: tuple[str, ...]) -> str:
    """“A”, “B” and “C”."""
    quoted = [_("“{name}”").format(name=name) for name in names]
    if len(quoted) < 2:
        return "".join(quoted)
    return _("{names} and {last}").format(names=", ".join(quoted[:-1]), last=quoted[-1])


def _new_password(login: str) -> str:
    if not sys.stdin.isatty():
        return stdin_line(
            _(
                "The first line of standard input should be the password for {login}: it is empty."
            ).format(login=login)
        )
    first = ask(_("Password for {login}: ").format(login=login))
    if not first:
        raise CopydeskError(_("{login} needs a password; nobody was added.").format(login=login))
    if ask(_("The same password for {login} again: ").format(login=login)) != first:
        raise CopydeskError(_("The two passwords differ; nobody was added."))
    return first


# ---- a library and its desk -------------------------------------------------------------------


def _join(args: argparse.Namespace, path: Path) -> int:
    from copydesk.sync import operations

    address, password = server(args.url, from_stdin=args.password_stdin)
    library = open_at(path)
    try:
        with refusals(address):
            report = operations.join(
                library, args.url, args.desk, password, progress, args.keep_days
            )
        conflicts = operations.list_conflicts(library)
    finally:
        library.close()
    print(
        _("Joined the desk “{desk}” at {url} as {login}: {report}.").format(
            desk=args.desk, url=address.url, login=address.login, report=report.line()
        )
    )
    print_conflicts(conflicts, quiet=True)
    if args.keep_password:
        print(_keep(address, password))
    return 0


def _keep(address: ServerAddress, password: str | None) -> str:
    from copydesk.sync.server.connection import keep_password

    if password is None:
        return _("No password was given here to keep: it came from PGPASSWORD or PGPASSFILE.")
    if keep_password(address, password):
        return _("The password is kept in the system keyring for the next syncs.")
    return _(
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
        print(_("The library {path} is not joined to a newsroom.").format(path=path))
        return 0
    lines = _status_lines(status)
    width = max(len(label) for label, _value in lines) + 1
    for label, value in lines:
        print(f"{label:<{width}} {value}")
    return 0


def _status_lines(status: Status) -> list[tuple[str, str]]:
    last = status.last_sync_at
    return [
        (_("Server:"), status.server_url),
        (_("Desk:"), status.desk),
        (_("Waiting:"), _("{count} to send").format(count=status.waiting)),
        (_("Conflicts:"), _("{count} to settle").format(count=status.conflicts)),
        (
            _("Last sync:"),
            last.astimezone().strftime("%Y-%m-%d %H:%M:%S") if last else _("never"),
        ),
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
    sentences = [
        _("The library left the desk “{desk}” at {url}; its articles and pictures stay.").format(
            desk=status.desk, url=status.server_url
        )
    ]
    if status.waiting:
        sentences.append(
            ngettext(
                "What was never sent ({count} change) stays only here.",
                "What was never sent ({count} changes) stays only here.",
                status.waiting,
            ).format(count=status.waiting)
        )
    if status.conflicts:
        sentences.append(
            _("Its open conflicts ({count}) are dropped: this library's side stays.").format(
                count=status.conflicts
            )
        )
    return " ".join(sentences)
