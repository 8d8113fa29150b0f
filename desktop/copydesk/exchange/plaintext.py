"""Plain-text articles in the shape of the reference article, read into Copydesk's fields.

The shape, top to bottom (``../shared/seed/reference-article.txt``)::

    15.03.2025 France                      dateline: date and edition
    1116 jour depuis l'invasion …          kicker
                                           headline
                                           standfirst
    Olga Demidenko                         byline
    Vladimir Poutine et Donald Trump       picture: alt text
    …, photo illustrative                  picture: caption (illustrative)
    Photo : wikipedia.org, CC BY 4.0       picture: credit line
                                           body paragraphs
    Nouvelles des partenaires              related links: title, then links

Blank lines do not separate the parts reliably (the dateline and the kicker share a block,
so do the byline and the picture), so the parser works line by line and anchors on what it
can recognise for sure: the dateline's date, the credit line's "Photo :", the byline's names,
the related block's links or title. What it cannot place goes to the body: no line of the
input is ever dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from copydesk.pictures.compliance import marks_illustrative
from copydesk.pictures.credits import parse_credit
from copydesk.records.article import ArticleContent, LeadPictureUse, RelatedLink
from copydesk.records.picture import PictureMetadata
from copydesk.text.dateline import parse_date, split_dateline
from copydesk.translation import _

# The header (dateline to credit line) is short: the credit line is searched for in the
# first lines only, so that a "Photo :" deep in the body is not taken for it.
MAX_HEADER_LINES = 12


@dataclass(frozen=True, slots=True)
class ParsedPlainArticle:
    """The article's fields, and its lead picture as the text describes it: ``alt_text``,
    ``caption`` (as written, "photo illustrative" included), ``illustrative``, and the
    credit line read by ``credits.parse_credit`` (None when there is no picture block).
    ``content.lead_picture`` is None: the picture is not in any library yet."""

    content: ArticleContent
    alt_text: str = ""
    caption: str = ""
    illustrative: bool = False
    picture_metadata: PictureMetadata | None = None
    warnings: tuple[str, ...] = ()

    @property
    def has_picture(self) -> bool:
        return self.picture_metadata is not None

    def lead_picture_use(self, picture_id: int) -> LeadPictureUse:
        """The lead picture use once the picture is in the library as ``picture_id``."""
        return LeadPictureUse(picture_id, self.caption, self.alt_text, self.illustrative)


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


@dataclass(frozen=True, slots=True)
class _Line:
    text: str  # spaces and tabs collapsed, ends trimmed
    block: int  # lines of one block have no blank line between them


# ---------------------------------------------------------------------------------------------
# Entry point


def parse_plain_article(text: str) -> ParsedPlainArticle:
    """The fields of a plain-text article in the reference article's shape. Parts it cannot
    find are left empty (with a warning); text it cannot place is put in the body."""
    lines = _lines(text)
    warnings: list[str] = []
    lines, related_title, links = _split_related(lines)
    dateline = split_dateline(lines[0].text) if lines else None
    start = 1 if dateline else 0
    if dateline is None:
        warnings.append(_("No dateline (date and edition) on the first line."))
    credit_index = _credit_index(lines, start)
    header = _Header.read(lines, start, credit_index, dateline is not None)
    warnings += header.warnings
    body = _body([*header.leftover, *lines[header.body_start :]])
    picture = _picture(lines, credit_index, header.picture_start)
    content = ArticleContent(
        headline=header.headline,
        kicker=header.kicker,
        standfirst=header.standfirst,
        body=body,
        language=detect_language(text),
        dateline_date=dateline[0] if dateline else None,
        edition=dateline[1] if dateline else "",
        authors=header.authors,
        related_title=related_title,
        related_links=links,
    )
    if picture is None:
        warnings.append(_("No picture credit line (“Photo : …”): the article has no picture."))
        return ParsedPlainArticle(content, warnings=tuple(warnings))
    alt_text, caption, metadata = picture
    if not alt_text:
        warnings.append(_("The picture has no alt text."))
    return ParsedPlainArticle(
        content=content,
        alt_text=alt_text,
        caption=caption,
        illustrative=is_illustrative(caption),
        picture_metadata=metadata,
        warnings=tuple(warnings),
    )


def _lines(text: str) -> list[_Line]:
    """The non-blank lines, with their block numbers. A byte order mark, CRLF or CR line
    ends and tabs are all accepted."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines: list[_Line] = []
    block = 0
    for raw in text.split("\n"):
        line = re.sub(r"[ \t]+", " ", raw).strip()
        if line:
            lines.append(_Line(line, block))
        elif lines and lines[-1].block == block:
            block += 1
    return lines


