"""The form generator's own specification: what every generated document and its facts hold to.

The suite generates every form x applicable variant once per module (a second seed for the
variants that differ most), about 250 documents; each test checks one behaviour over all of them.
"""

import ast
import csv
import re
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pydantic import TypeAdapter

from kinerja.schema import Fact
from tests.forms import FORMS, VARIANTS, applies, build, generate, sample
from tests.forms.model import TableBlock
from tests.forms.names import GRADED

HERE = Path(__file__).resolve().parent
REGIONS_CSV = (HERE.parents[2] / "shared" / "reference"
               / "wilayah_prov_kabkota_kepmendagri_300.2.2-2430_2025.csv")
KEYS = {
    "meta": {"kind", "field", "value"},
    "indicator": {"kind", "indicator", "year", "period", "measure", "value", "unit", "source"},
    "budget": {"kind", "item", "year", "period", "measure", "value", "source"},
    "definition": {"kind", "indicator", "unit", "formula", "code"},
}


# variants whose documents differ most from seed to seed get a second seed in the suite
pytestmark = pytest.mark.xdist_group("forms")  # shares its documents with the other forms tests (conftest)
SECOND_SEED = ["ruled", "unruled", "header1", "header2", "header3", "wrapped", "decimal_point", "grades"]


@pytest.fixture(scope="module")
def suite(generated):
    runs = list(sample(1)) + list(sample(1, seed=1, variants=SECOND_SEED))
    return [generated(f, v, s) for f, v, s in runs]


def text_layer(suite) -> list:
    return [g for g in suite if "layout" in g.text_paths]


def squash(text: str) -> str:
    return " ".join(text.split()).lower()


# ---- the sample and the suite ---------------------------------------------------------------------

def test_sample_covers_every_form_and_applicable_variant_once_per_seed():
    pairs = [(f, v) for f, v, _ in sample(1)]
    expected = [(f, v) for f in FORMS for v in VARIANTS if applies(f, v)]
    assert pairs == expected


def test_the_forms_are_the_standard_ones():
    assert set(FORMS) == {"pk", "iku", "lkjip", "lkjip_years", "renja_eval", "renstra_target", "renstra_eval",
                          "renja_program", "rencana_aksi", "realisasi_anggaran", "apbd_perubahan", "dpa"}


def test_a_variant_about_a_feature_applies_only_to_forms_that_have_it():
    assert applies("lkjip_years", "years5") and not applies("pk", "years5")
    assert applies("renja_eval", "kpair") and not applies("iku", "kpair")


def test_suite_holds_at_least_200_documents_of_every_form_and_variant(suite):
    assert len(suite) >= 200
    assert {(g.form, g.variant) for g in suite} == {(f, v) for f, v, _ in sample(1)}


def test_every_document_renders_a_pdf_and_a_markdown_dump(suite):
    for g in suite:
        assert g.pdf_path.read_bytes().startswith(b"%PDF-") and g.pages >= 1, g.name
        assert g.text_paths["markdown"].read_text(encoding="utf-8").strip(), g.name


# ---- determinism and speed ------------------------------------------------------------------------

@pytest.mark.parametrize("form,variant", [("pk", "ruled"), ("renja_eval", "kpair"), ("lkjip_years", "scan")])
def test_same_seed_gives_the_same_files_and_facts(tmp_path, form, variant):
    a = generate(form, variant, 3, tmp_path / "a")
    b = generate(form, variant, 3, tmp_path / "b")
    assert a.facts == b.facts
    assert a.pdf_path.read_bytes() == b.pdf_path.read_bytes()
    for name, path in a.text_paths.items():
        assert path.read_text(encoding="utf-8") == b.text_paths[name].read_text(encoding="utf-8")


def test_another_seed_gives_another_document():
    assert build("pk", "ruled", 1).facts != build("pk", "ruled", 2).facts


# ---- the facts ------------------------------------------------------------------------------------

def test_facts_have_the_gold_shape(suite):
    adapter = TypeAdapter(Fact)
    for g in suite:
        for f in g.facts:
            assert set(f) == KEYS[f["kind"]], (g.name, f)
            adapter.validate_python(f)


def test_no_fact_is_listed_twice(suite):
    for g in suite:
        keys = [(f["kind"], squash(str(f.get("indicator") or f.get("item") or f.get("field"))),
                 f.get("year"), f.get("period"), f.get("measure"), str(f.get("value")).lower(),
                 f.get("formula")) for f in g.facts]
        assert len(keys) == len(set(keys)), g.name


