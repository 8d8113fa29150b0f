"""The checks panel and the live checks of the article being edited."""
