"""Text dumps (Markdown-ish exports, pdftotext output) -> Document. `reader` chains the steps;
`markup` (HTML, LaTeX, emphasis), `tsv` (tab-separated rows), `interleaved` (raw pdftotext of
a wide table), `hard_wrap` (wrapped paragraphs), `layout/` (`pdftotext -layout` tables) and
`cellruns/` (plain `pdftotext` tables, written cell by cell) each read one kind of dump."""

from kinerja.parsers.textdump.reader import TextDumpOptions, parse

__all__ = ["TextDumpOptions", "parse"]
