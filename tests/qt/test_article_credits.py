"""The credits pane in the main window: a lead picture and body pictures attached to the
article, their credits in the pane and in the preview (pictures served from the media store),
per-use caption, alt text and illustrative label as undoable edits, the picture problems in
the checks panel, and credits edited in the library showing at once."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from copydesk.articles import store as articles
from copydesk.pictures import store as images
from copydesk.pictures.credits import parse_credit
from copydesk.pictures.operations import Judgement, PictureListing, import_files, picture_listing
from copydesk.qt.checks.messages import problem_location, problem_message
from copydesk.qt.editor.plain_text import exact_text
from copydesk.qt.pictures.picture_chooser import PictureChooser
from copydesk.qt.window.main_window import MainWindow
from copydesk.records.article import LeadPictureUse
from copydesk.records.picture import PictureMetadata
from tests.helpers import opened
from tests.qt.conftest import MakeWindow
from tests.qt.qt_helpers import page_text, type_text

COMPLETE = PictureMetadata(
    creator="Ana Lima",
    source="Service de presse du Kremlin",
    licence_id="cc-by-4.0",
    source_url="http://en.kremlin.ru/events/president/news/1",
    description="Vladimir Poutine au Kremlin",
    alt_text="Un homme en costume assis à un bureau",
)
CREDIT = "Photo\u00a0: Ana Lima / Service de presse du Kremlin, CC BY 4.0"


def jpeg(path: Path, color: tuple[int, int, int], size: tuple[int, int] = (320, 200)) -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def library_with_pictures(library_path: Path, tmp_path: Path) -> list[int]:
    """Two pictures: one fully credited, one with the reference article's credit."""
    files = [
        jpeg(tmp_path / "kremlin.jpg", (200, 30, 30)),
        jpeg(tmp_path / "wiki.jpg", (30, 30, 200)),
    ]
    with opened(library_path, sample=True) as library:
        report = import_files(library, files)
        ids = [item.picture_id for item in report.items]
        with library.write() as session:
            images.update_metadata(session, ids[0], COMPLETE)
            images.update_metadata(
                session, ids[1], parse_credit("Photo : wikipedia.org, CC BY 4.0")
            )
    return [picture_id for picture_id in ids if picture_id is not None]


def listing(window: MainWindow, picture_id: int) -> PictureListing:
    assert window.library is not None
    return picture_listing(window.library, picture_id, Judgement("fr", True))


def codes(window: MainWindow) -> list[str]:
    return [problem.code for problem in window.checks_panel.problems()]


def image_loaded(qtbot: QtBot, window: MainWindow, selector: str) -> bool:
    """Whether the page's picture under ``selector`` was loaded (it is 320 pixels wide)."""
    script = (
        f"(() => {{ const i = document.querySelector('{selector} img');"
        " return i ? String(i.complete && i.naturalWidth) : 'none'; })()"
    )
    return page_text(qtbot, window, script) == "320"


def test_a_lead_picture_shows_in_the_pane_and_the_preview_with_its_credit(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, tmp_path: Path
) -> None:
    complete, _reference = library_with_pictures(library_path, tmp_path)
    window = make_window(library_path)
    pane = window.credits_pane
    assert pane.isVisible() and pane.list.count() == 0 and pane.empty_label.isVisible()

    window.article_pictures.set_lead(listing(window, complete))
    lead = window.editor.lead_picture()
    assert lead is not None and lead.picture_id == complete
    # The use starts from the picture's own caption and alt text.
    assert (lead.caption, lead.alt_text) == (COMPLETE.description, COMPLETE.alt_text)
    assert pane.list.count() == 1
    assert CREDIT in pane.list.item(0).text()
    assert pane.credit_label.text() == CREDIT
    assert pane.caption.toPlainText() == COMPLETE.description

    qtbot.waitUntil(lambda: CREDIT in page_text(qtbot, window), timeout=10_000)
    qtbot.waitUntil(lambda: image_loaded(qtbot, window, "figure.cd-lead"), timeout=10_000)
    qtbot.waitUntil(lambda: pane.list.item(0).icon().isNull() is False, timeout=5_000)

    # The illustrative flag adds the house label to the printed caption, not to the field.
    pane.illustrative.setChecked(True)
    lead = window.editor.lead_picture()
    assert lead is not None and lead.illustrative and lead.caption == COMPLETE.description
    qtbot.waitUntil(
        lambda: "Vladimir Poutine au Kremlin, photo illustrative" in page_text(qtbot, window),
        timeout=10_000,
    )

    # Saved with the article, and the picture says where it is used.
    window.flush_autosave()
    assert window.library is not None and window.current is not None
    with window.library.read() as session:
        saved = articles.get_article(session, window.current.id).content.lead_picture
        usages = images.usages_of(session, complete)
    assert saved == lead
    assert [usage.role for usage in usages] == ["lead"]
    # … and the pane says so too, once saved (not "No saved article yet").
    qtbot.waitUntil(lambda: window.current.slug in pane.usages_label.text(), timeout=10_000)


