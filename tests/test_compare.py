"""Comparing one catalogued indicator across agencies and years: the dataset's canonical columns,
`kinerja compare` (table, PNG chart, self-contained HTML page opened in headless Chromium), and
the Python API for notebooks."""

import shutil
import subprocess
import sys

import duckdb
import pytest

import kinerja
from kinerja.pipeline import extract_file
from kinerja.write.dataset import write_dataset

from .conftest import CORPUS

DOCS = sorted(CORPUS.glob("*.txt"))
PK = CORPUS / "pk-2023-diskominfo-kota-medan.txt"


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dataset")
    write_dataset([extract_file(p) for p in DOCS], folder)
    return folder


def _one(folder, sql):
    with duckdb.connect(str(folder / "kinerja.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchone()


def test_every_indicator_row_has_a_catalogue_id_or_an_explained_no_match(dataset):
    assert _one(dataset, "SELECT count(*) FROM indicators WHERE indicator_id IS NULL AND match_reason IS NULL")[0] == 0
    assert _one(dataset, "SELECT count(*) FROM indicators WHERE indicator_id IS NOT NULL")[0] > 0


def test_every_row_carries_its_regions_kemendagri_code(dataset):
    assert _one(dataset, "SELECT count(*) FROM documents WHERE region_code IS NULL")[0] == 0


def test_the_findings_of_each_document_are_a_table(dataset):
    expected = sum(len(extract_file(p).findings) for p in DOCS[:1])
    got = _one(dataset, f"SELECT count(*) FROM findings WHERE file = '{DOCS[0]}'")[0]
    assert got == expected


def test_the_comparison_view_holds_only_catalogued_values(dataset):
    assert _one(dataset, "SELECT count(*) FROM indicator_comparison WHERE canonical_name IS NULL")[0] == 0


def test_compare_prints_agencies_by_year_and_writes_chart_and_page(dataset, tmp_path):
    r = subprocess.run([sys.executable, "-m", "kinerja.cli", "compare", str(dataset), "--indicator", "indeks-spbe",
                        "--measure", "target", "--out", str(tmp_path)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "Medan" in r.stdout and "2023" in r.stdout
    png = (tmp_path / "compare-indeks-spbe.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def test_compare_refuses_an_id_the_catalogue_lacks(dataset):
    r = subprocess.run([sys.executable, "-m", "kinerja.cli", "compare", str(dataset), "--indicator", "no-such-id"],
                       capture_output=True, text=True)
    assert r.returncode == 1 and "no-such-id" in r.stderr


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (.ci/setup-system.sh installs it)")
def test_the_comparison_page_renders_offline_in_headless_chromium(dataset, tmp_path):
    subprocess.run([sys.executable, "-m", "kinerja.cli", "compare", str(dataset), "--indicator", "indeks-spbe",
                    "--measure", "target", "--out", str(tmp_path)], check=True, capture_output=True)
    page = (tmp_path / "compare-indeks-spbe.html").as_uri()
    profile = tmp_path / "profile"
    dom = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", page],
                         capture_output=True, text=True, timeout=120).stdout
    shot = tmp_path / "shot.png"
    subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--screenshot={shot}",
                    "--window-size=1000,900", page], capture_output=True, timeout=120)
    assert "<svg" in dom and "Medan" in dom and 'id="values"' in dom
    assert shot.stat().st_size > 10_000  # a drawn chart and table, not a blank page


def test_the_api_extracts_a_file_with_canonical_ids():
    ex = kinerja.extract(PK)
    assert ex.meta.region_code and any(r.canonical and r.canonical.id for r in ex.indicators)


def test_the_api_reads_a_dataset_as_pandas_or_duckdb(dataset):
    pandas_view = kinerja.read_dataset(dataset)
    duck_view = kinerja.read_dataset(dataset, engine="duckdb")
    assert len(pandas_view.indicators) == len(duck_view.indicators.fetchall()) > 0


def test_the_api_names_a_folder_without_a_dataset(tmp_path):
    with pytest.raises(FileNotFoundError, match=str(tmp_path)):
        kinerja.read_dataset(tmp_path)
