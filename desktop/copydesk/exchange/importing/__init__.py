"""Articles from elsewhere: Copydesk packages, ninjs documents, Markdown files and plain-text
articles, each imported whole (one transaction) or not at all, with a report.

Reading a file (``read_article_file``) is pure: it parses, checks and gathers the pictures,
and raises ``ImportRefused`` naming the problem. Storing it (``store_article``) adds the
pictures it brings and the article in one write transaction; a picture file written to the
media store for an import that then fails is removed again.

Pictures:

- a package brings its pictures' files (the original renditions, their credit written in)
  and the desk's whole record of each (``extra.pictures`` of its ``article.md``). A picture
  this library already has (same uuid, else same file) is reused as it is;
- a ninjs document, a Markdown file or a plain-text article describe pictures without their
  files (unless the files are beside them): such a picture is added with its credit and
  awaits its file (``PictureFile.awaited``), and the checks say so until it comes;
- the ids in an imported body (``image:ID``) and lead picture are the exporting library's:
  they are renumbered to this library's pictures.

An article whose uuid this library already has is refused (importing it again would make two
articles of one); its slug, dates and version are kept when they are free.
"""
