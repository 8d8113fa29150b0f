"""A real PostgreSQL server the test suite starts itself (initdb, pg_ctl), reached as in
production: over TCP on 127.0.0.1 with a SCRAM password.

As root (CI), every PostgreSQL program runs as the ``postgres`` OS user (initdb refuses root)
and the server's folder belongs to that user. The server is tuned for tests: fsync and
full_page_writes are off (the data need not survive the machine crashing), but a commit
survives the server crashing (synchronous_commit stays on).
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import pwd
import random
import re
import secrets
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

import psycopg
from psycopg import sql

POSTGRES_ROOT = Path("/usr/lib/postgresql")  # Debian: /usr/lib/postgresql/<version>/bin
PROGRAMS = ("initdb", "pg_ctl", "postgres")
OS_USER = "postgres"  # the OS user PostgreSQL's programs run as when we are root
SUPERUSER = "postgres"
HOST = "127.0.0.1"
StopMode = Literal["smart", "fast", "immediate"]

_PG_CTL_WAIT = 120  # seconds pg_ctl waits for the server to start or stop
_LOG_TAIL_LINES = 40
# A Unix socket path holds at most 107 bytes; the server adds "/.s.PGSQL.<port>.lock".
_MAX_BASE_DIR_LENGTH = 107 - len("/.s.PGSQL.65535.lock")
_SETTINGS_MARK = "# --- Copydesk test server (tests/support/postgres.py) ---"


class PostgresServerError(RuntimeError):
    """The test server could not be found, set up, started or stopped."""


def find_bindir(root: Path = POSTGRES_ROOT) -> Path:
    """The folder of initdb, pg_ctl and postgres: ``pg_config --bindir`` if pg_config is on
    PATH and that folder has them, else the highest ``root/<version>/bin`` that has them."""
    reasons: list[str] = []
    candidates = _pg_config_bindir(reasons) + _versioned_bindirs(root, reasons)
    for candidate in candidates:
        missing = [name for name in PROGRAMS if not (candidate / name).is_file()]
        if not missing:
            return candidate
        reasons.append(f"{candidate} lacks {', '.join(missing)}")
    raise PostgresServerError(
        f"PostgreSQL's server programs ({', '.join(PROGRAMS)}) were not found: "
        + "; ".join(reasons)
        + ". Install the server (Debian: apt-get install postgresql; `make test` does)."
    )


def _pg_config_bindir(reasons: list[str]) -> list[Path]:
    pg_config = shutil.which("pg_config")
    if pg_config is None:
        reasons.append("pg_config is not on PATH")
        return []
    result = subprocess.run(
        [pg_config, "--bindir"], capture_output=True, text=True, check=False, timeout=30
    )
    if result.returncode != 0 or not result.stdout.strip():
        reasons.append(f"`{pg_config} --bindir` failed: {result.stderr.strip()}")
        return []
    return [Path(result.stdout.strip())]


def _versioned_bindirs(root: Path, reasons: list[str]) -> list[Path]:
    found = sorted(root.glob("*/bin"), key=_version_key, reverse=True)
    if not found:
        reasons.append(f"there is no {root}/<version>/bin")
    return found


def _version_key(bindir: Path) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", bindir.parent.name))


def _free_port() -> int:
    """A port nobody listens on, below the ephemeral range when possible (outgoing
    connections take their local port from that range and could take ours between runs)."""
    low = _ephemeral_port_low()
    for _ in range(100):
        port = random.randrange(max(1024, low - 16384), low)
        if _bindable(port):
            return port
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def _ephemeral_port_low() -> int:
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


def _bindable(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind((HOST, port))
        except OSError:
            return False
    return True


def _settings(port: int, socket_dir: Path) -> str:
    lines = {
        "listen_addresses": f"'{HOST}'",
        "port": str(port),
        "unix_socket_directories": f"'{socket_dir}'",
        "password_encryption": "'scram-sha-256'",
        "max_connections": "200",
        # Speed over durability: a test server's data need not survive the machine crashing.
        "fsync": "off",
        "full_page_writes": "off",
        # But a commit must survive the server crashing (``stop("immediate")``), as in
        # production: with synchronous_commit off, an immediate stop loses the commits of the
        # last few hundred milliseconds (tests of a crash would flake). With fsync off it
        # costs nothing: the flush is a write() into the page cache.
        "synchronous_commit": "on",
    }
    return "\n".join([_SETTINGS_MARK, *(f"{key} = {value}" for key, value in lines.items())])


class PostgresServer:
    """One PostgreSQL cluster in ``base_dir/"data"``, its log in ``base_dir/"log"`` and its
    Unix socket in ``base_dir``; listening on 127.0.0.1 at a port chosen once and kept.

    As root, when the ``postgres`` user cannot reach ``base_dir`` (pytest's temporary folders
    are root-only) or its path is too long for a Unix socket, the server lives in a folder of
    its own under /tmp instead (``.base_dir`` says where; ``.cleanup()`` deletes it).
    """

    def __init__(self, base_dir: Path) -> None:
        self.bindir = find_bindir()
        self._as_root = os.geteuid() == 0
        self._owner = _os_user() if self._as_root else None
        self._own_folder = False
        self.base_dir = self._usable_base_dir(Path(base_dir).resolve())
        self.data_dir = self.base_dir / "data"
        self.log_path = self.base_dir / "log"
        self._state_path = self.base_dir / "server.json"
        self.host = HOST
        self.superuser = SUPERUSER
        self.port, self.superuser_password = self._load_or_make_state()
        self._started_once = False

    # --- Public API ---------------------------------------------------------------------

    def start(self) -> None:
        """Create the cluster the first time, then start the server (no-op if running)."""
        if not (self.data_dir / "PG_VERSION").is_file():
            self._initdb()
        if self.is_running():
            return
        self._start_server()
        if not self._started_once:
            self._started_once = True
            atexit.register(self._stop_at_exit)

    def stop(self, mode: StopMode = "fast") -> None:
        """``pg_ctl stop -m mode``, waiting until the server is gone (no-op if not running)."""
        if mode not in ("smart", "fast", "immediate"):
            raise ValueError(f"unknown stop mode {mode!r}")
        if self.is_running():
            wait = ("-w", "-t", str(_PG_CTL_WAIT))
            self._run("pg_ctl", "stop", "-D", str(self.data_dir), "-m", mode, *wait)

    def is_running(self) -> bool:
        if not self.data_dir.is_dir():
            return False
        return self._run("pg_ctl", "status", "-D", str(self.data_dir), check=False).returncode == 0

    def cleanup(self) -> None:
        """Stop the server (immediate) and delete the folder it made for itself under /tmp, if
        it had to; a ``base_dir`` that was used as given is left to its owner."""
        self.stop("immediate")
        if self._own_folder:
            shutil.rmtree(self.base_dir, ignore_errors=True)

    def url(self, dbname: str, user: str | None = None, password: str | None = None) -> str:
        """``postgresql://user:password@127.0.0.1:port/dbname``; without ``user``, the
        superuser and its password; with a ``user`` and no ``password``, no password."""
        if user is None:
            user, password = self.superuser, password or self.superuser_password
        secret = "" if password is None else ":" + quote(password, safe="")
        where = f"{self.host}:{self.port}/{quote(dbname, safe='')}"
        return f"postgresql://{quote(user, safe='')}{secret}@{where}"

    def admin_connect(self, dbname: str = "postgres") -> psycopg.Connection[Any]:
        """An autocommit connection over TCP as the superuser."""
        return psycopg.connect(
            host=self.host,
            port=self.port,
            user=self.superuser,
            password=self.superuser_password,
            dbname=dbname,
            autocommit=True,
            connect_timeout=30,
        )

    def create_database(self, name: str, template: str | None = None) -> None:
        query = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template is not None:
            query = sql.SQL("{} TEMPLATE {}").format(query, sql.Identifier(template))
        with self.admin_connect() as connection:
            connection.execute(query)

    def drop_database(self, name: str) -> None:
        """Drop ``name`` (if it exists), first terminating every connection to it."""
        with self.admin_connect() as connection:
            connection.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = %s AND pid <> pg_backend_pid()",
                [name],
            )
            drop = sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name))
            if connection.info.server_version >= 130000:  # a late newcomer is ended too
                drop = sql.SQL("{} WITH (FORCE)").format(drop)
            connection.execute(drop)

    # --- Folder and state ---------------------------------------------------------------

    def _usable_base_dir(self, wanted: Path) -> Path:
        wanted.mkdir(parents=True, exist_ok=True)
        self._give_to_owner(wanted)
        if len(str(wanted)) <= _MAX_BASE_DIR_LENGTH and self._owner_can_use(wanted):
            return wanted
        folder = Path(tempfile.mkdtemp(prefix="copydesk-postgres-", dir="/tmp"))
        folder.chmod(0o755)
        self._give_to_owner(folder)
        self._own_folder = True
        return folder

    def _owner_can_use(self, folder: Path) -> bool:
        if not self._as_root:
            return True
        test = ["test", "-w", str(folder), "-a", "-x", str(folder)]
        return self._execute([*self._as_owner(), *test]).returncode == 0

    def _give_to_owner(self, path: Path) -> None:
        if self._owner is not None:
            os.chown(path, self._owner.pw_uid, self._owner.pw_gid)

    def _load_or_make_state(self) -> tuple[int, str]:
        if self._state_path.is_file():
            state = json.loads(self._state_path.read_text(encoding="utf-8"))
            return int(state["port"]), str(state["password"])
        # Characters a URL must percent-encode, so that callers building URLs are tested too.
        port, password = _free_port(), secrets.token_urlsafe(18) + "/@:%"
        self._save_state(port, password)
        return port, password

    def _save_state(self, port: int, password: str) -> None:
        text = json.dumps({"port": port, "password": password})
        self._state_path.write_text(text, encoding="utf-8")
        self._state_path.chmod(0o600)

    # --- initdb and pg_ctl --------------------------------------------------------------

    def _initdb(self) -> None:
        pwfile = self.base_dir / "pwfile"
        pwfile.write_text(self.superuser_password + "\n", encoding="utf-8")
        pwfile.chmod(0o600)
        self._give_to_owner(pwfile)
        try:
            self._run(
                "initdb",
                "-D",
                str(self.data_dir),
                "-U",
                self.superuser,
                f"--pwfile={pwfile}",
                "--encoding=UTF8",
                "--locale=C",
                "--auth-host=scram-sha-256",
                "--auth-local=trust",
                "--no-sync",
            )
        finally:
            pwfile.unlink(missing_ok=True)
        self._write_settings()

    def _write_settings(self) -> None:
        """Append (or replace) this module's block at the end of postgresql.conf."""
        conf = self.data_dir / "postgresql.conf"
        text = conf.read_text(encoding="utf-8").split(_SETTINGS_MARK)[0].rstrip("\n")
        conf.write_text(f"{text}\n\n{_settings(self.port, self.base_dir)}\n", encoding="utf-8")

    def _start_server(self) -> None:
        """``pg_ctl start``; the very first start moves to another port if ours was taken
        meanwhile (later ones keep it: clients know it)."""
        for _ in range(5):
            log_offset = self._log_size()
            result = self._pg_ctl_start()
            if result.returncode == 0:
                return
            if self._started_once or "Address already in use" not in self._log_from(log_offset):
                break
            self.port = _free_port()
            self._save_state(self.port, self.superuser_password)
            self._write_settings()
        raise self._error("pg_ctl start failed", result)

    def _pg_ctl_start(self) -> subprocess.CompletedProcess[str]:
        return self._run(
            "pg_ctl",
            "start",
            "-D",
            str(self.data_dir),
            "-l",
            str(self.log_path),
            "-w",
            "-t",
            str(_PG_CTL_WAIT),
            check=False,
        )

    def _stop_at_exit(self) -> None:
        with contextlib.suppress(Exception):  # the interpreter is exiting: nothing more to do
            self.stop("immediate")

    # --- Running commands ---------------------------------------------------------------

    def _run(
        self, program: str, *args: str, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        command = [*self._as_owner(), str(self.bindir / program), *args]
        result = self._execute(command)
        if check and result.returncode != 0:
            raise self._error(f"{program} {args[0] if args else ''} failed", result)
        return result

    def _as_owner(self) -> list[str]:
        return ["runuser", "-u", OS_USER, "--"] if self._as_root else []

    def _execute(self, command: list[str]) -> subprocess.CompletedProcess[str]:
        try:
            return subprocess.run(
                command,
                cwd="/",  # the postgres OS user may not reach ours
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                check=False,
                timeout=_PG_CTL_WAIT + 60,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise PostgresServerError(f"{' '.join(command)}: {error}") from error

    def _error(self, what: str, result: subprocess.CompletedProcess[str]) -> PostgresServerError:
        output = (result.stdout + result.stderr).strip() or "(no output)"
        return PostgresServerError(
            f"{what} (exit status {result.returncode}): {' '.join(map(str, result.args))}\n"
            f"{output}\n--- last lines of the server log {self.log_path} ---\n{self._log_tail()}"
        )

    # --- The server log -----------------------------------------------------------------

    def _log_size(self) -> int:
        try:
            return self.log_path.stat().st_size
        except OSError:
            return 0

    def _log_from(self, offset: int) -> str:
        try:
            with self.log_path.open("rb") as log:
                log.seek(offset)
                return log.read().decode("utf-8", errors="replace")
        except OSError:
            return ""

    def _log_tail(self) -> str:
        lines = self._log_from(0).splitlines()
        return "\n".join(lines[-_LOG_TAIL_LINES:]) or "(the log is empty or missing)"


def _os_user() -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(OS_USER)
    except KeyError:
        raise PostgresServerError(
            f"running as root, but there is no {OS_USER!r} OS user to run PostgreSQL as "
            "(initdb refuses root); Debian's postgresql package creates it"
        ) from None
