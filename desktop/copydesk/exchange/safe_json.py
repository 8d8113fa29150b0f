"""JSON from outside (imported ninjs, package manifests): parsed only when it is safe to.

``json.loads`` alone trusts its input too much for files a user drops on the window: it
recurses once per nesting level (a few kilobytes of ``[`` exhaust the C stack's guard and
raise ``RecursionError``), keeps the last of duplicate keys silently, accepts ``NaN`` and
``Infinity`` (not JSON), turns ``1e999`` into infinity, and hands back lone surrogates that
fail later, far from the cause, when the text is written to a file or the database.
``load_json`` refuses all of these up front with a message that names the problem.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from copydesk.errors import CopydeskError
from copydesk.exchange.numbers import number
from copydesk.translation import _, ngettext

DEFAULT_MAX_DEPTH = 64

# A string literal (escapes included) or one bracket. The possessive quantifiers keep a
# long string from piling up backtracking state; a string's content is skipped whole, so
# brackets inside strings are not counted.
_STRING_OR_BRACKET = re.compile(r'"(?:[^"\\]++|\\.)*+"|[\[\]{}]', re.DOTALL)
_SURROGATE = re.compile("[\ud800-\udfff]")
# Strict UTF-8 decoding never yields a surrogate: only a ``\uD800``-``\uDFFF`` escape can.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
# Python refuses to convert longer integers (CVE-2020-10735); say so in our own words.
_MAX_INT_DIGITS = 4300
_UTF8_BOM = b"\xef\xbb\xbf"


class MalformedJson(CopydeskError):
    """JSON that cannot be taken: too large, not UTF-8, nested too deep, not valid JSON,
    with duplicate keys or non-finite numbers. The message names the problem."""


def load_json(data: bytes, *, max_bytes: int, max_depth: int = DEFAULT_MAX_DEPTH) -> Any:
    """The JSON value in ``data``, or ``MalformedJson`` saying why it is refused.

    A UTF-8 byte-order mark is tolerated (RFC 8259 lets parsers ignore it); any other
    encoding is refused rather than guessed.
    """
    if len(data) > max_bytes:
        raise MalformedJson(
            _("The JSON document is {size}, more than the {limit} allowed.").format(
                size=_size(len(data)), limit=_size(max_bytes)
            )
        )
    text = _decode(data)
    _check_depth(text, max_depth)
    value = _parse(text)
    if _SURROGATE_ESCAPE.search(text):
        _check_strings(value)
    return value


def _size(byte_count: int) -> str:
    if byte_count < 1024:
        return ngettext("{count} byte", "{count} bytes", byte_count).format(count=byte_count)
    if byte_count < 1024 * 1024:
        return _("{size} KiB").format(size=number(byte_count / 1024, 1, grouping=False))
    return _("{size} MiB").format(size=number(byte_count / (1024 * 1024), 1, grouping=False))


def _decode(data: bytes) -> str:
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        byte = data[error.start]
        raise MalformedJson(
            _(
                "The JSON document is not UTF-8 text: byte 0x{byte} at offset {offset} ({reason})."
            ).format(byte=f"{byte:02x}", offset=error.start, reason=error.reason)
        ) from None


def _check_depth(text: str, max_depth: int) -> None:
    """Refuse nesting deeper than ``max_depth`` before the recursive parser sees it.

    Only depth is judged here; whether the brackets match is the parser's business, and an
    unterminated string merely makes this scan count brackets that are really text (the
    parser then refuses the string).
    """
    depth = 0
    for match in _STRING_OR_BRACKET.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > max_depth:
                line, column = _line_column(text, match.start())
                raise MalformedJson(
                    _(
                        "The JSON document is nested more than {depth} levels deep "
                        "(line {line}, column {column})."
                    ).format(depth=max_depth, line=line, column=column)
                )
        elif token in "]}":
            depth -= 1


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _parse(text: str) -> Any:
    try:
        return json.loads(
            text,
            object_pairs_hook=_object_without_duplicates,
            parse_constant=_refuse_constant,
            parse_float=_finite_float,
            parse_int=_bounded_int,
        )
    except json.JSONDecodeError as error:
        raise MalformedJson(
            _(
                "The JSON document is not valid JSON: {problem} (line {line}, column {column})."
            ).format(problem=error.msg, line=error.lineno, column=error.colno)
        ) from None


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise MalformedJson(
                _("The JSON document has the key {key} twice in the same object.").format(
                    key=json.dumps(key)
                )
            )
        result[key] = value
    return result


def _refuse_constant(name: str) -> Any:
    raise MalformedJson(
        _("The JSON document contains {name}, which is not a JSON number.").format(name=name)
    )


def _finite_float(literal: str) -> float:
    value = float(literal)
    if not math.isfinite(value):
        raise MalformedJson(
            _("The JSON document contains the number {number}, too large to represent.").format(
                number=literal[:40]
            )
        )
    return value


def _bounded_int(literal: str) -> int:
    digits = len(literal.lstrip("-"))
    if digits > _MAX_INT_DIGITS:
        raise MalformedJson(
            _(
                "The JSON document contains an integer of {count} digits, too long to convert."
            ).format(count=digits)
        )
    return int(literal)


def _check_strings(value: Any) -> None:
    """Refuse lone surrogates (``"\\ud800"``): valid JSON escapes, but not Unicode text."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            _check_string(item)
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _check_string(text: str) -> None:
    match = _SURROGATE.search(text)
    if match:
        code = f"\\u{ord(match.group()):04x}"
        raise MalformedJson(
            _(
                "The JSON document contains an unpaired surrogate ({code}), which is not text."
            ).format(code=code)
        )


__all__ = ["DEFAULT_MAX_DEPTH", "MalformedJson", "load_json"]
