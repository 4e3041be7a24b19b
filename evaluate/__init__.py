"""The yardstick: extraction -> gold facts (facts.py), facts vs gold (metrics.py), report (report.py)."""
