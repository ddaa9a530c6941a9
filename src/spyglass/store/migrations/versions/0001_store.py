"""Documents, corpus entities, mentions, events, arguments, claims, sources; full-text index.

Revision ID: 0001
Revises: -
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

STORE_TABLES = (
    "sources",
    "mentions",
    "claims",
    "arguments",
    "events",
    "document_entities",
    "documents",
    "corpus_entities",
)

FTS5 = (
    "CREATE VIRTUAL TABLE search_index USING fts5("
    "kind UNINDEXED, ref UNINDEXED, title, body, tokenize = 'porter unicode61 remove_diacritics 2')"
)
# Ranking: BM25 with titles weighted 4x the body (kind and ref are not text).
FTS5_RANK = "INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(0.0, 0.0, 4.0, 1.0)')"
PG_FULLTEXT = (
    "ALTER TABLE documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
    "(to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED",
    "CREATE INDEX ix_documents_tsv ON documents USING gin (tsv)",
    "CREATE INDEX ix_corpus_entities_tsv ON corpus_entities USING gin (to_tsvector('simple', name))",
)


def upgrade() -> None:
    op.create_table(
        "corpus_entities",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("key", sa.String(length=600), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("kb_id", sa.String(length=300), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    with op.batch_alter_table("corpus_entities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_corpus_entities_kb_id"), ["kb_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_corpus_entities_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_corpus_entities_type"), ["type"], unique=False)

    op.create_table(
        "documents",
        sa.Column("id", sa.String(length=71), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("outlet", sa.String(length=300), nullable=True),
        sa.Column("byline", sa.Text(), nullable=True),
        sa.Column("dateline", sa.String(length=300), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("boilerplate", sa.JSON(), nullable=False),
        sa.Column("schema_version", sa.String(length=8), nullable=False),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documents_ingested_at"), ["ingested_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_published"), ["published"], unique=False)

    op.create_table(
        "document_entities",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("document_id", sa.String(length=71), nullable=False),
        sa.Column("local_id", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("corpus_entity_id", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("kb_id", sa.String(length=300), nullable=True),
        sa.Column("attributes", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["corpus_entity_id"],
            ["corpus_entities.id"],
        ),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_id", "local_id"),
    )
    with op.batch_alter_table("document_entities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_entities_corpus_entity_id"), ["corpus_entity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_document_entities_document_id"), ["document_id"], unique=False)

    op.create_table(
        "events",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("document_id", sa.String(length=71), nullable=False),
        sa.Column("local_id", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("trigger_start", sa.Integer(), nullable=False),
        sa.Column("trigger_end", sa.Integer(), nullable=False),
        sa.Column("trigger_text", sa.Text(), nullable=False),
        sa.Column("date_text", sa.Text(), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("date_approximate", sa.Boolean(), nullable=False),
        sa.Column("attributes", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_id", "local_id"),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_document_id"), ["document_id"], unique=False)
        batch_op.create_index("ix_events_type_date", ["type", "date_start"], unique=False)

    op.create_table(
        "arguments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("entity_id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["entity_id"], ["document_entities.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("arguments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_arguments_entity_id"), ["entity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_arguments_event_id"), ["event_id"], unique=False)

    op.create_table(
        "claims",
        sa.Column("event_id", sa.String(length=40), nullable=False),
        sa.Column("certainty", sa.String(length=12), nullable=False),
        sa.Column("cue", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id"),
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claims_certainty"), ["certainty"], unique=False)

    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entity_id", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["entity_id"], ["document_entities.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mentions_entity_id"), ["entity_id"], unique=False)

    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("entity_id", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(["entity_id"], ["document_entities.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["event_id"], ["claims.event_id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sources_event_id"), ["event_id"], unique=False)

    if op.get_bind().dialect.name == "sqlite":
        op.execute(FTS5)
        op.execute(FTS5_RANK)
    elif op.get_bind().dialect.name == "postgresql":
        for statement in PG_FULLTEXT:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE search_index")
    for table in STORE_TABLES:
        op.drop_table(table)
