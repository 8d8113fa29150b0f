"""File ▸ Export Article… and Export Several Articles…: packages written from the window, off
its GUI thread, with the typed text saved first, refusals worded as in the Checks panel,
failures named, a batch's progress, Cancel and report."""

from __future__ import annotations

import errno
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from copydesk.articles import store as articles
from copydesk.articles.sample import sample_content
from copydesk.exchange.ninjs.schema import validate
from copydesk.exchange.packages import export as packages
from copydesk.exchange.packages.export import (
    ARTICLE_MARKDOWN,
    ARTICLE_NINJS,
    BatchOutcome,
    BatchReport,
)
from copydesk.qt.exchange.export import exporter as exporter_module
from copydesk.qt.exchange.export.exporter import ExportSettings, Selection, SingleOutcome
from copydesk.qt.exchange.export.options_dialog import ExportDialog
from copydesk.qt.exchange.export.results import BatchReportDialog, RefusedDialog
from copydesk.qt.window.main_window import MainWindow
from copydesk.qt.window.state import WindowState
from copydesk.records.article import ArticleContent, ArticleQuery, ArticleStatus
from tests.helpers import opened
from tests.qt.conftest import MakeWindow
from tests.qt.qt_helpers import type_at_end

EXPORT_MS = 60_000


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def state(out: Path) -> WindowState:
    """A window state that remembers ``out`` as the export folder."""
    remembered = WindowState.ephemeral()
    remembered.set_text("export/folder", str(out))
    return remembered


