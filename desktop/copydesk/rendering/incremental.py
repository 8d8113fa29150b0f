"""Incremental rendering of an article body: only the blocks that changed are converted.

``IncrementalRenderer.update(body)`` splits the body into blocks (``rendering.blocks``),
takes each block's HTML from a cache keyed by its text *and* what it takes from the rest of
the document, and returns the ``BodyPatch`` that turns the previous children of
``#cd-body`` into the new ones. ``render_body`` is a fresh renderer's first update.

What crosses blocks, and how it stays right:

- reference links: every block's definitions are collected (by rendering it once alone);
  a block is rendered with the document's definitions of the ids its text mentions, and
  those definitions are part of its cache key;
- heading ids: each block's heading slugs are collected the same way, numbered across the
  document as ``toc`` numbers them (``titre``, ``titre_1`` …), and given to the block (the
  ids are part of its key);
- pictures: what the resolver says of the block's ``image:ID``s is part of its key, so a
  changed credit re-renders the blocks showing that picture;
- footnotes (numbered across the document, listed at its end) and a ``[TOC]`` marker need
  the whole document: when the body defines a footnote or holds the marker, every update
  converts the whole body once, with a split marker between blocks, and cuts the result
  into blocks (the footnote list goes in the last one). The patch still only touches the
  blocks whose HTML changed; only the time is that of a full render.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from copydesk.rendering.blocks import Block, BlockSplitter, normalize
from copydesk.rendering.body_patch import BlockOp, BodyPatch, block_wrapper
from copydesk.rendering.context import (
    BlockContext,
    Reference,
    convert_block,
    document_heading_ids,
)
from copydesk.rendering.markdown import converter, sanitize_html
from copydesk.rendering.pictures import PICTURE_ID_RE, Picture, PictureResolver
from copydesk.text.spans import common_ends

BODY_OPEN = '<div id="cd-body" class="cd-body">'
BODY_CLOSE = "</div>"

_FOOTNOTE_DEFINITION = re.compile(r"\[\^[^\]]*\]:")  # a superset of what Markdown accepts
_TOC_MARKER = "[TOC]"
# Between blocks in a whole-document conversion; random so no article can contain it.
_SPLIT_MARKER = f"<!--cd-split-{secrets.token_hex(8)}-->"
_SPLIT_RE = re.compile(r"\s*" + re.escape(_SPLIT_MARKER) + r"\s*")

_References = tuple[tuple[str, Reference], ...]
_Pictures = tuple[tuple[str, Picture | None], ...]
_Key = tuple[str, _References, tuple[str, ...], _Pictures]


@dataclass(frozen=True, slots=True)
class RenderedBlock:
    line: int
    html: str

    @property
    def wrapper(self) -> str:
        return block_wrapper(self.html, self.line)


@dataclass(frozen=True, slots=True)
class _Facts:
    """What a block's text gives the document, whatever the context."""

    definitions: _References
    slugs: tuple[str, ...]
    pictures: tuple[str, ...]
    lowered: str | None  # the text in lower case when it may use a reference, else None


