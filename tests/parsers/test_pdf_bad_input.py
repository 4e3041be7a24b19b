"""Bad PDFs give a typed error or a degraded Document naming the reason, never a crash or hang.

The broken files are made here from a real PDF (pikepdf, byte surgery), not committed.
"""

import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pikepdf
import pytest

from tests.parsing import parse
from kinerja.parsers.errors import CorruptPDF, EmptyPDF, EncryptedPDF, InputError, UnsupportedFormat
from kinerja.parsers.pdf.reader import PdfOptions

SMALL = "pk_2021_pengukuran_2020_dkips_sulut.pdf"


@pytest.fixture
def small_pdf(pdf_dir) -> Path:
    return pdf_dir / SMALL


def _outcome(path: Path, **options):
    """The Document, or the typed InputError; anything else propagates and fails the test."""
    try:
        return parse(path, options or None)
    except InputError as err:
        return err


def test_encrypted_with_empty_user_password_opens(small_pdf, tmp_path):
    out = tmp_path / "owner_only.pdf"
    with pikepdf.open(small_pdf) as pdf:
        pdf.save(out, encryption=pikepdf.Encryption(owner="secret", user="", R=6))
    doc = parse(out)
    assert doc.tables(), "the tables of an owner-password-only PDF are read"


def test_encrypted_with_user_password_raises_encrypted(small_pdf, tmp_path):
    out = tmp_path / "locked.pdf"
    with pikepdf.open(small_pdf) as pdf:
        pdf.save(out, encryption=pikepdf.Encryption(owner="secret", user="pw", R=6))
    with pytest.raises(EncryptedPDF) as err:
        parse(out)
    assert str(out) in str(err.value)


def test_encrypted_pdf_opens_with_the_password_in_options(small_pdf, tmp_path):
    out = tmp_path / "locked.pdf"
    with pikepdf.open(small_pdf) as pdf:
        pdf.save(out, encryption=pikepdf.Encryption(owner="secret", user="pw", R=4))
    doc = parse(out, PdfOptions(password="pw"))
    assert doc.tables()


def test_truncated_file_is_degraded_or_corrupt(small_pdf, tmp_path):
    data = small_pdf.read_bytes()
    out = tmp_path / "truncated.pdf"
    out.write_bytes(data[: len(data) // 2])
    result = _outcome(out)
    if isinstance(result, InputError):
        assert isinstance(result, CorruptPDF)
    else:
        assert result.degraded
        assert any("truncated" in w for w in result.warnings)


def test_broken_xref_is_read_through_repair(small_pdf, tmp_path):
    data = bytearray(small_pdf.read_bytes())
    pos = data.rfind(b"startxref")
    data[pos + 10: pos + 20] = b"9999999999"[: len(data[pos + 10: pos + 20])]
    out = tmp_path / "bad_xref.pdf"
    out.write_bytes(bytes(data))
    result = _outcome(out)
    assert not isinstance(result, InputError) or isinstance(result, CorruptPDF)
    if not isinstance(result, InputError):
        assert len(result.pages) == 4


needs_qpdf = pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf (system package) not installed")


def _with_page_broken(pdf: Path, out: Path, page: int) -> Path:
    """The PDF with one page object replaced by a string (a page dictionary lost to damage)."""
    qdf = out.with_suffix(".qdf.pdf")
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(pdf), str(qdf)], check=True)
    data = qdf.read_bytes()
    head = re.search(rb"%% Page " + str(page).encode() + rb"\n%% Original object ID: \d+ \d+\n\d+ 0 obj\n", data)
    end = data.index(b"endobj", head.end())
    out.write_bytes(data[:head.end()] + b"(broken page)\n" + data[end:])
    return out


@needs_qpdf
def test_an_unloadable_page_is_left_out_and_the_other_pages_are_read(small_pdf, tmp_path):
    doc = parse(_with_page_broken(small_pdf, tmp_path / "bad_page.pdf", 2))
    assert doc.degraded and any(w.startswith("page 2 could not be loaded") for w in doc.warnings)
    assert len(doc.tables()) >= 2, "the tables of pages 1, 3 and 4 are still read"