# ---------------------------------------------------------------------------------------------
# The header: kicker, headline, standfirst, byline


@dataclass(frozen=True, slots=True)
class _Header:
    kicker: str
    headline: str
    standfirst: str
    authors: tuple[str, ...]
    leftover: tuple[_Line, ...]  # header lines nothing claimed: the body's first lines
    picture_start: int  # index of the picture block's first line (its alt text)
    body_start: int  # index of the body's first line
    warnings: tuple[str, ...]

    @classmethod
    def read(
        cls, lines: list[_Line], start: int, credit_index: int | None, has_dateline: bool
    ) -> _Header:
        picture_start = _picture_start(lines, start, credit_index)
        has_picture = credit_index is not None
        end = picture_start if has_picture else min(len(lines), start + 8)
        byline = _byline_index(lines, start, end, has_picture)
        if credit_index is not None:
            header_end, body_start = picture_start, credit_index + 1
        elif byline is not None:
            header_end = body_start = byline + 1
        else:
            header_end = body_start = _headline_end(lines, start, end)
        anchored = has_picture or byline is not None
        units = list(lines[start : byline if byline is not None else header_end])
        kicker = _kicker(units, lines, has_dateline, anchored)
        headline = units.pop(0).text if units else ""
        standfirst = _standfirst(units) if anchored else ""
        leftover = (*units, *(lines[byline + 1 : header_end] if byline is not None else ()))
        warnings = [] if byline is not None else [_("No byline (author names) found.")]
        if leftover:
            warnings.append(_("Some lines of the header could not be placed: they open the body."))
        return cls(
            kicker=kicker,
            headline=headline,
            standfirst=standfirst,
            authors=split_names(lines[byline].text) if byline is not None else (),
            leftover=leftover,
            picture_start=picture_start,
            body_start=body_start,
            warnings=tuple(warnings),
        )


def _kicker(units: list[_Line], lines: list[_Line], has_dateline: bool, anchored: bool) -> str:
    """The kicker: the line that shares the dateline's block; without one, a short line
    before a short headline (a long line or a sentence is the standfirst). Without byline
    or picture, the header holds two short lines at most: kicker and headline."""
    if not units:
        return ""
    if has_dateline and units[0].block == lines[0].block:
        return units.pop(0).text
    enough = len(units) >= 3 if anchored else len(units) == 2
    if enough and not _paragraph_like(units[0].text) and not _paragraph_like(units[1].text):
        return units.pop(0).text
    return ""


def _standfirst(units: list[_Line]) -> str:
    """The standfirst: the next line with the lines of its block (a wrapped paragraph)."""
    if not units:
        return ""
    first = units.pop(0)
    parts = [first.text]
    while units and units[0].block == first.block:
        parts.append(units.pop(0).text)
    return " ".join(parts)


def _headline_end(lines: list[_Line], start: int, end: int) -> int:
    """Without byline or picture to end the header: the kicker and the headline only, the
    short lines before the first paragraph; the standfirst cannot be told from the body."""
    stop = start
    while stop < min(end, start + 2) and not _paragraph_like(lines[stop].text):
        stop += 1
    return stop


def _paragraph_like(text: str) -> bool:
    """A sentence rather than a title: long, or ending with a full stop."""
    return len(text) > 200 or text.rstrip(" »”\"')").endswith((".", "…"))


# Bylines: "Olga Demidenko", "Par Ana Lima et Jean Roy", "By A, B and C".
_BY_PREFIX = re.compile(r"(?:par|by)\s+", re.IGNORECASE)
_NAME_SEPARATOR = re.compile(r"\s*(?:,|;|&|\bet\b|\band\b)\s*", re.IGNORECASE)
_PARTICLES = _word_set(
    "de du des la le les van von der den ter da di do dos das del della bin ibn al el y e zu"
    " af av of"
)
_NAME_WORD = re.compile(r"(?:[dl]['’])?[^\W\d_][\w'’.-]*")


