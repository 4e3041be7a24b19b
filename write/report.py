"""An audit report to read: one self-contained HTML file per document (no script, no link out),
each finding with its figures, the recomputation, its confidence, and the page crop of the
cells it rests on outlined (from each value's bbox); a text dump shows its lines instead.
A run's folder gets an index page linking the documents' reports, most findings first.
"""

from __future__ import annotations

import base64
import html
import io
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable, Optional

from kinerja.audit import SEVERITY_ORDER
from kinerja.schema import Extraction, Finding, Provenance
from kinerja.write.atomic import replace_atomic

SCALE = 1.6            # page image pixels per PDF point (about 115 dpi)
MARGIN_PT = 36         # context around the cells, in points
MAX_CROPS = 3          # pages shown per finding
CONTEXT_LINES = 2      # lines shown around a text dump's figure
STYLE = """body{font-family:sans-serif;margin:2em;max-width:1100px}h1{font-size:1.4em}
.finding{border:1px solid #bbb;border-radius:6px;padding:1em;margin:1em 0}
.sev{display:inline-block;padding:2px 8px;border-radius:4px;color:#fff;font-weight:bold}
.error{background:#b00020}.warning{background:#d9822b}.info{background:#4a7ebb}
.figures td{padding:2px 10px}.crop img{max-width:100%;border:1px solid #ccc;margin:4px 0}
pre{background:#f6f6f6;padding:6px;overflow-x:auto}mark{background:#ffd54f}
table.index td,table.index th{border:1px solid #999;padding:4px 8px}table.index{border-collapse:collapse}"""


class PageImages:
    """Rendered pages of one PDF, each rendered once."""

    def __init__(self, path: Path):
        import pypdfium2 as pdfium

        self.pdf = pdfium.PdfDocument(str(path))
        self.cache: dict[int, object] = {}

    def page(self, number: int):
        if number not in self.cache:
            self.cache[number] = self.pdf[number - 1].render(scale=SCALE).to_pil().convert("RGB")
        return self.cache[number]

    def close(self) -> None:
        self.pdf.close()


def _crop(images: PageImages, page: int, boxes: list[Provenance]) -> Optional[str]:
    """A base64 PNG of the page around `boxes`, each outlined in red."""
    from PIL import ImageDraw

    try:
        image = images.page(page).copy()
    except Exception:  # noqa: BLE001 - a page that cannot be rendered shows no crop, the finding stays
        return None
    draw = ImageDraw.Draw(image)
    rects = [[c * SCALE for c in (b.bbox.x0, b.bbox.y0, b.bbox.x1, b.bbox.y1)] for b in boxes]
    for r in rects:
        draw.rectangle(r, outline=(220, 0, 0), width=3)
    # the page's whole width: the row's label and the column heads around the cells are the context
    m = MARGIN_PT * SCALE
    top, bottom = max(0, min(r[1] for r in rects) - m), min(image.height, max(r[3] for r in rects) + m)
    buf = io.BytesIO()
    image.crop((0, int(top), image.width, int(bottom))).save(buf, format="PNG", optimize=True)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _lines(source: list[str], evidence: list[Provenance]) -> str:
    """The text dump's lines around each figure, the figure's lines marked."""
    marked = {n for e in evidence if e.line_start for n in range(e.line_start, (e.line_end or e.line_start) + 1)}
    shown = sorted({n for m in marked for n in range(m - CONTEXT_LINES, m + CONTEXT_LINES + 1)
                    if 1 <= n <= len(source)})
    out = []
    for n in shown:
        text = html.escape(source[n - 1][:300])
        out.append(f"{n:>6}  " + (f"<mark>{text}</mark>" if n in marked else text))
    return "<pre>" + "\n".join(out) + "</pre>" if out else ""


def _number(x: float) -> str:
    # amounts in full ('46,497,175'), ratios to a few digits ('96.38')
    return f"{x:,.0f}" if abs(x) >= 1e4 else f"{x:,.4g}"


def _dump_lines(path: Path) -> list[str]:
    """The dump's lines numbered as its parser numbered them (its encoding; a form feed is no line break)."""
    from kinerja.parsers.textdump.reader import decode

    return decode(path, path.read_bytes()).replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _figures(f: Finding) -> str:
    rows = [("printed", f.reported), ("recomputed / other printing", f.expected)]
    cells = "".join(f"<tr><td>{name}</td><td>{_number(value)}</td></tr>" for name, value in rows if value is not None)
    return f'<table class="figures">{cells}</table>' if cells else ""