@needs_qpdf
def test_damage_pdfium_repairs_silently_marks_the_document_degraded(small_pdf, tmp_path):
    """Zeros in the middle of page 1's compressed content stream: pdfium draws what inflates and
    says nothing; qpdf's check names the damage."""
    data = bytearray(small_pdf.read_bytes())
    stream = re.search(rb"<</Filter/FlateDecode/Length (\d+)>>\s*stream\r?\n", data)
    middle = stream.end() + int(stream.group(1)) // 2
    data[middle:middle + 16] = bytes(16)
    out = tmp_path / "bad_stream.pdf"
    out.write_bytes(bytes(data))
    doc = parse(out)
    assert doc.degraded and any(w.startswith("the file is damaged (qpdf --check") for w in doc.warnings)


@needs_qpdf
def test_a_sound_pdf_carries_no_damage_warning(small_pdf):
    assert not any("damaged" in w for w in parse(small_pdf).warnings)


def test_damage_check_can_be_turned_off(small_pdf, tmp_path):
    doc = parse(_with_page_broken(small_pdf, tmp_path / "bad_page.pdf", 2), {"integrity_check": False}) \
        if shutil.which("qpdf") else pytest.skip("qpdf (system package) not installed")
    assert not any("damaged" in w for w in doc.warnings)


def test_garbage_after_header_raises_corrupt(tmp_path):
    out = tmp_path / "garbage.pdf"
    out.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    with pytest.raises(CorruptPDF):
        parse(out)


def test_zero_pages_raises_empty_pdf(tmp_path):
    out = tmp_path / "zero.pdf"
    pikepdf.new().save(out)
    with pytest.raises(EmptyPDF):
        parse(out)


def test_non_pdf_named_pdf_is_unsupported(tmp_path):
    out = tmp_path / "report.pdf"
    out.write_text("<html><body>not a pdf</body></html>")
    with pytest.raises(UnsupportedFormat):
        parse(out)


def test_huge_image_page_is_not_rendered(tmp_path):
    """A scanned page whose image would take gigabytes to decode is reported, not rendered."""
    side = 12000  # 144 Mpx, above the decoding guard; a few kB once compressed
    out = tmp_path / "huge.pdf"
    pdf = pikepdf.new()
    image = pikepdf.Stream(pdf, zlib.compress(b"\xff" * (side // 8) * side))
    image.Filter = pikepdf.Name.FlateDecode
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width, image.Height = side, side
    image.ColorSpace, image.BitsPerComponent = pikepdf.Name.DeviceGray, 1
    page = pdf.add_blank_page(page_size=(612, 792))
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    page.Contents = pdf.make_stream(b"q 612 0 0 792 0 0 cm /Im0 Do Q")
    pdf.save(out)
    doc = parse(out)
    assert doc.degraded
    assert any("too large" in w for w in doc.warnings)


def test_time_limit_stops_with_a_degraded_document(pdf_dir):
    doc = parse(pdf_dir / "lkip_2016_dinkes_jabar.pdf", PdfOptions(timeout_s=0.5, ocr=False))
    assert doc.degraded
    assert any("time limit" in w for w in doc.warnings)
    assert 0 < len(doc.pages) < 110


def test_options_reject_unknown_keys():
    with pytest.raises(ValueError):
        PdfOptions.coerce({"timeout": 3})


def test_a_page_whose_reading_fails_is_left_out_and_the_others_are_read(small_pdf, monkeypatch):
    """Damage reaches the page readers as any kind of error (pypdfium2's ValueError for a crop
    off the page, seen on a byte-flipped PDF): that page is lost, not the file."""
    from kinerja.parsers.pdf import reader

    real = reader._read_page

    def second_page_fails(pdf, index, *args):
        if index == 1:
            raise ValueError("Crop exceeds page dimensions")
        return real(pdf, index, *args)

    monkeypatch.setattr(reader, "_read_page", second_page_fails)
    doc = parse(small_pdf, {"integrity_check": False})
    assert doc.warnings == ["page 2 could not be read (ValueError: Crop exceeds page dimensions); it is left out"]
    assert doc.degraded and len(doc.tables()) >= 2, "the tables of pages 1, 3 and 4 are still read"


def test_a_page_tree_whose_kids_cycle_back_gives_a_degraded_document_or_a_typed_error(tmp_path):
    """/Kids of the page tree naming the tree itself: a loop a naive page walk never leaves."""
    out = tmp_path / "cyclic_kids.pdf"
    out.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                    b"2 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >> endobj\n"
                    b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n"
                    b"trailer << /Root 1 0 R >>\n%%EOF\n")
    result = _outcome(out)
    assert isinstance(result, InputError) or result.degraded
