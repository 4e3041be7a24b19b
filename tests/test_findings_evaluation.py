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


def test_a_wrong_capaian_is_found_by_a_conflict_of_its_two_printings():
    conflict = Finding(code="conflicting-values", message='capaian 2024 of "Indeks KAMI" printed as 120 and as 110',
                       subject="Indeks KAMI", evidence=[Provenance(file="x.pdf", page=7)])
    assert score_document("x", [ITEM], [conflict]).found == 1


def test_a_finding_stating_an_items_figures_pairs_with_it_rather_than_with_a_namesake():
    # 'Persentase Sub Kategori Transportasi terhadap PDRB' is a cut name of the 'angkutan laut' one
    whole = {"kind": "conflict", "subject": "Persentase Sub Kategori Transportasi terhadap PDRB",
             "year": 2019, "printed": [3.43, 3.34], "pages": [60], "record_check": True}
    sea = {**whole, "subject": "Persentase sub kategori transportasi (angkutan laut) terhadap PDRB",
           "printed": [0.27, 0.24]}

    def conflict(subject, a, b):
        return Finding(code="conflicting-values", message=f'realisasi 2019 of "{subject}" printed as {a} and as {b}',
                       subject=subject, expected=a, reported=b, evidence=[Provenance(file="x.pdf", page=60)])

    s = score_document("x", [sea, whole], [conflict(whole["subject"], 3.43, 3.34),
                                           conflict(sea["subject"], 0.27, 0.24)])
    assert (s.found, s.right) == (2, 2)
