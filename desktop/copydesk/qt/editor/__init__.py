"""The article editor: structured fields above the Markdown body."""
