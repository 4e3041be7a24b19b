"""`kinerja evaluate --findings`: audit findings against inconsistencies read by hand
(corpus/findings), recall over what a record-based check can see, precision over the claims."""

import json
import subprocess
import sys

from kinerja.evaluate.findings import RULES_OF_KIND, load_reference, reference_files, score_document
from kinerja.schema import Finding, Provenance

from .conftest import CORPUS

FINDINGS = CORPUS / "findings"


def test_the_reference_set_holds_40_inconsistencies_over_6_documents():
    refs = {name: load_reference(path) for name, path in reference_files(FINDINGS).items()}
    assert len([r for r in refs.values() if r]) >= 6 and sum(len(r) for r in refs.values()) >= 40


def test_every_reference_item_names_a_known_kind_and_says_whether_records_can_see_it():
    items = [i for p in reference_files(FINDINGS).values() for i in load_reference(p)]
    assert {i["kind"] for i in items} <= set(RULES_OF_KIND) | {"other"}
    assert all(isinstance(i.get("record_check"), bool) and i.get("note") for i in items)


def _finding(code, subject, page, severity="warning"):
    return Finding(code=code, severity=severity, message=f"{subject} 2024", subject=subject,
                   evidence=[Provenance(file="x.pdf", page=page)])


ITEM = {"kind": "capaian", "subject": "Indeks KAMI", "year": 2024, "pages": [7], "record_check": True}


def test_a_finding_of_the_rule_for_that_kind_on_its_page_pairs():
    s = score_document("x", [ITEM], [_finding("capaian-mismatch", "Indeks KAMI", 7)])
    assert (s.found, s.right, s.raised) == (1, 1, 1)


def test_a_finding_of_another_rule_or_page_is_a_false_alarm():
    s = score_document("x", [ITEM], [_finding("conflicting-values", "Indeks KAMI", 7),
                                      _finding("capaian-mismatch", "Indeks KAMI", 9)])
    assert (s.found, s.right, s.raised) == (0, 0, 2)


def test_an_info_note_finds_an_item_but_is_no_claim():
    s = score_document("x", [ITEM], [_finding("capaian-mismatch", "Indeks KAMI", 7, severity="info")])
    assert (s.found, s.raised) == (1, 0)


def test_the_seed_with_a_reference_is_read_precisely_and_completely():
    r = subprocess.run([sys.executable, "-m", "kinerja.cli", "evaluate", "--findings", "--json"],
                       capture_output=True, text=True)
    docs = {d["document"]: d for d in json.loads(r.stdout)["documents"]}
    babel = docs["lkjip-2024-diskominfo-prov-babel"]
    assert r.returncode == 0 and babel["recall"] >= 0.9 and babel["precision"] >= 0.9
