"""The pictures of one article: which library pictures it shows (its lead picture and the
``image:ID`` pictures of its body), how the preview shows them, and what the checks say.

The window reads an ``ArticlePictures`` snapshot on the database thread (the pictures the
article names, judged in its language) and hands it to the render and check jobs: they run
on the compute thread and never touch the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from copydesk.articles.checks import line_and_column
from copydesk.library.media_store import extension_for
from copydesk.pictures import compliance, restrictions
from copydesk.pictures.compliance import CreditProblem
from copydesk.pictures.listing import Judgement, PictureListing, judge
from copydesk.records.article import ArticleContent
from copydesk.records.picture import PictureFile
from copydesk.records.problem import Problem, Severity
from copydesk.rendering.pictures import LeadPicture, Picture, PictureResolver
from copydesk.text import picture_refs
from copydesk.translation import _

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from copydesk.library.db import Library

LEAD = "lead"
BODY = "body"
# Where the checks panel files the lead picture's problems (the body's go under "body").
LEAD_FIELD = "lead_picture"
MEDIA_URL_PREFIX = "copydesk-media://library/"

# The house label an illustrative picture's caption carries, per language.
_ILLUSTRATIVE_LABEL = {"fr": "photo illustrative", "en": "illustrative photo"}


@dataclass(frozen=True, slots=True)
class PictureUse:
    """One appearance of a library picture in an article. A body use is the Markdown at
    ``body[start:end]``; its illustrative flag is the house label at the end of its caption."""

    picture_id: int
    role: str  # LEAD or BODY
    alt_text: str
    caption: str
    illustrative: bool
    start: int = 0
    end: int = 0


def picture_uses(content: ArticleContent) -> list[PictureUse]:
    """The lead picture (if any), then the body's pictures in order."""
    uses = []
    lead = content.lead_picture
    if lead is not None:
        uses.append(
            PictureUse(lead.picture_id, LEAD, lead.alt_text, lead.caption, lead.illustrative)
        )
    for reference in picture_refs.find_picture_references(content.body):
        caption = reference.caption
        uses.append(
            PictureUse(
                reference.picture_id,
                BODY,
                reference.alt_text,
                caption,
                compliance.marks_illustrative(caption),
                reference.start,
                reference.end,
            )
        )
    return uses


def picture_ids(content: ArticleContent) -> set[int]:
    ids = set(picture_refs.body_picture_ids(content.body))
    if content.lead_picture is not None:
        ids.add(content.lead_picture.picture_id)
    return ids


def house_caption(caption: str, illustrative: bool, language: str) -> str:
    """The caption as printed: an illustrative picture's ends with the house label (once)."""
    caption = caption.strip()
    if not illustrative or compliance.marks_illustrative(caption):
        return caption
    label = illustrative_label(language)
    return f"{caption}, {label}" if caption else label[:1].upper() + label[1:]


def without_house_label(caption: str) -> str:
    """The caption with its illustrative mark (if any) taken off."""
    return compliance.strip_illustrative_mark(caption)


def illustrative_label(language: str) -> str:
    return _ILLUSTRATIVE_LABEL.get(language.split("-")[0], _ILLUSTRATIVE_LABEL["en"])


SourceFor = Callable[[PictureFile], str]


def media_url(file: PictureFile) -> str:
    """The address the preview loads a library picture from (``copydesk-media:``); nothing
    for a picture awaiting its file."""
    if not file.present:
        return ""
    return f"{MEDIA_URL_PREFIX}{file.sha256}{extension_for(file.media_type)}"


@dataclass(frozen=True)
class ArticlePictures:
    """The library pictures an article names, judged in the article's language. An id the
    library does not have is simply absent: it shows as missing."""

    language: str = "fr"
    listings: Mapping[int, PictureListing] = field(default_factory=dict)
    # The ids that were looked up (found or not): a reference typed since is looked up again.
    looked_up: frozenset[int] = frozenset()

    def get(self, picture_id: int) -> PictureListing | None:
        return self.listings.get(picture_id)

    def covers(self, content: ArticleContent) -> bool:
        """Whether every picture the article names was looked up, in its language."""
        return content.language == self.language and picture_ids(content) <= self.looked_up

    def picture(self, picture_id: int, src_for: SourceFor = media_url) -> Picture | None:
        """The picture as the renderer shows it; one awaiting its file has no source (its
        caption and credit show beside a placeholder) and ``src_for`` is not asked."""
        listing = self.listings.get(picture_id)
        if listing is None:
            return None
        file = listing.record.file
        if not file.present:
            return Picture.awaiting(listing.credit)
        return Picture(src_for(file), listing.credit, file.width, file.height)

    def resolver(self, src_for: SourceFor = media_url) -> PictureResolver:
        """Names the body's pictures; ``src_for`` says where each file is read from (the
        preview's ``copydesk-media:`` scheme by default)."""

        def resolve(picture_id: str) -> Picture | None:
            return self.picture(int(picture_id), src_for) if picture_id.isdigit() else None

        return resolve

    def lead(self, content: ArticleContent, src_for: SourceFor = media_url) -> LeadPicture | None:
        lead = content.lead_picture
        if lead is None or lead.picture_id not in self.looked_up:
            return None  # not read yet: shown once it is, rather than as missing meanwhile
        caption = house_caption(lead.caption, lead.illustrative, content.language)
        picture = self.picture(lead.picture_id, src_for)
        return LeadPicture(str(lead.picture_id), picture, lead.alt_text, caption)

    def merged(self, other: ArticlePictures) -> ArticlePictures:
        """This snapshot with ``other``'s pictures added (``other`` wins)."""
        if other.language != self.language:
            return other
        return ArticlePictures(
            self.language, {**self.listings, **other.listings}, self.looked_up | other.looked_up
        )


