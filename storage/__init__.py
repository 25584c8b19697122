"""SQLAlchemy storage: typed tables, field encryption, the Store implementation."""
