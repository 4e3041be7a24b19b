"""kinerja: SAKIP performance-accountability documents into validated data."""

__version__ = "0.1.0"
