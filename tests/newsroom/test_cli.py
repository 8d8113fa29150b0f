"""``copydesk newsroom …``, ``copydesk sync`` and ``copydesk conflicts`` against the suite's
PostgreSQL server: a line saying what was done on standard output; on failure, one line
saying why on standard error, exit status 1, and the library as it was."""

from __future__ import annotations

import io
import json
import os
import secrets
import socket
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from copydesk.articles import operations as articles
from copydesk.articles import store
from copydesk.cli.main import main
from copydesk.library.models import Article
from copydesk.records.article import ArticleContent
from copydesk.sync.server.migrations import HEAD_REVISION as HEAD
from tests.helpers import COPYDESK, opened
from tests.newsroom.newsroom import Newsroom

Capture = pytest.CaptureFixture[str]


class Terminal(io.StringIO):
    """Standard input as a terminal: what is asked goes through getpass."""

    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def keyring_store(monkeypatch: pytest.MonkeyPatch) -> dict[tuple[str, str], str]:
    """An OS keyring in memory: the tests never touch the real one."""
    import keyring

    kept: dict[tuple[str, str], str] = {}
    monkeypatch.setattr(keyring, "get_password", lambda service, user: kept.get((service, user)))
    monkeypatch.setattr(
        keyring,
        "set_password",
        lambda service, user, password: kept.update({(service, user): password}),
    )
    return kept


@pytest.fixture
def blank_database(newsroom: Newsroom) -> Iterator[str]:
    """A database on the same server without the newsroom schema."""
    name = f"blank_{secrets.token_hex(4)}"
    newsroom.server.create_database(name)
    try:
        yield name
    finally:
        newsroom.server.drop_database(name)


def run(*arguments: str, library: Path | None = None) -> int:
    return main([*(["--library", str(library)] if library else []), *arguments])


def printed(capsys: Capture) -> tuple[list[str], list[str]]:
    captured = capsys.readouterr()
    return captured.out.splitlines(), captured.err.splitlines()


def no_password(newsroom: Newsroom, login: str) -> str:
    """The address a person gives when the password comes from elsewhere."""
    return newsroom.server.url(newsroom.dbname, login)


def joined(newsroom: Newsroom, path: Path, login: str, desk: str = "Politique") -> Path:
    """The library at ``path`` (made when there is none) joined to ``desk`` as ``login``."""
    if not path.exists():
        assert run("library", "new", "--empty", str(path)) == 0
    assert run("newsroom", "join", no_password(newsroom, login), "--desk", desk, library=path) == 0
    return path


def dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def create(path: Path, body: str, headline: str = "Titre") -> None:
    with opened(path, create=False) as library:
        articles.create_article(library, ArticleContent(headline=headline, body=body))


def edit_body(path: Path, body: str) -> None:
    (article_id,) = library_ids(path)
    with opened(path, create=False) as library:
        record = articles.load_article(library, article_id).record
        assert record is not None
        articles.save_article(library, article_id, record.content.replace(body=body))


def library_ids(path: Path) -> list[int]:
    with opened(path, create=False) as library, library.read() as session:
        return list(session.scalars(select(Article.id)))


def bodies(path: Path) -> dict[str, str]:
    with opened(path, create=False) as library, library.read() as session:
        rows = session.scalars(select(Article)).all()
        return {row.uuid: store.content_of(row).body for row in rows}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# ---- setting a server up ----------------------------------------------------------------------


def test_init_creates_the_schema_then_says_it_is_up_to_date(
    newsroom: Newsroom, blank_database: str, capsys: Capture
) -> None:
    url = newsroom.server.url(blank_database)
    shown = f"postgresql://postgres@127.0.0.1:{newsroom.server.port}/{blank_database}"
    assert run("newsroom", "init", url) == 0
    assert printed(capsys) == ([f"Newsroom ready at {shown} (schema {HEAD}, created)."], [])
    assert run("newsroom", "init", url) == 0
    assert printed(capsys) == (
        [f"Newsroom ready at {shown} (schema {HEAD}, already up to date)."],
        [],
    )


