"""Text-layer PDF -> Document: objects and triage, words and lines, paragraphs, running headers
and footers (margins), tables found by the ruled and unruled finders (and OCR on scanned pages),
blocks in reading order with provenance. `reader` chains the steps page by page."""

from kinerja.parsers.pdf.reader import PdfOptions, parse, parse_paged

__all__ = ["PdfOptions", "parse", "parse_paged"]
