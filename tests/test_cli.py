"""The `kinerja` command as a user runs it."""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from .conftest import CORPUS, GOLD

PK = CORPUS / "pk-2023-diskominfo-kota-medan.txt"


def kinerja(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "kinerja.cli", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=600)


def test_extract_reports_a_missing_file_in_one_line_and_exits_1(tmp_path):
    r = kinerja("extract", tmp_path / "absent.pdf", "--out", tmp_path / "out")
    assert r.returncode == 1
    errors = [l for l in r.stderr.splitlines() if l.startswith("error")]
    assert errors == [f"error {tmp_path / 'absent.pdf'}: no such file"]


def test_extract_writes_one_json_per_input_and_exits_0(tmp_path):
    r = kinerja("extract", PK, "--out", tmp_path)
    assert r.returncode == 0, r.stderr
    (output,) = tmp_path.glob(f"{PK.stem}.*.json")
    assert json.loads(output.read_text())["source"]["path"] == str(PK)


def test_schema_writes_json_schema_files(tmp_path):
    r = kinerja("schema", "--out", tmp_path)
    assert r.returncode == 0 and (tmp_path / "extraction.schema.json").exists()


def test_facts_prints_json_lines_of_gold_form():
    r = kinerja("facts", PK)
    assert r.returncode == 0, r.stderr
    facts = [json.loads(l) for l in r.stdout.splitlines()]
    assert {"kind": "meta", "field": "doc_type", "value": "PK"} in facts


def test_facts_of_a_runs_json_files_pass_over_its_manifest(tmp_path):
    # 'kinerja facts OUT/*.json' names run-manifest.json beside the extractions
    assert kinerja("extract", PK, "--out", tmp_path).returncode == 0
    r = kinerja("facts", *sorted(tmp_path.glob("*.json")))
    assert r.returncode == 0, r.stderr
    assert {"kind": "meta", "field": "doc_type", "value": "PK"} in map(json.loads, r.stdout.splitlines())


def test_evaluate_prints_a_row_per_scored_document(tmp_path):
    r = kinerja("evaluate", "--gold", GOLD, PK)
    assert r.returncode == 0, r.stderr
    assert PK.stem in r.stdout and "ALL" in r.stdout


def test_evaluate_without_inputs_scores_the_bundled_documents_only():
    # corpus/ also holds yardsticks (table grids read by hand, findings, labels): none is a document
    if not GOLD.is_dir():
        pytest.skip(f"gold not found at {GOLD}")
    r = kinerja("evaluate", "--gold", GOLD, "--json")
    assert r.returncode == 0 and _errors(r) == [], r.stderr
    scored = {d["document"] for d in json.loads(r.stdout)["documents"]}
    assert scored == {p.stem for p in CORPUS.glob("*.txt")}


def test_evaluate_json_scores_match_the_table(tmp_path):
    r = kinerja("evaluate", "--gold", GOLD, PK, "--json")
    doc = json.loads(r.stdout)["documents"][0]
    assert doc["document"] == PK.stem and doc["gold"] == sum(1 for _ in open(GOLD / f"{PK.stem}.facts.jsonl"))


def _errors(r) -> list[str]:
    return [l for l in r.stderr.splitlines() if l.startswith("error")]


def _extraction_json(folder):
    from kinerja.pipeline import RunOptions, run

    (r,) = run([PK], RunOptions(out_dir=folder)).files
    return Path(r.output)


@pytest.fixture
def unwritable_dir(tmp_path):
    """A folder this user may not write in: a read-only one, or for root (who may write
    anywhere permissions say no) a kernel folder that refuses new files."""
    if os.geteuid() != 0:
        folder = tmp_path / "read-only"
        folder.mkdir(mode=0o555)
        return folder
    try:
        fd, probe = tempfile.mkstemp(dir="/sys")
    except OSError:
        return Path("/sys")
    os.close(fd)
    os.unlink(probe)
    pytest.skip("no folder refuses root's writes here")


def test_dataset_names_and_skips_a_truncated_and_a_foreign_json_and_writes_the_rest(tmp_path):
    good = _extraction_json(tmp_path / "json")
    truncated, foreign = tmp_path / "json" / "truncated.json", tmp_path / "json" / "package.json"
    truncated.write_bytes(good.read_bytes()[:2000])
    foreign.write_text('{"name": "kinerja", "version": "0.1.0"}')
    r = kinerja("dataset", tmp_path / "json", "--to", tmp_path / "ds")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert [e.split(": ")[0] for e in _errors(r)] == [f"error {foreign}", f"error {truncated}"]
    assert pq.read_table(tmp_path / "ds" / "documents.parquet").column("file").to_pylist() == [str(PK)]


def test_dataset_into_a_file_gives_one_error_line(tmp_path):
    good = _extraction_json(tmp_path / "json")
    r = kinerja("dataset", good, "--to", PK)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert _errors(r) == [f"error {PK}: not a folder ({PK} is a file)"]


def test_extract_into_a_path_under_a_file_gives_one_error_line(tmp_path):
    r = kinerja("extract", PK, "--out", PK / "out")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert _errors(r) == [f"error {PK / 'out'}: not a folder ({PK} is a file)"]


def test_extract_into_an_unwritable_folder_gives_one_error_line(unwritable_dir):
    r = kinerja("extract", PK, "--out", unwritable_dir)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    (line,) = _errors(r)
    assert line.startswith(f"error {unwritable_dir}: cannot be written to (")


def test_an_unreadable_input_fails_alone_and_the_others_are_written(tmp_path):
    unreadable = tmp_path / ("x" * 300 + ".txt")  # a name the system refuses to look up
    r = kinerja("extract", unreadable, PK, "--out", tmp_path / "out")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert _errors(r) == [f"error {unreadable}: cannot be read (File name too long)"]
    assert len(list((tmp_path / "out").glob(f"{PK.stem}.*.json"))) == 1


@pytest.mark.parametrize("limit", ["nan", "inf", "0", "-5"])
def test_extract_refuses_a_time_limit_that_is_not_a_positive_number(tmp_path, limit):
    r = kinerja("extract", PK, "--out", tmp_path, "--timeout", limit)
    assert r.returncode == 2 and "a time limit is a positive number of seconds" in r.stderr
    assert not list(tmp_path.iterdir())
