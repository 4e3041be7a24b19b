"""Text dumps in the encodings archives hold them in: UTF-16 with its BOM, Windows-1252 and
Latin-1 read as the same text as the UTF-8 seed; the encoding is decided from the whole file.
Inputs are the IKU seed (its dashes and curly quotes are Windows-1252's) re-encoded into tmp_path."""

from pathlib import Path

import pytest

from kinerja.parsers import detect
from kinerja.parsers.errors import UnsupportedFormat
from tests.parsing import parse

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
IKU = CORPUS / "iku-2020-diskominfo-kab-bengkulu-selatan.txt"
NOTE = "Catatan: capaian dihitung ulang – résumé “final”, 2° revisi\n"


def _written(tmp_path: Path, data: bytes, folder: str) -> Path:
    path = tmp_path / folder / "iku.txt"
    path.parent.mkdir()
    path.write_bytes(data)
    return path


def _reading(path: Path) -> str:
    """The Document as JSON, its file named alike whatever folder it was read from."""
    return parse(path).model_dump_json(exclude={"source"}).replace(str(path), "iku.txt")


def _latin1(text: str) -> bytes:
    return text.encode("latin-1", errors="replace")  # dashes and curly quotes are not Latin-1


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "cp1252"])
def test_a_dump_reads_as_the_same_document_as_its_utf8_copy(tmp_path, encoding):
    text = NOTE + IKU.read_text(encoding="utf-8")
    bom = "\ufeff" if encoding == "utf-16-be" else ""  # utf-16-be does not write its BOM itself
    utf8 = _written(tmp_path, text.encode("utf-8"), "utf-8")
    assert _reading(_written(tmp_path, (bom + text).encode(encoding), encoding)) == _reading(utf8)


def test_a_latin1_letter_in_the_first_line_is_read(tmp_path):
    path = _written(tmp_path, _latin1("Laporan IKU, Bengkulu Selatan: café\n" + IKU.read_text()), "l1")
    assert detect(path) == "text"
    assert "café" in parse(path).model_dump_json()


def test_a_latin1_letter_far_into_the_file_is_read_as_latin1_too(tmp_path):
    text = IKU.read_text()
    path = _written(tmp_path, _latin1(text + "\nDisusun oleh: José\n"), "l1")
    assert len(text.encode()) > 4096 and "José" in parse(path).model_dump_json()


def test_binary_content_after_a_text_head_is_refused(tmp_path):
    path = _written(tmp_path, IKU.read_bytes() + b"\x00\x01\x02\xff\xd8" * 200, "bin")
    with pytest.raises(UnsupportedFormat):
        detect(path)
