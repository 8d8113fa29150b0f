"""The checks panel's list follows each new check by difference: rows come and go one by one and
problems that only moved are updated in place, so the view keeps its selection and its scroll
position instead of being rebuilt after every pause in typing."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, QPoint
from PySide6.QtWidgets import QListView
from pytestqt.qtbot import QtBot

from copydesk.articles.checks import check_article
from copydesk.preferences import Preferences
from copydesk.qt.checks.panel import ChecksPanel, ProblemListModel, ProblemRole
from copydesk.qt.checks.problem_diff import align
from copydesk.records.article import ArticleContent
from copydesk.records.problem import Problem, Severity


@dataclasses.dataclass
class Emitted:
    """What the model told its views, as (first row, last row) pairs."""

    resets: int = 0
    inserted: list[tuple[int, int]] = dataclasses.field(default_factory=list)
    removed: list[tuple[int, int]] = dataclasses.field(default_factory=list)
    changed: list[tuple[int, int]] = dataclasses.field(default_factory=list)


@pytest.fixture
def panel(qtbot: QtBot) -> ChecksPanel:
    widget = ChecksPanel()
    qtbot.addWidget(widget)
    widget.resize(500, 300)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def emitted(panel: ChecksPanel) -> Iterator[Emitted]:
    model, record = panel.model, Emitted()

    def on_reset() -> None:
        record.resets += 1

    def on_inserted(_parent: QModelIndex, first: int, last: int) -> None:
        record.inserted.append((first, last))

    def on_removed(_parent: QModelIndex, first: int, last: int) -> None:
        record.removed.append((first, last))

    def on_changed(top_left: QModelIndex, bottom_right: QModelIndex, _roles: object) -> None:
        record.changed.append((top_left.row(), bottom_right.row()))

    model.modelReset.connect(on_reset)
    model.rowsInserted.connect(on_inserted)
    model.rowsRemoved.connect(on_removed)
    model.dataChanged.connect(on_changed)
    yield record
    for signal, slot in (
        (model.modelReset, on_reset),
        (model.rowsInserted, on_inserted),
        (model.rowsRemoved, on_removed),
        (model.dataChanged, on_changed),
    ):
        signal.disconnect(slot)


def problem(n: int, start: int, code: str = "typography.fr.space_before_colon") -> Problem:
    """Problem ``n`` of a body: its params tell it apart from the others of its code."""
    return Problem(
        code,
        Severity.WARNING,
        "body",
        start,
        start + 1,
        f"Problem {n}.",
        params={"mark": str(n)},
        line=1 + start // 40,
        column=1 + start % 40,
    )


def listing(count: int, shift: int = 0) -> list[Problem]:
    return [problem(n, 10 * n + shift) for n in range(count)]


def moved(problems: list[Problem], shift: int) -> list[Problem]:
    return [
        dataclasses.replace(p, start=p.start + shift, end=p.end + shift, column=p.column + shift)
        for p in problems
    ]


def model_problems(panel: ChecksPanel) -> list[Problem]:
    model = panel.model
    return [model.index(row).data(ProblemRole) for row in range(model.rowCount())]


def top_problem(panel: ChecksPanel) -> Problem:
    index = panel.view.indexAt(QPoint(0, 0))
    assert index.isValid()
    return panel.model.problems[index.row()]


# ---------------------------------------------------------------------------------------------
# Rows by difference


def test_problems_that_only_move_are_changed_in_place(panel: ChecksPanel, emitted: Emitted) -> None:
    panel.set_problems(listing(20))
    emitted.resets = 0
    panel.set_problems(listing(20, shift=7))  # typing before all of them
    assert emitted == Emitted(changed=[(0, 19)])
    assert model_problems(panel) == listing(20, shift=7)


def test_only_the_rows_that_moved_are_changed(panel: ChecksPanel, emitted: Emitted) -> None:
    problems = listing(20)
    panel.set_problems(problems)
    emitted.resets = 0
    newer = problems[:8] + moved(problems[8:], 3)  # typing between problems 7 and 8
    panel.set_problems(newer)
    assert emitted == Emitted(changed=[(8, 19)])
    assert model_problems(panel) == newer


def test_a_new_problem_is_one_inserted_row(panel: ChecksPanel, emitted: Emitted) -> None:
    problems = listing(20)
    panel.set_problems(problems)
    emitted.resets = 0
    added = problem(99, 52, code="typography.double_space")
    newer = [*problems[:6], added, *moved(problems[6:], 2)]
    panel.set_problems(newer)
    assert emitted == Emitted(inserted=[(6, 6)], changed=[(7, 20)])
    assert model_problems(panel) == newer


def test_a_fixed_problem_is_one_removed_row(panel: ChecksPanel, emitted: Emitted) -> None:
    problems = listing(20)
    panel.set_problems(problems)
    emitted.resets = 0
    newer = problems[:12] + problems[13:]
    panel.set_problems(newer)
    assert emitted == Emitted(removed=[(12, 12)])
    assert model_problems(panel) == newer


def test_a_reworded_problem_stays_its_row(panel: ChecksPanel, emitted: Emitted) -> None:
    """The headline's length is in its params: one more letter is the same problem."""
    problems = check_article(ArticleContent(headline="x" * 95), Preferences(), date(2025, 3, 20))
    panel.set_problems(problems)
    emitted.resets = 0
    longer = check_article(ArticleContent(headline="x" * 96), Preferences(), date(2025, 3, 20))
    assert len(longer) == len(problems) and longer != problems
    panel.set_problems(longer)
    assert emitted.resets == 0 and not emitted.inserted and not emitted.removed
    assert emitted.changed == [(row, row) for row, p in enumerate(problems) if p != longer[row]]