class IncrementalRenderer:
    """Renders successive versions of one body. Not thread-safe: use it from one thread
    (the preview's compute thread). ``resolver`` is called for every ``image:ID`` of the
    body on every update, so it should answer from memory."""

    def __init__(self, language: str = "fr", resolver: PictureResolver | None = None) -> None:
        self.language = language
        self.resolver = resolver
        self._splitter = BlockSplitter()
        self._facts: dict[str, _Facts] = {}
        self._whole_needed: dict[str, bool] = {}
        self._html: dict[_Key, str] = {}
        self._relevant: dict[str, _References] = {}
        self._linked_slugs: dict[tuple[str, _References], tuple[str, ...]] = {}
        self._relevant_for: dict[str, Reference] = {}
        self._whole: tuple[str, list[str]] | None = None
        self._children: list[str] = []
        self._lines: tuple[int, ...] = ()

    @property
    def blocks(self) -> tuple[RenderedBlock, ...]:
        """The current children of ``#cd-body``."""
        return tuple(map(RenderedBlock, self._lines, self._children))

    def body_html(self) -> str:
        """The whole ``#cd-body`` element for the current body (for a full page load)."""
        wrappers = "\n".join(block.wrapper for block in self.blocks)
        return f"{BODY_OPEN}\n{wrappers}\n{BODY_CLOSE}" if wrappers else BODY_OPEN + BODY_CLOSE

    def update(self, body: str) -> BodyPatch:
        """Render ``body`` and return the patch from the previous children to the new."""
        text = normalize(body)
        blocks = self._splitter.split(text)
        if self._needs_whole_document(blocks):
            children = self._render_whole(text, blocks)
        else:
            self._whole = None
            children = self._render_blocks(blocks)
        lines = tuple(block.line for block in blocks)
        patch = BodyPatch(diff_children(self._children, children), lines)
        self._children, self._lines = children, lines
        self._prune(len(blocks))
        return patch

    def invalidate(self) -> None:
        """Forget every rendered block (after a change the cache keys cannot see)."""
        self._facts.clear()
        self._whole_needed.clear()
        self._html.clear()
        self._relevant.clear()
        self._whole = None

    # ---- block by block --------------------------------------------------------------

    def _render_blocks(self, blocks: list[Block]) -> list[str]:
        facts = [self._facts_of(block.text) for block in blocks]
        references = _document_references(facts)
        if references != self._relevant_for:
            self._relevant.clear()
            self._relevant_for = references
        used: set[str] = set()
        counters: dict[str, int] = {}
        children = []
        for block, fact in zip(blocks, facts, strict=True):
            lent = self._references_for(block.text, fact)
            slugs = self._slugs_with(block.text, fact, lent)
            ids = tuple(document_heading_ids(slugs, used, counters)) if slugs else ()
            key = (block.text, lent, ids, self._pictures(fact))
            html = self._html.get(key)
            children.append(html if html is not None else self._render(key))
        return children

    def _facts_of(self, text: str) -> _Facts:
        """Render the block alone (the usual final result, cached) to learn its facts."""
        facts = self._facts.get(text)
        if facts is not None:
            return facts
        pictures = tuple(dict.fromkeys(PICTURE_ID_RE.findall(text))) if "image:" in text else ()
        resolved = self._resolve(pictures)
        context = BlockContext(resolve=_resolver_from(resolved, self.resolver))
        html, findings = convert_block(converter(self.language), text, context)
        definitions = tuple(sorted(findings.definitions.items()))
        facts = _Facts(
            tuple(findings.definitions.items()),
            tuple(findings.slugs),
            pictures,
            text.lower() if "[" in text else None,
        )
        self._facts[text] = facts
        alone_ids = tuple(document_heading_ids(facts.slugs, set(), {}))
        self._html[(text, definitions, alone_ids, resolved)] = sanitize_html(html)
        return facts

    def _slugs_with(self, text: str, facts: _Facts, references: _References) -> tuple[str, ...]:
        """The block's heading slugs once its references are links: "# Titre[id][id]" reads
        "Titre[id][id]" alone and "Titreid" with a definition of ``id``."""
        if not references or not facts.slugs:
            return facts.slugs
        key = (text, references)
        slugs = self._linked_slugs.get(key)
        if slugs is None:
            context = BlockContext(dict(references), resolve=self.resolver)
            _, findings = convert_block(converter(self.language), text, context)
            slugs = self._linked_slugs[key] = tuple(findings.slugs)
        return slugs

    def _references_for(self, text: str, facts: _Facts) -> _References:
        """The document's definitions of the ids this block's text mentions."""
        if facts.lowered is None or not self._relevant_for:
            return ()
        relevant = self._relevant.get(text)
        if relevant is None:
            relevant = tuple(
                sorted(
                    (ref_id, value)
                    for ref_id, value in self._relevant_for.items()
                    if _probe(ref_id) in facts.lowered
                )
            )
            self._relevant[text] = relevant
        return relevant

    def _pictures(self, facts: _Facts) -> _Pictures:
        return self._resolve(facts.pictures) if facts.pictures else ()

    def _resolve(self, picture_ids: tuple[str, ...]) -> _Pictures:
        resolver = self.resolver
        return tuple((pid, resolver(pid) if resolver else None) for pid in picture_ids)

    def _render(self, key: _Key) -> str:
        text, references, ids, pictures = key
        context = BlockContext(dict(references), ids, _resolver_from(pictures, self.resolver))
        html, _ = convert_block(converter(self.language), text, context)
        self._html[key] = html = sanitize_html(html)
        return html

    def _prune(self, block_count: int) -> None:
        # Typing makes a new block text per keystroke: drop old entries now and then (the
        # current ones are rebuilt on the next update from the few that changed).
        if len(self._html) > 2 * block_count + 256:
            current = set(self._children)
            self._html = {key: html for key, html in self._html.items() if html in current}
            self._facts = {
                key[0]: self._facts[key[0]] for key in self._html if key[0] in self._facts
            }
            self._relevant.clear()
            self._linked_slugs.clear()
            self._whole_needed = {
                text: needed for text, needed in self._whole_needed.items() if text in self._facts
            }

    # ---- whole document ----------------------------------------------------------------

    def _needs_whole_document(self, blocks: list[Block]) -> bool:
        """Whether a block defines a footnote or holds the ``[TOC]`` marker (Markdown sees
        neither across a blank line, so block by block finds them all)."""
        known = self._whole_needed
        for block in blocks:
            needed = known.get(block.text)
            if needed is None:
                needed = known[block.text] = _needs_whole_document(block.text)
            if needed:
                return True
        return False

    def _render_whole(self, text: str, blocks: list[Block]) -> list[str]:
        if self._whole is not None and self._whole[0] == text:
            return self._whole[1]
        children = render_whole_document(blocks, self.language, self.resolver)
        self._whole = (text, children)
        return children


