"""Benchmarks and evaluations (`make bench`, `make eval`)."""