def test_meta_facts_name_a_real_region_and_its_agency(suite):
    real = _real_regions()
    for g in suite:
        meta = {f["field"]: f["value"] for f in g.facts if f["kind"] == "meta"}
        assert set(meta) == {"doc_type", "agency", "region", "region_level", "year"}, g.name
        assert meta["doc_type"] in ("LKjIP", "PK", "IKU", "Renstra", "Renja", "other")
        assert meta["region"].split()[0].lower() == meta["region_level"]
        assert meta["agency"].endswith(meta["region"]) and 2015 <= meta["year"] <= 2026
        if real:
            assert meta["region"] in real, meta["region"]


def _real_regions() -> set[str]:
    if not REGIONS_CSV.is_file():
        return set()
    with REGIONS_CSV.open(encoding="utf-8") as fh:
        return {(f"Provinsi {r['nama']}" if r["level"] == "provinsi" else r["nama"]).strip()
                for r in csv.DictReader(fh)}


def test_every_form_states_values_of_its_kind(suite):
    kinds: dict[str, set] = {}
    for g in suite:
        kinds.setdefault(g.form, set()).update(f["kind"] for f in g.facts)
    assert "definition" in kinds["iku"]
    assert "budget" in kinds["pk"] and "indicator" in kinds["pk"]
    for form in ("realisasi_anggaran", "apbd_perubahan", "dpa", "renja_program", "renja_eval"):
        assert "budget" in kinds[form], form
    for form in ("lkjip", "lkjip_years", "renstra_target", "renstra_eval", "rencana_aksi", "renja_eval"):
        assert "indicator" in kinds[form], form


def test_doc_type_follows_the_form(suite):
    for g in suite:
        assert g.doc_type in FORMS[g.form].doc_type.split(" or "), g.name


# ---- facts against the printed text ----------------------------------------------------------------

NUMBER = re.compile(r"\d[\d.,]*\d|\d")


def printed_numbers(text: str) -> set[float]:
    """Every number of the text read both ways (1.234,5 and 1,234.5), as a reader unsure of the
    document's decimal mark would: independent of the generator's own printing."""
    out = set()
    for token in NUMBER.findall(text):
        for thousands, decimal in ((".", ","), (",", ".")):
            whole, _, frac = token.partition(decimal)
            groups = whole.split(thousands)
            if decimal in frac or any(len(g) != 3 for g in groups[1:]) or (frac and thousands in frac):
                continue
            out.add(round(float("".join(groups) + ("." + frac if frac else "")), 6))
    return out


def unprinted(g, text: str) -> list[dict]:
    numbers = printed_numbers(text)
    flat = squash(text)
    missing = []
    for f in g.facts:
        if f["kind"] not in ("indicator", "budget"):
            continue
        v = f["value"]
        if f["kind"] == "budget" and v == 0 and re.search(r"(?m)(^|\s)-($|\s)", text):
            continue  # an amount printed '-' (nil)
        if isinstance(v, str) and squash(v) not in flat or \
                not isinstance(v, str) and round(abs(float(v)), 6) not in numbers:
            missing.append(f)
    return missing


def test_every_value_is_printed_in_the_markdown_dump(suite):
    for g in suite:
        assert not unprinted(g, g.text_paths["markdown"].read_text(encoding="utf-8")), g.name


def test_every_value_is_printed_in_the_pdf_text_layer(suite):
    for g in text_layer(suite):
        assert not unprinted(g, g.text_paths["layout"].read_text(encoding="utf-8")), g.name


def test_every_definition_formula_is_printed(suite):
    for g in suite:
        md = squash(g.text_paths["markdown"].read_text(encoding="utf-8"))
        for f in g.facts:
            if f["kind"] == "definition":
                assert squash(f["formula"]) in md, (g.name, f["formula"])


def in_order(words: list[str], tokens: list[str], slack: int = 12) -> bool:
    """The words appear in order, each within `slack` tokens of the one before (a name wrapped in
    its cell has other cells' words between its lines)."""
    for start in (i for i, t in enumerate(tokens) if t == words[0]):
        at, ok = start, True
        for w in words[1:]:
            nxt = next((j for j in range(at + 1, min(len(tokens), at + 1 + slack)) if tokens[j] == w), None)
            if nxt is None:
                ok = False
                break
            at = nxt
        if ok:
            return True
    return False


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def test_the_text_layer_holds_every_indicator_name(suite):
    for g in text_layer(suite):
        tokens = words(g.text_paths["plain"].read_text(encoding="utf-8"))
        for name in {f["indicator"] for f in g.facts if f["kind"] == "indicator"}:
            assert in_order(words(name), tokens), (g.name, name)


