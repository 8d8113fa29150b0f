"""Article → HTML, the one code path shared by the preview and the exports.

``rendering.article`` renders articles (Markdown, sanitizing); ``rendering.page`` wraps a
fragment in the house page and imports nothing heavy, so the preview's empty page is cheap.
"""
