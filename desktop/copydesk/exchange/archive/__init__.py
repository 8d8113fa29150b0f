"""The library archive: every row and picture of a library in one zip, and back."""
