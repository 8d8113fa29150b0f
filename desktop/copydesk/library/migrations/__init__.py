"""Alembic migrations of the library schema, shipped inside the package.

``HEAD_REVISION`` lets a library at the current schema open without importing Alembic
(a test checks that it names Alembic's head). Adding a migration: write it under
``versions/``, update ``HEAD_REVISION``, and commit a fixture library made by
``tests/fixtures/make_library.py``.
"""

HEAD_REVISION = "0013"