def test_body_pictures_are_inserted_edited_undone_and_removed_in_the_markdown(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, tmp_path: Path
) -> None:
    complete, _reference = library_with_pictures(library_path, tmp_path)
    window = make_window(library_path)
    body = window.editor.body
    body.moveCursor(body.textCursor().MoveOperation.End)
    before = exact_text(body)

    window.article_pictures.insert_in_body(listing(window, complete))
    text = exact_text(body)
    markdown = f'![{COMPLETE.alt_text}](image:{complete} "{COMPLETE.description}")'
    assert text == f"{before.rstrip()}\n\n{markdown}\n"
    pane = window.credits_pane
    assert pane.list.count() == 1 and pane.current_index() == 0
    qtbot.waitUntil(lambda: image_loaded(qtbot, window, "#cd-body figure"), timeout=10_000)
    assert CREDIT in page_text(qtbot, window)

    # Typing in the caption rewrites the Markdown; the typing is one undo step.
    pane.caption.setFocus()
    pane.caption.moveCursor(pane.caption.textCursor().MoveOperation.End)
    type_text(pane.caption, " en 2025")
    assert f'"{COMPLETE.description} en 2025")' in exact_text(body)
    body.undo()
    assert exact_text(body) == text

    # The illustrative flag of a body picture is the label at the end of its caption.
    window.article_pictures.refresh()
    pane.illustrative.setChecked(True)
    assert f'"{COMPLETE.description}, photo illustrative")' in exact_text(body)
    assert pane.caption.toPlainText() == f"{COMPLETE.description}, photo illustrative"
    pane.illustrative.setChecked(False)
    assert f'"{COMPLETE.description}")' in exact_text(body)

    pane.remove_button.click()
    assert exact_text(body).rstrip() == before.rstrip()
    assert pane.list.count() == 0


def test_picture_problems_reach_the_checks_panel_and_lead_to_the_field(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, tmp_path: Path
) -> None:
    _complete, reference = library_with_pictures(library_path, tmp_path)
    window = make_window(library_path)
    assert codes(window) == []
    window.article_pictures.set_lead(listing(window, reference))
    qtbot.waitUntil(lambda: "picture.credit.website" in codes(window), timeout=5_000)
    found = set(codes(window))
    assert "picture.alt_text.missing" in found
    website = next(p for p in window.checks_panel.problems() if p.code == "picture.credit.website")
    assert problem_location(website) == "Lead picture"
    shown = problem_message(website)
    assert shown.startswith("wiki.jpg: ") and "wikipedia.org" in shown
    assert shown.endswith(str(website.params["detail"]))  # the compliance engine's words

    alt_problem = next(
        p for p in window.checks_panel.problems() if p.code == "picture.alt_text.missing"
    )
    window.checks_panel.jump_requested.emit(alt_problem)
    assert window.credits_pane.alt_text.hasFocus() or not window.isActiveWindow()
    window.credits_pane.alt_text.setPlainText("Deux hommes serrant la main")
    qtbot.waitUntil(lambda: "picture.alt_text.missing" not in codes(window), timeout=5_000)


