"""A strict YAML loader for the front matter of files from elsewhere: no anchors or aliases
(the "billion laughs" bomb), no duplicate keys (YAML keeps the last one silently), no
merge keys, bounded depth and size, timestamps left as text."""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date, datetime
from typing import Any

import yaml

from copydesk.errors import InvalidArticleFile
from copydesk.exchange.numbers import number
from copydesk.translation import _

MAX_FRONT_MATTER_CHARS = 256 * 1024
MAX_YAML_DEPTH = 12
MAX_YAML_NODES = 10_000

_MERGE_TAG = "tag:yaml.org,2002:merge"


class _StrictLoader(yaml.SafeLoader):
    """The safe loader, refusing what a hand-written article never needs and an attacker
    does: anchors and aliases (a few lines that expand to gigabytes), merge keys, duplicate
    keys, deep nesting and huge numbers of nodes."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self._nodes = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _yaml_refusal(
                _(
                    "Front matter, line {line}: YAML anchors and aliases (&name, *name) are not"
                    " allowed."
                ),
                event,
            )
        self._nodes += 1
        if self._nodes > MAX_YAML_NODES:
            raise _yaml_refusal(
                _("Front matter, line {line}: the front matter holds more than {count} values."),
                event,
                count=MAX_YAML_NODES,
            )
        self._depth += 1
        try:
            if self._depth > MAX_YAML_DEPTH:
                raise _yaml_refusal(
                    _("Front matter, line {line}: values are nested more than {count} deep."),
                    event,
                    count=MAX_YAML_DEPTH,
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _value in node.value:
            if key_node.tag == _MERGE_TAG:
                raise _yaml_refusal(
                    _("Front matter, line {line}: YAML merge keys (<<) are not allowed."), key_node
                )
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, Hashable):  # the base class refuses the others
                if key in seen:
                    raise _yaml_refusal(
                        _("Front matter, line {line}: the field “{field}” is given twice."),
                        key_node,
                        field=key,
                    )
                seen.add(key)
        return super().construct_mapping(node, deep)


def _construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    """A date that does not exist (2025-02-30) stays text, for the field's own check to
    name the field in its message."""
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def _yaml_refusal(
    sentence: str, where: yaml.Event | yaml.Node, **values: object
) -> InvalidArticleFile:
    """``sentence`` (translated) with ``{line}`` the line of ``where`` in the file."""
    return InvalidArticleFile(sentence.format(line=_file_line(where.start_mark), **values))


def _file_line(mark: object) -> int:
    """The line in the file: the front matter starts on line 2, after the opening ``---``."""
    line = getattr(mark, "line", 0)
    return (line if isinstance(line, int) else 0) + 2


def load_yaml(front_matter: str) -> dict[str, Any]:
    if len(front_matter) > MAX_FRONT_MATTER_CHARS:
        raise InvalidArticleFile(
            _("The front matter is too large: {count} characters, the limit is {limit}.").format(
                count=number(len(front_matter)), limit=number(MAX_FRONT_MATTER_CHARS)
            )
        )
    loader = _StrictLoader(front_matter)
    try:
        document = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        if error.problem_mark:
            message = _("The front matter is not valid YAML: line {line}: {problem}.").format(
                line=_file_line(error.problem_mark), problem=error.problem
            )
        else:
            message = _("The front matter is not valid YAML: {problem}.").format(
                problem=error.problem
            )
        raise InvalidArticleFile(message) from None
    except (yaml.YAMLError, ValueError, OverflowError) as error:
        # Values YAML parses but Python cannot hold: 2025-02-30, a 5,000-digit number.
        raise InvalidArticleFile(
            _("The front matter holds a value that cannot be read: {error}.").format(error=error)
        ) from None
    finally:
        loader.dispose()
    return _mapping_document(document)


def _mapping_document(document: object) -> dict[str, Any]:
    if document is None:
        return {}  # "---\n---": empty front matter
    if not isinstance(document, dict):
        raise InvalidArticleFile(
            _("The front matter must be a set of fields (“headline: …” lines), not {kind}.").format(
                kind=kind(document)
            )
        )
    return document


def kind(value: object) -> str:
    """How a wrong value is named in a message: its kind, and the value when it is short."""
    if value is None:
        return _("empty (null)")
    if isinstance(value, bool):
        return _("true/false ({value})").format(value=str(value).lower())
    if isinstance(value, int | float):
        return _("a number ({value})").format(value=value)
    if isinstance(value, datetime):
        return _("a date and time ({value})").format(value=value.isoformat(sep=" "))
    if isinstance(value, date):
        return _("a date ({value})").format(value=value.isoformat())
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:39] + "…"
        return _("text (“{text}”)").format(text=shown)
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a set of fields")
    if isinstance(value, bytes):
        return _("binary data")
    return type(value).__name__