def render_whole_document(
    blocks: list[Block], language: str, resolver: PictureResolver | None
) -> list[str]:
    """Convert the blocks as one document, then cut the HTML back into blocks."""
    if not blocks:
        return []
    source = f"\n\n{_SPLIT_MARKER}\n\n".join(block.text for block in blocks)
    html, _ = convert_block(converter(language), source, BlockContext(resolve=resolver))
    pieces = _SPLIT_RE.split(html.strip())
    if len(pieces) != len(blocks):  # a marker swallowed by raw HTML: keep the HTML whole
        pieces = [html, *[""] * (len(blocks) - 1)]
    return [sanitize_html(piece) for piece in pieces]


def _needs_whole_document(text: str) -> bool:
    return ("[^" in text and _FOOTNOTE_DEFINITION.search(text) is not None) or _TOC_MARKER in text


def _document_references(facts: Iterable[_Facts]) -> dict[str, Reference]:
    """The document's reference definitions: the last definition of an id wins."""
    references: dict[str, Reference] = {}
    for fact in facts:
        if fact.definitions:
            references.update(fact.definitions)
    return references


def _probe(ref_id: str) -> str:
    # A use may wrap a multi-word id over lines: look for its first word only (a superset).
    words = ref_id.split()
    return words[0] if words else ref_id


def _resolver_from(pictures: _Pictures, fallback: PictureResolver | None) -> PictureResolver | None:
    if not pictures:
        return fallback
    table = dict(pictures)
    return lambda pid: table[pid] if pid in table else (fallback(pid) if fallback else None)


def diff_children(old: list[str], new: list[str]) -> tuple[BlockOp, ...]:
    """Ops turning ``old`` into ``new``: keep the common prefix and suffix, replace the
    middle pairwise, then insert or remove what is left."""
    prefix, suffix = common_ends(old, new)
    old_middle, new_middle = old[prefix : len(old) - suffix], new[prefix : len(new) - suffix]
    common = min(len(old_middle), len(new_middle))
    ops = [
        BlockOp("replace", prefix + i, new_middle[i])
        for i in range(common)
        if old_middle[i] != new_middle[i]
    ]
    ops += [BlockOp("insert", prefix + i, new_middle[i]) for i in range(common, len(new_middle))]
    ops += [BlockOp("remove", prefix + common) for _ in range(common, len(old_middle))]
    return tuple(ops)


def render_blocks(
    body: str, language: str = "fr", resolver: PictureResolver | None = None
) -> tuple[RenderedBlock, ...]:
    """The children of ``#cd-body`` for ``body``: exactly a fresh renderer's."""
    renderer = IncrementalRenderer(language, resolver)
    renderer.update(body)
    return renderer.blocks


def render_body(body: str, language: str = "fr", resolver: PictureResolver | None = None) -> str:
    """The whole ``#cd-body`` element for ``body`` (a full render)."""
    renderer = IncrementalRenderer(language, resolver)
    renderer.update(body)
    return renderer.body_html()
