"""Credit lines: composing the printed credit of a picture, and reading one back.

The house style is a template per language whose missing parts drop out together with the
separator before them, so a credit never shows a dangling " / " or ", ". Nothing here judges
a credit; ``compliance`` does.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Iterator

from copydesk.pictures import licensing
from copydesk.pictures.licensing import Family, primary_language
from copydesk.records.picture import PictureMetadata

# House style, per primary language. French sets a no-break space before the colon.
HOUSE_STYLES = {
    "fr": "Photo\u00a0: {creator} / {source}, {licence}",
    "en": "Photo: {creator} / {source}, {licence}",
}
DEFAULT_LANGUAGE = "en"


def compose_credit(metadata: PictureMetadata, language: str) -> str:
    """The credit in the house style of ``language``; "" when there is nothing to credit.

    "Creator / supplier": the supplier is the credit line, the credit the supplier requires
    when the picture is published (IPTC Credit Line), else the source. The credit line alone
    when it names the creator already ("Jane Doe/Reuters"); the supplier alone without a
    creator. The licence is the catalogue's short name (a label for the rights-reserved kinds).
    """
    first, second = _names(metadata)
    parts = {"creator": first, "source": second, "licence": _licence_text(metadata, language)}
    if not any(parts.values()):
        return ""
    return fill_template(house_style(language), parts)


def credit_for(metadata: PictureMetadata, language: str) -> str:
    """What is printed: the credit typed by hand when there is one, else the composed one."""
    return metadata.credit_override.strip() or compose_credit(metadata, language)


def file_credit(metadata: PictureMetadata) -> str:
    """The Credit Line a published file carries: the credit its supplier requires, which
    whoever prints the file puts under a label of their own ("Photo :"). So not the printed
    credit, which has Copydesk's label and the licence (that travels in the usage terms):
    the supplier's credit line, else the names the printed credit gives. Copydesk reading the
    file back prints the same credit, and a credit line comes back as it was."""
    typed = metadata.credit_override.strip()
    if typed:
        parsed = parse_credit(typed)
        names = (parsed.creator, parsed.source)
    elif metadata.credit_line.strip():
        return metadata.credit_line.strip()
    else:
        names = _names(metadata)
    return " / ".join(name for name in names if name)


def house_style(language: str) -> str:
    return HOUSE_STYLES.get(primary_language(language), HOUSE_STYLES[DEFAULT_LANGUAGE])


def fill_template(template: str, parts: dict[str, str]) -> str:
    """``template`` with its fields filled from ``parts``. The text before a field is kept
    only when the field has a value and, unless it is the template's opening text, when an
    earlier field had one too: it separates the two."""
    out: list[str] = []
    filled_before = False
    for index, (literal, name, _spec, _conversion) in enumerate(string.Formatter().parse(template)):
        if name is None:  # the text after the last field
            out.append(literal)
            continue
        value = parts.get(name, "")
        if index == 0:
            out.append(literal)  # the opening text ("Photo: ")
        if value:
            if index > 0 and filled_before:
                out.append(literal)
            out.append(value)
            filled_before = True
    return "".join(out)


def _names(metadata: PictureMetadata) -> tuple[str, str]:
    """(first, second) names of the credit: who made it, then who supplies it."""
    creator = metadata.creator.strip()
    supplier = metadata.credit_line.strip() or metadata.source.strip()
    if not creator:
        return supplier, ""
    if not supplier or _same_text(creator, supplier):
        return creator, ""
    if names_in(creator, supplier):  # "Jane Doe/Reuters" credits Jane Doe already
        return supplier, ""
    return creator, supplier


def _same_text(a: str, b: str) -> bool:
    return _folded(a) == _folded(b)


def names_in(name: str, text: str) -> bool:
    """Whether ``text`` gives ``name``, as whole words, whatever the case and spacing."""
    folded = _folded(name)
    return (
        bool(folded) and re.search(rf"(?<!\w){re.escape(folded)}(?!\w)", _folded(text)) is not None
    )


def _folded(text: str) -> str:
    """Case and spacing left aside, around a slash too: "JANE DOE/REUTERS" is what
    "Jane Doe / Reuters" prints."""
    return re.sub(r" ?/ ?", "/", " ".join(text.casefold().split()))


def _licence_text(metadata: PictureMetadata, language: str) -> str:
    found = licensing.licence(metadata.licence_id)
    return found.credit_name(language) if found else ""


# ---------------------------------------------------------------------------------------------
# Reading a printed credit

# "Photo :", "Crédit photo :", "Credits:", "©", "(c) 2024", "Copyright ©" … before the names.
_LEAD = re.compile(
    r"""^\s*
    (?:(?:photos?|images?|illustrations?|sources?|cr[ée]dits?(?:\s+photos?)?
        |photo\s+credits?|copyright)\s*:\s*)?
    (?:(?:photo|image)\s+(?:by|par)\s+)?
    (?:(?:©|\(c\)|copyright)\s*(?:©\s*)?)?
    (?:(?:19|20)\d\d\b[\s,]*)?
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Addresses, whose "/" do not separate names.
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)+/\S*", re.IGNORECASE)
_NAME_SEPARATOR = re.compile(r"/|\s+via\s+", re.IGNORECASE)
_EMPTY_BRACKETS = re.compile(r"\(\s*(?:\x00\s*)*\)|\[\s*(?:\x00\s*)*\]")  # once held a licence
_EDGE_PUNCTUATION = " \t\n\u00a0\u202f,;:-–—"
# Stands for a licence cut out of the text; never typed in a credit.
_CUT = "\x00"


