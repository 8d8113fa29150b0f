"""Picture files between the replica's media store and the server: stored there by SHA-256
in chunks, each committed on its own, so that an upload cut off resumes with the chunks
the server lacks; the server checks the SHA-256 before the file counts."""

from __future__ import annotations

from typing import Any

import psycopg

from copydesk.library.media_store import MediaStore, sha256_of
from copydesk.sync.errors import NewsroomError
from copydesk.translation import _

CHUNK_SIZE = 1024 * 1024


def is_complete(connection: psycopg.Connection[Any], sha256: str) -> bool:
    with connection.transaction():
        row = connection.execute(
            "SELECT complete FROM copydesk.files WHERE sha256 = %s", (sha256,)
        ).fetchone()
    return bool(row and row[0])


def upload(
    connection: psycopg.Connection[Any], media: MediaStore, sha256: str, media_type: str
) -> int:
    """Send the chunks the server lacks; returns how many were sent."""
    if is_complete(connection, sha256):
        return 0
    data = media.read(sha256, media_type)
    present = _present_chunks(connection, sha256)
    sent = 0
    for index in range(max(1, -(-len(data) // CHUNK_SIZE))):
        if index in present:
            continue
        chunk = data[index * CHUNK_SIZE : (index + 1) * CHUNK_SIZE]
        with connection.transaction():
            connection.execute(
                "SELECT copydesk.upload_chunk(%s, %s, %s, %s, %s)",
                (sha256, len(data), CHUNK_SIZE, index, chunk),
            )
        sent += 1
    with connection.transaction():
        row = connection.execute("SELECT copydesk.finish_upload(%s)", (sha256,)).fetchone()
    if not (row and row[0]):
        raise NewsroomError(
            _("The server did not accept the picture file {file}…; it will be sent again.").format(
                file=sha256[:12]
            )
        )
    return sent


def download(
    connection: psycopg.Connection[Any], media: MediaStore, sha256: str, media_type: str
) -> None:
    """Bring a picture file into the media store, checked against its SHA-256."""
    if media.contains(sha256, media_type):
        return
    with connection.transaction():
        rows = connection.execute(
            "SELECT data FROM copydesk.file_chunks WHERE sha256 = %s ORDER BY index", (sha256,)
        ).fetchall()
    data = b"".join(bytes(row[0]) for row in rows)
    if sha256_of(data) != sha256:
        raise NewsroomError(
            _("The picture file {file}… came damaged from the server.").format(file=sha256[:12])
        )
    media.store(data, sha256, media_type)


def _present_chunks(connection: psycopg.Connection[Any], sha256: str) -> set[int]:
    with connection.transaction():
        rows = connection.execute(
            "SELECT index FROM copydesk.file_chunks WHERE sha256 = %s", (sha256,)
        ).fetchall()
    return {int(row[0]) for row in rows}
