"""``copydesk sync`` and ``copydesk conflicts``: a library that is a replica of a newsroom
desk brought in step with it, and the conflicts a person settles.

    copydesk sync [--json] [--password-stdin]
                                        send what was saved here, then take what the desk has
    copydesk conflicts [--json]         the conflicts waiting for a person
    copydesk conflicts settle ID --keep mine|theirs

``sync`` exits with 0 when it ran to the end, conflicts or not: everything else was sent and
received, and a conflict is not a failure but a choice waiting in the library for a person
(each is listed on standard output; a script reads ``open_conflicts`` from ``--json``). It
exits with 1 and one line on standard error when the server cannot be reached, refuses the
login or is not a newsroom: nothing is lost, and the next sync carries on.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copydesk.cli.server_access import (
    add_password_stdin,
    open_at,
    password_for,
    refusals,
)
from copydesk.translation import N_, _

if TYPE_CHECKING:
    from copydesk.sync.conflicts import Conflict
    from copydesk.sync.engine import SyncReport


LibraryPath = Callable[[argparse.Namespace], Path]
SETTLE_HINT = N_("Settle each with “copydesk conflicts settle ID --keep mine” (or theirs).")


def add_sync_commands(commands: Any, library_path: LibraryPath) -> None:
    """Add ``sync`` and ``conflicts`` to the ``copydesk`` parser's commands."""
    sync = commands.add_parser(
        "sync",
        help=_("send what was saved here to the newsroom desk, then take what it has"),
        description=_(
            "Push, then pull, until the library and its desk are in step. Exits "
            "with 0 when done, conflicts included (they are listed); with 1 and the reason "
            "when the server cannot be reached or refuses."
        ),
        epilog=_(
            "Examples:\n"
            "  copydesk sync\n"
            "  copydesk --library ~/camille.copydesk sync --json\n"
            "  pass show newsroom | copydesk sync --password-stdin"
        ),
    )
    sync.add_argument("--json", action="store_true", help=_("print the report as JSON"))
    add_password_stdin(sync)
    sync.set_defaults(handler=lambda args: _sync(args, library_path(args)))
    _add_conflict_commands(commands, library_path)


def _add_conflict_commands(commands: Any, library_path: LibraryPath) -> None:
    group = commands.add_parser(
        "conflicts",
        help=_("list the conflicts a sync found, or settle one"),
        description=_("Without an action, list the conflicts waiting for a person."),
        epilog=_(
            "Examples:\n"
            "  copydesk conflicts\n"
            "  copydesk conflicts --json\n"
            "  copydesk conflicts settle 3 --keep theirs"
        ),
    )
    group.add_argument("--json", action="store_true", help=_("print JSON instead of lines"))
    group.set_defaults(handler=lambda args: _list_conflicts(args, library_path(args)))
    actions = group.add_subparsers(dest="conflicts_command", metavar="ACTION")
    settle = actions.add_parser(
        "settle",
        help=_("keep one side of a conflict (sent at the next sync)"),
        description=_(
            "Keep this library's side (mine) or the desk's (theirs); the next sync "
            "sends the choice."
        ),
        epilog=_(
            "Examples:\n"
            "  copydesk conflicts settle 3 --keep mine\n"
            "  copydesk conflicts settle 3 --keep theirs"
        ),
    )
    settle.add_argument(
        "conflict_id",
        type=int,
        metavar="ID",
        help=_("the conflict, as “copydesk conflicts” lists it"),
    )
    settle.add_argument(
        "--keep",
        required=True,
        choices=("mine", "theirs"),
        help=_("the side to keep: this library's (mine) or the desk's (theirs)"),
    )
    settle.set_defaults(handler=lambda args: _settle(args, library_path(args)))


