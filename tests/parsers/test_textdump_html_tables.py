"""HTML tables inside a text dump (as PDF-to-Markdown converters write them) read as tables.

Real input: the seeds' tab-separated tables rewritten here as the HTML a converter writes
(one <table> per table, a <tr> per row, spanned places left out and the spanning cell's rowspan
given), which must give the same facts as the seed itself. Generated input: forms with two-level
headers (colspan) and sasaran spanning several indicators (rowspan), printed as HTML tables.
"""

from pathlib import Path

import pytest

from kinerja.evaluate.facts import to_facts
from kinerja.parsers.textdump.html_tables import html_rows
from kinerja.pipeline import extract_file
from tests.forms import generate
from tests.parsing import parse

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SEEDS = ["pk-2023-diskominfo-kota-medan", "iku-2020-diskominfo-kab-bengkulu-selatan",
         "lkjip-2024-diskominfo-prov-babel"]


def _as_html(text: str) -> str:
    """Each run of tab-separated lines as one <table>; an empty cell under a filled one in the
    first columns is a place the cell above spans (rowspan), as in the seeds' exports."""
    out, table = [], []

    def flush():
        if table:
            out.append(_table(table))
            table.clear()

    for line in text.split("\n"):
        if "\t" in line:
            table.append(line.split("\t"))
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out)


def _table(rows: list[list[str]]) -> str:
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    spans = [[1] * width for _ in rows]
    covered = [[False] * width for _ in rows]
    for c in range(width):
        for r in range(len(rows)):
            if rows[r][c] and not covered[r][c]:
                k = r + 1
                while k < len(rows) and not rows[k][c] and all(rows[k][j] == "" for j in range(c + 1)) \
                        and any(rows[k][c + 1:]):
                    covered[k][c], k = True, k + 1
                spans[r][c] = k - r
    lines = ["<table>"]
    for r, row in enumerate(rows):
        cells = "".join((f'<td rowspan="{spans[r][c]}">' if spans[r][c] > 1 else "<td>") + text + "</td>"
                        for c, text in enumerate(row) if not covered[r][c])
        lines.append(f"<tr>{cells}</tr>")
    return "\n".join(lines + ["</table>"])


def _facts(path: Path) -> list[str]:
    return sorted(f.model_dump_json() for f in to_facts(extract_file(path)))


@pytest.mark.parametrize("seed", SEEDS)
def test_a_seed_with_its_tables_as_html_gives_the_same_facts(seed, tmp_path):
    source = CORPUS / f"{seed}.txt"
    html = tmp_path / f"{seed}.md"
    html.write_text(_as_html(source.read_text(encoding="utf-8")), encoding="utf-8")
    assert "<table>" in html.read_text(encoding="utf-8")
    assert _facts(html) == _facts(source)


def test_colspan_heads_the_columns_it_spans(tmp_path):
    g = generate("lkjip_years", "header2", seed=0, out_dir=tmp_path)
    assert 'colspan="' in g.text_paths["html"].read_text(encoding="utf-8")
    paths = parse(g.text_paths["html"]).tables()[0].column_paths
    assert paths == parse(g.text_paths["markdown"]).tables()[0].column_paths


def test_generated_forms_read_from_html_tables_give_every_fact(tmp_path):
    for form in ("pk", "renja_eval", "apbd_perubahan"):
        g = generate(form, "ruled", seed=1, out_dir=tmp_path)
        pred = {f.model_dump_json() for f in to_facts(extract_file(g.text_paths["html"]))}
        assert pred == {f.model_dump_json() for f in to_facts(extract_file(g.text_paths["markdown"]))}


def test_rowspan_leaves_an_empty_cell_in_the_rows_below():
    rows = html_rows(['<table><tr><td rowspan="2">1.</td><td>A</td><td>10</td></tr>',
                      "<tr><td>B</td><td>20</td></tr></table>"], first_line=5)
    assert [r.cells for r in rows] == [["1.", "A", "10"], ["", "B", "20"]]
    assert [r.line_start for r in rows] == [5, 6]


def test_colspan_is_the_text_then_empty_cells():
    rows = html_rows(['<table><tr><td colspan="2">Jumlah</td><td>30</td></tr></table>'], first_line=1)
    assert rows[0].cells == ["Jumlah", "", "30"]


def test_cell_markup_and_entities_become_plain_text():
    rows = html_rows(["<table><tr><td><p>Indeks</p><p>SPBE &amp; TIK</p></td><td>2,6<br>Baik</td></tr></table>"],
                     first_line=1)
    assert rows[0].cells == ["Indeks SPBE & TIK", "2,6 Baik"]


def test_an_unclosed_table_tag_stays_text(tmp_path):
    path = tmp_path / "stray.md"
    path.write_text("Lihat <table> di lampiran.\n\nNo\tProgram\tAnggaran\n1\tProgram A\tRp 5.000.000\n",
                    encoding="utf-8")
    doc = parse(path)
    assert any("Lihat <table> di lampiran." in getattr(b, "text", "") for b in doc.blocks)
    assert len(doc.tables()) == 1