@pytest.fixture(autouse=True)
def no_file_manager(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Show in Folder records the folder rather than opening a file manager."""
    opened_urls: list[str] = []

    def open_url(url: Any) -> bool:
        opened_urls.append(url.toLocalFile())
        return True

    monkeypatch.setattr("copydesk.qt.exchange.export.results.QDesktopServices.openUrl", open_url)
    return opened_urls


def add_articles(path: Path, contents: list[ArticleContent]) -> list[int]:
    with opened(path, sample=True) as library, library.write() as session:
        return [articles.create_article(session, content).id for content in contents]


def text_only(number: int, status: ArticleStatus) -> ArticleContent:
    return sample_content().replace(
        headline=f"Brève numéro {number} sur la coopérative", status=status
    )


def export_dialog(window: MainWindow) -> ExportDialog:
    dialog = window.exports.dialog
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    return dialog


def export_article(qtbot: QtBot, window: MainWindow, **choices: Any) -> SingleOutcome:
    """File ▸ Export Article…, then Export in the dialog; the outcome once it arrived."""
    window.exports.export_action.trigger()
    qtbot.waitUntil(lambda: isinstance(window.exports.dialog, ExportDialog), timeout=10_000)
    dialog = export_dialog(window)
    if "as_zip" in choices:
        dialog.format_combo.setCurrentIndex(1 if choices["as_zip"] else 0)
    if "folder" in choices:
        dialog.folder.setText(str(choices["folder"]))
    with qtbot.waitSignal(window.exports.finished, timeout=EXPORT_MS) as finished:
        dialog.export_button.click()
    outcome: SingleOutcome = finished.args[0]
    return outcome


def ninjs_of(package: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((package / ARTICLE_NINJS).read_text(encoding="utf-8"))
    return document


def everything_in(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*"))


# ---- one article ------------------------------------------------------------------------------


def test_the_sample_article_exports_from_the_window(
    qtbot: QtBot,
    make_window: MakeWindow,
    library_path: Path,
    state: WindowState,
    out: Path,
    no_file_manager: list[str],
) -> None:
    window = make_window(library_path, state=state)
    assert window.exports.export_action.isEnabled()
    assert window.exports.export_action.shortcut().toString() == "Ctrl+E"
    outcome = export_article(qtbot, window)
    assert outcome.error is None and outcome.result is not None
    package = outcome.result.path
    assert package.parent == out and package.name == window.current.slug
    document = ninjs_of(package)
    validate(document, "3.1")
    assert document["headlines"][0]["value"] == window.current.content.headline

    box = window.exports.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text() == f"“{window.current.content.headline}” was exported."
    assert str(package) in box.informativeText()
    assert str(package) in window.statusBar().currentMessage()
    (show,) = [b for b in box.buttons() if b.text() == "Show in Folder"]
    show.click()
    assert no_file_manager == [str(out)]


def test_the_choices_are_remembered_and_a_zip_in_ninjs_2_2_can_be_asked_for(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, state: WindowState, out: Path
) -> None:
    window = make_window(library_path, state=state)
    window.exports.export_action.trigger()
    dialog = export_dialog(window)
    dialog.format_combo.setCurrentIndex(1)
    dialog.ninjs_combo.setCurrentIndex(dialog.ninjs_combo.findData("2.2"))
    with qtbot.waitSignal(window.exports.finished, timeout=EXPORT_MS) as finished:
        dialog.export_button.click()
    outcome: SingleOutcome = finished.args[0]
    assert outcome.result is not None and outcome.result.path.name.endswith(".copydesk.zip")
    assert outcome.result.manifest["ninjs_version"] == "2.2"
    window.exports.dialog.close()

    window.exports.export_action.trigger()
    again = export_dialog(window)
    assert again.settings() == ExportSettings(out, as_zip=True, ninjs_version="2.2")
    # The package is there: the dialog says it will be replaced, and so does the outcome.
    assert "will be replaced" in again.note.text()
    with qtbot.waitSignal(window.exports.finished, timeout=EXPORT_MS) as finished:
        again.export_button.click()
    assert finished.args[0].replaced
    assert "replaces" in window.exports.dialog.informativeText()


def test_text_typed_and_not_yet_saved_is_in_the_package(
    qtbot: QtBot,
    make_window: MakeWindow,
    library_path: Path,
    state: WindowState,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(library_path, state=state, synchronous=False)
    window.autosave.set_intervals(idle_ms=60_000, retry_ms=60_000)  # only the export saves
    threads: list[str] = []
    real_export_package = packages.export_package

    def export_package(*args: Any, **kwargs: Any) -> packages.ExportResult:
        threads.append(threading.current_thread().name)
        return real_export_package(*args, **kwargs)

    monkeypatch.setattr(packages, "export_package", export_package)
    type_at_end(qtbot, window, "\n\nUne phrase tapée juste avant l’export.")
    assert window.has_unsaved_changes()
    outcome = export_article(qtbot, window)
    assert outcome.result is not None
    assert threads and threads[0].startswith("copydesk-export")  # not the GUI's
    assert not window.has_unsaved_changes()
    markdown = (outcome.result.path / ARTICLE_MARKDOWN).read_text(encoding="utf-8")
    assert "Une phrase tapée juste avant l’export." in markdown
    assert "Une phrase tapée juste avant l’export." in json.dumps(
        ninjs_of(outcome.result.path), ensure_ascii=False
    )


def test_text_that_could_not_be_saved_is_not_exported(
    qtbot: QtBot,
    make_window: MakeWindow,
    library_path: Path,
    state: WindowState,
    out: Path,
    broken_saves: list[bool],
) -> None:
    window = make_window(library_path, state=state)
    type_at_end(qtbot, window, "\n\nUne phrase que le disque plein refuse.")
    window.exports.export_action.trigger()
    box = window.exports.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text() == "The article could not be saved, so it was not exported."
    assert everything_in(out) == []
    box.close()
    broken_saves[0] = False
    outcome = export_article(qtbot, window)
    assert outcome.result is not None
    markdown = (outcome.result.path / ARTICLE_MARKDOWN).read_text(encoding="utf-8")
    assert "Une phrase que le disque plein refuse." in markdown


def test_an_article_with_errors_is_refused_with_the_checks_wording(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, state: WindowState, out: Path
) -> None:
    window = make_window(library_path, state=state)
    window.editor.headline.clear()  # "The headline is missing.", an error
    window.editor.body.clear()
    window.side_tabs.setCurrentWidget(window.editor.outline)
    # Exported without the dialog (as when the checks had not caught up yet): refused.
    window.flush_autosave()
    with qtbot.waitSignal(window.exports.finished, timeout=EXPORT_MS) as finished:
        window.exports.export_open_article(ExportSettings(out))
    outcome: SingleOutcome = finished.args[0]
    assert isinstance(outcome.error, packages.ExportRefused)
    assert everything_in(out) == []

    dialog = window.exports.dialog
    assert isinstance(dialog, RefusedDialog) and dialog.isVisible()
    lines = dialog.lines()
    assert "Headline — The headline is missing." in lines
    assert "Body — The body is empty." in lines
    assert "Nothing was written." in dialog.message.text()

    dialog.checks_button.click()
    assert window.side_tabs.currentWidget() is window.checks_panel
    assert not dialog.isVisible()
    # The same wording as the Checks panel.
    panel = window.checks_panel.model
    shown = {panel.data(panel.index(row)) for row in range(panel.rowCount())}
    assert set(lines) <= shown


def test_the_export_dialog_shows_the_errors_before_export(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, state: WindowState, out: Path
) -> None:
    window = make_window(library_path, state=state)
    window.editor.headline.clear()  # "The headline is missing.", an error
    window.checks.check_now()
    qtbot.waitUntil(lambda: bool(window.checks_panel.problems()), timeout=10_000)
    window.side_tabs.setCurrentWidget(window.editor.outline)
    window.exports.export_action.trigger()
    qtbot.waitUntil(lambda: isinstance(window.exports.dialog, ExportDialog), timeout=10_000)
    dialog = export_dialog(window)
    shown = [dialog.error_list.item(row).text() for row in range(dialog.error_list.count())]
    assert "Headline — The headline is missing." in shown
    assert not dialog.export_button.isEnabled()
    dialog.checks_button.click()
    assert not dialog.isVisible()
    assert window.side_tabs.currentWidget() is window.checks_panel
    assert everything_in(out) == []


def test_warnings_refuse_only_when_not_accepted(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, state: WindowState, out: Path
) -> None:
    window = make_window(library_path, state=state)
    window.editor.standfirst.clear()  # "The standfirst is missing.", a warning
    window.exports.export_action.trigger()
    dialog = export_dialog(window)
    dialog.accept_warnings.setChecked(False)
    with qtbot.waitSignal(window.exports.finished, timeout=EXPORT_MS) as finished:
        dialog.export_button.click()
    assert isinstance(finished.args[0].error, packages.ExportRefused)
    assert any("standfirst is missing" in line for line in window.exports.dialog.lines())
    assert everything_in(out) == []


@pytest.fixture
def read_only(out: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """``out`` made read-only. Root writes there anyway: then creating anything in it fails
    the way it would for anyone else (EACCES)."""
    out.chmod(0o555)
    if os.geteuid() == 0:
        real_mkdir = Path.mkdir

        def mkdir(self: Path, *args: Any, **kwargs: Any) -> None:
            if self.parent == out:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
            real_mkdir(self, *args, **kwargs)

        monkeypatch.setattr(Path, "mkdir", mkdir)
    yield out
    out.chmod(0o755)


def test_a_read_only_folder_fails_with_the_reason(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, state: WindowState, read_only: Path
) -> None:
    window = make_window(library_path, state=state)
    outcome = export_article(qtbot, window)
    assert isinstance(outcome.error, packages.ExportFailed)
    box = window.exports.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text() == "The package could not be written: permission denied."
    package = read_only / window.current.slug
    assert box.informativeText() == f"{package}\nNothing was written."
    assert "Permission denied" in window.statusBar().currentMessage()
    assert everything_in(read_only) == []


def test_a_folder_that_does_not_exist_cannot_be_chosen(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, state: WindowState, out: Path
) -> None:
    window = make_window(library_path, state=state)
    window.exports.export_action.trigger()
    dialog = export_dialog(window)
    dialog.folder.setText(str(out / "nowhere"))
    assert not dialog.export_button.isEnabled()
    assert dialog.problem.text() == "This folder does not exist."
    dialog.folder.setText(str(out))
    assert dialog.export_button.isEnabled()
    dialog.reject()


def test_a_folder_removed_after_it_was_chosen_is_named(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, state: WindowState, out: Path
) -> None:
    window = make_window(library_path, state=state)
    window.exports.export_action.trigger()
    dialog = export_dialog(window)
    out.rmdir()
    with qtbot.waitSignal(window.exports.finished, timeout=EXPORT_MS) as finished:
        dialog.export_button.click()
    assert isinstance(finished.args[0].error, packages.ExportFailed)
    box = window.exports.dialog
    assert box.text() == "The package could not be written: the folder does not exist."
    assert box.informativeText() == f"{out}\nNothing was written."


def test_the_actions_wait_for_a_library(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    not_a_library = tmp_path / "notes.copydesk"
    not_a_library.write_text("not a library")
    window = make_window(not_a_library, create_library=False, wait=False)
    window.show()
    qtbot.waitUntil(lambda: window.save_label.text() == "No library open", timeout=10_000)
    window.exports.refresh()
    assert not window.exports.export_action.isEnabled()
    assert not window.exports.batch_action.isEnabled()
    window.exports.export_action.trigger()
    assert window.exports.dialog is None


# ---- several articles ----------------------------------------------------------------------------


def test_a_batch_by_status_exports_those_articles_with_progress(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, state: WindowState, out: Path
) -> None:
    ready = add_articles(library_path, [text_only(n, ArticleStatus.READY) for n in range(3)])
    refused = add_articles(
        library_path,
        [text_only(9, ArticleStatus.READY).replace(headline="Sans corps", body="")],
    )
    add_articles(library_path, [text_only(5, ArticleStatus.DRAFT)])
    window = make_window(library_path, state=state)
    steps: list[tuple[int, int]] = []
    window.exports.exporter.progressed.connect(lambda done, total: steps.append((done, total)))

    window.exports.batch_action.trigger()
    qtbot.waitUntil(lambda: isinstance(window.exports.dialog, ExportDialog), timeout=10_000)
    dialog = export_dialog(window)
    assert dialog.status_choice.isChecked()
    assert dialog.chosen_status() is ArticleStatus.READY  # the default
    with qtbot.waitSignal(window.exports.batch_finished, timeout=EXPORT_MS) as finished:
        dialog.export_button.click()
    report: BatchReport = finished.args[0]

    assert {item.article_id for item in report.items} == {*ready, *refused}
    assert report.count(BatchOutcome.EXPORTED) == 3
    assert report.count(BatchOutcome.REFUSED) == 1
    assert steps[-1] == (4, 4)
    exported = sorted(item.path.name for item in report.items if item.path is not None)
    assert sorted(os.listdir(out)) == exported
    for name in exported:
        validate(ninjs_of(out / name), "3.1")

    shown = window.exports.dialog
    assert isinstance(shown, BatchReportDialog) and shown.isVisible()
    assert "3 packages exported, 1 refused by their checks, 0 failed." in shown.summary.text()
    (line,) = shown.lines()
    assert line.startswith("sans-corps — refused: body: The body is empty.")
    assert window.exports.progress is None  # the progress dialog is gone


def test_a_batch_of_the_articles_listed(
    qtbot: QtBot,
    make_window: MakeWindow,
    library_path: Path,
    state: WindowState,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from copydesk.articles import operations

    monkeypatch.setattr(operations, "PAGE_SIZE", 1)  # the list fetches one row at a time
    add_articles(library_path, [text_only(n, ArticleStatus.DRAFT) for n in range(2)])
    window = make_window(library_path, state=state)
    window.article_list.search_field.setText("numéro")  # the list finds the two briefs
    qtbot.waitUntil(lambda: window.article_list.model.count() == (2, True))
    window.exports.batch_action.trigger()
    qtbot.waitUntil(lambda: isinstance(window.exports.dialog, ExportDialog), timeout=10_000)
    dialog = export_dialog(window)
    assert "The 2 articles in the list" in dialog.listed_choice.text()
    dialog.listed_choice.setChecked(True)
    # The list's query, not the rows it has fetched so far: every article it finds goes.
    assert dialog.selection() == Selection(query=ArticleQuery("numéro"))
    with qtbot.waitSignal(window.exports.batch_finished, timeout=EXPORT_MS) as finished:
        dialog.export_button.click()
    report: BatchReport = finished.args[0]
    assert report.complete and len(report.items) == 2
    assert len(os.listdir(out)) == 2


def test_cancel_stops_a_batch_and_the_window_stays_responsive(
    qtbot: QtBot,
    make_window: MakeWindow,
    library_path: Path,
    state: WindowState,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    count = 160
    add_articles(library_path, [text_only(n, ArticleStatus.READY) for n in range(count)])
    window = make_window(library_path, state=state, synchronous=False)
    threads: list[str] = []
    real_export_many = packages.export_many

    def export_many(*args: Any, **kwargs: Any) -> BatchReport:
        threads.append(threading.current_thread().name)
        return real_export_many(*args, **kwargs)

    monkeypatch.setattr(packages, "export_many", export_many)
    ticks: list[int] = []
    timer = QTimer(window)
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(len(ticks)))
    timer.start()

    steps: list[tuple[int, int]] = []
    controller = window.exports

    def progressed(done: int, total: int) -> None:
        steps.append((done, total))
        if done >= 1 and controller.progress is not None:
            ticks_at_first_package.append(len(ticks))
            controller.progress.findChild(QPushButton).click()  # Cancel

    ticks_at_first_package: list[int] = []
    controller.exporter.progressed.connect(progressed)
    controller.batch_action.trigger()
    qtbot.waitUntil(lambda: isinstance(controller.dialog, ExportDialog), timeout=10_000)
    dialog = export_dialog(window)
    with qtbot.waitSignal(controller.batch_finished, timeout=EXPORT_MS) as finished:
        dialog.export_button.click()
        assert not controller.batch_action.isEnabled()  # one export at a time
    report: BatchReport = finished.args[0]
    timer.stop()

    assert threads and all(name.startswith("copydesk-export") for name in threads)
    assert threading.current_thread() is threading.main_thread()
    assert report.cancelled
    assert 1 <= len(report.items) < count
    assert len(os.listdir(out)) == report.count(BatchOutcome.EXPORTED)
    assert [name for name in os.listdir(out) if name.startswith(".")] == []
    assert steps[0] == (0, count)
    shown = window.exports.dialog
    assert isinstance(shown, BatchReportDialog)
    assert shown.summary.text().startswith("Export cancelled")
    assert controller.batch_action.isEnabled()
    # The GUI thread kept turning while the batch ran.
    assert ticks_at_first_package and len(ticks) > 1


def test_the_window_turns_while_a_batch_runs(
    qtbot: QtBot,
    make_window: MakeWindow,
    library_path: Path,
    state: WindowState,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A batch whose export thread is held: the GUI thread's timers still fire, and the
    editor still saves (the database thread is free)."""
    window = make_window(library_path, state=state, synchronous=False)
    release = threading.Event()
    real_resolve = Selection.resolve

    def slow_resolve(self: Selection, library: Any) -> list[int]:
        release.wait(20)
        return real_resolve(self, library)

    monkeypatch.setattr(exporter_module.Selection, "resolve", slow_resolve)
    controller = window.exports
    controller.start_batch(
        window.library, Selection(status=ArticleStatus.DRAFT), ExportSettings(out)
    )
    fired: list[bool] = []
    QTimer.singleShot(50, lambda: fired.append(True))
    qtbot.waitUntil(lambda: bool(fired), timeout=5_000)
    type_at_end(qtbot, window, "\n\nSauvé pendant l’export.")
    with qtbot.waitSignal(window.article_saved, timeout=5_000):
        window.flush_autosave()
    assert controller.running
    with qtbot.waitSignal(controller.batch_finished, timeout=EXPORT_MS) as finished:
        release.set()
    assert finished.args[0].complete
    (package,) = out.iterdir()
    assert "Sauvé pendant l’export." in (package / ARTICLE_MARKDOWN).read_text(encoding="utf-8")


def test_closing_the_window_during_a_batch_stops_it(
    qtbot: QtBot,
    make_window: MakeWindow,
    library_path: Path,
    state: WindowState,
    out: Path,
) -> None:
    add_articles(library_path, [text_only(n, ArticleStatus.READY) for n in range(40)])
    window = make_window(library_path, state=state, synchronous=False)
    controller = window.exports
    controller.start_batch(
        window.library, Selection(status=ArticleStatus.READY), ExportSettings(out)
    )
    window.close()
    assert not controller.running or controller.exporter.cancelling
    assert [name for name in os.listdir(out) if name.startswith(".")] == []
