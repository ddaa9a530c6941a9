"""Bring a database to the current schema by running the Alembic migrations shipped in the package."""

import threading
from importlib import import_module, resources

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, MetaData, text

from spyglass.store.db import Base

_MIGRATING = threading.Lock()
TABLE_MODULES = ("spyglass.store.tables", "spyglass.kb.tables")


def metadata() -> MetaData:
    """`Base.metadata` with every table module of the project imported, so it lists every table."""
    for name in TABLE_MODULES:
        try:
            import_module(name)
        except ModuleNotFoundError as err:
            if err.name != name:  # a table module written in parallel may not exist yet
                raise
    return Base.metadata


# Full-text objects the migrations create outside the models (FTS5 tables, the tsvector column and indexes).
FULLTEXT_NAMES = ("search_index", "tsv", "ix_documents_tsv", "ix_corpus_entities_tsv")


def include_object(obj: object, name: str | None, kind: str, reflected: bool, compare_to: object) -> bool:
    """Autogenerate filter: leave the full-text objects out of model comparisons."""
    return not (reflected and name is not None and name.startswith(FULLTEXT_NAMES))


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config over the packaged migrations; with `connection`, migrations run on it."""
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("spyglass.store") / "migrations"))
    cfg.attributes["connection"] = connection
    return cfg


def ensure_schema(engine: Engine) -> None:
    """Upgrade the database of `engine` to the newest revision (creating it when empty); a no-op when current.

    Safe when several processes start on one database: the migration holds the write lock (SQLite: BEGIN IMMEDIATE,
    which also makes its DDL one transaction) or an advisory lock (PostgreSQL), so one process migrates and the
    others then find the schema current. Alembic's context is process-global, so threads of one process take turns.
    """
    with _MIGRATING, engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        elif connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(hashtext('spyglass-schema'))"))
        command.upgrade(alembic_config(connection), "head")
        connection.commit()
