"""The contract between the incremental renderer (core) and the preview page (Qt).

The article body on the page is ``<div id="cd-body" class="cd-body">`` whose element
children are one wrapper per Markdown block, in source order::

    <div class="cd-block" data-line="12">…the block's sanitized HTML…</div>

``data-line`` is the 0-based source line of the block's first line in the body text: the
preview uses it for scroll sync and click-to-source. A full render produces exactly this
structure; an edit produces a ``BodyPatch`` that turns the previous children into the new
ones without reloading the page.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

OpKind = Literal["insert", "replace", "remove"]


@dataclass(frozen=True, slots=True)
class BlockOp:
    """Applied in order: ``insert`` puts a new block before child ``index`` (or at the end
    when ``index`` equals the number of children), ``replace`` swaps child ``index``'s
    content, ``remove`` deletes child ``index``. ``html`` is the block's inner HTML."""

    kind: OpKind
    index: int
    html: str = ""


@dataclass(frozen=True, slots=True)
class BodyPatch:
    ops: tuple[BlockOp, ...]
    # After the ops: the data-line of every block, in order (lines shift on every Enter).
    lines: tuple[int, ...]

    @property
    def empty(self) -> bool:
        return not self.ops

    def to_json(self) -> str:
        return json.dumps(
            {"ops": [[op.kind, op.index, op.html] for op in self.ops], "lines": list(self.lines)},
            ensure_ascii=False,
        )


def block_wrapper(inner_html: str, line: int) -> str:
    return f'<div class="cd-block" data-line="{line}">{inner_html}</div>'