def test_typing_in_a_real_article_resets_nothing(panel: ChecksPanel, emitted: Emitted) -> None:
    content = ArticleContent(headline="Titre : un", body="\n".join(["Texte : l'un"] * 60))
    problems = check_article(content, Preferences(), date(2025, 3, 20))
    panel.set_problems(problems)
    emitted.resets = 0
    typed = check_article(
        content.replace(body="Ajout. " + content.body), Preferences(), date(2025, 3, 20)
    )
    panel.set_problems(typed)
    body_rows = [row for row, p in enumerate(problems) if p.field == "body"]
    assert emitted == Emitted(changed=[(body_rows[0], body_rows[-1])])
    assert model_problems(panel) == typed


def test_a_first_check_or_none_left_is_a_reset(panel: ChecksPanel, emitted: Emitted) -> None:
    panel.set_problems(listing(5))
    assert emitted == Emitted(resets=1)
    panel.set_problems([])
    assert emitted == Emitted(resets=2)


def test_too_many_changes_to_align_are_a_reset(panel: ChecksPanel, emitted: Emitted) -> None:
    """Every other one of 300 problems of two kinds fixed at once: aligning would cost more."""
    problems = [problem(n % 2, 10 * n) for n in range(300)]
    panel.set_problems(problems)
    emitted.resets = 0
    assert align(problems, problems[::2]) is None
    panel.set_problems(problems[::2])
    assert emitted == Emitted(resets=1)
    assert model_problems(panel) == problems[::2]


def test_the_model_can_be_replaced_directly(qtbot: QtBot) -> None:
    model = ProblemListModel({})
    model.replace(listing(3))
    model.replace(listing(4, shift=1))
    assert model.problems == listing(4, shift=1) and model.rowCount() == 4


def test_repeated_problems_are_matched_in_order() -> None:
    """The same misspelt word three times, one of them corrected: an alignment, not a dict."""
    word = [problem(1, start) for start in (10, 30, 50)]
    other = problem(2, 40)
    old = [word[0], word[1], other, word[2]]
    new = [moved([word[0]], 1)[0], other, word[2]]
    assert align(old, new) == [
        ("equal", 0, 1, 0, 1),
        ("delete", 1, 2, 1, 1),
        ("equal", 2, 4, 1, 3),
    ]


