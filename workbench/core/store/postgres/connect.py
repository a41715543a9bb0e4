"""Connecting to the team server: URLs without passwords, one-line errors.

Passwords never travel on the command line or in a URL we keep: libpq reads them
from ``PGPASSWORD``, ``~/.pgpass`` or a service file (``PGSERVICE`` /
``?service=``), and ``sslmode`` and the other libpq settings in the URL or the
environment are honoured as libpq documents them. A URL holding a password is
refused; ``safe_url`` is the only form of a URL that is ever printed.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import psycopg
from psycopg.conninfo import conninfo_to_dict

from ...errors import InputError, StoreError
from ...text import one_line

SCHEMES = ("postgresql://", "postgres://")
APP_NAME = "workbench"
KEEPALIVES = {
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
}
"""A cut network is noticed within about 25 s even while a session only listens."""


def is_postgres_url(location: object) -> bool:
    return isinstance(location, str) and location.strip().lower().startswith(SCHEMES)


def safe_url(url: str) -> str:
    """``url`` with any password removed (user info and ``password=`` query parameter)."""
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
        if "@" in netloc:
            userinfo, _, hostport = netloc.rpartition("@")
            user = userinfo.split(":", 1)[0]
            netloc = f"{user}@{hostport}" if user else hostport
        query = urlencode(
            [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "password"]
        )
        return one_line(urlunsplit((parts.scheme, netloc, parts.path, query, "")), 300)
    except ValueError:
        return "the PostgreSQL URL"


def has_password(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    userinfo = parts.netloc.rpartition("@")[0] if "@" in parts.netloc else ""
    return ":" in userinfo or any(k == "password" for k, _ in parse_qsl(parts.query))


def describe(url: str) -> dict[str, str]:
    """user, host, dbname of a URL as libpq would use them (defaults filled in)."""
    try:
        info = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        info = {}
    import os

    user = str(info.get("user") or os.environ.get("PGUSER") or _login())
    host = str(info.get("host") or os.environ.get("PGHOST") or "localhost")
    if host.startswith("/"):
        host = f"the local socket in {host}"
    db = str(info.get("dbname") or os.environ.get("PGDATABASE") or user)
    return {"user": one_line(user, 80), "host": one_line(host, 120), "dbname": one_line(db, 80)}


def _login() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "?"


def check_url(url: str) -> None:
    if has_password(url):
        raise InputError(
            "the URL holds a password; remove it and put the password in PGPASSWORD, "
            "~/.pgpass or a pg_service.conf service instead (it must never be on a command line)"
        )
    try:
        conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        raise InputError(
            f"not a valid PostgreSQL URL {safe_url(url)}: {one_line(str(exc), 120)}; "
            "write it as postgresql://USER@HOST/DATABASE"
        ) from None


def connect(url: str, autocommit: bool = False, timeout: int = 10) -> psycopg.Connection[Any]:
    """Open a connection; every failure becomes one StoreError line saying what to do."""
    check_url(url)
    try:
        return psycopg.connect(
            url,
            autocommit=autocommit,
            connect_timeout=timeout,
            application_name=APP_NAME,
            keepalives=KEEPALIVES["keepalives"],
            keepalives_idle=KEEPALIVES["keepalives_idle"],
            keepalives_interval=KEEPALIVES["keepalives_interval"],
            keepalives_count=KEEPALIVES["keepalives_count"],
        )
    except psycopg.OperationalError as exc:
        raise StoreError(explain(exc, url)) from None


def explain(exc: BaseException, url: str) -> str:
    """One line for a failed connection (never the password: we never hold one)."""
    text = str(exc)
    where = describe(url)
    safe = safe_url(url)
    low = text.lower()
    if "database" in low and "does not exist" in low:
        return (
            f"database {where['dbname']!r} does not exist on {where['host']}; create it "
            f"(createdb {where['dbname']}), then run `workbench db upgrade {safe}`"
        )
    if "role" in low and "does not exist" in low:
        return (
            f"no database user {where['user']!r} on {where['host']}; ask the team server's "
            "admin to create your role (see the README, Team workspace)"
        )
    if "password" in low or "authentication failed" in low:
        return (
            f"login refused for {where['user']!r} on {where['host']}; put your password in "
            "~/.pgpass, PGPASSWORD or a service file (never on the command line) and check it"
        )
    if "no pg_hba.conf entry" in low:
        return (
            f"the server {where['host']} does not accept {where['user']!r} from this machine; "
            "ask its admin to allow it (pg_hba.conf), or check sslmode"
        )
    if "timeout" in low:
        return f"the team server {where['host']} did not answer in time; check the URL and network"
    reason = one_line(text.strip().splitlines()[-1] if text.strip() else "unknown error", 160)
    return (
        f"cannot reach the team server at {where['host']} ({reason}); "
        "check the URL and that the server is running"
    )