# ---- the variants ------------------------------------------------------------------------------------

def test_a_scanned_document_has_no_text_layer(suite):
    for g in suite:
        if g.variant == "scan":
            assert set(g.text_paths) == {"markdown", "html", "pipes"}  # the exports of the ruled print
            text = subprocess.run(["pdftotext", str(g.pdf_path), "-"], capture_output=True, text=True).stdout
            assert not text.strip(), g.name


def _path_objects(pdf: Path) -> int:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return sum(obj.type == pdfium.raw.FPDF_PAGEOBJ_PATH for page in doc for obj in page.get_objects())
    finally:
        doc.close()


def test_ruled_tables_draw_rulings_and_unruled_ones_none(suite):
    for g in suite:
        if g.variant in ("ruled", "unruled", "unruled_multipage"):
            assert (_path_objects(g.pdf_path) > 0) == (g.variant == "ruled"), g.name


def test_multipage_variants_run_a_table_over_pages(suite):
    for g in suite:
        if "multipage" in g.variant:
            assert g.table_pages >= 2, g.name


def test_landscape_variant_prints_landscape_pages(suite):
    for g in suite:
        if g.variant == "landscape":
            doc = pdfium.PdfDocument(str(g.pdf_path))
            width, height = doc[0].get_size()
            doc.close()
            assert width > height, g.name


def _main_table(doc) -> TableBlock:
    return max((b for b in doc.blocks if isinstance(b, TableBlock)), key=lambda t: len(t.body))


def _header_depth(table: TableBlock) -> int:
    """Header rows, the numbering row ("(1) (2) (3)", "1 2 3") left out."""
    def numbering(row) -> bool:
        numbers = [c.text.strip("()") for c in row if c is not None]
        return numbers == [str(i) for i in range(1, len(numbers) + 1)]
    return sum(not numbering(r) for r in table.header)


@pytest.mark.parametrize("rows", [1, 2, 3])
def test_header_variants_split_the_header_over_that_many_rows(rows):
    for form in FORMS:
        depth = _header_depth(_main_table(build(form, f"header{rows}", 0)))
        assert depth == rows, form


def test_a_multi_row_header_has_group_cells_spanning_columns():
    table = _main_table(build("lkjip_years", "header3", 0))
    assert any(c is not None and c.colspan > 1 for c in table.header[0])


def test_kpair_variant_heads_k_and_rp_columns_and_stacked_prints_them_in_one_cell():
    for form in ("renja_eval", "renstra_target"):
        paired = build(form, "kpair", 0)
        if form == "renja_eval" or any(f["kind"] == "budget" for f in paired.facts):
            labels = [c.text for row in _main_table(paired).header for c in row if c is not None]
            assert "K" in labels and "Rp" in labels, form
    stacked = _main_table(build("renja_eval", "stacked", 0))
    assert not any(c is not None and c.text == "Rp" for row in stacked.header for c in row)
    assert any(c is not None and c.numeric and "\n" in c.text for row in stacked.body for c in row)


@pytest.mark.parametrize("variant,n", [("years1", 1), ("years5", 5)])
def test_year_variants_print_that_many_year_columns(variant, n):
    for form in ("lkjip_years", "renstra_eval"):
        years = {f["year"] for f in build(form, variant, 0).facts if f.get("measure") == "realisasi"}
        assert len(years) == n, form


def test_grades_variant_prints_graded_values():
    graded = {name for name, _, _ in GRADED}
    for form in FORMS:
        if applies(form, "grades"):
            facts = build(form, "grades", 0).facts
            assert any(f.get("indicator") in graded for f in facts), form


def test_decimal_point_variant_prints_no_decimal_comma(suite):
    for g in suite:
        if g.variant == "decimal_point":
            md = g.text_paths["markdown"].read_text(encoding="utf-8")
            body = [line for line in md.splitlines() if "\t" in line]
            assert not any(re.search(r"\d,\d{1,2}(?!\d)", line) for line in body), g.name


def test_wrapped_variant_uses_long_names(suite):
    for g in suite:
        if g.variant == "wrapped":
            names = [f.get("indicator") or f.get("item") for f in g.facts if f["kind"] != "meta"]
            assert any(len(n) >= 60 for n in names), g.name


# ---- independence ---------------------------------------------------------------------------------------

def test_the_generator_imports_nothing_of_the_extraction():
    forbidden = ("kinerja.extract", "kinerja.normalize", "kinerja.parsers")
    for path in HERE.rglob("*.py"):
        if path.name.startswith("test_"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            assert not any(n.startswith(forbidden) for n in names), (path.name, names)
