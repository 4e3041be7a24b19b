"""Tables of plain `pdftotext` dumps, whose cells come out as runs of lines: runs -> header ->
rows (or stacked columns, or definition sheets) -> Table blocks (tables.py)."""
