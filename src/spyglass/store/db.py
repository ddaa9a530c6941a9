"""Engine and session for the store: SQLite by default, any SQLAlchemy URL via `--db` or `SPYGLASS_DB`."""

import os
from pathlib import Path

import platformdirs
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import DeclarativeBase, sessionmaker


class Base(DeclarativeBase):
    """Declarative base of every table in the store."""


def default_url() -> str:
    """`SPYGLASS_DB` if set, else a SQLite file in the user data directory."""
    url = os.environ.get("SPYGLASS_DB")
    if url:
        return url
    data = Path(platformdirs.user_data_dir("spyglass"))
    data.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{data / 'spyglass.db'}"


def make_engine(url: str | None = None) -> Engine:
    """An engine for `url` (default: `default_url()`); SQLite gets WAL and foreign keys."""
    url = url or default_url()
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def make_sessionmaker(engine: Engine) -> sessionmaker:
    return sessionmaker(engine, expire_on_commit=False)
