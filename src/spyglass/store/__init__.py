"""The project's one store (SQLAlchemy): knowledge base, documents, extractions, and the queries over them.

`schema.ensure_schema(engine)` migrates; `records` saves and loads whole extraction records; `queries` and
`fulltext.search` answer questions across documents with `views` models. Functions take a `Session` and leave
committing to the caller: one document, one transaction.
"""
