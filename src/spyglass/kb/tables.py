"""Knowledge-base tables in the project's one store: imported sources and their records.

The record row keeps the columns one filters and lists by; `data` holds the whole `KBRecord` as JSON so a
loader can add fields without a migration of these columns.
"""

from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from spyglass.kb.record import KBRecord
from spyglass.store.db import Base


class KBSourceRow(Base):
    """One imported source: where it came from, what read it, and a digest of its records."""

    __tablename__ = "kb_sources"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    loader: Mapped[str] = mapped_column(String(50))
    origin: Mapped[str] = mapped_column(String(2000))
    digest: Mapped[str] = mapped_column(String(64))
    record_count: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class KBRecordRow(Base):
    """One knowledge-base record of an imported source."""

    __tablename__ = "kb_records"

    id: Mapped[str] = mapped_column(String(300), primary_key=True)
    source: Mapped[str] = mapped_column(ForeignKey("kb_sources.name", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(20), index=True)
    name: Mapped[str] = mapped_column(String(1000))
    list_type: Mapped[str | None] = mapped_column(String(100))
    reference_number: Mapped[str | None] = mapped_column(String(100), index=True)
    listed_on: Mapped[date | None] = mapped_column(Date)
    data: Mapped[dict] = mapped_column(JSON)

    @classmethod
    def from_record(cls, record: KBRecord) -> "KBRecordRow":
        return cls(
            id=record.id,
            source=record.source,
            type=record.type.value,
            name=record.name,
            list_type=record.list_type,
            reference_number=record.reference_number,
            listed_on=record.listed_on,
            data=record.model_dump(mode="json"),
        )

    def to_record(self) -> KBRecord:
        return KBRecord.model_validate(self.data)
