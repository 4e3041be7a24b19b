"""The pipeline: one result per file, bad input reported by name and reason, outputs atomic."""

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from kinerja.pipeline import MANIFEST, RunOptions, run
from kinerja.write.atomic import write_atomic
from kinerja.schema import Extraction
from kinerja.schema.export import json_schemas

from .conftest import CORPUS, PDFS

PK = CORPUS / "pk-2023-diskominfo-kota-medan.txt"


def _run(paths, out, **kw):
    return run(paths, RunOptions(out_dir=out, **kw))


def test_missing_file_fails_with_its_name_and_reason(tmp_path):
    m = _run([tmp_path / "nope.pdf"], tmp_path / "out")
    (r,) = m.files
    assert r.status == "failed" and "nope.pdf" in r.reason and "no such file" in r.reason


def test_empty_file_fails_as_empty(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    (r,) = _run([empty], tmp_path / "out").files
    assert r.status == "failed" and r.reason == f"{empty}: file is empty"
    assert r.errors[0].error == "EmptyFile"


def test_non_pdf_named_pdf_is_unsupported(tmp_path):
    fake = tmp_path / "report.pdf"
    fake.write_bytes(b"PK\x03\x04 this is a zip, not a pdf")
    (r,) = _run([fake], tmp_path / "out").files
    assert r.status == "failed" and "not a PDF" in r.reason


def test_binary_file_is_unsupported(tmp_path):
    blob = tmp_path / "photo.jpg"
    blob.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    (r,) = _run([blob], tmp_path / "out").files
    assert r.status == "failed" and r.errors[0].error == "UnsupportedFormat"


def test_a_bad_file_does_not_stop_the_others(tmp_path):
    m = _run([tmp_path / "missing.txt", PK], tmp_path / "out")
    assert [r.status for r in m.files] == ["failed", "ok"]
    assert Path(m.files[1].output).exists()


@pytest.mark.parametrize("seed", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_output_validates_against_the_exported_json_schema(tmp_path, seed):
    (r,) = _run([seed], tmp_path).files
    data = json.loads(Path(r.output).read_text())
    jsonschema.validate(data, json_schemas()["extraction"])
    assert Extraction.model_validate(data).source.sha256


def test_manifest_records_file_status_reason_and_duration(tmp_path):
    _run([PK, tmp_path / "missing.txt"], tmp_path / "out")
    manifest = json.loads((tmp_path / "out" / MANIFEST).read_text())
    rows = {Path(r["file"]).name: r for r in manifest["files"]}
    assert rows["missing.txt"]["status"] == "failed" and rows["missing.txt"]["reason"]
    assert rows[PK.name]["status"] == "ok" and rows[PK.name]["duration_s"] > 0


def test_second_run_skips_unchanged_files(tmp_path):
    _run([PK], tmp_path)
    (r,) = _run([PK], tmp_path).files
    assert r.status == "skipped"


def test_changed_input_is_rerun(tmp_path):
    doc = tmp_path / "doc.txt"
    shutil.copy(PK, doc)
    _run([doc], tmp_path / "out")
    doc.write_text(PK.read_text() + "\nTambahan.\n")
    (r,) = _run([doc], tmp_path / "out").files
    assert r.status == "ok"


def test_timeout_fails_the_file_and_keeps_going(tmp_path, monkeypatch):
    import kinerja.pipeline as pipeline

    real = pipeline.parse_paged

    def slow_for_one(path, options=None):
        if path.name == "slow.txt":
            import time
            time.sleep(120)  # a hang the parser cannot see: the worker is killed at the limit
        return real(path, options)

    monkeypatch.setattr(pipeline, "parse_paged", slow_for_one)
    slow = tmp_path / "slow.txt"
    shutil.copy(PK, slow)
    m = _run([slow, PK], tmp_path / "out", timeout_s=8.0, workers=2)
    status = {Path(r.file).name: (r.status, r.errors[0].error if r.errors else None) for r in m.files}
    assert status == {"slow.txt": ("failed", "TimeLimit"), PK.name: ("ok", None)}


def test_failed_rerun_never_touches_the_earlier_output(tmp_path, monkeypatch):
    import kinerja.pipeline as pipeline

    out = Path(_run([PK], tmp_path).files[0].output)
    before = out.read_bytes()

    def boom(doc):
        raise RuntimeError("extractor bug")

    monkeypatch.setattr(pipeline, "extract_document", boom)
    (r,) = _run([PK], tmp_path, force=True).files
    assert r.status == "failed" and "extractor bug" in r.reason
    assert out.read_bytes() == before


def test_a_failure_names_the_stage_it_happened_in(tmp_path, monkeypatch):
    import kinerja.pipeline as pipeline

    def boom(doc):
        raise RuntimeError("extractor bug")

    monkeypatch.setattr(pipeline, "extract_document", boom)
    (r,) = _run([PK], tmp_path / "out").files
    assert [(e.stage, e.error) for e in r.errors] == [("extract", "RuntimeError")]
    assert (r.timings["parse"] > 0) and "extract: RuntimeError" in r.reason


def test_a_crashing_audit_rule_costs_its_findings_not_the_files_records(tmp_path, monkeypatch):
    from kinerja.audit import rules

    def broken(ex):
        raise ZeroDivisionError("rule bug")

    monkeypatch.setitem(rules.RULES, "capaian-mismatch", broken)
    (r,) = _run([PK], tmp_path / "out").files
    assert r.status == "degraded"
    assert [(e.stage, e.error) for e in r.errors] == [("audit", "ZeroDivisionError")]
    ex = Extraction.model_validate_json(Path(r.output).read_text())
    assert ex.indicators and ex.budgets and "capaian-mismatch" in r.reason


def test_atomic_write_leaves_no_temporary_file_on_error(tmp_path):
    target = tmp_path / "x.json"
    target.write_text("old")

    with pytest.raises(TypeError):
        write_atomic(target, 123)  # not text: the write fails midway
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]


def test_dask_local_cluster_runs_the_same_job(tmp_path):
    m = _run([PK, tmp_path / "missing.txt"], tmp_path / "out", dask="local", workers=2)
    assert sorted(r.status for r in m.files) == ["failed", "ok"]
    assert all(Path(r.output).exists() for r in m.files if r.status == "ok")


def test_a_scan_longer_than_the_time_limit_ends_degraded_with_the_pages_read(tmp_path):
    # the run's limit reaches the PDF parser, which stops between pages a little before it: the
    # pages read are extracted and written, on Dask as in forked workers
    scan = PDFS / "lkip_2016_dpsda_jabar_SCAN.pdf"  # 142 scanned pages: minutes of OCR
    m = _run([scan, PK], tmp_path / "out", dask="local", workers=2, timeout_s=18.0)
    status = {Path(r.file).name: r.status for r in m.files}
    assert status == {scan.name: "degraded", PK.name: "ok"}
    (r,) = [r for r in m.files if r.file == str(scan)]
    assert "time limit of 12 s reached" in r.reason  # the run's 18 s less 6 s for what follows


@pytest.mark.parametrize("limit", [float("nan"), float("inf"), 0.0, -1.0])
def test_run_options_refuse_a_time_limit_that_is_not_a_positive_number(tmp_path, limit):
    with pytest.raises(ValueError, match="positive number of seconds"):
        RunOptions(out_dir=tmp_path, timeout_s=limit)
