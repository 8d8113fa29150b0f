"""The article template: dateline, kicker, headline, standfirst, byline, body, related links."""

from __future__ import annotations

from datetime import date
from html import escape
from urllib.parse import urlsplit

from copydesk.records.article import ArticleContent
from copydesk.rendering.incremental import IncrementalRenderer
from copydesk.rendering.markdown import sanitize_html
from copydesk.rendering.page import PREVIEW_IMAGE_SOURCES, page_html
from copydesk.rendering.pictures import LeadPicture, PictureResolver, figure_html
from copydesk.translation import _

_MONTHS_EN: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July")
_MONTHS_EN += ("August", "September", "October", "November", "December")

# Words of the publication itself, in the article's language (not the UI's).
_LABELS = {
    "fr": {"by": "Par", "and": "et", "untitled": "Sans titre"},
    "en": {"by": "By", "and": "and", "untitled": "Untitled"},
}


def _labels(language: str) -> dict[str, str]:
    return _LABELS.get(language, _LABELS["en"])


def format_dateline_date(value: date, language: str) -> str:
    if language == "fr":
        return value.strftime("%d.%m.%Y")
    return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"


def join_names(names: tuple[str, ...], language: str) -> str:
    """``("A", "B", "C")`` → ``"A, B et C"`` (French) or ``"A, B and C"``."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {_labels(language)['and']} {names[-1]}"


def render_article(
    content: ArticleContent,
    *,
    lead_picture: LeadPicture | None = None,
    resolver: PictureResolver | None = None,
    renderer: IncrementalRenderer | None = None,
) -> str:
    """The article as an HTML fragment (``<article>…</article>``).

    The body is ``#cd-body`` with one wrapper per block (``rendering.body_patch``).
    ``resolver`` names the body's ``image:ID`` pictures. Pass the preview's ``renderer``
    to render the body through it: it then holds the page's blocks, and its next
    ``update()`` patches them (its language and resolver are used, not ``resolver``).
    """
    if renderer is None:
        renderer = IncrementalRenderer(content.language, resolver)
    renderer.update(content.body)
    parts = [
        f'<article class="cd-article" lang="{escape(content.language)}">',
        _render_header(content),
        _render_lead(lead_picture, content.language) if lead_picture else "",
        renderer.body_html(),
        _render_related(content),
        "</article>",
    ]
    return "\n".join(part for part in parts if part)


def render_page(
    content: ArticleContent,
    *,
    lead_picture: LeadPicture | None = None,
    resolver: PictureResolver | None = None,
    renderer: IncrementalRenderer | None = None,
    image_sources: str = PREVIEW_IMAGE_SOURCES,
) -> str:
    """A standalone HTML page: the article with the house CSS inlined. ``renderer`` is as
    for ``render_article`` (the package exporter keeps the body's blocks for ninjs);
    ``image_sources`` is what the page's Content-Security-Policy allows pictures from
    (``rendering.page``)."""
    article = render_article(
        content, lead_picture=lead_picture, resolver=resolver, renderer=renderer
    )
    return page_html(
        article, language=content.language, title=page_title(content), image_sources=image_sources
    )


def page_title(content: ArticleContent) -> str:
    return content.headline.strip() or _labels(content.language)["untitled"]


def _render_header(content: ArticleContent) -> str:
    lines = ["<header>"]
    if content.dateline_date or content.edition.strip():
        lines.append(_render_dateline(content))
    if content.kicker.strip():
        lines.append(f'<p class="cd-kicker">{escape(content.kicker.strip())}</p>')
    lines.append(_render_headline(content))
    if content.standfirst.strip():
        lines.append(f'<p class="cd-standfirst">{escape(content.standfirst.strip())}</p>')
    if content.authors:
        lines.append(_render_byline(content))
    lines.append("</header>")
    return "\n".join(lines)


def _render_lead(lead: LeadPicture, language: str) -> str:
    # Built from escaped strings, sanitized anyway: the src comes from the resolver.
    return sanitize_html(
        figure_html(
            lead.picture_id,
            lead.picture,
            alt=lead.alt,
            caption=lead.caption,
            language=language,
            css_class="cd-lead",
        )
    )


def _render_dateline(content: ArticleContent) -> str:
    pieces = []
    if content.dateline_date:
        iso = content.dateline_date.isoformat()
        shown = format_dateline_date(content.dateline_date, content.language)
        pieces.append(f'<time datetime="{iso}">{shown}</time>')
    if content.edition.strip():
        pieces.append(f'<span class="cd-edition">{escape(content.edition.strip())}</span>')
    return f'<p class="cd-dateline">{" ".join(pieces)}</p>'


def _render_headline(content: ArticleContent) -> str:
    if content.headline.strip():
        return f'<h1 class="cd-headline">{escape(content.headline.strip())}</h1>'
    # A hint to the person writing, never published: in their language, with the same word
    # as the article list, whatever the article's language.
    untitled = escape(_("Untitled"))
    return f'<h1 class="cd-headline cd-placeholder">{untitled}</h1>'


def _render_byline(content: ArticleContent) -> str:
    names = tuple(f'<span class="cd-author">{escape(name)}</span>' for name in content.authors)
    by = _labels(content.language)["by"]
    return f'<p class="cd-byline">{by} {join_names(names, content.language)}</p>'


def _render_related(content: ArticleContent) -> str:
    items = [
        f'<li><a href="{escape(link.url)}" rel="noopener noreferrer">{escape(link.title)}</a></li>'
        if _is_web_url(link.url)
        else f"<li>{escape(link.title)}</li>"
        for link in content.related_links
        if link.title.strip() or link.url.strip()
    ]
    if not items:
        return ""
    heading = f"<h2>{escape(content.related_title.strip())}</h2>" if content.related_title else ""
    return f'<aside class="cd-related">{heading}<ul>{"".join(items)}</ul></aside>'


def _is_web_url(url: str) -> bool:
    parts = urlsplit(url.strip())
    return parts.scheme in {"http", "https"} and bool(parts.netloc)
