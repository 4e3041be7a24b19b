"""Primitives of a page (the bottom layer of the PDF path): geometry (boxes, rulings), positioned
words and lines."""
