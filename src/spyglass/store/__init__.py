"""The project's one store (SQLAlchemy): knowledge base, documents, extractions."""