def split_names(byline: str) -> tuple[str, ...]:
    """``"A, B et C"`` → ``("A", "B", "C")``; a leading "Par"/"By" is dropped."""
    text = _BY_PREFIX.sub("", byline, count=1) if _BY_PREFIX.match(byline) else byline
    return tuple(name.strip() for name in _NAME_SEPARATOR.split(text) if name.strip())


def looks_like_byline(line: str) -> bool:
    """Whether ``line`` is only people's names: a few capitalised words each, no digits,
    no sentence punctuation at the end."""
    if len(line) > 120 or line.endswith((".", "!", "?", ":", ";", "…")):
        return False
    names = split_names(line)
    return 1 <= len(names) <= 6 and all(_looks_like_name(name) for name in names)


def _looks_like_name(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 5 or not all(_NAME_WORD.fullmatch(word) for word in words):
        return False
    capitalised = [_capitalised(word) for word in words]
    particles = [word.lower() in _PARTICLES for word in words]
    return any(capitalised) and all(c or p for c, p in zip(capitalised, particles, strict=True))


def _capitalised(word: str) -> bool:
    letters = re.sub(r"^[dl]['’]", "", word)
    return letters[:1].isupper()


def _byline_index(lines: list[_Line], start: int, end: int, has_picture: bool) -> int | None:
    """The byline: right before the picture block; else a line of names that is not the
    first of the header (that is the kicker or the headline) and not in the middle of a
    paragraph. A "Par"/"By" byline may follow the headline; bare names must follow a
    standfirst too, or a title-case headline would pass for names."""
    if has_picture and end - 1 >= start and looks_like_byline(lines[end - 1].text):
        return end - 1
    for index in range(start, end):
        line = lines[index]
        ends_block = index + 1 >= len(lines) or lines[index + 1].block != line.block
        if not ends_block and index + 1 < end:
            continue
        prefixed = _BY_PREFIX.match(line.text) is not None
        if index - start >= (1 if prefixed else 2) and looks_like_byline(line.text):
            return index
    return None


# ---------------------------------------------------------------------------------------------
# The picture block

_CREDIT_LINE = re.compile(
    r"(?:(?:photos?|images?|illustrations?|cr[ée]dits?(?:\s+photos?)?|photo\s+credits?)"
    r"\s*:|©|\(c\)\s)",
    re.IGNORECASE,
)


def is_illustrative(caption: str) -> bool:
    """Whether a caption marks its picture as illustrative ("…, photo illustrative")."""
    return marks_illustrative(caption)


def _credit_index(lines: list[_Line], start: int) -> int | None:
    for index in range(start, min(len(lines), start + MAX_HEADER_LINES)):
        if _CREDIT_LINE.match(lines[index].text):
            return index
    return None


def _picture_start(lines: list[_Line], start: int, credit_index: int | None) -> int:
    """The first line of the picture block: the credit line and up to two lines before it
    in its block, caption then alt text (a lone line before the credit is the caption)."""
    if credit_index is None:
        return len(lines)
    first = credit_index
    while (
        first > start
        and credit_index - first < 2
        and lines[first - 1].block == lines[credit_index].block
    ):
        first -= 1
    return first


def _picture(
    lines: list[_Line], credit_index: int | None, picture_start: int
) -> tuple[str, str, PictureMetadata] | None:
    """(alt text, caption, metadata from the credit line), or None without a credit line."""
    if credit_index is None:
        return None
    before = [line.text for line in lines[picture_start:credit_index]]
    caption = before[-1] if before else ""
    alt_text = before[-2] if len(before) == 2 else ""
    return alt_text, caption, parse_credit(lines[credit_index].text)


# ---------------------------------------------------------------------------------------------
# The related links at the end

_URL = r"https?://[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"’»]"
_BULLET = r"(?:[-*•–]\s+)?"
_END = r"\s*[.;]?"
_LINK_LINES = [
    re.compile(pattern)
    for pattern in (
        rf"{_BULLET}\[(?P<title>[^\]]*)\]\((?P<url>{_URL})\){_END}",
        rf"{_BULLET}(?P<title>.+?)\s*\((?P<url>{_URL})\){_END}",
        rf"{_BULLET}(?P<title>.+?)\s+[—–-]\s+(?P<url>{_URL}){_END}",
        rf"{_BULLET}(?P<title>.+?)\s*:\s+(?P<url>{_URL}){_END}",
        rf"{_BULLET}<?(?P<url>{_URL})>?{_END}",
    )
]
# Titles of a related block that has no links (the reference article's): known phrases
# only, since a short last line may as well be the body's last words.
RELATED_TITLES = frozenset(
    {
        "nouvelles des partenaires",
        "actualités des partenaires",
        "nos partenaires",
        "à lire aussi",
        "a lire aussi",
        "lire aussi",
        "voir aussi",
        "sur le même sujet",
        "sur le meme sujet",
        "pour aller plus loin",
        "articles liés",
        "liens",
        "liens utiles",
        "related",
        "related links",
        "related articles",
        "related stories",
        "read more",
        "read also",
        "see also",
        "more on this story",
        "partner news",
        "news from our partners",
        "news from partners",
        "further reading",
    }
)


