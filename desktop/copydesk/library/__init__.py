"""The library file: its database (SQLAlchemy on SQLite), schema and migrations, the guard
and lock probe that keep it whole, its change feed, its search index and its media store."""