def test_a_credit_edited_in_the_library_shows_in_the_pane_and_preview(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, tmp_path: Path
) -> None:
    _complete, reference = library_with_pictures(library_path, tmp_path)
    window = make_window(library_path)
    window.article_pictures.set_lead(listing(window, reference))
    window.open_picture_library(reference)
    library_window = window.picture_library
    assert [x.record.id for x in library_window.selected_listings()] == [reference]
    creator = library_window.editor.lines["creator"]
    creator.setText("Olga Demidenko")
    creator.editingFinished.emit()
    # The reference credit was typed by hand (an override): the new creator shows in the
    # problems, which no longer say the creator is missing.
    qtbot.waitUntil(lambda: "picture.creator.missing" not in codes(window), timeout=5_000)
    listed = window.article_pictures.snapshot.get(reference)
    assert listed is not None and listed.record.metadata.creator == "Olga Demidenko"
    assert "Olga Demidenko" in window.credits_pane.status_label.text()  # (left out of the credit)
    # Typed credit removed: the composed credit, creator first, reaches the preview.
    override = library_window.editor.lines["credit_override"]
    override.setText("")
    override.editingFinished.emit()
    qtbot.waitUntil(
        lambda: "Olga Demidenko" in window.credits_pane.credit_label.text(), timeout=5_000
    )
    qtbot.waitUntil(lambda: "Olga Demidenko" in page_text(qtbot, window), timeout=10_000)
    library_window.close()


def test_the_chooser_lists_searches_and_returns_a_picture(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, tmp_path: Path
) -> None:
    complete, reference = library_with_pictures(library_path, tmp_path)
    window = make_window(library_path)
    service = window.article_pictures.picture_service("fr")
    assert service is not None
    chooser = PictureChooser(service, "Insert Picture", window)
    qtbot.addWidget(chooser)
    qtbot.waitUntil(lambda: chooser.model.rowCount() == 2, timeout=5_000)
    chosen = chooser.chosen()
    assert chosen is not None
    chooser.search.setText("wiki")
    qtbot.waitUntil(lambda: chooser.model.query().words == ("wiki",), timeout=5_000)
    assert chooser.model.rowCount() == 1
    chosen = chooser.chosen()
    assert chosen is not None and chosen.record.id == reference
    chooser.search.clear()
    chooser.select_picture(complete)  # not listed under "wiki": the list is read down to it
    qtbot.waitUntil(lambda: chooser.model.row_of(complete) is not None, timeout=5_000)
    chosen = chooser.chosen()
    assert chosen is not None and chosen.record.id == complete


def test_the_media_scheme_serves_only_library_pictures(
    make_window: MakeWindow, library_path: Path, tmp_path: Path
) -> None:
    from PySide6.QtCore import QUrl

    complete, _ = library_with_pictures(library_path, tmp_path)
    window = make_window(library_path)
    sha = listing(window, complete).record.file.sha256
    served = window.article_pictures.serve_media(QUrl(f"copydesk-media://library/{sha}.jpg"))
    assert served is not None and served[1] == "image/jpeg" and served[0][:2] == b"\xff\xd8"
    # A TIFF reaches the preview as a JPEG copy: Chromium cannot show TIFF.
    tiff = tmp_path / "scan.tif"
    Image.new("RGB", (300, 200), (10, 120, 10)).save(tiff, "TIFF")
    assert window.library is not None
    [item] = import_files(window.library, [tiff]).items
    assert item.picture_id is not None
    tiff_sha = listing(window, item.picture_id).record.file.sha256
    served = window.article_pictures.serve_media(QUrl(f"copydesk-media://library/{tiff_sha}.tif"))
    assert served is not None and served[1] == "image/jpeg" and served[0][:2] == b"\xff\xd8"
    for bad in (
        f"copydesk-media://library/{sha}.png",
        f"copydesk-media://other/{sha}.jpg",
        "copydesk-media://library/../../etc/passwd",
        f"copydesk-media://library/{'0' * 64}.jpg",
    ):
        assert window.article_pictures.serve_media(QUrl(bad)) is None


