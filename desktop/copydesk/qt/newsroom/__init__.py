"""The newsroom in the window: joining a desk, the sync status in the status bar, the sync
running on its own thread, and the conflicts a person settles."""
