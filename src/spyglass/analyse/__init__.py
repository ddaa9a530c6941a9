"""Corpus analyses: corroboration across independent sources, indicators, the knowledge-base view of entities."""
