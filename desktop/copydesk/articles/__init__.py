"""Articles: their store and history, their checks, search and pictures, and the use cases
the window and the command line call (``operations``)."""
