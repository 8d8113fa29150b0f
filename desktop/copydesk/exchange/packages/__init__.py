"""Publishing packages: building an article's package, writing it, exporting many."""
