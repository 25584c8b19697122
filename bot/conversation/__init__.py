"""The conversation: what a message is (`route`), and who handles it (tables)."""
