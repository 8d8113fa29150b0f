"""The main window and what it is made of: the article list, autosave, its state and
preferences, the watch on other writers."""
