"""Import and export in the window."""
