"""Publishing packages from the window: File ▸ Export Article… and Export Several Articles…"""
