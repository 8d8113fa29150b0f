"""HTML from elsewhere (an imported ninjs body) → Copydesk Markdown, or → plain text.

A small converter over ``html.parser`` rather than a dependency (markdownify would bring
BeautifulSoup and six): what imports need is narrow, and two things matter more than breadth:

- **Text stays text.** Every character that Python-Markdown (with Copydesk's extensions)
  would read as markup is escaped, so a sentence starting "1. " or containing ``*`` or
  ``<b>`` renders as written. Only escapes Python-Markdown knows are used (``\\*``, ``\\#``
  …); ``<`` and ``&`` become entities where they would start a tag or an entity.
- **Nothing executable or foreign comes in.** Links keep only ``http``, ``https`` and
  ``mailto`` targets; scripts, styles, the document's ``<head>``, embedded media and
  ``<figure>``/``<img>`` are dropped (an imported item's pictures arrive as its associations,
  not as images inside the body).

Handled: ``p``, ``h1``–``h6``, ``ul``/``ol``/``li`` (nested), ``blockquote``, ``pre``, ``hr``,
``br``, ``a``, ``em``/``i``, ``strong``/``b``, ``code``; tables become one paragraph per row.
Other elements are containers whose text is kept. Nesting deeper than ``MAX_DEPTH`` is
flattened (the text is kept), so hostile input cannot exhaust the stack.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape as escape_html
from html.parser import HTMLParser

MAX_DEPTH = 48


def _names(*texts: str) -> frozenset[str]:
    """A set of names from space-separated lists (one argument per line)."""
    return frozenset(" ".join(texts).split())


_VOID = _names("area base br col embed hr img input link meta param source track wbr")
_DROPPED = _names(
    "head title script style template noscript iframe object embed svg math video audio",
    "canvas map figure img picture button select textarea input",
)
_BLOCKS = _names(
    "address article aside blockquote body dd details div dl dt fieldset figcaption footer",
    "form h1 h2 h3 h4 h5 h6 header hgroup hr html li main nav ol p pre section summary",
    "table tbody td tfoot th thead tr ul",
)
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_EMPHASIS = {"em": "*", "i": "*", "cite": "*", "dfn": "*", "strong": "**", "b": "**"}
_CODE = frozenset({"code", "kbd", "samp", "tt"})
_LINK_SCHEMES = ("http://", "https://", "mailto:")
_LIST_START = re.compile(r"(?:- |\d+\. )")

_SPACES = re.compile(r"[ \t\n\r\f]+")  # HTML's white space; U+00A0 is text, kept as is
_ESCAPED_ANYWHERE = re.compile(r"[\\`*\[\]|]|(?<!\w)_|_(?!\w)")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY_START = re.compile(r"&(?=#?\w+;)")
_LINE_START_ESCAPES = (
    (re.compile(r"^([#>])"), r"\\\1"),  # "#Title" is a heading in Python-Markdown
    (re.compile(r"^([-+])(?=\s|$)"), r"\\\1"),  # list item
    (re.compile(r"^(\d+)([.)])(?=\s|$)"), r"\1\\\2"),  # ordered list item
    # A rule or setext underline; every dash escaped, or smarty makes "--" a dash.
    (re.compile(r"^-+\s*$"), lambda match: match.group().replace("-", "\\-")),
    (re.compile(r"^=(?==*\s*$)"), "&#61;"),  # setext underline ("=" has no escape)
    (re.compile(r"^~(?=~~)"), "&#126;"),  # a fence ("~" has no escape)
)


@dataclass
class _Element:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[_Element | str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Parsing into a small tree


class _TreeBuilder(HTMLParser):
    """A forgiving tree: implied end tags for ``p`` and ``li``, stray end tags ignored."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Element("root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = _Element(tag, {name: value or "" for name, value in attrs})
        if tag in _VOID:
            self.stack[-1].children.append(element)
            return
        self._close_implied(tag)
        self.stack[-1].children.append(element)
        if len(self.stack) < MAX_DEPTH:
            self.stack.append(element)
        # else: too deep; the element stays empty and what it held goes to its parent

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(_Element(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":  # "</br>" and "</ br>" mean a line break, as in browsers
            self.stack[-1].children.append(_Element("br"))
            return
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        children = self.stack[-1].children
        if children and isinstance(children[-1], str):
            children[-1] += data
        else:
            children.append(data)

    def _close_implied(self, tag: str) -> None:
        """A block closes an open paragraph; an item closes the previous item of its list."""
        if tag in _BLOCKS or tag in _DROPPED:
            self._close_innermost("p", stop_at=frozenset({"li", "blockquote", "td", "th"}))
        if tag == "li":
            self._close_innermost("li", stop_at=frozenset({"ul", "ol"}))
        if tag in _HEADINGS:
            self._close_innermost_heading()

    def _close_innermost(self, tag: str, stop_at: frozenset[str]) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return
            if self.stack[index].tag in stop_at:
                return

    def _close_innermost_heading(self) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag in _HEADINGS:
                del self.stack[index:]
                return


def _parse(html: str) -> _Element:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


# ---------------------------------------------------------------------------------------------
# Markdown


def html_to_markdown(html: str) -> str:
    """Copydesk Markdown for ``html``: blocks separated by blank lines, no trailing newline."""
    return "\n\n".join(_blocks(_parse(html)))


def _blocks(element: _Element) -> list[str]:
    """The Markdown blocks of a container: runs of inline content become paragraphs."""
    blocks: list[str] = []
    run: list[_Element | str] = []
    for child in element.children:
        if isinstance(child, str) or (child.tag not in _BLOCKS and child.tag not in _DROPPED):
            run.append(child)
            continue
        blocks.extend(_paragraph(run))
        run = []
        blocks.extend(_block(child))
    blocks.extend(_paragraph(run))
    return blocks


def _block(element: _Element) -> list[str]:
    tag = element.tag
    if tag in _DROPPED:
        return []
    if tag in _HEADINGS:
        text = _single_line(_inline(element.children))
        return [f"{'#' * _HEADINGS[tag]} {text}"] if text else []
    if tag in ("ul", "ol"):
        return _list(element)
    if tag == "blockquote":
        return _quote(_blocks(element))
    if tag == "pre":
        return _code_block(_text_content(element))
    if tag == "hr":
        return ["* * *"]
    if tag == "tr":
        return _paragraph(_row_cells(element))
    return _blocks(element)


def _paragraph(nodes: list[_Element | str]) -> list[str]:
    lines = [_clean_line(line) for line in _inline(nodes).split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return ["  \n".join(_escape_line_start(line) for line in lines)] if lines else []


def _clean_line(line: str) -> str:
    return re.sub(" {2,}", " ", line).strip(" ")


def _single_line(text: str) -> str:
    return _escape_line_start(_clean_line(text.replace("\n", " ")))


def _list(element: _Element) -> list[str]:
    items = [child for child in element.children if isinstance(child, _Element)]
    start = _list_start(element) if element.tag == "ol" else 0
    rendered: list[str] = []
    for item in items:
        blocks = _blocks(item) if item.tag == "li" else _block(item)
        if not blocks:
            continue
        marker = f"{start + len(rendered)}. " if element.tag == "ol" else "- "
        rendered.append(marker + _indent(_join_item_blocks(blocks)))
    loose = any("\n\n" in item for item in rendered)
    return ["\n\n".join(rendered) if loose else "\n".join(rendered)] if rendered else []


def _join_item_blocks(blocks: list[str]) -> str:
    """A nested list follows its item's text on the next line (a blank line between them
    would make the outer list loose, its items paragraphs)."""
    joined = blocks[0]
    for block in blocks[1:]:
        separator = "\n" if _LIST_START.match(block) else "\n\n"
        joined += separator + block
    return joined


def _indent(text: str) -> str:
    """Continuation lines of a list item, indented four spaces as Python-Markdown wants."""
    first, *rest = text.split("\n")
    return "\n".join([first, *(f"    {line}" if line else "" for line in rest)])


def _list_start(element: _Element) -> int:
    start = element.attrs.get("start", "1").strip()
    return int(start) if start.isdigit() and len(start) < 9 else 1


def _quote(blocks: list[str]) -> list[str]:
    if not blocks:
        return []
    lines = "\n\n".join(blocks).split("\n")
    return ["\n".join(f"> {line}" if line else ">" for line in lines)]


def _code_block(text: str) -> list[str]:
    lines = text.strip("\n").split("\n")
    return ["\n".join(f"    {line}" for line in lines)] if any(lines) else []


def _row_cells(row: _Element) -> list[_Element | str]:
    cells = [cell for cell in row.children if isinstance(cell, _Element)]
    joined: list[_Element | str] = []
    for cell in cells:
        if joined:
            joined.append(" | ")  # a literal pipe; escaped with the rest of the text
        joined.append(_Element("span", children=cell.children))
    return joined


def _inline(nodes: Iterable[_Element | str]) -> str:
    """Inline Markdown; line breaks (``<br>``) are "\\n", for the caller to place."""
    return "".join(_inline_node(node) for node in nodes)


def _inline_node(node: _Element | str) -> str:
    if isinstance(node, str):
        return _escape_text(_SPACES.sub(" ", node))
    tag = node.tag
    if tag == "br":
        return "\n"
    if tag in _DROPPED:
        return ""
    if tag in _EMPHASIS:
        return _emphasis(_inline(node.children), _EMPHASIS[tag])
    if tag in _CODE:
        return _code_span(_SPACES.sub(" ", _text_content(node)))
    if tag == "a":
        return _link(node)
    if tag in _BLOCKS:  # a block where only inline content can go (a heading's <p>…)
        return " " + _inline(node.children) + " "
    return _inline(node.children)


def _emphasis(inner: str, marker: str) -> str:
    """``*text*``, with the spaces outside the markers (``* a *`` is not emphasis)."""
    core = inner.strip(" \n")
    if not core:
        return inner
    lead = inner[: len(inner) - len(inner.lstrip(" \n"))]
    trail = inner[len(inner.rstrip(" \n")) :]
    return f"{lead}{marker}{core}{marker}{trail}"


def _code_span(text: str) -> str:
    if not text.strip():
        return _escape_text(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _link(node: _Element) -> str:
    text = _inline(node.children)
    href = node.attrs.get("href", "").strip()
    if not text.strip() or not href.lower().startswith(_LINK_SCHEMES):
        return text  # no text to click, or a target we do not carry over (javascript: …)
    target = "".join(_URL_ESCAPES.get(char, char) for char in href)
    return f"[{_clean_line(text.replace(chr(10), ' '))}]({target})"


_URL_ESCAPES = {" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E", "\n": ""}


def _escape_text(text: str) -> str:
    text = _ESCAPED_ANYWHERE.sub(lambda match: "\\" + match.group(), text)
    text = _ENTITY_START.sub("&amp;", text)  # first: "&lt;" below is meant as an entity
    return _TAG_START.sub("&lt;", text)


def _escape_line_start(line: str) -> str:
    for pattern, replacement in _LINE_START_ESCAPES:
        line = pattern.sub(replacement, line, count=1)
    return line


def text_to_markdown(text: str) -> str:
    """Plain text as Markdown paragraphs, every character kept as text.

    Paragraphs are separated by blank lines; text without blank lines has one paragraph per
    line (agency copy often puts each paragraph on its own line). White space inside a
    paragraph is collapsed, U+00A0 kept.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    has_blank_lines = re.search(r"\n[ \t]*\n", text) is not None
    chunks = re.split(r"\n[ \t]*\n", text) if has_blank_lines else text.split("\n")
    return html_to_markdown("".join(f"<p>{escape_html(chunk)}</p>" for chunk in chunks))


# ---------------------------------------------------------------------------------------------
# Plain text


def html_to_text(html: str) -> str:
    """The text of ``html``: blocks as paragraphs separated by blank lines, ``<br>`` as a
    newline, white space collapsed (U+00A0 kept), dropped elements left out."""
    return "\n\n".join(_text_blocks(_parse(html)))


def _text_blocks(element: _Element) -> list[str]:
    blocks: list[str] = []
    run: list[str] = []
    for child in element.children:
        if isinstance(child, str) or (child.tag not in _BLOCKS and child.tag not in _DROPPED):
            run.append(_plain_inline(child))
            continue
        blocks.extend(_text_paragraph(run))
        run = []
        if child.tag not in _DROPPED:
            blocks.extend(_text_blocks(child))
    blocks.extend(_text_paragraph(run))
    return blocks


def _plain_inline(node: _Element | str) -> str:
    if isinstance(node, str):
        return _SPACES.sub(" ", node)
    if node.tag == "br":
        return "\n"
    if node.tag in _DROPPED:
        return ""
    return "".join(_plain_inline(child) for child in node.children)


def _text_paragraph(run: list[str]) -> list[str]:
    lines = [_clean_line(line) for line in "".join(run).split("\n")]
    text = "\n".join(lines).strip("\n")
    return [text] if text else []


def _text_content(element: _Element) -> str:
    """All the text inside ``element``, as written (for ``pre`` and ``code``)."""
    parts: list[str] = []
    stack: list[_Element | str] = [element]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            parts.append(node)
        elif node.tag == "br":
            parts.append("\n")
        elif node.tag not in _DROPPED or node is element:
            stack.extend(reversed(node.children))
    return "".join(parts)


__all__ = ["MAX_DEPTH", "html_to_markdown", "html_to_text", "text_to_markdown"]
