"""Tchap / Matrix adapter: matrix-nio with end-to-end encryption."""

from adapters.matrix.adapter import MatrixAdapter, MatrixOptions

__all__ = ["MatrixAdapter", "MatrixOptions"]
