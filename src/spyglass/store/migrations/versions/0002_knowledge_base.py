"""Knowledge-base tables (spyglass.kb.tables): imported sources and their records.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kb_sources",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("loader", sa.String(length=50), nullable=False),
        sa.Column("origin", sa.String(length=2000), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("record_count", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "kb_records",
        sa.Column("id", sa.String(length=300), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=1000), nullable=False),
        sa.Column("list_type", sa.String(length=100), nullable=True),
        sa.Column("reference_number", sa.String(length=100), nullable=True),
        sa.Column("listed_on", sa.Date(), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["source"], ["kb_sources.name"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("kb_records", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_kb_records_reference_number"), ["reference_number"], unique=False)
        batch_op.create_index(batch_op.f("ix_kb_records_source"), ["source"], unique=False)
        batch_op.create_index(batch_op.f("ix_kb_records_type"), ["type"], unique=False)


def downgrade() -> None:
    op.drop_table("kb_records")
    op.drop_table("kb_sources")
