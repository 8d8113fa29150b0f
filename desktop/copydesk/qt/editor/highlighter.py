"""Markdown syntax highlighting for the body.

QSyntaxHighlighter re-highlights only the changed block (and the following ones while
their fence state changes), so typing costs one ``highlightBlock`` call. Each construct is
looked for only when its marker character occurs in the line, which keeps plain paragraphs
cheap. A change that adds a lot of text at once (a 5 MB paste, a huge article loaded) is
first passed over with only the fence state tracked, and then highlighted in short time
slices, so the window keeps answering meanwhile.

With a ``Speller`` (``set_speller``), misspelt words get a red wavy underline, block by block
like the rest: typing re-checks the block typed in, and only the blocks near the viewport
(``spelling_window``, kept by ``qt.editor.spelling.BodySpelling``) are checked at all; the
others are marked stale and checked when they are scrolled into view. A new speller or a word
learnt bumps the spelling's generation, which makes every block stale at once for the cost
of re-checking the visible ones.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPalette,
    QSyntaxHighlighter,
    QTextBlock,
    QTextBlockUserData,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from copydesk.text.fences import closes_fence, opening_fence
from copydesk.text.spelling import Misspelling, Speller, front_matter_line

# A change adding more characters than this is highlighted in time slices, not at once.
LARGE_CHANGE_CHARS = 200_000
SLICE_MS = 8.0

HEADING_SCALES = {1: 1.6, 2: 1.4, 3: 1.25, 4: 1.1, 5: 1.0, 6: 1.0}

_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]|$)")
_QUOTE = re.compile(r" {0,3}(?:> ?)+")
_LIST_MARKER = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)")
_INLINE_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(
    r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)"  # *emphasis*
    r"|(?<![_\w])_(?=\S)(.+?)(?<=\S)_(?![_\w])"  # _emphasis_, not inside snake_case
)
# [text](target "title") and ![alt](target "caption"): group 1 is "!" for an image.
_LINK = re.compile(r"(!?)\[([^\]\n]*)\]\(([^)\s]*)((?:\s+\"[^\"]*\")?)\)")
_AUTOLINK = re.compile(r"<https?://[^>\s]+>")
_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]:?")

NORMAL_STATE = 0  # any other state is inside fenced code: fence length * 2 (+1 for ~~~)
FRONT_MATTER_STATE = 1  # inside YAML front matter at the top (a fence's state is 6 or more)
FRONT_MATTER_FENCE = "---"
# Before the editor says which blocks it shows, the first ones are spelt.
FIRST_SPELLING_WINDOW = (0, 80)
STALE = -1
UNDERLINE_COLOUR = QColor(220, 30, 30)


def fence_state(fence: str) -> int:
    return len(fence) * 2 + (1 if fence[0] == "~" else 0)


def fence_of(state: int) -> str:
    return ("~" if state % 2 else "`") * (state // 2)


def state_after(previous: int, line: str) -> int:
    """The fence state after ``line``: the whole of what a block passes on to the next."""
    if previous > NORMAL_STATE:
        return NORMAL_STATE if closes_fence(fence_of(previous), line) else previous
    opening = opening_fence(line)
    return fence_state(opening) if opening else NORMAL_STATE


def _blend(first: QColor, second: QColor, ratio: float) -> QColor:
    return QColor.fromRgbF(
        first.redF() * (1 - ratio) + second.redF() * ratio,
        first.greenF() * (1 - ratio) + second.greenF() * ratio,
        first.blueF() * (1 - ratio) + second.blueF() * ratio,
    )


@dataclass
class MarkdownFormats:
    """Every format the highlighter applies, drawn from a palette (light or dark theme)."""

    headings: dict[int, QTextCharFormat]
    syntax: QTextCharFormat  # markers: #, >, **, brackets, fences
    strong: QTextCharFormat
    emphasis: QTextCharFormat
    link_text: QTextCharFormat
    link_target: QTextCharFormat
    image_text: QTextCharFormat
    caption: QTextCharFormat
    list_marker: QTextCharFormat
    quote: QTextCharFormat
    code: QTextCharFormat
    footnote: QTextCharFormat
    misspelt: QTextCharFormat

    @classmethod
    def from_palette(cls, palette: QPalette, base_font: QFont) -> MarkdownFormats:
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        link = palette.color(QPalette.ColorRole.Link)
        accent = palette.color(QPalette.ColorRole.Highlight)
        faint = _blend(text, base, 0.45)
        code_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        code_font.setPointSizeF(base_font.pointSizeF())

        def fmt(colour: QColor | None = None, **options: object) -> QTextCharFormat:
            made = QTextCharFormat()
            if colour is not None:
                made.setForeground(colour)
            for name, value in options.items():
                getattr(made, name)(value)
            return made

        def heading(level: int) -> QTextCharFormat:
            made = fmt(setFontWeight=QFont.Weight.Bold)
            made.setFontPointSize(base_font.pointSizeF() * HEADING_SCALES[level])
            return made

        code = fmt(_blend(text, accent, 0.35), setBackground=_blend(base, text, 0.07))
        code.setFont(
            code_font, QTextCharFormat.FontPropertiesInheritanceBehavior.FontPropertiesSpecifiedOnly
        )
        return cls(
            headings={level: heading(level) for level in HEADING_SCALES},
            syntax=fmt(faint),
            strong=fmt(setFontWeight=QFont.Weight.Bold),
            emphasis=fmt(setFontItalic=True),
            link_text=fmt(link, setFontUnderline=True),
            link_target=fmt(faint),
            image_text=fmt(_blend(link, accent, 0.5), setFontItalic=True),
            caption=fmt(faint, setFontItalic=True),
            list_marker=fmt(accent, setFontWeight=QFont.Weight.Bold),
            quote=fmt(_blend(text, base, 0.3), setFontItalic=True),
            code=code,
            footnote=fmt(
                link, setVerticalAlignment=QTextCharFormat.VerticalAlignment.AlignSuperScript
            ),
            misspelt=misspelt_format(),
        )


def misspelt_format() -> QTextCharFormat:
    """The red wavy underline of a misspelt word (the style's own spell-check underline)."""
    made = QTextCharFormat()
    made.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    made.setUnderlineColor(UNDERLINE_COLOUR)
    return made


Spans = list[tuple[int, int, Misspelling]]  # (start, length) in Qt's UTF-16 units, the word


def utf16_spans(text: str, mistakes: list[Misspelling]) -> Spans:
    """Where ``mistakes`` are in ``text`` as Qt counts (a character beyond the BMP, an emoji,
    is two units there and one in Python)."""
    if not mistakes:
        return []
    if text.isascii() or max(text) <= "\uffff":
        return [(m.start, m.end - m.start, m) for m in mistakes]
    units = [0]
    for char in text:
        units.append(units[-1] + (2 if char > "\uffff" else 1))
    return [(units[m.start], units[m.end] - units[m.start], m) for m in mistakes]


class Spelt(QTextBlockUserData):
    """A block's spelling: the generation of the speller it was checked with (``STALE`` when
    it was not checked) and the misspelt words found in it."""

    def __init__(self, generation: int, mistakes: Spans) -> None:
        super().__init__()
        self.generation = generation
        self.mistakes = mistakes


class MarkdownHighlighter(QSyntaxHighlighter):
    def __init__(
        self, document: QTextDocument, palette: QPalette, font: QFont, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.formats = MarkdownFormats.from_palette(palette, font)
        self._fast_pass = False  # only fence states while a large change goes in
        self.speller: Speller | None = None
        self.spelling_window: tuple[int, int] | None = FIRST_SPELLING_WINDOW
        self.spelt_blocks = 0  # blocks whose words were checked (the tests measure the work)
        self._generation = 0
        self._slices = _SlicedRehighlight(self)
        # Connected before the highlighter's own connection (made by setDocument), so a
        # large change is known before QSyntaxHighlighter starts on its blocks.
        document.contentsChange.connect(self._before_highlighting)
        self.setDocument(document)

    def set_palette(self, palette: QPalette, font: QFont) -> None:
        """A new theme: new colours everywhere (a full pass, as rare as theme changes)."""
        self.formats = MarkdownFormats.from_palette(palette, font)
        self.rehighlight()

    @property
    def busy(self) -> bool:
        """True while a large change is still being highlighted in the background."""
        return self._slices.active

    def _before_highlighting(self, position: int, _removed: int, added: int) -> None:
        if added > LARGE_CHANGE_CHARS:
            self._fast_pass = True
            self._slices.schedule(position, position + added)
            QTimer.singleShot(0, self._end_fast_pass)  # runs once Qt's pass is over

    def _end_fast_pass(self) -> None:
        self._fast_pass = False

    # ---- highlighting one block ----------------------------------------------------------

    def highlightBlock(self, text: str) -> None:
        before = self.previousBlockState()
        previous = max(before, NORMAL_STATE)
        if previous == FRONT_MATTER_STATE or (before < 0 and text.rstrip() == FRONT_MATTER_FENCE):
            if self._front_matter(previous, text):
                return
            previous = NORMAL_STATE  # not front matter after all: an ordinary line
        state = state_after(previous, text)
        self.setCurrentBlockState(state)
        if self._fast_pass or not text:
            return
        if previous > NORMAL_STATE or state > NORMAL_STATE:
            self.setFormat(0, len(text), self.formats.code)
            self._spell(text, prose=False)
            return
        self._highlight_line(text)
        self._spell(text, prose=True)

    def _front_matter(self, previous: int, text: str) -> bool:
        """Whether ``text`` is a line of YAML front matter (its state set, its words never
        spelt): a ``---`` first line opens it, ``---`` or ``...`` closes it."""
        stripped = text.rstrip()
        if previous == FRONT_MATTER_STATE:
            if stripped in (FRONT_MATTER_FENCE, "..."):
                state = NORMAL_STATE
            elif front_matter_line(text):
                state = FRONT_MATTER_STATE
            else:
                return False
        elif self.currentBlock().position() == 0:
            state = FRONT_MATTER_STATE
        else:
            return False
        self.setCurrentBlockState(state)
        if not self._fast_pass and text:
            self._highlight_line(text)
            self._spell(text, prose=False)
        return True

    def _highlight_line(self, text: str) -> None:
        heading = _HEADING.match(text) if "#" in text else None
        if heading is not None:
            level = len(heading[1])
            self.setFormat(0, len(text), self.formats.headings[level])
            self._merge(0, heading.end(), self.formats.syntax)
        elif text.lstrip().startswith(">"):
            quote = _QUOTE.match(text)
            self.setFormat(0, len(text), self.formats.quote)
            if quote is not None:
                self._merge(0, quote.end(), self.formats.syntax)
        list_marker = _LIST_MARKER.match(text) if heading is None else None
        if list_marker is not None:
            self.setFormat(0, list_marker.end(), self.formats.list_marker)
        self._highlight_inline(text)

    def _highlight_inline(self, text: str) -> None:
        if "*" in text or "_" in text:
            self._highlight_emphasis(text)
        if "[" in text:
            self._highlight_links(text)
        if "<" in text:
            for match in _AUTOLINK.finditer(text):
                self._merge(match.start(), match.end() - match.start(), self.formats.link_text)
        if "`" in text:  # last: nothing inside code is emphasis or a link
            for match in _INLINE_CODE.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), self.formats.code)

    def _highlight_emphasis(self, text: str) -> None:
        for match in _STRONG.finditer(text):
            self._merge(match.start(), match.end() - match.start(), self.formats.strong)
            self._merge(match.start(), 2, self.formats.syntax)
            self._merge(match.end() - 2, 2, self.formats.syntax)
        for match in _EMPHASIS.finditer(text):
            self._merge(match.start(), match.end() - match.start(), self.formats.emphasis)
            self._merge(match.start(), 1, self.formats.syntax)
            self._merge(match.end() - 1, 1, self.formats.syntax)

    def _highlight_links(self, text: str) -> None:
        for match in _LINK.finditer(text):
            image = bool(match[1])
            self._merge(match.start(), match.end() - match.start(), self.formats.syntax)
            label = self.formats.image_text if image else self.formats.link_text
            self._merge(match.start(2), len(match[2]), label)
            self._merge(match.start(3), len(match[3]), self.formats.link_target)
            if match[4]:
                self._merge(match.start(4), len(match[4]), self.formats.caption)
        if "[^" in text:
            for match in _FOOTNOTE.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), self.formats.footnote)

    # ---- spelling ---------------------------------------------------------------------------

    def set_speller(self, speller: Speller | None) -> None:
        """Spell with ``speller`` from now on (None: no underlines)."""
        self.speller = speller
        self.spelling_changed()

    def spelling_changed(self) -> None:
        """The speller learnt words (or was replaced): every block is stale; the ones in the
        spelling window are checked again now."""
        self._generation += 1
        self.respell_window()

    def respell_window(self) -> None:
        """Check again the blocks of the spelling window whose spelling is stale."""
        document = self.document()
        if document is None:
            return
        window = self.spelling_window
        if window is None:
            window = (0, document.blockCount() - 1)
        block = document.findBlockByNumber(window[0])
        while block.isValid() and block.blockNumber() <= window[1]:
            if self.is_stale(block):
                self.rehighlightBlock(block)
            block = block.next()

    def is_stale(self, block: QTextBlock) -> bool:
        data = block.userData()
        if not isinstance(data, Spelt):
            return self.speller is not None
        return data.generation != self._generation

    def misspellings_in(self, block: QTextBlock) -> Spans:
        """The misspelt words underlined in ``block`` (checked now if it was stale)."""
        if self.speller is None:
            return []
        if self.is_stale(block):
            window = self.spelling_window
            self.spelling_window = None  # this block, whatever the window
            try:
                self.rehighlightBlock(block)
            finally:
                self.spelling_window = window
        data = block.userData()
        return list(data.mistakes) if isinstance(data, Spelt) else []

    def _spell(self, text: str, *, prose: bool) -> None:
        speller = self.speller
        if speller is None:
            if self.currentBlockUserData() is not None:
                self.setCurrentBlockUserData(None)  # type: ignore[arg-type]
            return
        window = self.spelling_window
        if window is not None and not window[0] <= self.currentBlock().blockNumber() <= window[1]:
            self._mark(STALE, [])
            return
        mistakes: Spans = []
        if prose:
            self.spelt_blocks += 1
            mistakes = utf16_spans(text, speller.line_misspellings(text))
            for start, length, _mistake in mistakes:
                self._merge(start, length, self.formats.misspelt)
        self._mark(self._generation, mistakes)

    def _mark(self, generation: int, mistakes: Spans) -> None:
        data = self.currentBlockUserData()
        if isinstance(data, Spelt):
            data.generation, data.mistakes = generation, mistakes
        else:
            self.setCurrentBlockUserData(Spelt(generation, mistakes))

    def _merge(self, start: int, length: int, extra: QTextCharFormat) -> None:
        """Add ``extra`` to the format already at ``start`` (bold inside a heading stays big)."""
        merged = QTextCharFormat(self.format(start))
        merged.merge(extra)
        self.setFormat(start, length, merged)


