"""Scanned pages through Tesseract: the page image straightened (skew), its rulings found and
painted out (rules), words read and repaired (words), short cells read again (reread), into the
same lines and grids as a text layer. `page.ocr_page` chains the steps."""
