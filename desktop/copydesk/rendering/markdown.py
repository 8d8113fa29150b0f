"""Markdown → sanitized HTML fragment."""

from __future__ import annotations

import threading

import markdown
import nh3

_EXTENSIONS = ["tables", "footnotes", "sane_lists", "toc"]
_EXTENSION_CONFIGS = {
    "tables": {"use_align_attribute": True},  # an attribute, so no inline style is allowed
    "toc": {"permalink": False},
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
_URL_SCHEMES = {"http", "https", "mailto"}

_local = threading.local()


def _converter() -> markdown.Markdown:
    """One converter per thread: a Markdown instance is reusable but not thread-safe."""
    converter: markdown.Markdown | None = getattr(_local, "converter", None)
    if converter is None:
        converter = markdown.Markdown(
            extensions=_EXTENSIONS, extension_configs=_EXTENSION_CONFIGS, output_format="html"
        )
        _local.converter = converter
    return converter


def sanitize_html(html: str) -> str:
    """Keep only the tags, attributes and URL schemes an article may use."""
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def markdown_to_html(text: str) -> str:
    converter = _converter()
    try:
        return sanitize_html(converter.convert(text))
    finally:
        converter.reset()
