"""`kinerja report`: audit findings to read in one self-contained HTML page, each with its
figures, confidence and the page crop of its cells outlined, opened in headless Chromium."""

import os
import shutil
import subprocess
import sys

import pytest

from kinerja.pipeline import extract_file
from kinerja.write.report import report_html

from .conftest import CORPUS, PDFS

PDF = PDFS / "lkip_2016_bpbd_jabar.pdf"  # a realisasi printed as 464.971,75 and as 464.71,75
SEED = CORPUS / "lkjip-2024-diskominfo-prov-babel.txt"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def pdf_extraction_json(tmp_path_factory):
    if not PDF.exists():
        pytest.skip(f"{PDF} not found")
    path = tmp_path_factory.mktemp("ex") / "bpbd.json"
    path.write_text(extract_file(PDF).model_dump_json())
    return path


def _report(json_path, out):
    return subprocess.run([sys.executable, "-m", "kinerja.cli", "report", str(json_path), "--html", str(out)],
                          capture_output=True, text=True)


def test_a_pdf_finding_shows_its_page_crop_inline(pdf_extraction_json, tmp_path):
    r = _report(pdf_extraction_json, tmp_path / "r.html")
    page = (tmp_path / "r.html").read_text()
    assert r.returncode == 0 and "conflicting-values" in page and "data:image/png;base64," in page
    assert "http://" not in page and "https://" not in page and "<script" not in page


def test_findings_are_sorted_by_severity(pdf_extraction_json):
    from kinerja.schema import Extraction

    html = report_html(Extraction.model_validate_json(pdf_extraction_json.read_text()))
    positions = [html.find(f'class="sev {s}"') for s in ("warning", "info") if f'class="sev {s}"' in html]
    assert positions == sorted(positions)


def test_a_text_dump_finding_shows_its_lines_marked():
    html = report_html(extract_file(SEED))
    assert "<mark>" in html and "data:image" not in html


def test_a_folder_gets_an_index_linking_each_report(pdf_extraction_json, tmp_path):
    r = _report(pdf_extraction_json.parent, tmp_path / "reports")
    index = (tmp_path / "reports" / "index.html").read_text()
    assert r.returncode == 0 and 'href="bpbd.html"' in index and (tmp_path / "reports" / "bpbd.html").exists()


def test_a_json_that_is_no_extraction_is_named(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text('{"foo": 1}')
    r = _report(bad, tmp_path / "r.html")
    assert r.returncode == 1 and "x.json" in r.stderr


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (.ci/setup-system.sh installs it)")
def test_the_report_renders_the_finding_and_its_outlined_cells_in_headless_chromium(pdf_extraction_json, tmp_path):
    import numpy as np
    from PIL import Image

    _report(pdf_extraction_json, tmp_path / "r.html")
    shot = tmp_path / "shot.png"
    subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}",
                    "--window-size=1100,1400", (tmp_path / "r.html").as_uri()], capture_output=True, timeout=120)
    dom = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
                          (tmp_path / "r.html").as_uri()], capture_output=True, text=True, timeout=120).stdout
    pixels = np.asarray(Image.open(shot).convert("RGB")).astype(int)
    outline = int(((pixels[..., 0] > 190) & (pixels[..., 1] < 40) & (pixels[..., 2] < 40)).sum())
    assert "conflicting-values" in dom and "<img" in dom
    assert outline > 200  # the red outline of the cells drawn on the crop is on screen
    if os.environ.get("KINERJA_SCREENSHOT_TO"):  # the README's picture is this screenshot
        shutil.copyfile(shot, os.environ["KINERJA_SCREENSHOT_TO"])