def test_init_upgrades_an_older_server_and_indexes_the_articles_it_holds(
    newsroom: Newsroom, blank_database: str, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alembic import command

    from copydesk.sync.server import admin

    upgrade = command.upgrade
    monkeypatch.setattr(command, "upgrade", lambda config, _head: upgrade(config, "s0001"))
    monkeypatch.setattr(admin, "_CALLABLE", admin._CALLABLE[:-1])  # search_articles came later
    url = newsroom.server.url(blank_database)
    assert run("newsroom", "init", url) == 0
    monkeypatch.undo()
    with newsroom.server.admin_connect(blank_database) as connection:
        connection.execute(
            "INSERT INTO copydesk.desks (name, role_name) VALUES ('Politique', 'nobody');"
            " INSERT INTO copydesk.items (uuid, kind, desk_id, version, seq, head_revision,"
            " content, updated_by) SELECT gen_random_uuid(), 'article', id, 1, 1,"
            ' gen_random_uuid(), \'{"headline": "Économies d’énergie", "language": "fr"}\','
            " 'alice' FROM copydesk.desks"
        )
    capsys.readouterr()
    assert run("newsroom", "init", url) == 0
    shown = f"postgresql://postgres@127.0.0.1:{newsroom.server.port}/{blank_database}"
    expected = f"Newsroom ready at {shown} (schema {HEAD}, upgraded from s0001)."
    assert printed(capsys) == ([expected], [])
    with newsroom.server.admin_connect(blank_database) as connection:
        row = connection.execute(
            "SELECT count(*) FROM copydesk.items"
            " WHERE search @@ to_tsquery('copydesk.french', 'economie & energies')"
        ).fetchone()
    assert row == (1,)  # the article held before the upgrade is searchable


def test_a_desk_and_a_person_added_from_the_terminal_can_be_joined(
    newsroom: Newsroom, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    admin = newsroom.server.url(newsroom.dbname)
    shown = newsroom.admin.url
    assert run("newsroom", "add-desk", admin, "Culture") == 0
    (line,), _ = printed(capsys)
    assert line.startswith(f"The desk “Culture” is ready at {shown} (role copydesk_")
    password = "Dan's pass/@:1"
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\nignored\n"))
    arguments = ("--desk", "Culture", "--desk", "Sport", "--name", "Dan D.")
    assert run("newsroom", "add-person", admin, "dan", *arguments) == 0
    assert printed(capsys) == (
        [f"dan belongs to the newsroom at {shown}, on the desks “Culture” and “Sport”."],
        [],
    )
    library = tmp_path / "dan.copydesk"
    assert run("library", "new", "--empty", str(library)) == 0
    url = newsroom.server.url(newsroom.dbname, "dan", password)
    assert run("newsroom", "join", url, "--desk", "Culture", library=library) == 0
    out, err = printed(capsys)
    assert out[-1] == (
        f"Joined the desk “Culture” at {newsroom.server.url(newsroom.dbname, 'dan')} as dan: "
        "sent 0, received 0, merged 0, conflicts 0, refused 0, waiting 0."
    )
    assert err == [] and password not in "".join(dump(library))


def test_a_new_password_is_asked_twice_on_a_terminal(
    newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    answers = iter(["first", "second"])
    prompts: list[str] = []

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("getpass.getpass", ask)
    admin = newsroom.server.url(newsroom.dbname)
    assert run("newsroom", "add-person", admin, "erin", "--desk", "Sport") == 1
    assert printed(capsys) == ([], ["copydesk: The two passwords differ; nobody was added."])
    assert prompts == ["Password for erin: ", "The same password for erin again: "]
    with newsroom.server.admin_connect() as connection:
        found = connection.execute("SELECT 1 FROM pg_roles WHERE rolname = 'erin'").fetchone()
    assert found is None


def test_a_person_without_a_password_is_refused(
    newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert run("newsroom", "add-person", newsroom.server.url(newsroom.dbname), "erin") == 1
    assert printed(capsys) == (
        [],
        [
            "copydesk: The first line of standard input should be the password for erin: it is "
            "empty."
        ],
    )


def test_a_person_may_not_set_the_newsroom_up(newsroom: Newsroom, capsys: Capture) -> None:
    assert run("newsroom", "add-desk", newsroom.url("alice"), "Culture") == 1
    assert printed(capsys) == (
        [],
        [
            f"copydesk: The newsroom server at 127.0.0.1:{newsroom.server.port} refused alice: "
            "permission denied to create role."
        ],
    )


# ---- joining, syncing, settling ---------------------------------------------------------------


def test_what_one_library_saves_the_other_sees(
    newsroom: Newsroom, tmp_path: Path, capsys: Capture
) -> None:
    first = joined(newsroom, tmp_path / "a.copydesk", "alice")
    second = joined(newsroom, tmp_path / "b.copydesk", "bob")
    capsys.readouterr()
    create(first, "Lundi, le conseil se réunit.", headline="Le conseil")
    assert run("sync", library=first) == 0
    address = no_password(newsroom, "alice")
    assert printed(capsys) == (
        [
            f"Synced with the desk “Politique” at {address}: sent 1, received 0, merged 0,"
            " conflicts 0, refused 0, waiting 0."
        ],
        [],
    )
    assert run("sync", library=second) == 0
    (line,), _ = printed(capsys)
    assert "sent 0, received 1, merged 0" in line
    assert run("list", "--json", library=second) == 0
    (article,) = json.loads(capsys.readouterr().out)
    assert article["headline"] == "Le conseil"
    assert bodies(first) == bodies(second)


def test_join_shows_its_progress_on_standard_error(
    newsroom: Newsroom, tmp_path: Path, capsys: Capture
) -> None:
    first = joined(newsroom, tmp_path / "a.copydesk", "alice")
    create(first, "Premier.", headline="Un")
    create(first, "Second.", headline="Deux")
    assert run("sync", library=first) == 0
    capsys.readouterr()
    joined(newsroom, tmp_path / "b.copydesk", "bob")
    out, err = printed(capsys)
    assert err == ["Receiving 2/2…"]
    assert out[-1].endswith(
        "as bob: sent 0, received 2, merged 0, conflicts 0, refused 0, waiting 0."
    )


def test_join_keeping_the_last_days_only(
    newsroom: Newsroom, tmp_path: Path, capsys: Capture
) -> None:
    first = joined(newsroom, tmp_path / "a.copydesk", "alice")
    create(first, "Ancien.", headline="Ancien")
    create(first, "Récent.", headline="Récent")
    assert run("sync", library=first) == 0
    with newsroom.server.admin_connect(newsroom.dbname) as connection:
        connection.execute(
            "UPDATE copydesk.items SET updated_at = now() - interval '60 days'"
            " WHERE content->>'headline' = 'Ancien'"
        )
    second = tmp_path / "b.copydesk"
    assert run("library", "new", "--empty", str(second)) == 0
    url = no_password(newsroom, "bob")
    capsys.readouterr()
    desk = ("--desk", "Politique")
    assert run("newsroom", "join", url, *desk, "--keep-days", "0", library=second) != 0
    _out, err = printed(capsys)
    assert err[-1] == "copydesk: A replica keeps at least one day of changes."
    assert run("newsroom", "join", url, *desk, "--keep-days", "30", library=second) == 0
    out, _err = printed(capsys)
    assert out[-1].endswith("sent 0, received 1, merged 0, conflicts 0, refused 0, waiting 0.")


def test_sync_json(newsroom: Newsroom, tmp_path: Path, capsys: Capture) -> None:
    first = joined(newsroom, tmp_path / "a.copydesk", "alice")
    create(first, "Texte.")
    capsys.readouterr()
    assert run("sync", "--json", library=first) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert json.loads(captured.out) == {
        "sent": 1,
        "received": 0,
        "merged": 0,
        "refused": 0,
        "overruled": 0,
        "waiting": 0,
        "open_conflicts": 0,
        "conflicts": [],
    }


def test_conflicts_are_listed_and_settled_from_the_terminal(
    newsroom: Newsroom, tmp_path: Path, capsys: Capture
) -> None:
    first = joined(newsroom, tmp_path / "a.copydesk", "alice")
    second = joined(newsroom, tmp_path / "b.copydesk", "bob")
    create(first, "Rendez-vous lundi.")
    assert run("sync", library=first) == run("sync", library=second) == 0
    edit_body(first, "Rendez-vous mardi.")
    edit_body(second, "Rendez-vous mercredi.")
    assert run("sync", library=first) == 0
    capsys.readouterr()

    assert run("sync", library=second) == 0  # a conflict is not a failed sync
    out, err = printed(capsys)
    assert "conflicts 1" in out[0] and err == []
    assert out[1:] == [
        "Conflict 1: the article “Titre” differs here and on the desk in body.",
        "Settle each with “copydesk conflicts settle ID --keep mine” (or theirs).",
    ]
    assert run("conflicts", "--json", library=second) == 0
    (conflict,) = json.loads(capsys.readouterr().out)
    assert conflict["kind"] == "article" and conflict["fields"] == ["body"]
    assert conflict["mine"] == {"body": "Rendez-vous mercredi."}
    assert conflict["theirs"] == {"body": "Rendez-vous mardi."}

    assert run("conflicts", "settle", str(conflict["id"]), "--keep", "theirs", library=second) == 0
    assert printed(capsys) == (
        [
            f"Conflict {conflict['id']} is settled: the article “Titre” keeps the desk's side;"
            " the next sync sends it."
        ],
        [],
    )
    assert run("sync", library=second) == run("sync", library=first) == 0
    assert bodies(first) == bodies(second) == {conflict["uuid"]: "Rendez-vous mardi."}
    capsys.readouterr()
    assert run("conflicts", library=second) == 0
    assert printed(capsys) == (["There are no conflicts to settle."], [])
    assert run("conflicts", "settle", "1", "--keep", "mine", library=second) == 1
    assert printed(capsys) == ([], ["copydesk: There is no conflict 1 in this library."])


def test_status_and_leave(newsroom: Newsroom, tmp_path: Path, capsys: Capture) -> None:
    path = tmp_path / "a.copydesk"
    assert run("library", "new", "--empty", str(path)) == 0
    assert run("newsroom", "status", library=path) == 0
    assert printed(capsys)[0][-1] == f"The library {path} is not joined to a newsroom."
    joined(newsroom, path, "alice")
    create(path, "Pas encore envoyé.")
    capsys.readouterr()
    assert run("newsroom", "status", library=path) == 0
    out, _ = printed(capsys)
    assert out[:4] == [
        f"Server:     {no_password(newsroom, 'alice')}",
        "Desk:       Politique",
        "Waiting:    1 to send",
        "Conflicts:  0 to settle",
    ]
    assert out[4].startswith("Last sync:  20")
    assert run("newsroom", "leave", library=path) == 0
    assert printed(capsys) == (
        [
            f"The library left the desk “Politique” at {no_password(newsroom, 'alice')}; its "
            "articles and pictures stay. What was never sent (1 change) stays only here."
        ],
        [],
    )
    assert run("newsroom", "leave", library=path) == 1
    assert printed(capsys)[1] == [
        "copydesk: This library is not joined to a newsroom: use “copydesk newsroom join”."
    ]
    assert len(library_ids(path)) == 1


# ---- passwords ---------------------------------------------------------------------------------


def test_join_asks_for_the_password_on_a_terminal_and_keeps_it(
    newsroom: Newsroom,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    keyring_store: dict[tuple[str, str], str],
    capsys: Capture,
) -> None:
    empty = tmp_path / "empty-pgpass"
    empty.write_text("")
    empty.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(empty))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    prompts: list[str] = []

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return newsroom.passwords["alice"]

    monkeypatch.setattr("getpass.getpass", ask)
    monkeypatch.setattr("sys.stdin", Terminal())
    path = tmp_path / "a.copydesk"
    assert run("library", "new", "--empty", str(path)) == 0
    url = no_password(newsroom, "alice")
    assert run("newsroom", "join", url, "--desk", "Politique", "--keep-password", library=path) == 0
    out, _ = printed(capsys)
    assert out[-1] == "The password is kept in the system keyring for the next syncs."
    assert prompts == [f"Password for alice@127.0.0.1:{newsroom.server.port}/{newsroom.dbname}: "]
    assert list(keyring_store.values()) == [newsroom.passwords["alice"]]

    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # no terminal: the keyring's
    assert run("sync", library=path) == 0
    assert prompts == [prompts[0]]


def test_no_prompt_when_the_password_file_has_it(
    newsroom: Newsroom, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    def ask(prompt: str) -> str:
        raise AssertionError(f"asked {prompt!r}")

    monkeypatch.setattr("getpass.getpass", ask)
    monkeypatch.setattr("sys.stdin", Terminal())
    path = joined(newsroom, tmp_path / "a.copydesk", "alice")
    assert run("sync", library=path) == 0


def test_a_wrong_password_leaves_the_library_untouched(
    newsroom: Newsroom, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    path = tmp_path / "a.copydesk"
    assert run("library", "new", "--empty", str(path)) == 0
    create(path, "Texte.")
    before = dump(path)
    capsys.readouterr()
    wrong = newsroom.server.url(newsroom.dbname, "alice", "not-the-password")
    refused = (
        f"copydesk: The server at 127.0.0.1:{newsroom.server.port} refused alice: "
        "wrong name or password."
    )
    assert run("newsroom", "join", wrong, "--desk", "Politique", library=path) == 1
    assert printed(capsys) == ([], [refused])
    assert dump(path) == before

    joined(newsroom, path, "alice")
    before = dump(path)
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO("not-the-password\n"))
    assert run("sync", "--password-stdin", library=path) == 1
    assert printed(capsys) == ([], [refused])
    assert dump(path) == before


def test_a_port_nobody_listens_on(newsroom: Newsroom, tmp_path: Path, capsys: Capture) -> None:
    path = tmp_path / "a.copydesk"
    assert run("library", "new", "--empty", str(path)) == 0
    before = dump(path)
    capsys.readouterr()
    port = free_port()
    url = newsroom.url("alice", port=port)
    assert run("newsroom", "join", url, "--desk", "Politique", library=path) == 1
    out, (line,) = printed(capsys)
    assert out == []
    assert line.startswith(f"copydesk: Cannot reach the newsroom server at 127.0.0.1:{port}: ")
    assert "refused" in line
    assert dump(path) == before


def test_a_database_that_is_not_a_newsroom(
    newsroom: Newsroom, blank_database: str, tmp_path: Path, capsys: Capture
) -> None:
    path = tmp_path / "a.copydesk"
    assert run("library", "new", "--empty", str(path)) == 0
    capsys.readouterr()
    url = newsroom.server.url(blank_database)
    expected = (
        f"copydesk: postgresql://postgres@127.0.0.1:{newsroom.server.port}/{blank_database}"
        " is not a Copydesk newsroom server (no copydesk schema)."
    )
    assert run("newsroom", "join", url, "--desk", "Politique", library=path) == 1
    assert printed(capsys) == ([], [expected])
    assert run("newsroom", "add-desk", url, "Culture") == 1
    assert printed(capsys) == ([], [expected])


def test_sync_of_a_library_that_is_not_joined(tmp_path: Path, capsys: Capture) -> None:
    path = tmp_path / "a.copydesk"
    assert run("library", "new", "--empty", str(path)) == 0
    capsys.readouterr()
    assert run("sync", library=path) == 1
    assert printed(capsys) == (
        [],
        ["copydesk: This library is not joined to a newsroom: use “copydesk newsroom join”."],
    )


# ---- the real executable ----------------------------------------------------------------------


def copydesk(*arguments: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    return subprocess.run(
        [str(COPYDESK), *arguments],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_the_executable_adds_a_person_joins_and_syncs(newsroom: Newsroom, tmp_path: Path) -> None:
    assert os.environ["PGPASSFILE"]  # people's passwords, as the fixture wrote them
    admin = newsroom.server.url(newsroom.dbname)
    added = copydesk("newsroom", "add-person", admin, "dan", "--desk", "Sport", stdin="pw-dan\n")
    assert (added.returncode, added.stderr) == (0, "")
    assert (
        added.stdout
        == f"dan belongs to the newsroom at {newsroom.admin.url}, on the desk “Sport”.\n"
    )

    first, second = tmp_path / "a.copydesk", tmp_path / "b.copydesk"
    for path in (first, second):
        assert copydesk("library", "new", "--empty", str(path)).returncode == 0
    carol = no_password(newsroom, "carol")
    assert (
        copydesk("--library", str(first), "newsroom", "join", carol, "--desk", "Sport").returncode
        == 0
    )
    create(first, "Le match est reporté.", headline="Sport")
    synced = copydesk("--library", str(first), "sync", "--json")
    assert synced.returncode == 0 and json.loads(synced.stdout)["sent"] == 1

    dan = newsroom.server.url(newsroom.dbname, "dan")
    join = ("--library", str(second), "newsroom", "join", dan, "--desk", "Sport")
    result = copydesk(*join, "--password-stdin", "--keep-password", stdin="pw-dan\n")
    assert result.returncode == 0, result.stderr
    assert result.stderr == "Receiving 1/1…\n"
    assert result.stdout.splitlines()[-1] == (
        "The password could not be kept: no system keyring works here; give it to each sync "
        "(PGPASSFILE or --password-stdin)."
    )
    assert bodies(second) == bodies(first)

    refused = copydesk("--library", str(second), "sync")  # dan is in no password file
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.count("\n") == 1 and "asks for dan's password" in refused.stderr