def parse_link_line(line: str) -> RelatedLink | None:
    """A related link written as "Title — https://…", "Title: https://…", "- Title
    (https://…)", "[Title](https://…)" or a bare address (then its own title)."""
    for pattern in _LINK_LINES:
        match = pattern.fullmatch(line)
        if match:
            url = match["url"]
            title = (match.groupdict().get("title") or "").strip() or url
            return RelatedLink(title=title, url=url)
    return None


def _split_related(lines: list[_Line]) -> tuple[list[_Line], str, tuple[RelatedLink, ...]]:
    """(the lines before the related block, its title, its links). The block is the last
    lines: links, after a short title line; or a known title alone."""
    end = len(lines)
    links: list[RelatedLink] = []
    while end > 1 and (link := parse_link_line(lines[end - 1].text)) is not None:
        links.insert(0, link)
        end -= 1
    if end > 1 and _related_title_like(lines[end - 1].text, bool(links)):
        return lines[: end - 1], lines[end - 1].text.rstrip(" :"), tuple(links)
    return lines[:end], "", tuple(links)


def _related_title_like(text: str, has_links: bool) -> bool:
    plain = text.rstrip(" :").replace("’", "'").lower()
    if plain in RELATED_TITLES:
        return True
    short = len(text) <= 80 and re.search(r"\w", text) is not None
    return has_links and short and not _paragraph_like(text)


# ---------------------------------------------------------------------------------------------
# The body and the language


def _body(lines: Iterable[_Line]) -> str:
    """Lines of a block joined by line breaks, blocks by blank lines (Markdown paragraphs)."""
    blocks = groupby(lines, key=lambda line: line.block)
    return "\n\n".join("\n".join(line.text for line in block) for _number, block in blocks)


_FRENCH_WORDS = _word_set(
    "le la les des du et est une un dans pour que qui sur au aux avec pas ne ont été sont par"
    " il elle ce cette mais où plus leur lors selon ainsi aussi entre depuis"
)
_ENGLISH_WORDS = _word_set(
    "the and of to in is was that for on with as by at from has have were said it its this"
    " an are be which not their after but"
)
_FRENCH_ELISION = re.compile(r"\b(?:[ldjmnstc]|qu)['’]\w", re.IGNORECASE)


def detect_language(text: str) -> str:
    """ "fr" or "en": which language's common words (and, for French, elisions such as
    l’ or qu’ and guillemets) the text has more of. French when unsure."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    french = sum(word in _FRENCH_WORDS for word in words)
    french += len(_FRENCH_ELISION.findall(text)) + text.count("«")
    english = sum(word in _ENGLISH_WORDS for word in words)
    return "en" if english > french else "fr"


__all__ = [
    "MAX_HEADER_LINES",
    "RELATED_TITLES",
    "ParsedPlainArticle",
    "detect_language",
    "is_illustrative",
    "looks_like_byline",
    "parse_date",
    "parse_link_line",
    "parse_plain_article",
    "split_names",
]
