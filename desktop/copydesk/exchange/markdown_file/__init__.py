"""Articles as Markdown files with YAML front matter, written and read back losslessly.

``dump_article`` writes every field of an ``ArticleContent`` between ``---`` lines, then the
body verbatim; ``parse_article`` reads such a file back (``parse_article(dump_article(c))
.content == c`` for any content) and also takes Markdown written elsewhere, with or without
front matter. The reader trusts nothing: files come from other people's disks and mailboxes.
It refuses, with a message naming the problem and the field, what it cannot take whole:
non-UTF-8 bytes, unknown fields (never silently dropped), wrongly typed values, YAML anchors
and aliases (the "billion laughs" bomb), duplicate keys (YAML would keep the last one
silently), deep nesting and oversized documents.
"""
