"""The store on SQLAlchemy 2 async (SQLite or PostgreSQL), one module per concept."""
