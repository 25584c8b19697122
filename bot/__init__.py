"""Soutien: a confidential peer-support bot. The core knows no platform and no SQL."""
