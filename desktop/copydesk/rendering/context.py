"""Rendering one block as part of a document.

A block rendered alone must come out as it would inside the whole body. Two things a block
takes from the rest of the document are given to it here: the reference-link definitions
(``[text][id]`` … ``[id]: url``) and the ids of its headings (the ``toc`` extension numbers
duplicates across the document: ``titre``, ``titre_1`` …). The same conversion reports what
the block contributes to the document: its definitions and its headings' slugs.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from markdown import Extension, Markdown
from markdown.extensions.toc import (
    TocTreeprocessor,
    remove_fnrefs,
    render_inner_html,
    strip_tags,
    unique,
)
from markdown.treeprocessors import Treeprocessor

from copydesk.rendering.pictures import RESOLVER_ATTRIBUTE, PictureResolver

Reference = tuple[str, str | None]  # (url, title), as Python-Markdown stores them

_CONTEXT_ATTRIBUTE = "cd_block_context"
_FINDINGS_ATTRIBUTE = "cd_block_findings"


@dataclass(frozen=True)
class BlockContext:
    """What the rest of the document lends a block. ``references`` win over the block's own
    definitions (the document's last definition of an id is the one every use sees);
    ``heading_ids`` (one per heading, in order) replace the ids ``toc`` would pick alone."""

    references: Mapping[str, Reference] = field(default_factory=dict)
    heading_ids: Sequence[str] | None = None
    resolve: PictureResolver | None = None


@dataclass
class BlockFindings:
    """What the block gives the document: its definitions (in order) and headings' slugs."""

    definitions: dict[str, Reference] = field(default_factory=dict)
    slugs: list[str] = field(default_factory=list)


class _References(dict[str, Reference]):
    """``Markdown.references`` for one block: records the block's own definitions, and lets
    them through only for ids the document context does not fix."""

    def __init__(self, fixed: Mapping[str, Reference], findings: BlockFindings) -> None:
        super().__init__(fixed)
        self._fixed = fixed
        self._findings = findings

    def __setitem__(self, key: str, value: Reference) -> None:
        self._findings.definitions.pop(key, None)  # a redefinition moves to its new place
        self._findings.definitions[key] = value
        if key not in self._fixed:
            super().__setitem__(key, value)


class _HeadingIdsTreeprocessor(Treeprocessor):
    """Runs just before ``toc``: records each heading's slug and sets the id the document
    gives it (``toc`` keeps ids that are already set)."""

    def run(self, root: etree.Element) -> None:
        context: BlockContext = getattr(self.md, _CONTEXT_ATTRIBUTE, BlockContext())
        findings: BlockFindings = getattr(self.md, _FINDINGS_ATTRIBUTE, BlockFindings())
        toc = self.md.treeprocessors["toc"]
        assert isinstance(toc, TocTreeprocessor)  # registered by the "toc" extension
        for element in root.iter():
            if not (isinstance(element.tag, str) and toc.header_rgx.match(element.tag)):
                continue
            if "id" in element.attrib:
                continue
            name = strip_tags(render_inner_html(remove_fnrefs(element), self.md))
            findings.slugs.append(toc.slugify(html.unescape(name), toc.sep))
            ids = context.heading_ids
            if ids is not None and len(findings.slugs) <= len(ids):
                element.attrib["id"] = ids[len(findings.slugs) - 1]


class DocumentContextExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_HeadingIdsTreeprocessor(md), "cd-heading-ids", 6)


def convert_block(md: Markdown, text: str, context: BlockContext) -> tuple[str, BlockFindings]:
    """``text`` converted by ``md`` in ``context`` (unsanitized), with what it defines."""
    findings = BlockFindings()
    setattr(md, _CONTEXT_ATTRIBUTE, context)
    setattr(md, _FINDINGS_ATTRIBUTE, findings)
    setattr(md, RESOLVER_ATTRIBUTE, context.resolve)
    # Python-Markdown stores a definition without a title as (url, None).
    md.references = _References(context.references, findings)  # type: ignore[assignment]
    try:
        return md.convert(text), findings
    finally:
        md.reset()
        # Nothing of this block may leak into the next conversion.
        md.references = {}
        setattr(md, _CONTEXT_ATTRIBUTE, BlockContext())
        setattr(md, _FINDINGS_ATTRIBUTE, BlockFindings())
        setattr(md, RESOLVER_ATTRIBUTE, None)


def document_heading_ids(
    slugs: Sequence[str], used: set[str], counters: dict[str, int]
) -> list[str]:
    """The ids ``toc`` gives these slugs when they follow the ids already in ``used``."""
    return [unique(slug, used, counters) for slug in slugs]
