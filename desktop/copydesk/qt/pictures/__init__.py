"""The photo desk's screens: the picture library, the credit editor, the credits pane."""
