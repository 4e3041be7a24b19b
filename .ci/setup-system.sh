#!/usr/bin/env bash
# System packages kinerja needs beside its Python dependencies (Debian/Ubuntu, as root):
# Tesseract with its Indonesian data for scanned pages, Ghostscript and poppler for camelot
# and page rendering, qpdf for repairing damaged PDFs in tests, Chromium to open the HTML pages
# kinerja writes (a test renders them headless). Shared by the README and CI.
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
need=()
for pkg in tesseract-ocr tesseract-ocr-ind ghostscript poppler-utils qpdf chromium; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
tesseract --list-langs 2>/dev/null | grep -qx ind || { echo "tesseract Indonesian data missing" >&2; exit 1; }
