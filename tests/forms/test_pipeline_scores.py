"""The pipeline on generated SAKIP forms: every standard form in every printed variant (ruled,
unruled, header over 1-3 rows, landscape, over pages, wrapped, decimal point, grades, 1 or 5 year
columns, K/Rp pairs), scored with the GOLD.md scorer against the facts each document printed.

One seed of every (form, variant) pair is read as the Markdown export (the text-dump form of
the shared seeds), as the same export with HTML tables and with pipe tables repeating spanned
text, as the PDF and as its `pdftotext -layout` dump: about 150 each, and a second seed of the
variants test_generator checks twice (header rows, rulings, wrapping, number style, grades) as
the Markdown export: about 240 documents in all, generated once for both modules. The floors are the scores
reached when the test was written, less a small margin: a change that loses facts on any form
fails here before it reaches a real document. Raise them as the forms improve
(`python -m bench.bench_forms` prints the same figures over 2,000 documents)."""

from collections import defaultdict

import pytest

from kinerja.evaluate.facts import to_facts
from kinerja.evaluate.metrics import DocScore, score_document, total
from kinerja.pipeline import extract_file
from tests.forms import FORMS, sample
from tests.forms.test_generator import SECOND_SEED

NON_SCAN = ["ruled", "unruled", "header1", "header2", "header3", "landscape", "multipage",
            "multipage_norepeat", "unruled_multipage", "wrapped", "decimal_point", "grades",
            "years1", "years5", "kpair", "stacked"]
# fact F1 a form may not fall below, per input (measured 2026-12-07 less about 0.02: the text
# exports 1.000 on every form, the PDF 0.983 at its weakest form (renstra_eval), 0.995 over all,
# after the unruled gutters and the total rows; layout 0.920 at its weakest (renstra_eval), 0.952
# over all, after the sixth pass's line alignment); layout: the `pdftotext -layout` dump of the
# PDF; html, pipes: the Markdown export's other table forms
FLOOR = {"markdown": 0.98, "html": 0.98, "pipes": 0.98, "pdf": 0.96, "layout": 0.90}
# the same over all forms together
OVERALL = {"markdown": 0.99, "html": 0.99, "pipes": 0.99, "pdf": 0.98, "layout": 0.93}
SEEDS = {"markdown": 2, "html": 1, "pipes": 1, "pdf": 1, "layout": 1}
pytestmark = pytest.mark.xdist_group("forms")  # shares its documents with the other forms tests (conftest)


@pytest.fixture(scope="module")
def scores(generated) -> dict[str, dict[str, list[DocScore]]]:
    """input -> form -> one DocScore per generated document."""
    found: dict[str, dict[str, list[DocScore]]] = defaultdict(lambda: defaultdict(list))
    runs = list(sample(n=1, variants=NON_SCAN)) + list(sample(n=1, seed=1, variants=SECOND_SEED))
    for form, variant, seed in runs:
        g = generated(form, variant, seed)
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
