"""The corpus store: an SQLite file with full-text search that grows by increments."""
