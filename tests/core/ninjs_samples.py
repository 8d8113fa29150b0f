"""Articles and pictures for the ninjs tests: one with every field, one with almost none.

The French text is ours, shaped like the reference article: guillemets with no-break spaces,
a no-break space before ":" and ";", typographic apostrophes, accents.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from copydesk.exchange.ninjs.schema import NinjsVersion
from copydesk.exchange.ninjs.write import PictureAsset, PictureRole, Rendition, build_ninjs
from copydesk.records.article import ArticleContent, ArticleRecord, ArticleStatus
from copydesk.records.picture import PictureFile, PictureMetadata, PictureRecord
from copydesk.rendering.markdown import markdown_to_html
from copydesk.text.html_markdown import html_to_text

NBSP = "\u00a0"
LIBRARY_ID = "6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f"
NINJS_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "ninjs"

FULL_BODY = (
    f"Le président a annoncé un accord «{NBSP}historique{NBSP}»{NBSP}: les négociations "
    "commencent à l’automne.\n\n"
    "## Les réactions\n\n"
    "Selon *Le Monde*, la rencontre aura lieu **bientôt** à "
    "[Genève](https://example.org/geneve).\n\n"
    f"- première étape{NBSP};\n"
    "- seconde étape.\n\n"
    f"> «{NBSP}Nous avons parlé longtemps{NBSP}», a déclaré l’ancien ministre.\n\n"
    "1. d’abord\n"
    "2. ensuite"
)

FULL_CONTENT = ArticleContent(
    headline=f"Négociations sur l’Ukraine{NBSP}: «{NBSP}un premier pas{NBSP}»",
    kicker="1116e jour depuis l’invasion",
    standfirst=f"Les deux dirigeants se sont parlé au téléphone pendant une heure{NBSP}!",
    body=FULL_BODY,
    language="fr",
    dateline_date=date(2025, 3, 15),
    edition="France",
    authors=("Olga Demidenko", "Jean-Noël Roy"),
    keywords=("Ukraine", "diplomatie", "États-Unis"),
    status=ArticleStatus.READY,
)

MINIMAL_CONTENT = ArticleContent(headline="Brève", body="Une phrase.")

CREATED = datetime(2025, 3, 15, 7, 45, 0, tzinfo=UTC)
UPDATED = datetime(2025, 3, 15, 9, 30, 12, 345678, tzinfo=UTC)


def article(content: ArticleContent = FULL_CONTENT, version: int = 4) -> ArticleRecord:
    return ArticleRecord(
        id=1,
        uuid="0b7e3a1e-1111-4c1e-9b1a-2a4f5c6d7e8f",
        slug="negociations-ukraine",
        content=content,
        created_at=CREATED,
        updated_at=UPDATED,
        version=version,
    )


def picture(number: int, **metadata: Any) -> PictureRecord:
    fields: dict[str, Any] = {
        "creator": "Amélie Durand",
        "copyright_notice": "© Amélie Durand",
        "source": "Wikimedia Commons",
        "usage_terms": "CC BY 4.0",
        "licence_id": "cc-by-4.0",
        "headline": "Poignée de main",
        "city": "Genève",
        "country": "Suisse",
        "date_created": "2025-03-14T16:20:00+01:00",
        "digital_source_type": "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture",
    }
    fields.update(metadata)
    return PictureRecord(
        id=number,
        uuid=f"9c8b7a6d-0000-4000-8000-00000000000{number}",
        file=PictureFile("ab" * 32, f"photo-{number}.jpg", "image/jpeg", 4000, 3000, 2_345_678),
        metadata=PictureMetadata(**fields),
        imported_at=datetime(2025, 3, 14, 18, 0, tzinfo=UTC),
        updated_at=datetime(2025, 3, 15, 8, 0, tzinfo=UTC),
    )


def renditions(number: int) -> tuple[Rendition, ...]:
    stem = f"images/photo-{number}"
    return (
        Rendition("original", f"{stem}.jpg", 4000, 3000, "image/jpeg", 2_345_678),
        Rendition("1200", f"{stem}-1200.jpg", 1200, 900, "image/jpeg", 234_567),
        Rendition("thumbnail", f"{stem}-400.jpg", 400, 300, "image/jpeg", 34_567),
    )


LEAD = PictureAsset(
    picture=picture(1),
    role=PictureRole.LEAD,
    caption="Les deux délégations à Genève, photo illustrative",
    alt_text="Deux hommes en costume se serrent la main devant des drapeaux",
    illustrative=True,
    credit_line="Photo : Amélie Durand / Wikimedia Commons, CC BY 4.0",
    renditions=renditions(1),
)
BODY_PICTURE = PictureAsset(
    picture=picture(2, licence_id="", usage_terms="", web_statement="https://example.org/rights"),
    role=PictureRole.BODY,
    caption=f"La salle de conférence{NBSP}: «{NBSP}vide{NBSP}»",
    alt_text="Une salle vide",
    credit_line="Photo : Amélie Durand",
    renditions=renditions(2),
)


def body_html(content: ArticleContent) -> str:
    """The body as the package writer gives it: Copydesk's own renderer."""
    return markdown_to_html(content.body, content.language)


def full_document(version: NinjsVersion = "3.1") -> dict[str, Any]:
    html = body_html(FULL_CONTENT)
    return build_ninjs(
        article(),
        library_id=LIBRARY_ID,
        body_html=html,
        body_text=html_to_text(html),
        pictures=[LEAD, BODY_PICTURE],
        version=version,
        copyright_notice="© Copydesk 2025",
    )


def minimal_document(version: NinjsVersion = "3.1") -> dict[str, Any]:
    html = body_html(MINIMAL_CONTENT)
    return build_ninjs(
        article(MINIMAL_CONTENT, version=1),
        library_id=LIBRARY_ID,
        body_html=html,
        body_text=html_to_text(html),
        version=version,
    )
