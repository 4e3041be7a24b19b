"""The pipeline on generated SAKIP forms: every standard form in every printed variant (ruled,
unruled, header over 1-3 rows, landscape, over pages, wrapped, decimal point, grades, 1 or 5 year
columns, K/Rp pairs), scored with the GOLD.md scorer against the facts each document printed.

Two seeds of every (form, variant) pair are read as the Markdown export (the text-dump form of
the shared seeds), one seed as the same export with HTML tables and with pipe tables repeating
spanned text, as the PDF and as its `pdftotext -layout` dump: about 300, and 150 each. The floors are the scores
reached when the test was written, less a small margin: a change that loses facts on any form
fails here before it reaches a real document. Raise them as the forms improve
(`python -m bench.bench_forms` prints the same figures over 2,000 documents)."""

from collections import defaultdict

import pytest

from kinerja.evaluate.facts import to_facts
from kinerja.evaluate.metrics import DocScore, score_document, total
from kinerja.pipeline import extract_file
from tests.forms import FORMS, generate, sample

NON_SCAN = ["ruled", "unruled", "header1", "header2", "header3", "landscape", "multipage",
            "multipage_norepeat", "unruled_multipage", "wrapped", "decimal_point", "grades",
            "years1", "years5", "kpair", "stacked"]
# fact F1 a form may not fall below, per input (measured 2026-12-07 less about 0.02: the text
# exports 1.000 on every form, the PDF 0.983 at its weakest form (renstra_eval), 0.995 over all,
# after the unruled gutters and the total rows; layout 0.864 at its weakest (rencana_aksi),
# 0.933 over all); layout: the `pdftotext -layout` dump of the PDF; html, pipes: the Markdown
# export's other table forms
FLOOR = {"markdown": 0.98, "html": 0.98, "pipes": 0.98, "pdf": 0.96, "layout": 0.84}
# the same over all forms together
OVERALL = {"markdown": 0.99, "html": 0.99, "pipes": 0.99, "pdf": 0.98, "layout": 0.91}
SEEDS = {"markdown": 2, "html": 1, "pipes": 1, "pdf": 1, "layout": 1}


@pytest.fixture(scope="module")
def scores(tmp_path_factory) -> dict[str, dict[str, list[DocScore]]]:
    """input -> form -> one DocScore per generated document."""
    out_dir = tmp_path_factory.mktemp("forms")
    found: dict[str, dict[str, list[DocScore]]] = defaultdict(lambda: defaultdict(list))
    for form, variant, seed in sample(n=max(SEEDS.values()), variants=NON_SCAN):
        g = generate(form, variant, seed, out_dir)
        for kind, n in SEEDS.items():
            if seed >= n:
                continue
            path = g.pdf_path if kind == "pdf" else g.text_paths[kind]
            pred = [f.model_dump() for f in to_facts(extract_file(path))]
            found[kind][form].append(score_document(f"{g.name}.{kind}", pred, g.facts))
    return found


def test_hundreds_of_generated_documents_are_read(scores):
    assert sum(len(docs) for by_form in scores.values() for docs in by_form.values()) >= 400
    assert set(scores["markdown"]) == set(FORMS)


@pytest.mark.parametrize("kind", list(FLOOR))
def test_no_form_falls_below_its_floor(scores, kind):
    f1 = {form: total(docs).overall.f1 or 0.0 for form, docs in scores[kind].items()}
    assert {form: round(v, 3) for form, v in f1.items() if v < FLOOR[kind]} == {}


@pytest.mark.parametrize("kind", list(OVERALL))
def test_all_forms_together_are_read_to_their_floor(scores, kind):
    docs = [d for by_form in scores[kind].values() for d in by_form]
    assert (total(docs).overall.f1 or 0.0) >= OVERALL[kind]