def parse_credit(text: str) -> PictureMetadata:
    """The creator, source and licence a printed credit gives, as found. The original text
    becomes the ``credit_override``, so that printing the result prints ``text`` unchanged.

    One name goes to the creator; with several ("X / Y", "X via Y"), the first is the creator
    and the rest the source. A licence is recognised with ``licensing.identify`` (or by the
    label a rights-reserved licence prints as); an unsure one leaves ``licence_id`` unset.
    """
    lead = _LEAD.match(text)
    body = text[lead.end() :] if lead else text
    body, licence_id = _cut_licence(body)
    names = list(_split_names(body))
    return PictureMetadata(
        creator=names[0] if names else "",
        source=" / ".join(names[1:]),
        licence_id=licence_id,
        credit_override=text.strip(),
    )


def _cut_licence(body: str) -> tuple[str, str]:
    """``body`` without the licence it names, and that licence's id when it is sure.
    Without a CC or public-domain licence, the label of a rights-reserved one counts, as a
    whole segment ("…, Tous droits réservés", "Handout / …")."""
    found = licensing.identify(body)
    mentions = licensing.find_licences(body)
    for mention in reversed(mentions):
        body = body[: mention.start] + _CUT + body[mention.end :]
    if mentions:
        return body, found.id if found else ""
    return _cut_label(body)


def _cut_label(body: str) -> tuple[str, str]:
    found: set[str] = set()
    for entry in licensing.catalogue():
        if entry.family is Family.RIGHTS_RESERVED:
            body, count = _label_pattern(entry).subn(_CUT, body)
            found |= {entry.id} if count else set()
    return body, found.pop() if len(found) == 1 else ""


@functools.cache
def _label_pattern(entry: licensing.Licence) -> re.Pattern[str]:
    forms = sorted({entry.name, *entry.labels.values()}, key=len, reverse=True)
    alternatives = "|".join(re.escape(form) for form in forms)
    return re.compile(rf"(?:^|(?<=[,/]))\s*(?:{alternatives})\s*(?=$|[,/])", re.IGNORECASE)


def _split_names(body: str) -> Iterator[str]:
    """The names in ``body``, split at "/" (outside addresses), " via " and cut licences."""
    body = _EMPTY_BRACKETS.sub(_CUT, body.replace(_CUT + ".", _CUT))
    for chunk in body.split(_CUT):
        for name in _split_outside_urls(chunk):
            name = _EMPTY_BRACKETS.sub("", name).strip(_EDGE_PUNCTUATION)
            if name:
                yield name


def _split_outside_urls(chunk: str) -> list[str]:
    urls = [match.span() for match in _URL.finditer(chunk)]
    pieces, start = [], 0
    for separator in _NAME_SEPARATOR.finditer(chunk):
        if not any(url_start <= separator.start() < url_end for url_start, url_end in urls):
            pieces.append(chunk[start : separator.start()])
            start = separator.end()
    pieces.append(chunk[start:])
    return pieces


__all__ = [
    "DEFAULT_LANGUAGE",
    "HOUSE_STYLES",
    "compose_credit",
    "credit_for",
    "file_credit",
    "fill_template",
    "house_style",
    "names_in",
    "parse_credit",
]