def _evidence_html(f: Finding, images: Optional[PageImages], source: Optional[list[str]]) -> str:
    if source is not None:
        return _lines(source, f.evidence)
    if images is None:
        return ""
    by_page: dict[int, list[Provenance]] = defaultdict(list)
    for e in f.evidence:
        if e.page and e.bbox:
            by_page[e.page].append(e)
    crops = []
    for page, boxes in list(by_page.items())[:MAX_CROPS]:
        data = _crop(images, page, boxes)
        if data:
            crops.append(f'<figure class="crop"><img alt="page {page}, the cells involved outlined" '
                         f'src="data:image/png;base64,{data}"><figcaption>page {page}</figcaption></figure>')
    return "".join(crops)


def _finding_html(i: int, f: Finding, images, source) -> str:
    subject = f"<strong>{html.escape(f.subject)}</strong> " if f.subject else ""
    return (f'<section class="finding" id="f{i}"><span class="sev {f.severity}">{f.severity}</span> '
            f"<code>{html.escape(f.code)}</code> {subject}<span class=\"confidence\">confidence "
            f"{f.confidence:.2f}</span><p>{html.escape(f.message)}</p>{_figures(f)}"
            f"{_evidence_html(f, images, source)}</section>")


def ordered(findings: Iterable[Finding]) -> list[Finding]:
    """Most severe first, then most certain."""
    return sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], -f.confidence))


def report_html(ex: Extraction, source_path: Optional[Path] = None) -> str:
    """The report page of one document; `source_path` is where its input is now (the path the
    extraction names, by default), for the crops."""
    path = Path(source_path or ex.source.path)
    images, source = None, None
    try:
        if path.is_file() and path.suffix.lower() == ".pdf":
            images = PageImages(path)
        elif path.is_file():
            source = _dump_lines(path)
    except Exception:  # noqa: BLE001 - an input that cannot be read again shows no crops; the findings stay
        images, source = None, None
    try:
        body = "".join(_finding_html(i, f, images, source) for i, f in enumerate(ordered(ex.findings), 1))
    finally:
        if images is not None:
            images.close()
    counts = Counter(f.severity for f in ex.findings)
    summary = ", ".join(f"{counts[s]} {s}" for s in SEVERITY_ORDER if counts[s]) or "no findings"
    missing = "" if path.is_file() else f"<p>The input {html.escape(str(path))} was not found: no page crops.</p>"
    return (f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{html.escape(path.name)}'
            f"</title><style>{STYLE}</style></head><body><h1>Audit findings: {html.escape(path.name)}</h1>"
            f"<p>{html.escape(ex.meta.doc_type)} {ex.meta.year or ''}, "
            f"{html.escape(ex.meta.agency.name if ex.meta.agency else 'agency unknown')}: {summary}.</p>"
            f"{missing}{body}</body></html>\n")


def write_report(ex: Extraction, out: Path, source_path: Optional[Path] = None) -> Path:
    text = report_html(ex, source_path)
    replace_atomic(out, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    return out


def write_index(reports: list[tuple[Extraction, Path]], out: Path) -> Path:
    """The run's index: one row a document, most warnings first, linking its report."""
    rows = []
    for ex, page in sorted(reports, key=lambda r: (-sum(f.severity != "info" for f in r[0].findings),
                                                   r[0].source.path)):
        counts = Counter(f.severity for f in ex.findings)
        rows.append(f'<tr><td><a href="{html.escape(page.name)}">{html.escape(Path(ex.source.path).name)}</a></td>'
                    f"<td>{html.escape(ex.meta.doc_type)}</td>"
                    + "".join(f"<td>{counts[s]}</td>" for s in SEVERITY_ORDER) + "</tr>")
    text = (f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Audit findings</title>'
            f"<style>{STYLE}</style></head><body><h1>Audit findings of {len(reports)} documents</h1>"
            f'<table class="index"><tr><th>document</th><th>type</th><th>errors</th><th>warnings</th>'
            f"<th>info</th></tr>{''.join(rows)}</table></body></html>\n")
    replace_atomic(out, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    return out