class _SlicedRehighlight:
    """Highlights a range of blocks a few milliseconds at a time, from the event loop."""

    def __init__(self, highlighter: MarkdownHighlighter) -> None:
        self._highlighter = highlighter
        self._next: QTextCursor | None = None  # cursors follow edits made meanwhile
        self._end: QTextCursor | None = None
        self._timer = QTimer(highlighter)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._run_slice)

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def schedule(self, start: int, end: int) -> None:
        document = self._highlighter.document()
        if self._next is not None and self._end is not None:  # still busy: cover both ranges
            start = min(start, self._next.position())
            end = max(end, self._end.position())
        self._next, self._end = QTextCursor(document), QTextCursor(document)
        self._next.setPosition(start)
        self._end.setPosition(min(end, document.characterCount() - 1))
        self._timer.start()

    def _run_slice(self) -> None:
        assert self._next is not None and self._end is not None
        deadline = time.perf_counter() + SLICE_MS / 1000
        block = self._next.block()
        end = self._end.position()
        while block.isValid() and block.position() <= end:
            self._highlighter.rehighlightBlock(block)
            block = block.next()
            if time.perf_counter() > deadline:
                break
        if block.isValid() and block.position() <= end:
            self._next.setPosition(block.position())
        else:
            self._timer.stop()
            self._next = self._end = None
