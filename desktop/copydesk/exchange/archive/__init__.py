"""The library archive: the whole library in one portable zip, and back into an empty library.

An archive holds, in this order:

- ``pictures/0001.json``, ``articles/0001.json``, ``revisions/0001.json``,
  ``presets/0001.json``…: the rows, every column of each (``copydesk.exchange.archive.rows``), in id
  order, one row a line, cut into entries of a few megabytes;
- ``media/<sha256>.<ext>``: each picture's file from the media store;
- ``archive.json``: the header (format, versions, the library's uuid, the export time, the
  row counts) and the manifest, every other entry with its size and SHA-256.

The same library always gives the same bytes (sorted keys, fixed entry dates), so an
archive imported and exported again differs only in the header's export time.

Importing checks the whole archive before writing anything (the zip's safety, the header,
every checksum, every row's fields and types, what refers to what, every picture's file),
then writes in one transaction with the rows' own ids (article bodies name their pictures
by id) and the archive's library uuid (published URIs stay the same). A failure rolls the
transaction back and removes the picture files the import wrote: the library is as it was.
"""
