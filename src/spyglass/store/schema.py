"""Bring a database to the current schema by running the Alembic migrations shipped in the package."""

from importlib import import_module, resources

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, MetaData

from spyglass.store.db import Base

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


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config over the packaged migrations; with `connection`, migrations run on it."""
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("spyglass.store") / "migrations"))
    cfg.attributes["connection"] = connection
    return cfg


def ensure_schema(engine: Engine) -> None:
    """Upgrade the database of `engine` to the newest revision (creating it when empty); a no-op when current."""
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
