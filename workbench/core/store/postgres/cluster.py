"""A throwaway PostgreSQL cluster for the tests and the benchmark (never for real data).

``Cluster.start()`` runs ``initdb`` into a fresh temporary folder and starts the
server on a Unix socket in that folder and on 127.0.0.1 at a free port, with
``fsync=on`` (acknowledged means on disk, as on a real server). PostgreSQL refuses
to run as root, so when this process is root the folder is given to an
unprivileged user (``nobody``) and the server binaries run as that user through
``setpriv``; as a normal user they simply run as that user. ``stop()`` shuts the
server down and removes the folder.

Local (socket) logins are trusted, TCP logins need a password (SCRAM), so tests
can check both: any role over the socket, and a refused login over TCP.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

BIN_DIRS = (
    "/usr/lib/postgresql/15/bin",
    "/usr/lib/postgresql/16/bin",
    "/usr/lib/postgresql/17/bin",
)
SUPERUSER = "wbadmin"


def find_bin_dir() -> Path | None:
    """The folder holding initdb/pg_ctl/postgres, or None when PostgreSQL is not installed."""
    env = os.environ.get("WORKBENCH_PG_BIN")
    for d in ([env] if env else []) + list(BIN_DIRS):
        p = Path(d)
        if all((p / name).is_file() for name in ("initdb", "pg_ctl", "postgres")):
            return p
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).parent
    return None


def missing_reason() -> str | None:
    """Why a cluster cannot be started here (one line), or None when it can."""
    if find_bin_dir() is None:
        return "PostgreSQL server binaries (initdb, pg_ctl) not found; team tests need them"
    if os.geteuid() == 0 and (shutil.which("setpriv") is None or _nobody() is None):
        return "running as root without setpriv or a 'nobody' user: cannot start PostgreSQL"
    return None


def _nobody() -> pwd.struct_passwd | None:
    try:
        return pwd.getpwnam("nobody")
    except KeyError:
        return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    """One throwaway server; see the module docstring."""

    def __init__(self) -> None:
        bin_dir = find_bin_dir()
        if bin_dir is None:
            raise RuntimeError(missing_reason() or "no PostgreSQL")
        self.bin = bin_dir
        self.base = Path(tempfile.mkdtemp(prefix="wb-pg-"))
        self.data = self.base / "data"
        self.log = self.base / "server.log"
        self.port = free_port()
        self.socket_dir = str(self.base)
        self._user = _nobody() if os.geteuid() == 0 else None
        if self._user is not None:
            os.chown(self.base, self._user.pw_uid, self._user.pw_gid)

    # -- running the binaries ------------------------------------------------------

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bin / args[0]), *args[1:]]
        if self._user is not None:
            cmd = [
                "setpriv",
                f"--reuid={self._user.pw_uid}",
                f"--regid={self._user.pw_gid}",
                "--clear-groups",
                *cmd,
            ]
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env.update(LC_ALL="C", LANG="C", HOME=str(self.base))
        return subprocess.run(
            cmd, check=check, capture_output=True, text=True, env=env, cwd=self.base, timeout=120
        )

    def start(self) -> Cluster:
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            "-E",
            "UTF8",
            "--locale=C",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "--no-instructions",
        )
        self._pg_ctl("start")
        return self

    def _pg_ctl(self, action: str, mode: str = "fast") -> None:
        # recovery_init_sync_method=syncfs: after an immediate stop (a crash) the server
        # syncs its data folder before recovery; one syncfs() instead of an fsync per file
        # (thousands once the suite has made its databases) took the restart from ~10 s to ~3 s.
        opts = (
            f"-c fsync=on -c synchronous_commit=on -c port={self.port} "
            f"-c listen_addresses=127.0.0.1 -c unix_socket_directories={self.socket_dir} "
            "-c max_connections=100 -c shared_buffers=32MB "
            "-c recovery_init_sync_method=syncfs"
        )
        args = ["pg_ctl", action, "-D", str(self.data), "-w", "-t", "60", "-m", mode]
        if action != "stop":
            args += ["-l", str(self.log), "-o", opts]
        try:
            self._run(*args)
        except subprocess.CalledProcessError as exc:
            log = ""
            with contextlib.suppress(OSError):
                log = self.log.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"pg_ctl {action} failed: {exc.stderr}\n{log}") from exc

    def restart(self, mode: str = "fast") -> None:
        """Stop the server (``mode`` fast or immediate, like a crash) and start it again."""
        self._pg_ctl("stop", mode)
        self._pg_ctl("start")

    def stop_server(self, mode: str = "fast") -> None:
        self._pg_ctl("stop", mode)

    def start_server(self) -> None:
        self._pg_ctl("start")

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self._pg_ctl("stop", "immediate")
        shutil.rmtree(self.base, ignore_errors=True)

    # -- addresses -------------------------------------------------------------------

    def url(self, dbname: str = "postgres", user: str = SUPERUSER) -> str:
        """A socket URL (trusted login, no password) for ``user`` on ``dbname``."""
        from urllib.parse import quote

        return f"postgresql://{quote(user)}@/{quote(dbname)}?host={quote(self.socket_dir)}&port={self.port}"

    def tcp_url(self, dbname: str = "postgres", user: str = SUPERUSER) -> str:
        """A TCP URL on 127.0.0.1 (password login)."""
        return f"postgresql://{user}@127.0.0.1:{self.port}/{dbname}"


# -- one shared server per process, a fresh database per test ------------------------------

WRITERS = "wb_writers"
READERS = "wb_readers"
TEMPLATE = "wb_template"
_shared: Cluster | None = None
_counter = 0


def shared_cluster() -> Cluster:
    """The process's throwaway server (started on first use, stopped at exit), with the
    group roles ``wb_writers`` / ``wb_readers`` and a template database already upgraded."""
    global _shared
    if _shared is None:
        import atexit

        import psycopg

        from .schema import upgrade

        cluster = Cluster().start()
        atexit.register(cluster.stop)
        with psycopg.connect(cluster.url(), autocommit=True) as conn:
            conn.execute(f"CREATE ROLE {WRITERS} NOLOGIN")
            conn.execute(f"CREATE ROLE {READERS} NOLOGIN")
            conn.execute(f"CREATE DATABASE {TEMPLATE}")
        with psycopg.connect(cluster.url(TEMPLATE), autocommit=True) as conn:
            upgrade(conn, writers=[WRITERS], readers=[READERS])
        _shared = cluster
    return _shared


def new_database(cluster: Cluster, upgraded: bool = True) -> str:
    """A fresh database (a copy of the upgraded template, or empty): its name."""
    global _counter
    import psycopg

    _counter += 1
    name = f"wb_{os.getpid()}_{_counter}"
    template = TEMPLATE if upgraded else "template0"
    with psycopg.connect(cluster.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE {template}")  # fixed names only
    return name


def ensure_role(
    cluster: Cluster, name: str, write: bool = True, password: str | None = None
) -> str:
    """A login role (created once per cluster) in the writers or the readers group."""
    import psycopg
    from psycopg import sql

    group = WRITERS if write else READERS
    with psycopg.connect(cluster.url(), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(
                sql.SQL("CREATE ROLE {} LOGIN IN ROLE {}").format(
                    sql.Identifier(name), sql.Identifier(group)
                )
            )
        if password is not None:
            conn.execute(
                sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                    sql.Identifier(name), sql.Literal(password)
                )
            )
    return name


SHARED_DB = "wb_shared"


def fresh_shared_database(cluster: Cluster) -> str:
    """The session's one upgraded database, emptied (much faster than a new database)."""
    import psycopg

    from .schema import WRITE_TABLES

    with psycopg.connect(cluster.url(), autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (SHARED_DB,)
        ).fetchone()
        if not exists:
            conn.execute(f"CREATE DATABASE {SHARED_DB} TEMPLATE {TEMPLATE}")
            return SHARED_DB
    tables = ", ".join(f"workbench.{t}" for t in (*WRITE_TABLES, "history", "reviewers"))
    with psycopg.connect(cluster.url(SHARED_DB), autocommit=True) as conn:
        conn.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
    return SHARED_DB
