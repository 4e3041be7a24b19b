"""The `kinerja` command as a user runs it."""

import json
import subprocess
import sys

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


def test_evaluate_prints_a_row_per_scored_document(tmp_path):
    r = kinerja("evaluate", "--gold", GOLD, PK)
    assert r.returncode == 0, r.stderr
    assert PK.stem in r.stdout and "ALL" in r.stdout


def test_evaluate_json_scores_match_the_table(tmp_path):
    r = kinerja("evaluate", "--gold", GOLD, PK, "--json")
    doc = json.loads(r.stdout)["documents"][0]
    assert doc["document"] == PK.stem and doc["gold"] == sum(1 for _ in open(GOLD / f"{PK.stem}.facts.jsonl"))
