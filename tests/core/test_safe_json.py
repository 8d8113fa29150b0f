"""Hostile JSON is refused with a message that names the problem, never a crash."""

from __future__ import annotations

import json

import pytest

from copydesk.errors import CopydeskError
from copydesk.exchange.safe_json import DEFAULT_MAX_DEPTH, MalformedJson, load_json

MIB = 1024 * 1024
LIMIT = 10 * MIB


def refused(data: bytes, **limits: int) -> str:
    with pytest.raises(MalformedJson) as caught:
        load_json(data, max_bytes=limits.pop("max_bytes", LIMIT), **limits)
    return str(caught.value)


def test_malformed_json_is_a_copydesk_error() -> None:
    assert issubclass(MalformedJson, CopydeskError)


def test_french_text_survives() -> None:
    text = "«\u00a0Négociations\u00a0»\u00a0: l’été, 😀"
    data = json.dumps({"headline": text, "n": [1, 2.5, -3, True, None]}, ensure_ascii=False)
    assert load_json(data.encode("utf-8"), max_bytes=LIMIT) == {
        "headline": text,
        "n": [1, 2.5, -3, True, None],
    }
    # The same text written with \u escapes (an astral character as a surrogate pair).
    assert load_json(json.dumps(text).encode("ascii"), max_bytes=LIMIT) == text


def test_a_byte_order_mark_is_tolerated() -> None:
    assert load_json(b"\xef\xbb\xbf[1]", max_bytes=LIMIT) == [1]


def test_nesting_100000_deep_is_refused_quickly_without_recursion_error() -> None:
    data = b"[" * 100_000 + b"]" * 100_000
    message = refused(data)
    assert f"nested more than {DEFAULT_MAX_DEPTH} levels deep" in message
    assert "line 1, column 65" in message


def test_deep_objects_are_refused_too() -> None:
    data = b'{"a":' * 100_000 + b"1" + b"}" * 100_000
    assert "nested more than" in refused(data)


def test_depth_limit_is_exact_and_brackets_in_strings_do_not_count() -> None:
    assert load_json(b"[" * 64 + b"]" * 64, max_bytes=LIMIT) is not None
    assert "nested more than 64" in refused(b"[" * 65 + b"]" * 65)
    assert "nested more than 3" in refused(b'{"a": [[{"b": 1}]]}', max_depth=3)
    brackets_in_text = json.dumps(['[[[[{{{{ \\" ]]]']).encode()
    assert load_json(brackets_in_text, max_bytes=LIMIT, max_depth=1) == ['[[[[{{{{ \\" ]]]']


def test_a_document_5_mib_over_the_limit_is_refused_before_parsing() -> None:
    data = b'["' + b"x" * (6 * MIB) + b'"]'
    message = refused(data, max_bytes=1 * MIB)
    assert "6.0 MiB, more than the 1.0 MiB allowed" in message


def test_invalid_utf8_names_the_byte_and_its_offset() -> None:
    message = refused(b'{"headline": "caf\xe9"}')
    assert "not UTF-8" in message
    assert "byte 0xe9 at offset 17" in message


def test_utf16_is_not_guessed() -> None:
    assert "not UTF-8" in refused('{"a": 1}'.encode("utf-16"))


def test_duplicate_keys_are_refused_even_nested() -> None:
    assert 'the key "uri" twice' in refused(b'{"uri": "a", "uri": "b"}')
    assert 'the key "role" twice' in refused(b'{"h": [{"role": 1, "value": 2, "role": 3}]}')


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_constants_are_refused(constant: str) -> None:
    assert f"contains {constant}, which is not a JSON number" in refused(f"[{constant}]".encode())


def test_numbers_too_large_for_a_float_or_an_int_are_refused() -> None:
    assert "1e999, too large" in refused(b"[1e999]")
    assert "integer of 5000 digits" in refused(b"[" + b"9" * 5000 + b"]")


def test_a_lone_surrogate_is_refused() -> None:
    assert "unpaired surrogate (\\ud800)" in refused(b'{"a": "x\\ud800y"}')
    assert "unpaired surrogate (\\udc00)" in refused(b'["\\udc00"]')


def test_syntax_errors_give_line_and_column() -> None:
    message = refused(b'{\n  "uri": "a",\n  "type" "text"\n}')
    assert "not valid JSON" in message
    assert "line 3, column 10" in message
    assert "not valid JSON" in refused(b"")
    assert "not valid JSON" in refused(b'{"a": "unterminated')
