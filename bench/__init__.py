"""Benchmarks: scripts that print their figures beside the alternatives, run as `python -m bench.NAME`
from the repository root. They assert nothing; tests/ holds the specification."""
