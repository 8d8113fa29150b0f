"""How the ``copydesk`` commands show their ``--help``: argparse's own layout, each command
ending with examples (its epilog) kept line for line.

Only the standard library is imported here: the command line starts with it.
"""

from __future__ import annotations

import argparse
import textwrap
from typing import Any


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Descriptions wrapped to the terminal as argparse does; in the epilog, an indented
    line (an example command, or its comment) is kept as written, so it can be copied."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines: list[str] = []
        for line in text.splitlines():
            if not line.strip():
                lines.append("")
            elif line[0].isspace():
                lines.append(indent + line.rstrip())
            else:
                lines += textwrap.wrap(
                    " ".join(line.split()), width, initial_indent=indent, subsequent_indent=indent
                )
        return "\n".join(lines)


class CommandParser(argparse.ArgumentParser):
    """A parser showing its help with ``HelpFormatter``; its subcommands' parsers are of the
    same class (argparse makes them with the parent's), so they show theirs the same way."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)
