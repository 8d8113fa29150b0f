"""Reading a Markdown file: its text (UTF-8, normalised newlines), the front matter split off
and loaded strictly; without front matter, the first level-1 heading is the headline."""

from __future__ import annotations

from copydesk.errors import InvalidArticleFile
from copydesk.exchange.markdown_file.fields import from_front_matter
from copydesk.exchange.markdown_file.format import (
    CLOSING_DELIMITERS,
    DELIMITER,
    MAX_FILE_BYTES,
    ParsedMarkdown,
)
from copydesk.exchange.markdown_file.headline import without_front_matter
from copydesk.exchange.numbers import number
from copydesk.exchange.strict_yaml import load_yaml
from copydesk.translation import _

# ---------------------------------------------------------------------------------------------
# Reading: the text


def parse_article(data: bytes | str) -> ParsedMarkdown:
    """The article in a Markdown file (bytes as read from disk, or text).

    With front matter, its fields; without, the first level-1 heading (``# Title`` or a
    title underlined with ``===``) is the headline and leaves the body. Raises
    ``InvalidArticleFile`` for anything it cannot take whole.
    """
    text = normalise_newlines(decode_text(data))
    split = split_front_matter(text)
    if split is None:
        return without_front_matter(text)
    front_matter, body = split
    return from_front_matter(load_yaml(front_matter), body)


def decode_text(data: bytes | str) -> str:
    """``data`` as text: UTF-8 only, a leading byte order mark dropped, size limited."""
    if isinstance(data, str):
        if len(data) > MAX_FILE_BYTES:
            raise InvalidArticleFile(too_large(len(data), "characters"))
        return data.removeprefix("\ufeff")
    if len(data) > MAX_FILE_BYTES:
        raise InvalidArticleFile(too_large(len(data), "bytes"))
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise InvalidArticleFile(not_utf8(data, error)) from None


def too_large(size: int, unit: str) -> str:
    """Why a file of ``size`` ``unit`` ("characters" or "bytes") is refused."""
    limit = MAX_FILE_BYTES // (1024 * 1024)
    if unit == "characters":
        message = _(
            "The file is too large for an article: {size} characters, the limit is {limit} MB."
        )
    else:
        message = _("The file is too large for an article: {size} bytes, the limit is {limit} MB.")
    return message.format(size=number(size), limit=limit)


def not_utf8(data: bytes, error: UnicodeDecodeError) -> str:
    line = data.count(b"\n", 0, error.start) + 1
    return _(
        "The file is not UTF-8 text: byte 0x{byte} at byte offset {offset} (line {line}) cannot"
        " be read. Save the file as UTF-8 and import it again."
    ).format(byte=f"{data[error.start]:02X}", offset=error.start, line=line)


def normalise_newlines(text: str) -> str:
    """Windows (CRLF) and old Mac (CR) line ends become LF, as the editor writes them."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str) -> tuple[str, str] | None:
    """(front matter, body) when ``text`` opens with a ``---`` line; None without one.
    Only ``\\n`` ends a line here: other line separators belong to the text."""
    first_end = text.find("\n")
    first_line = text if first_end < 0 else text[:first_end]
    if first_line.rstrip(" \t") != DELIMITER:
        return None
    position = first_end + 1
    while 0 < position <= len(text):
        end = text.find("\n", position)
        line = text[position:] if end < 0 else text[position:end]
        if line.rstrip(" \t") in CLOSING_DELIMITERS:
            body = "" if end < 0 else text[end + 1 :]
            return text[first_end + 1 : position], body
        if end < 0:
            break
        position = end + 1
    raise InvalidArticleFile(
        _(
            "The front matter opened by “---” on line 1 is never closed: add a “---” line after"
            " its last field."
        )
    )


# ---------------------------------------------------------------------------------------------