def test_an_article_saved_with_pictures_opens_with_them(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, tmp_path: Path
) -> None:
    complete, reference = library_with_pictures(library_path, tmp_path)
    with opened(library_path) as library, library.write() as session:
        [summary] = articles.list_summaries(session)
        record = articles.get_article(session, summary.id)
        body = f'{record.content.body}\n\n![Une plage](image:{reference} "Au large")'
        lead = LeadPictureUse(complete, "Au Kremlin", "Un homme assis à un bureau")
        articles.save_content(
            session, record.id, record.content.replace(body=body, lead_picture=lead)
        )
    window = make_window(library_path)
    qtbot.waitUntil(lambda: window.credits_pane.list.count() == 2, timeout=5_000)
    qtbot.waitUntil(lambda: CREDIT in page_text(qtbot, window), timeout=10_000)
    assert "wikipedia.org" in page_text(qtbot, window)
    qtbot.waitUntil(lambda: image_loaded(qtbot, window, "figure.cd-lead"), timeout=10_000)
    qtbot.waitUntil(lambda: "picture.credit.website" in codes(window), timeout=5_000)


def test_a_lead_picture_awaiting_its_file_shows_as_such_and_gets_it(
    qtbot: QtBot,
    make_window: MakeWindow,
    library_path: Path,
    tmp_path: Path,
    shared: Path,
    monkeypatch,
) -> None:
    from copydesk.library.media_store import MediaStore
    from copydesk.qt.dialogs import file_dialogs
    from copydesk.records.picture import PictureFile

    reads: list[str] = []
    real_read = MediaStore.read

    def read(store: MediaStore, sha256: str, media_type: str) -> bytes:
        reads.append(sha256)
        return real_read(store, sha256, media_type)

    monkeypatch.setattr(MediaStore, "read", read)
    library_with_pictures(library_path, tmp_path)
    with opened(library_path) as library, library.write() as session:
        awaited = images.add_picture(session, PictureFile.awaited("poutine.jpg"), COMPLETE).id
    window = make_window(library_path)
    pane = window.credits_pane
    window.article_pictures.set_lead(listing(window, awaited))
    assert pane.list.count() == 1
    item = pane.list.item(0)
    assert "poutine.jpg" in item.text() and "Awaiting file" in item.text()
    assert not item.icon().isNull()  # a placeholder, not a thumbnail
    assert CREDIT in pane.credit_label.text()
    assert "awaits its file" in pane.status_label.text()
    qtbot.waitUntil(lambda: "picture.awaiting_file" in codes(window), timeout=5_000)
    problem = next(p for p in window.checks_panel.problems() if p.code == "picture.awaiting_file")
    assert problem_location(problem) == "Lead picture"
    assert problem_message(problem) == problem.message
    # The preview shows the caption and credit beside a placeholder, not a broken picture.
    qtbot.waitUntil(lambda: "en attente de son fichier" in page_text(qtbot, window), timeout=10_000)
    assert CREDIT in page_text(qtbot, window)
    script = "String(document.querySelectorAll('figure.cd-lead img').length)"
    assert page_text(qtbot, window, script) == "0"
    assert "" not in reads

    # Attached in the library: the pane, the checks and the preview follow.
    window.open_picture_library(awaited)
    library_window = window.picture_library
    reference = shared / "images" / "IPTC-PhotometadataRef-Std2017.1.jpg"
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *_a, **_k: str(reference))
    library_window.attach_action.trigger()
    qtbot.waitUntil(lambda: "picture.awaiting_file" not in codes(window), timeout=5_000)
    assert "Awaiting file" not in pane.list.item(0).text()
    qtbot.waitUntil(lambda: page_text(qtbot, window, script) == "1", timeout=10_000)
    assert "" not in reads
    library_window.close()


