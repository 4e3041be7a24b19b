"""Space-aligned tables of `pdftotext -layout` dumps: lines -> regions -> columns -> header ->
rows -> Table blocks (tables.py)."""
