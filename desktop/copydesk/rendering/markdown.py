"""Markdown → sanitized HTML fragment, in the typography of the article's language."""

from __future__ import annotations

import threading
from typing import Any

import markdown
import nh3
from markdown.extensions.fenced_code import FencedCodeExtension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.smarty import SmartyExtension
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import TocExtension

from copydesk.rendering.context import BlockContext, DocumentContextExtension, convert_block
from copydesk.rendering.picture_extension import PicturesExtension
from copydesk.rendering.pictures import PictureResolver

MEDIA_SCHEME = "copydesk-media"

# Smart quotes follow the article's language (smarty's defaults are English). French puts a
# no-break space inside guillemets, and a straight single quote in French text is nearly
# always an apostrophe, so both single quotes become "’".
_QUOTES: dict[str, dict[str, str]] = {
    "fr": {
        "left-double-quote": "&laquo;&nbsp;",
        "right-double-quote": "&nbsp;&raquo;",
        "left-single-quote": "&rsquo;",
        "right-single-quote": "&rsquo;",
    },
    "en": {},
}
DEFAULT_RENDER_LANGUAGE = "en"
_BACKLINK_TITLES = {
    "fr": "Revenir à l’appel de note %d",
    "en": "Jump back to footnote %d in the text",
}

_ALLOWED_TAGS = nh3.ALLOWED_TAGS | {"figure", "figcaption", "section", "aside", "time"}
_ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    tag: set(attributes) for tag, attributes in nh3.ALLOWED_ATTRIBUTES.items()
}
for _tag, _extra in {
    "*": {"id", "class", "lang", "title"},  # ids carry heading anchors and footnotes
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "th": {"align"},
    "td": {"align"},
    "time": {"datetime"},
}.items():
    _ALLOWED_ATTRIBUTES[_tag] = _ALLOWED_ATTRIBUTES.get(_tag, set()) | _extra
_URL_SCHEMES = {"http", "https", "mailto", MEDIA_SCHEME, "data"}
_IMAGE_ONLY_PREFIXES = (MEDIA_SCHEME + ":", "data:")

_local = threading.local()


def quote_language(language: str) -> str:
    """The language whose typography is used for ``language`` (English when unknown)."""
    return language if language in _QUOTES else DEFAULT_RENDER_LANGUAGE


def _extensions(language: str) -> list[Any]:
    # Instances, not names: a name makes Markdown look it up among the installed packages'
    # entry points, which imports importlib.metadata and reads every package's metadata
    # (about 30 ms, on the way to the first article's preview).
    return [
        TableExtension(use_align_attribute=True),  # an attribute: no inline style allowed
        FootnoteExtension(BACKLINK_TITLE=_BACKLINK_TITLES[language]),
        SaneListExtension(),
        TocExtension(permalink=False),
        FencedCodeExtension(),
        SmartyExtension(substitutions=_QUOTES[language]),
        PicturesExtension(language=language),
        DocumentContextExtension(),
    ]


def converter(language: str) -> markdown.Markdown:
    """This thread's converter for ``language``: a Markdown instance is reusable (after
    ``reset()``) but not thread-safe, and building one costs milliseconds."""
    language = quote_language(language)
    converters: dict[str, markdown.Markdown] | None = getattr(_local, "converters", None)
    if converters is None:
        converters = _local.converters = {}
    md = converters.get(language)
    if md is None:
        md = markdown.Markdown(extensions=_extensions(language), output_format="html")
        converters[language] = md
    return md


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    # Media URLs name pictures of the library and data URLs carry thumbnails: fine as an
    # image source, never as a link (a link would open an internal resource or a payload).
    lowered = value.strip().lower()
    if lowered.startswith(_IMAGE_ONLY_PREFIXES):
        is_image = (tag, attribute) == ("img", "src")
        return value if is_image and not lowered.startswith("data:text") else None
    return value


def sanitize_html(html: str) -> str:
    """Keep only the tags, attributes and URL schemes an article may use."""
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer",
        attribute_filter=_attribute_filter,
    )


def markdown_to_html(
    text: str, language: str = "fr", resolve: PictureResolver | None = None
) -> str:
    """A whole Markdown document as one sanitized fragment (no block wrappers)."""
    html, _ = convert_block(converter(language), text, BlockContext(resolve=resolve))
    return sanitize_html(html)
