"""The main window's layout as the person left it: splitter sizes, the credits pane, the
preview's reading width and scroll sync, kept in the window state."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from copydesk.qt.window.main_window import MainWindow


def restore_layout(window: MainWindow) -> None:
    """The sizes, panes and preview settings the window had when it was last closed."""
    state = window.state
    geometry = state.bytes_value("window/geometry")
    if geometry is None or not window.restoreGeometry(geometry):
        window.resize(1400, 900)
    splitter = state.bytes_value("window/splitter")
    if splitter is None or not window.splitter.restoreState(splitter):
        window.splitter.setSizes([280, 520, 480, 300])
    credits_shown = state.text_value("window/credits-pane", "on") == "on"
    window.credits_action.setChecked(credits_shown)
    window.credits_pane.setVisible(credits_shown)
    window.preview.set_reading_width(state.text_value("preview/reading-width", "desktop"))
    sync = state.text_value("preview/sync", "on") == "on"
    window.preview.set_sync_enabled(sync)
    window.scroll_sync.set_enabled(sync)
    left = state.bytes_value("window/left-splitter")
    if left is None or not window.left_splitter.restoreState(left):
        window.left_splitter.setSizes([420, 380])


def save_splitters(window: MainWindow) -> None:
    window.state.set_bytes("window/splitter", window.splitter.saveState())
    window.state.set_bytes("window/left-splitter", window.left_splitter.saveState())
    window.state.sync()


def toggle_sync(window: MainWindow, enabled: bool) -> None:
    if enabled != window.scroll_sync.enabled:
        window.scroll_sync.set_enabled(enabled)
    window.state.set_text("preview/sync", "on" if enabled else "off")
