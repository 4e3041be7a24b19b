"""Text rules every input path shares (the bottom layer of kinerja.parsers): joining wrapped
lines, years, numbering rows, page numbers and running headers."""