def _sync(args: argparse.Namespace, path: Path) -> int:
    from copydesk.sync import engine, operations

    library = open_at(path)
    try:
        target = engine.replica_of(library)  # says so when the library is not joined
        password = password_for(target.address, None, from_stdin=args.password_stdin)
        shown = progress if sys.stderr.isatty() else None
        with refusals(target.address):
            report = operations.sync(library, password, shown)
        conflicts = operations.list_conflicts(library)
    finally:
        library.close()
    if args.json:
        print(json.dumps(_report_json(report, conflicts), ensure_ascii=False, indent=2))
        return 0
    print(
        _("Synced with the desk “{desk}” at {url}: {report}.").format(
            desk=target.desk, url=target.address.url, report=report.line()
        )
    )
    print_conflicts(conflicts, quiet=True)
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


def progress(done: int, total: int) -> None:
    """A line on standard error per batch received."""
    print(
        _("Receiving {done}/{total}…").format(done=done, total=total), file=sys.stderr, flush=True
    )


# ---- conflicts --------------------------------------------------------------------------------


def _list_conflicts(args: argparse.Namespace, path: Path) -> int:
    from copydesk.sync import operations

    library = open_at(path)
    try:
        conflicts = operations.list_conflicts(library)
    finally:
        library.close()
    if args.json:
        rows = [_conflict_json(conflict) for conflict in conflicts]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print_conflicts(conflicts, quiet=False)
    return 0


def print_conflicts(conflicts: list[Conflict], *, quiet: bool) -> None:
    if not conflicts:
        if not quiet:
            print(_("There are no conflicts to settle."))
        return
    for conflict in conflicts:
        print(_conflict_line(conflict))
    print(_(SETTLE_HINT))


def _conflict_line(conflict: Conflict) -> str:
    """One sentence per kind of thing and of conflict (articles and pictures take different
    words in other languages); the field names are the ones ``--json`` gives."""
    from copydesk.sync.wire import PICTURE

    picture = conflict.entity == PICTURE
    if conflict.theirs_deleted:
        text = (
            _("Conflict {id}: the picture “{title}” was changed here and deleted on the desk.")
            if picture
            else _("Conflict {id}: the article “{title}” was changed here and deleted on the desk.")
        )
    elif not conflict.fields:
        text = (
            _("Conflict {id}: the picture “{title}” differs here and on the desk in its content.")
            if picture
            else _(
                "Conflict {id}: the article “{title}” differs here and on the desk in its content."
            )
        )
    else:
        text = (
            _("Conflict {id}: the picture “{title}” differs here and on the desk in {fields}.")
            if picture
            else _("Conflict {id}: the article “{title}” differs here and on the desk in {fields}.")
        )
    return text.format(id=conflict.id, title=conflict.title, fields=", ".join(conflict.fields))


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

    library = open_at(path)
    try:
        found = [c for c in operations.list_conflicts(library) if c.id == args.conflict_id]
        if not found:
            raise NotFoundError(
                _("There is no conflict {id} in this library.").format(id=args.conflict_id)
            )
        operations.settle_conflict(library, args.conflict_id, args.keep)
    finally:
        library.close()
    print(_settled(args.conflict_id, found[0], args.keep))
    return 0


def _settled(conflict_id: int, conflict: Conflict, keep: str) -> str:
    from copydesk.sync.wire import PICTURE

    if conflict.entity == PICTURE:
        text = (
            _(
                "Conflict {id} is settled: the picture “{title}” keeps this library's side; "
                "the next sync sends it."
            )
            if keep == "mine"
            else _(
                "Conflict {id} is settled: the picture “{title}” keeps the desk's side; "
                "the next sync sends it."
            )
        )
    else:
        text = (
            _(
                "Conflict {id} is settled: the article “{title}” keeps this library's side; "
                "the next sync sends it."
            )
            if keep == "mine"
            else _(
                "Conflict {id} is settled: the article “{title}” keeps the desk's side; "
                "the next sync sends it."
            )
        )
    return text.format(id=conflict_id, title=conflict.title)
