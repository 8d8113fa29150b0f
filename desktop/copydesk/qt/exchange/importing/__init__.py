"""File ▸ Import Articles…: the window's side of importing articles."""
