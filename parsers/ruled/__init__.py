"""Ruled tables: rulings -> cells (chain, ruling) -> grid -> row repairs (thin_rows, tall_rows,
stacked_rows)."""
