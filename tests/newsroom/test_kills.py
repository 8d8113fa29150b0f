"""A replica killed with SIGKILL in the middle of uploading a picture file, then restarted:
the upload resumes with the chunks the server lacks, and the other desk gets the picture."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from copydesk.library.models import Picture
from copydesk.pictures.operations import import_files
from copydesk.sync import files, operations
from tests.helpers import REPO
from tests.newsroom.newsroom import Newsroom, connect_as
from tests.newsroom.test_sync_faults import noise_jpeg


def test_a_replica_killed_mid_upload_resumes_and_the_picture_arrives(
    newsroom: Newsroom, tmp_path: Path
) -> None:
    first_path = tmp_path / "a.copydesk"
    first = newsroom.replica(first_path, "alice", "Politique")
    second = newsroom.replica(tmp_path / "b.copydesk", "bob", "Politique")
    picture = tmp_path / "grand.jpg"
    data = noise_jpeg(picture, 3 * files.CHUNK_SIZE + files.CHUNK_SIZE // 2)
    import_files(first, [picture])
    digest = hashlib.sha256(data).hexdigest()

    env = {**os.environ, "PYTHONPATH": str(REPO)}
    killed = subprocess.run(
        [sys.executable, "-m", "tests.newsroom.sync_driver", str(first_path), "mid_upload"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    with connect_as(newsroom) as server:
        kept = server.execute(
            "SELECT count(*) FROM copydesk.file_chunks WHERE sha256 = %s", (digest,)
        ).fetchone()
    assert kept == (2,)  # the two chunks committed before the kill stay

    sent: list[int] = []
    upload = files.upload

    def counted(*args: object, **kwargs: object) -> int:
        sent.append(upload(*args, **kwargs))  # type: ignore[arg-type]
        return sent[-1]

    files.upload = counted  # type: ignore[assignment]
    try:
        operations.sync(first)
    finally:
        files.upload = upload  # type: ignore[assignment]
    assert sent == [2]  # only the chunks the server lacked
    operations.sync(second)
    with second.read() as session:
        (stored,) = session.scalars(select(Picture.sha256)).all()
    assert stored == digest