def assert_nothing_overlaps(pane: object) -> None:
    """No line of the pane's details is drawn over another, none is cut short, none is wider
    than the pane."""
    shown = [
        widget
        for widget in (
            pane.credit_label, pane.status_label, pane.caption, pane.alt_text,  # type: ignore[attr-defined]
            pane.alt_counter, pane.illustrative, pane.use_problems, pane.usages_label,  # type: ignore[attr-defined]
            pane.edit_credit_button, pane.remove_button,  # type: ignore[attr-defined]
        )
        if widget.isVisible()
    ]  # fmt: skip
    details = pane.details  # type: ignore[attr-defined]
    tops = [widget.mapTo(details, widget.rect().topLeft()).y() for widget in shown]
    bottoms = [top + widget.height() for top, widget in zip(tops, shown, strict=True)]
    for earlier, later in zip(range(len(shown)), range(1, len(shown)), strict=False):
        assert bottoms[earlier] <= tops[later], (shown[earlier], shown[later])
    for widget in shown:
        if isinstance(widget, QLabel):
            assert widget.height() >= widget.heightForWidth(widget.width()), widget
        assert widget.width() <= pane.details_scroll.viewport().width(), widget  # type: ignore[attr-defined]


def test_the_reference_picture_shows_all_its_problems_without_overlap(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, shared: Path
) -> None:
    """The reference article's lead picture awaits its file and has credit problems: the pane
    lists them all, the list of pictures stays short, and no line is drawn over another."""
    from copydesk.exchange.importing.batch import import_paths
    from copydesk.qt.pictures.article_credits import LISTED_ROWS, THUMBNAIL_SIZE

    with opened(library_path) as library:
        import_paths(library, [shared / "seed" / "reference-article.txt"])
    window = make_window(library_path)
    window.resize(1400, 900)
    pane = window.credits_pane
    qtbot.waitUntil(lambda: pane.status_label.text().count("•") >= 3, timeout=10_000)
    assert pane.list.height() <= LISTED_ROWS * (THUMBNAIL_SIZE + 30)
    qtbot.wait(50)  # the layout settles after the text changes
    assert_nothing_overlaps(pane)


def test_a_picture_with_seven_problems_shows_every_one(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, tmp_path: Path
) -> None:
    from datetime import date

    many = PictureMetadata(
        licence_id="cc-by-nc-4.0",  # commercial publication, no creator, no source link
        credit_override="Photo : flickr.com / Getty",  # a website, and no licence named
        rights_expiry=date(2020, 1, 1),
        digital_source_type="http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
    )
    _complete, picture = library_with_pictures(library_path, tmp_path)
    with opened(library_path) as library, library.write() as session:
        images.update_metadata(session, picture, many)
    window = make_window(library_path)
    window.resize(1280, 720)
    window.article_pictures.set_lead(listing(window, picture))
    pane = window.credits_pane
    qtbot.waitUntil(lambda: pane.status_label.text().count("•") == 7, timeout=10_000)
    qtbot.wait(50)
    assert_nothing_overlaps(pane)
    # Every problem is readable: scrolling the details reaches the last line.
    bar = pane.details_scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    bottom = pane.remove_button.mapTo(
        pane.details_scroll.viewport(), pane.remove_button.rect().bottomLeft()
    )
    assert bottom.y() <= pane.details_scroll.viewport().height()


def test_typing_the_alt_text_moves_nothing_below_it(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, tmp_path: Path
) -> None:
    """A warning that goes away while typing keeps its room: the next click lands where the
    person aimed."""
    complete, _reference = library_with_pictures(library_path, tmp_path)
    window = make_window(library_path)
    window.resize(1400, 900)
    window.article_pictures.set_lead(listing(window, complete))
    pane = window.credits_pane
    pane.alt_text.setPlainText("")  # "The alt text is missing."
    qtbot.waitUntil(pane.use_problems.isVisible, timeout=5_000)
    qtbot.wait(20)
    below = (pane.usages_label, pane.edit_credit_button, pane.remove_button)
    before = [widget.mapTo(pane.details, widget.rect().topLeft()).y() for widget in below]
    pane.alt_text.setFocus()
    type_text(pane.alt_text, "Un homme assis à un bureau")
    qtbot.wait(20)
    assert "alt" not in pane.use_problems.text().lower()
    after = [widget.mapTo(pane.details, widget.rect().topLeft()).y() for widget in below]
    assert after == before
