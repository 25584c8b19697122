"""Soutien: a confidential peer-support bot. The core knows no platform and no SQL."""

__version__ = "0.2.0"
