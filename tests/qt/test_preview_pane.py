"""The preview pane alone: large pages, body patches, reading widths, scroll sync."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from copydesk.qt.preview.preview_pane import PreviewPane
from copydesk.rendering.body_patch import BlockOp, BodyPatch
from tests.qt.preview_helpers import (
    TIMEOUT_MS,
    article,
    block_top,
    evaluate,
    open_pane,
    paragraphs,
    scroll_y,
    show,
)


@pytest.fixture
def pane(qtbot: QtBot) -> Iterator[PreviewPane]:
    yield from open_pane(qtbot)


def _patch(qtbot: QtBot, pane: PreviewPane, patch: BodyPatch) -> bool:
    answers: list[bool] = []
    pane.patch_body(patch, answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=TIMEOUT_MS)
    return answers[0]


def _body_lines(qtbot: QtBot, pane: PreviewPane) -> str:
    script = (
        "Array.prototype.map.call(document.getElementById('cd-body').children,"
        " function (b) { return b.getAttribute('data-line') + ':' + b.textContent; }).join('|')"
    )
    return str(evaluate(qtbot, pane, script))


def test_a_3_mb_article_previews(qtbot: QtBot, pane: PreviewPane) -> None:
    blocks = paragraphs(7000, words=80)
    blocks.append("<p>The very last paragraph.</p>")
    html = article(blocks)
    assert len(html.encode()) > 3_000_000
    show(qtbot, pane, html)
    text = evaluate(qtbot, pane, "document.getElementById('cd-body').lastElementChild.innerText")
    assert text == "The very last paragraph."


def test_patches_insert_replace_and_remove_blocks_in_order(
    qtbot: QtBot,
    pane: PreviewPane,
) -> None:
    show(qtbot, pane, article(["<p>a</p>", "<p>b</p>", "<p>c</p>"]))
    patch = BodyPatch(
        ops=(
            BlockOp("replace", 1, "<p>B</p>"),
            BlockOp("insert", 0, "<p>new</p>"),
            BlockOp("remove", 3),
            BlockOp("insert", 3, "<p>end</p>"),
        ),
        lines=(0, 3, 5, 9),
    )
    with qtbot.waitSignal(pane.patched, timeout=TIMEOUT_MS):
        assert _patch(qtbot, pane, patch)
    assert _body_lines(qtbot, pane) == "0:new|3:a|5:B|9:end"


def test_a_patch_for_another_page_is_refused(qtbot: QtBot, pane: PreviewPane) -> None:
    show(qtbot, pane, article(["<p>a</p>"]))
    assert not _patch(qtbot, pane, BodyPatch(ops=(BlockOp("remove", 4),), lines=()))
    assert not _patch(qtbot, pane, BodyPatch(ops=(BlockOp("replace", 0, "x"),), lines=(0, 2)))


def test_content_changes_keep_the_scroll_position(qtbot: QtBot, pane: PreviewPane) -> None:
    blocks = paragraphs(200)
    show(qtbot, pane, article(blocks))
    evaluate(qtbot, pane, "window.scrollTo(0, 5000); 'ok'")
    assert scroll_y(qtbot, pane) == 5000
    blocks[0] = "<p>Changed at the top</p>"
    show(qtbot, pane, article(blocks))
    assert scroll_y(qtbot, pane) == 5000
    assert _patch(
        qtbot, pane, BodyPatch((BlockOp("replace", 3, "<p>x</p>"),), tuple(range(0, 400, 2)))
    )
    assert scroll_y(qtbot, pane) == 5000


def test_one_block_patches_on_a_50k_word_page_apply(qtbot: QtBot, pane: PreviewPane) -> None:
    """Their speed: tests/benchmarks/bench_preview.py."""
    show(qtbot, pane, article(paragraphs(800, words=62)))
    lines = tuple(range(0, 1600, 2))
    for n in range(5):
        assert _patch(qtbot, pane, BodyPatch((BlockOp("replace", 400, f"<p>edit {n}</p>"),), lines))
    assert "edit 4" in evaluate(qtbot, pane, "document.body.innerText")


def test_reading_widths_narrow_the_view_and_are_remembered(
    qtbot: QtBot,
    pane: PreviewPane,
) -> None:
    show(qtbot, pane, article(paragraphs(3)))
    assert pane.reading_width() == "desktop"
    assert evaluate(qtbot, pane, "String(window.innerWidth)") == str(pane.view.width())
    with qtbot.waitSignal(pane.reading_width_changed, timeout=TIMEOUT_MS) as changed:
        pane.toolbar.width_actions[pane._reading_width.PHONE].trigger()
    assert changed.args == ["phone"]
    assert pane.reading_width() == "phone"
    qtbot.waitUntil(lambda: evaluate(qtbot, pane, "String(window.innerWidth)") == "375")
    # The page's own media query for narrow screens applies.
    assert evaluate(qtbot, pane, "getComputedStyle(document.body).fontSize") == "17px"
    pane.set_reading_width("tablet")
    qtbot.waitUntil(lambda: evaluate(qtbot, pane, "String(window.innerWidth)") == "768")
    assert pane.toolbar.width_actions[pane._reading_width.TABLET].isChecked()
    pane.set_reading_width("nonsense")
    assert pane.reading_width() == "desktop"


def _sync_to(qtbot: QtBot, pane: PreviewPane, line: int, fraction: float) -> None:
    with qtbot.waitSignal(pane.sync.synced, timeout=TIMEOUT_MS):
        pane.scroll_to_line(line, fraction)


def test_scroll_to_line_puts_the_block_at_the_fraction(qtbot: QtBot, pane: PreviewPane) -> None:
    show(qtbot, pane, article(paragraphs(100), step=4))
    _sync_to(qtbot, pane, 200, 0.0)  # block 50 starts at line 200
    assert abs(block_top(qtbot, pane, 200)) < 1
    _sync_to(qtbot, pane, 200, 0.5)
    height = float(str(evaluate(qtbot, pane, "String(window.innerHeight)")))
    assert abs(block_top(qtbot, pane, 200) - height / 2) < 1
    _sync_to(qtbot, pane, 0, 0.0)
    assert scroll_y(qtbot, pane) == 0  # the start of the body shows the headline too


def test_scroll_to_line_interpolates_inside_a_block(qtbot: QtBot, pane: PreviewPane) -> None:
    show(qtbot, pane, article(paragraphs(100), step=4))
    positions = []
    for line in (200, 202, 204):
        _sync_to(qtbot, pane, line, 0.0)
        positions.append(scroll_y(qtbot, pane))
    assert positions[0] < positions[1] < positions[2]
    assert abs((positions[1] - positions[0]) - (positions[2] - positions[1])) <= 1


def test_only_the_latest_scroll_request_runs(
    qtbot: QtBot, pane: PreviewPane, monkeypatch: pytest.MonkeyPatch
) -> None:
    show(qtbot, pane, article(paragraphs(100), step=4))
    runs: list[int] = []
    run_latest = pane.sync._run_latest
    monkeypatch.setattr(pane.sync, "_run_latest", lambda: (runs.append(1), run_latest()))
    with qtbot.waitSignal(pane.sync.synced, timeout=TIMEOUT_MS):
        for line in range(0, 298, 3):  # a fast editor scroll: 100 requests in one go
            pane.scroll_to_line(line, 0.0)
    assert len(runs) == 2  # the first, then the latest of the 99 that came meanwhile
    assert -100 < block_top(qtbot, pane, 296) < 0  # line 297 is a quarter into block 296


def test_scrolling_the_page_reports_the_line_at_its_top(qtbot: QtBot, pane: PreviewPane) -> None:
    show(qtbot, pane, article(paragraphs(100), step=4))
    y = scroll_y(qtbot, pane) + block_top(qtbot, pane, 120)
    with qtbot.waitSignal(pane.scrolled_to_line, timeout=TIMEOUT_MS) as scrolled:
        evaluate(qtbot, pane, f"window.scrollTo(0, {y}); 'ok'")
    assert abs(scrolled.args[0] - 120) < 0.1
    with qtbot.waitSignal(pane.scrolled_to_line, timeout=TIMEOUT_MS) as scrolled:
        evaluate(qtbot, pane, f"window.scrollTo(0, {y - 100}); 'ok'")
    assert 116 < scrolled.args[0] < 120  # inside the block before, interpolated


def test_programmatic_scrolls_do_not_echo(qtbot: QtBot, pane: PreviewPane) -> None:
    show(qtbot, pane, article(paragraphs(100), step=4))
    echoes: list[float] = []
    pane.scrolled_to_line.connect(echoes.append)
    for line in (40, 120, 300):
        with qtbot.waitSignal(pane.sync.synced, timeout=TIMEOUT_MS):
            pane.scroll_to_line(line, 0.3)
        qtbot.wait(150)
    assert echoes == []


def test_clicking_a_block_reports_its_line(qtbot: QtBot, pane: PreviewPane) -> None:
    show(
        qtbot,
        pane,
        article(["<p>one</p>", "<p>two <em id='inside'>here</em></p>"], first_line=3, step=7),
    )
    with qtbot.waitSignal(pane.block_clicked, timeout=TIMEOUT_MS) as clicked:
        evaluate(qtbot, pane, "document.getElementById('inside').click(); 'ok'")
    assert clicked.args == [10]


def test_sync_can_be_switched_off(qtbot: QtBot, pane: PreviewPane) -> None:
    show(qtbot, pane, article(paragraphs(100), step=4))
    with qtbot.waitSignal(pane.sync_enabled_changed, timeout=TIMEOUT_MS) as changed:
        pane.toolbar.sync_action.trigger()
    assert changed.args == [False] and not pane.sync_enabled()
    reported: list[float] = []
    pane.scrolled_to_line.connect(reported.append)
    pane.scroll_to_line(200, 0.0)
    evaluate(qtbot, pane, "window.scrollTo(0, 3000); 'ok'")
    qtbot.wait(200)
    assert reported == []
    assert scroll_y(qtbot, pane) == 3000
    pane.set_sync_enabled(True)
    assert pane.toolbar.sync_action.isChecked()


def test_a_pane_narrower_than_the_device_says_so(qtbot: QtBot, pane: PreviewPane) -> None:
    show(qtbot, pane, article(paragraphs(2)))
    pane.resize(500, 600)
    pane.set_reading_width("tablet")  # 768 px do not fit in 500
    qtbot.waitUntil(pane.narrow_note.isVisible, timeout=TIMEOUT_MS)
    assert "narrower than a tablet (768 px)" in pane.narrow_note.text()
    pane.set_reading_width("phone")  # 375 px do
    qtbot.waitUntil(lambda: not pane.narrow_note.isVisible(), timeout=TIMEOUT_MS)
    pane.resize(300, 600)
    qtbot.waitUntil(pane.narrow_note.isVisible, timeout=TIMEOUT_MS)
    assert "a phone (375 px)" in pane.narrow_note.text()
    pane.set_reading_width("desktop")
    qtbot.waitUntil(lambda: not pane.narrow_note.isVisible(), timeout=TIMEOUT_MS)