def test_leftover_rows_are_paired_by_kind() -> None:
    old = [problem(1, 0), problem(2, 10), problem(3, 20)]
    reworded = dataclasses.replace(old[1], params={"mark": "two"})
    new = [old[0], reworded, problem(4, 15, code="typography.double_space"), old[2]]
    assert align(old, new) == [
        ("equal", 0, 1, 0, 1),
        ("equal", 1, 2, 1, 2),
        ("insert", 2, 2, 2, 3),
        ("equal", 2, 3, 3, 4),
    ]


# ---------------------------------------------------------------------------------------------
# The view keeps its place


def scrolled(panel: ChecksPanel, qtbot: QtBot, problems: list[Problem]) -> int:
    """``problems`` shown, row 40 at the top (5 pixels of it hidden when scrolling by pixel),
    and a row in the middle of the view selected."""
    panel.set_problems(problems)
    view, bar = panel.view, panel.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 60)
    view.scrollTo(panel.model.index(40), QListView.ScrollHint.PositionAtTop)
    if view.verticalScrollMode() == QListView.ScrollMode.ScrollPerPixel:
        bar.setValue(bar.value() + 5)
    assert view.indexAt(QPoint(0, 0)).row() == 40
    value = bar.value()
    view.setCurrentIndex(panel.model.index(43))
    assert bar.value() == value  # in sight: no scrolling
    return 43


def top_offset(panel: ChecksPanel) -> int:
    return panel.view.visualRect(panel.view.indexAt(QPoint(0, 0))).top()


def test_the_selection_and_the_scroll_stay_when_problems_move(
    panel: ChecksPanel, qtbot: QtBot
) -> None:
    problems = listing(150)
    row = scrolled(panel, qtbot, problems)
    bar = panel.view.verticalScrollBar()
    value, top = bar.value(), top_problem(panel)
    # Six letters typed above: each problem is now nearer the next one's old place than its own,
    # which a search by position gets wrong.
    newer = listing(150, shift=6)
    panel.set_problems(newer)
    qtbot.wait(10)  # the view's delayed layout, if any
    assert panel.selected_problem() == newer[row]
    assert panel.view.currentIndex().row() == row
    assert panel.view.selectionModel().isRowSelected(row, QModelIndex())
    assert bar.value() == value
    assert top_problem(panel) == newer[problems.index(top)]


@pytest.mark.parametrize("mode", list(QListView.ScrollMode), ids=lambda mode: mode.name)
def test_rows_removed_or_added_above_leave_the_view_on_its_problems(
    panel: ChecksPanel, qtbot: QtBot, mode: QListView.ScrollMode
) -> None:
    panel.view.setVerticalScrollMode(mode)
    problems = listing(150)
    row = scrolled(panel, qtbot, problems)
    top, offset, selected = top_problem(panel), top_offset(panel), problems[row]
    fewer = problems[:3] + problems[5:]  # two fixed above the view
    panel.set_problems(fewer)
    assert panel.selected_problem() == selected
    assert (top_problem(panel), top_offset(panel)) == (top, offset)
    more = [problem(99, 1, code="typography.double_space"), *fewer]
    panel.set_problems(more)
    assert panel.selected_problem() == selected
    assert (top_problem(panel), top_offset(panel)) == (top, offset)


def test_a_selected_problem_that_is_fixed_gives_way_to_one_of_its_kind(
    panel: ChecksPanel, qtbot: QtBot
) -> None:
    problems = listing(10)
    panel.set_problems(problems)
    panel.view.setCurrentIndex(panel.model.index(4))
    panel.set_problems(problems[:4] + problems[5:])
    # The nearest of the same code in the same field (the one before on a tie).
    assert panel.selected_problem() == problems[3]
    other = problem(50, 500, code="typography.double_space")
    panel.set_problems([problems[0], other])
    panel.view.setCurrentIndex(panel.model.index(1))
    panel.set_problems([problems[0]])
    assert panel.selected_problem() is None
