"""Alembic environment: runs on the connection `spyglass.store.schema.ensure_schema` passes in."""

from alembic import context

from spyglass.store.db import make_engine
from spyglass.store.schema import include_object, metadata

config = context.config


def run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=metadata(),
        include_object=include_object,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    with make_engine(config.get_main_option("sqlalchemy.url")).begin() as own:
        run(own)
