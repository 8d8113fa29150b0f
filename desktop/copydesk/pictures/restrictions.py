"""The supplier's instructions as rules: what the special instructions (``instructions``) ask,
checked against what the desk is about to print and publish.

- a mandatory credit must be in the printed credit, and a credit typed by hand must keep the
  supplier's credit line (errors, fixed by printing the composed credit);
- an embargo is an error until it ends (a hold without a date, a warning);
- editorial use only, no sales: a warning in an article marked as advertising or sponsored
  content (a commercial use; an editorial article of a commercial publication is not one);
- a handout names who handed it out (an error without a source or credit line);
- a file photo's caption says so (a warning, fixed by the house wording).

An instruction Copydesk does not know is not a problem: the credit editor and the credits pane
show every instruction, known or not, for the desk to read.

One-time use is a rule on the picture's uses (``use_problems``): a picture for one-time use
may go into the first article that used it (remembered even once that article is deleted),
not into another. No-archives is a rule on the library archive.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, tzinfo

from copydesk.pictures.credits import credit_for, names_in
from copydesk.pictures.instructions import Instruction, Restriction, read_instructions
from copydesk.pictures.licensing import primary_language
from copydesk.pictures.problems import CreditProblem
from copydesk.pictures.problems import error as _error
from copydesk.pictures.problems import warning as _warning
from copydesk.records.picture import PictureMetadata
from copydesk.translation import _

# What a caption says of a file photo, in the article's language.
FILE_PHOTO_WORDING = {"fr": "Photo d’archives.", "en": "File photo."}
_SAYS_FILE_PHOTO = re.compile(
    r"(?<!\w)(?:file\s+(?:photo|picture|image)|(?:photo|image)s?\s+d['’]archives?)(?!\w)",
    re.IGNORECASE,
)
_COMMERCE = (Restriction.EDITORIAL_ONLY, Restriction.NO_SALES)


def restriction_problems(
    metadata: PictureMetadata,
    *,
    language: str,
    now: datetime,
    zone: tzinfo = UTC,
) -> list[CreditProblem]:
    """The problems the supplier's instructions raise for a publication in ``language`` at
    ``now`` (an embargo's moment without a zone is read in ``zone``, the person's)."""
    instructions = read_instructions(metadata.special_instructions, zone)
    return [
        *_credit_problems(metadata, instructions, language),
        *_embargo_problems(instructions, now, zone),
        *_handout_problems(metadata, instructions),
        *_file_photo_problems(metadata, instructions, language),
    ]


def _credit_problems(
    metadata: PictureMetadata, instructions: list[Instruction], language: str
) -> Iterator[CreditProblem]:
    printed = credit_for(metadata, language)
    required = [i.credit for i in instructions if i.kind is Restriction.MANDATORY_CREDIT]
    missing = next((credit for credit in required if credit and not names_in(credit, printed)), "")
    if missing:
        yield _error(
            "instructions.credit_missing",
            "credit_override" if metadata.credit_override.strip() else "credit_line",
            _(
                "The supplier requires the credit “{credit}”, and the printed credit leaves it out."
            ).format(credit=missing),
            {"credit": missing},
            _("Print the required credit: it becomes the credit line."),
            {"credit_line": missing, "credit_override": ""},
        )
    line = metadata.credit_line.strip()
    typed = metadata.credit_override.strip()
    if typed and line and not names_in(line, typed) and not (missing and names_in(line, missing)):
        yield _error(
            "credit.override_omits_credit_line",
            "credit_override",
            _(
                "The printed credit, typed by hand, leaves out the supplier’s credit line "
                "“{credit_line}”."
            ).format(credit_line=line),
            {"credit_line": line},
            _("Print the composed credit, which gives the credit line."),
            {"credit_override": ""},
        )


def _embargo_problems(
    instructions: list[Instruction], now: datetime, zone: tzinfo
) -> Iterator[CreditProblem]:
    for instruction in instructions:
        if instruction.kind is not Restriction.EMBARGO:
            continue
        if instruction.until is None:
            yield _warning(
                "instructions.hold",
                "special_instructions",
                _(
                    "The supplier holds the picture for release (“{wording}”), without a date."
                ).format(wording=instruction.text),
                {"wording": instruction.text},
                _("Ask the supplier whether it may be published now."),
            )
        elif now < instruction.until:
            until = instruction.until.astimezone(zone).strftime("%Y-%m-%d %H:%M")
            yield _error(
                "instructions.embargo",
                "special_instructions",
                _(
                    "The picture is under embargo until {until}: it cannot be published before."
                ).format(until=until),
                {"until": until},
                _("Wait for the embargo to end, or choose another picture."),
            )


def _commerce_problems(metadata: PictureMetadata) -> Iterator[CreditProblem]:
    instructions = read_instructions(metadata.special_instructions)
    wordings = [i.text for i in instructions if i.kind in _COMMERCE]
    if wordings:
        wording = ", ".join(wordings)
        yield _warning(
            "instructions.editorial_only",
            "special_instructions",
            _(
                "The supplier allows editorial use only (“{wording}”), and the article is "
                "advertising."
            ).format(wording=wording),
            {"wording": wording},
            _("Check with the supplier that this use is allowed, or choose another picture."),
        )


def _handout_problems(
    metadata: PictureMetadata, instructions: list[Instruction]
) -> Iterator[CreditProblem]:
    handout = any(i.kind is Restriction.HANDOUT for i in instructions)
    if handout and not (metadata.source.strip() or metadata.credit_line.strip()):
        yield _error(
            "instructions.handout_source",
            "source",
            _("The picture is a handout, and nothing says who handed it out."),
            {},
            _("Name the organisation that handed it out in the source."),
        )


def _file_photo_problems(
    metadata: PictureMetadata, instructions: list[Instruction], language: str
) -> Iterator[CreditProblem]:
    if not any(i.kind is Restriction.FILE_PHOTO for i in instructions):
        return
    caption = metadata.description.strip()
    if _SAYS_FILE_PHOTO.search(caption):
        return
    wording = FILE_PHOTO_WORDING.get(primary_language(language), FILE_PHOTO_WORDING["en"])
    yield _warning(
        "instructions.file_photo",
        "description",
        _("The supplier says this is a file photo, and the caption does not."),
        {"wording": wording},
        _("Add “{wording}” to the caption.").format(wording=wording),
        {"description": f"{caption} {wording}".strip()},
    )


def use_problems(
    metadata: PictureMetadata,
    *,
    article_uuid: str,
    using_articles: int,
    advertising: bool = False,
) -> list[CreditProblem]:
    """The problems of using the picture in the article ``article_uuid`` ("" for one not
    saved yet), which ``using_articles`` saved articles use now (for pictures used before
    their first use was remembered); ``advertising`` when the article is advertising or
    sponsored content."""
    return [
        *_one_time_problems(metadata, article_uuid, using_articles),
        *(_commerce_problems(metadata) if advertising else ()),
    ]


def _one_time_problems(
    metadata: PictureMetadata, article_uuid: str, using_articles: int
) -> list[CreditProblem]:
    once = [
        i.text
        for i in read_instructions(metadata.special_instructions)
        if i.kind is Restriction.ONE_TIME_USE
    ]
    first = metadata.first_use_article
    if not once or (first == article_uuid if first else using_articles <= 1):
        return []
    wording, headline = once[0], metadata.first_use_headline if first else ""
    message = (
        _("The picture is for one-time use (“{wording}”), and “{headline}” used it first.")
        if headline
        else _("The picture is for one-time use (“{wording}”), and another article used it first.")
    )
    return [
        _error(
            "instructions.one_time_use",
            "special_instructions",
            message.format(wording=wording, headline=headline),
            {"wording": wording, "headline": headline},
            _("Choose another picture, or ask the supplier for another use."),
        )
    ]


def local_now() -> datetime:
    """Now, in the person's time zone (an aware date-time)."""
    return datetime.now(UTC).astimezone()


__all__ = ["FILE_PHOTO_WORDING", "local_now", "restriction_problems", "use_problems"]