def load_article_pictures(
    library: Library, ids: Iterable[int], judgement: Judgement
) -> ArticlePictures:
    """Read and judge the pictures ``ids`` (one transaction, on the database thread)."""
    with library.read() as session:
        return read_article_pictures(session, ids, judgement)


def read_article_pictures(
    session: Session, ids: Iterable[int], judgement: Judgement
) -> ArticlePictures:
    """``load_article_pictures`` inside the caller's transaction: the package exporter reads
    the article and its pictures in one, so that both come from the same state."""
    from copydesk.pictures import store as images

    wanted = set(ids)
    records = images.pictures_by_ids(session, wanted) if wanted else {}
    usages = images.usages_by_picture(session, set(records)) if records else {}
    listings = {
        picture_id: judge(record, judgement, usages.get(picture_id, ()))
        for picture_id, record in records.items()
    }
    return ArticlePictures(judgement.language, listings, frozenset(wanted))


# ---- checks ---------------------------------------------------------------------------------


def check_pictures(
    content: ArticleContent, pictures: ArticlePictures, article_uuid: str = ""
) -> list[Problem]:
    """The checks panel's picture problems: each use's alt text and caption, and the credit
    problems of each picture (once per picture, at its first use), with those of its use in
    the article ``article_uuid`` ("" when not saved yet: one-time use). A use of a picture
    that awaits its file is an error too (``picture.awaiting_file``): it cannot be
    published."""
    problems: list[Problem] = []
    credited: set[int] = set()
    body = content.body
    for use in picture_uses(content):
        listing = pictures.get(use.picture_id)
        if listing is None:
            if use.picture_id in pictures.looked_up:
                problems.append(_missing_picture(use, body))
            continue
        if not listing.record.file.present:
            problems.append(_awaiting_file(use, listing, body))
        use_problems = compliance.check_use(
            use.alt_text, use.caption, illustrative=use.illustrative
        )
        if use.picture_id not in credited:
            credited.add(use.picture_id)
            using = len({usage.article_id for usage in listing.usages})
            once = restrictions.use_problems(
                listing.record.metadata,
                article_uuid=article_uuid,
                using_articles=using,
                advertising=content.advertising,
            )
            use_problems = [*use_problems, *listing.problems, *once]
        problems.extend(_as_problem(use, listing, found, body) for found in use_problems)
    return problems


def _as_problem(
    use: PictureUse, listing: PictureListing, found: CreditProblem, body: str
) -> Problem:
    name = listing.record.file.file_name
    line, column = _located(use, body)
    return Problem(
        code=f"picture.{found.code}",
        severity=Severity(found.severity.value),
        field=LEAD_FIELD if use.role == LEAD else "body",
        start=use.start,
        end=use.end,
        # Named by its file: the problem's field already says lead picture or body.
        message=_("{file}: {detail}").format(file=name, detail=found.message),
        params={
            "picture": use.picture_id,
            "file": name,
            "picture_field": found.field,
            "detail": found.message,  # the compliance message alone, for translation
            **found.params,
        },
        line=line,
        column=column,
    )


def _missing_picture(use: PictureUse, body: str) -> Problem:
    line, column = _located(use, body)
    return Problem(
        code="picture.missing",
        severity=Severity.ERROR,
        field=LEAD_FIELD if use.role == LEAD else "body",
        start=use.start,
        end=use.end,
        message=_("Picture {picture} is not in the library.").format(picture=use.picture_id),
        params={"picture": use.picture_id},
        line=line,
        column=column,
    )


def _awaiting_file(use: PictureUse, listing: PictureListing, body: str) -> Problem:
    name = listing.record.file.file_name
    line, column = _located(use, body)
    return Problem(
        code="picture.awaiting_file",
        severity=Severity.ERROR,
        field=LEAD_FIELD if use.role == LEAD else "body",
        start=use.start,
        end=use.end,
        message=_(
            "{file} awaits its file: attach the picture in the Picture Library before publishing."
        ).format(file=name),
        params={"picture": use.picture_id, "file": name},
        line=line,
        column=column,
    )


def _located(use: PictureUse, body: str) -> tuple[int, int]:
    return line_and_column(body, use.start) if use.role == BODY else (1, 1)
