"""Reading and replacing knowledge-base sources in the store, each replacement one transaction.

A source's records are replaced whole: parse first (the loaders do), then delete and insert in one
transaction, so a failed import leaves the previous records in place. Importing the same records again is a
no-op, recognised by a digest of their content.
"""

import hashlib
import json
import weakref
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, Text, cast, delete, func, select
from sqlalchemy.exc import IntegrityError

from spyglass.errors import InputError
from spyglass.kb.record import KBRecord
from spyglass.kb.tables import KBRecordRow, KBSourceRow
from spyglass.store.db import make_sessionmaker
from spyglass.store.schema import ensure_schema

_READY: "weakref.WeakSet[Engine]" = weakref.WeakSet()


@dataclass(frozen=True)
class ImportResult:
    """What an import did: how many records the source now has, and whether anything changed."""

    source: str
    count: int
    changed: bool


def ensure_tables(engine: Engine) -> None:
    """Bring the store to the current schema (the store's migrations hold these tables), once per engine."""
    if engine not in _READY:
        ensure_schema(engine)
        _READY.add(engine)


def digest(records: list[KBRecord]) -> str:
    """A content digest of records, independent of their order."""
    lines = sorted(json.dumps(r.model_dump(mode="json"), sort_keys=True) for r in records)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def replace_source(engine: Engine, source: str, loader: str, origin: str, records: list[KBRecord]) -> ImportResult:
    """Make `records` the whole content of `source`, in one transaction; unchanged content writes nothing."""
    ensure_tables(engine)
    unique = list({r.id: r for r in records}.values())
    new_digest = digest(unique)
    try:
        with make_sessionmaker(engine).begin() as session:
            current = session.get(KBSourceRow, source)
            if current is not None and current.digest == new_digest:
                return ImportResult(source, current.record_count, changed=False)
            session.execute(delete(KBRecordRow).where(KBRecordRow.source == source))
            if current is not None:
                session.delete(current)
                session.flush()
            session.add(
                KBSourceRow(
                    name=source,
                    loader=loader,
                    origin=origin,
                    digest=new_digest,
                    record_count=len(unique),
                    imported_at=datetime.now(UTC),
                )
            )
            session.flush()
            session.add_all(KBRecordRow.from_record(r) for r in unique)
    except IntegrityError:
        raise InputError(
            origin, f"record ids already belong to another source; import it as that source, not {source!r}"
        ) from None
    return ImportResult(source, len(unique), changed=True)


def list_sources(engine: Engine) -> list[KBSourceRow]:
    """Every imported source, by name."""
    ensure_tables(engine)
    with make_sessionmaker(engine)() as session:
        return list(session.scalars(select(KBSourceRow).order_by(KBSourceRow.name)))


def count_records(engine: Engine, source: str | None = None) -> int:
    """How many records are stored (of one source, or of all)."""
    ensure_tables(engine)
    query = select(func.count()).select_from(KBRecordRow)
    if source is not None:
        query = query.where(KBRecordRow.source == source)
    with make_sessionmaker(engine)() as session:
        return session.scalar(query) or 0


def get_record(engine: Engine, record_id: str) -> KBRecord | None:
    """The stored record with this id, if any."""
    ensure_tables(engine)
    with make_sessionmaker(engine)() as session:
        row = session.get(KBRecordRow, record_id)
        return row.to_record() if row is not None else None


def stored_records(engine: Engine) -> list[KBRecord]:
    """Every stored record of every source."""
    ensure_tables(engine)
    query = select(cast(KBRecordRow.data, Text)).order_by(KBRecordRow.id)  # JSON text: pydantic parses it fastest
    with make_sessionmaker(engine)() as session:
        return [KBRecord.model_validate_json(data) for data in session.scalars(query)]
