"""A document's health: in the run manifest, behind a 'degraded' status, summed up by `kinerja extract`."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from kinerja.pipeline import MANIFEST, RunOptions, extract_file, run
from kinerja.write.dataset import write_dataset
from kinerja.schema import Extraction, RunManifest

from .conftest import CORPUS

PK = CORPUS / "pk-2023-diskominfo-kota-medan.txt"
IKU = CORPUS / "iku-2020-diskominfo-kab-bengkulu-selatan.txt"


def _run(paths, out, **kw):
    return run(paths, RunOptions(out_dir=out, **kw))


def _kinerja(*args):
    return subprocess.run([sys.executable, "-m", "kinerja.cli", *map(str, args)],
                          capture_output=True, text=True, timeout=600)


def _with_misreads(tmp_path: Path) -> Path:
    """The PK seed with two figures misprinted: a rupiah-sized target, a rupiah amount of 207."""
    text = PK.read_text(encoding="utf-8")
    text = text.replace("\t68%", "\t6.800.000.000").replace("Rp. 207.038.232,-", "Rp. 207,-")
    doc = tmp_path / "pk-misread.txt"
    doc.write_text(text, encoding="utf-8")
    return doc


def test_the_manifest_carries_each_documents_health(tmp_path):
    _run([PK], tmp_path)
    (r,) = RunManifest.model_validate_json((tmp_path / MANIFEST).read_text()).files
    h = r.health
    assert (h.indicators, h.budgets, h.definitions, h.records) == (15, 4, 3, 22)
    assert h.tables == h.tables_read + sum(h.tables_skipped.values()) and h.tables_read == 3


def test_a_clean_seed_is_ok_with_every_value_confident(tmp_path):
    (r,) = _run([PK], tmp_path).files
    ex = Extraction.model_validate_json(Path(r.output).read_text())
    assert r.status == "ok" and r.reason is None and r.health.dropped == {}
    assert all(v.confidence >= 0.7 for v in [*ex.indicators, *ex.budgets])


def test_misreads_are_dropped_and_degrade_the_document_with_their_counts(tmp_path):
    (r,) = _run([_with_misreads(tmp_path)], tmp_path / "out").files
    assert r.status == "degraded"
    assert r.reason == "misreads dropped: 2 values (1 money-sized-indicator, 1 tiny-amount)"
    assert r.health.dropped == {"money-sized-indicator": 1, "tiny-amount": 1}
    ex = Extraction.model_validate_json(Path(r.output).read_text())
    assert all(v.value.raw not in ("6.800.000.000", "Rp. 207,-") for v in [*ex.indicators, *ex.budgets])
    assert any("'6.800.000.000'" in w and "Pemerintah Daerah yang Terlindungi" in w for w in ex.warnings)


def test_extract_prints_a_health_line_per_document_and_a_total(tmp_path):
    r = _kinerja("extract", PK, IKU, "--out", tmp_path)
    assert r.returncode == 0, r.stderr
    lines = r.stderr.splitlines()
    (pk,) = [l for l in lines if l.startswith(PK.name)]
    (iku,) = [l for l in lines if l.startswith(IKU.name)]
    assert pk.split()[1:6] == ["ok", "22", "0", "0", "0"]  # status, records, flagged, dropped, findings
    assert iku.split()[-3:] == ["1/1", "(1", "toc)"]
    assert any(l.startswith("total: 65 records, 0 flagged, 0 dropped") for l in lines)


def test_files_skipped_as_up_to_date_show_their_stored_health(tmp_path):
    _kinerja("extract", PK, "--out", tmp_path)
    r = _kinerja("extract", PK, "--out", tmp_path)
    (pk,) = [l for l in r.stderr.splitlines() if l.startswith(PK.name)]
    assert pk.split()[1:3] == ["skipped", "22"]


def test_extraction_json_without_confidence_or_flags_still_loads(tmp_path):
    (r,) = _run([PK], tmp_path).files
    data = json.loads(Path(r.output).read_text())
    for record in [*data["indicators"], *data["budgets"]]:
        del record["confidence"], record["flags"]
    ex = Extraction.model_validate(data)
    assert all(v.confidence == 1.0 and v.flags == [] for v in [*ex.indicators, *ex.budgets])


def test_a_manifest_without_health_still_loads_and_skips_unchanged_files(tmp_path):
    _run([PK], tmp_path)
    manifest = json.loads((tmp_path / MANIFEST).read_text())
    for f in manifest["files"]:
        del f["health"]
    (tmp_path / MANIFEST).write_text(json.dumps(manifest))
    (r,) = _run([PK], tmp_path).files
    assert r.status == "skipped" and r.health is None


@pytest.mark.slow
def test_a_real_pdf_gets_its_health(tmp_path, pdf_dir):
    pdf = tmp_path / "pk_2021_pengukuran_2020_dkips_sulut.pdf"
    shutil.copy(pdf_dir / pdf.name, pdf)
    (r,) = _run([pdf], tmp_path / "out").files
    h = r.health
    assert r.status == "ok" and h.indicators > 0 and h.dropped == {}
    assert h.tables_read >= 1 and h.tables == h.tables_read + sum(h.tables_skipped.values())


def test_dataset_rows_carry_each_values_confidence_and_flags(tmp_path):
    ex = extract_file(PK)
    rows = pq.read_table(write_dataset([ex], tmp_path)["indicators"]).to_pylist()
    assert [r["confidence"] for r in rows] == [r.confidence for r in ex.indicators]
    assert {r["flags"] for r in rows} == {",".join(r.flags) or None for r in ex.indicators}
