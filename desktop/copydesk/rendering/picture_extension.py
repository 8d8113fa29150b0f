"""The Python-Markdown extension that renders library pictures (``![alt](image:ID)``) as
figures, through the resolver of the conversion (see ``copydesk.rendering.pictures``)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.inlinepatterns import IMAGE_LINK_RE, ImageInlineProcessor
from markdown.treeprocessors import Treeprocessor, UnescapeTreeprocessor

from copydesk.rendering.pictures import (
    IMAGE_PREFIX,
    RESOLVER_ATTRIBUTE,
    Picture,
    PictureResolver,
    awaiting_label,
    figure_html,
    missing_label,
)
from copydesk.text.picture_refs import quoted_caption


class PicturesTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, language: str) -> None:
        super().__init__(md)
        self.language = language

    def run(self, root: etree.Element) -> None:
        resolve: PictureResolver | None = getattr(self.md, RESOLVER_ATTRIBUTE, None)
        for parent in list(root.iter()):
            for img in [child for child in parent if _is_library_image(child)]:
                picture_id = img.get("src", "")[len(IMAGE_PREFIX) :]
                picture = resolve(picture_id) if resolve is not None else None
                if _alone_in_paragraph(parent, img):
                    self._make_figure(parent, img, picture_id, picture)
                else:
                    self._make_inline(img, picture_id, picture)

    def _make_figure(
        self, paragraph: etree.Element, img: etree.Element, picture_id: str, picture: Picture | None
    ) -> None:
        # Stashed raw HTML replaces the whole ``<p>``: a figure may not sit inside a paragraph.
        # The figure goes to the stash, past Python-Markdown's own unescaping of ``\]`` etc.
        unescape = UnescapeTreeprocessor().unescape
        html = figure_html(
            picture_id,
            picture,
            alt=unescape(img.get("alt", "")),
            caption=unescape(img.get("title", "")),
            language=self.language,
        )
        paragraph.remove(img)
        paragraph.text = self.md.htmlStash.store(html)

    def _make_inline(self, img: etree.Element, picture_id: str, picture: Picture | None) -> None:
        if picture is None or not picture.has_file:
            awaiting = picture is not None
            img.tag = "span"
            img.attrib.clear()
            img.set("class", "cd-awaiting" if awaiting else "cd-missing")
            label = awaiting_label if awaiting else missing_label
            img.text = f"[{label(picture_id, self.language)}]"
            return
        img.set("src", picture.src)
        img.set("class", "cd-inline-picture")
        for name, value in (("width", picture.width), ("height", picture.height)):
            if value:
                img.set(name, str(value))


def _is_library_image(element: etree.Element) -> bool:
    return element.tag == "img" and element.get("src", "").startswith(IMAGE_PREFIX)


def _alone_in_paragraph(parent: etree.Element, img: etree.Element) -> bool:
    return (
        parent.tag == "p"
        and len(parent) == 1
        and not (parent.text or "").strip()
        and not (img.tail or "").strip()
    )


class _ImageProcessor(ImageInlineProcessor):
    """Python-Markdown's image pattern, except that a title (a caption) keeps its no-break
    spaces: French captions need them before « : ; ! ? » and inside guillemets. Only ASCII
    whitespace is folded into a space."""

    RE_TITLE_CLEAN = re.compile(r"[ \t\n\r\f\v]")

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element | str | None, int | None, int | None]:
        element, start, end = super().handleMatch(m, data)
        if not isinstance(element, etree.Element) or start is None or end is None:
            return element, start, end
        # Python-Markdown strips a pair of quotes around a whole title, so that a caption
        # such as 'Oui' (or a lone ') would lose them: a library picture's caption is read as
        # picture_refs reads it, the one way the editor and the checks read it too.
        caption = quoted_caption(data[start:end])
        if caption is not None:
            element.set("title", self.RE_TITLE_CLEAN.sub(" ", self.unescape(caption.strip())))
        return element, start, end


class PicturesExtension(Extension):
    def __init__(self, language: str = "en") -> None:
        super().__init__()
        self.language = language

    def extendMarkdown(self, md: Markdown) -> None:
        md.inlinePatterns.register(_ImageProcessor(IMAGE_LINK_RE, md), "image_link", 150)
        # After the inline patterns (20) have made the <img> elements.
        md.treeprocessors.register(PicturesTreeprocessor(md, self.language), "cd-pictures", 15)
