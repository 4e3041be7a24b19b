"""The encoding of a text dump, decided from the whole file: UTF-8 (with or without its BOM),
UTF-16 or UTF-32 with its BOM, else Windows-1252 (Latin-1's letters where Latin-1 has them),
else Latin-1; None for content that is no text (a NUL byte, many control characters).

The whole file, not its head: a Latin-1 dump whose first accented letter comes late is still
Latin-1, and a binary tail after a text head is still binary."""

import codecs
import re
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

CHUNK = 1 << 20
BOMS = (  # UTF-32's before UTF-16's: FF FE 00 00 begins both
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
WITHOUT_BOM = ("utf-8", "cp1252", "latin-1")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # tab, newlines, form feed are text
MAX_CONTROL_SHARE = 0.05


def text_encoding(chunks: Callable[[], Iterable[bytes]]) -> Optional[str]:
    """The first encoding that reads all of `chunks()` as text (called once per try)."""
    first = next(iter(chunks()), b"")
    with_bom = [enc for bom, enc in BOMS if first.startswith(bom)][:1]
    return next((enc for enc in with_bom or WITHOUT_BOM if _reads_as_text(chunks(), enc)), None)


def file_chunks(path: Path) -> Callable[[], Iterator[bytes]]:
    def read() -> Iterator[bytes]:
        with path.open("rb") as fh:
            while chunk := fh.read(CHUNK):
                yield chunk
    return read


def _reads_as_text(chunks: Iterable[bytes], encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    chars = controls = 0
    try:
        for text in _decoded(chunks, decoder):
            if "\x00" in text:
                return False
            chars += len(text)
            controls += len(CONTROL.findall(text))
    except UnicodeDecodeError:
        return False
    return controls <= MAX_CONTROL_SHARE * chars


def _decoded(chunks: Iterable[bytes], decoder) -> Iterator[str]:
    for chunk in chunks:
        yield decoder.decode(chunk)
    yield decoder.decode(b"", final=True)
