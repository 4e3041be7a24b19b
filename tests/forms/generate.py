"""Generating one document: a form, a variant and a seed make a PDF, its text dumps and its facts."""

import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional, Union

from .builders import FORMS, Form
from .builders.common import Ctx
from .facts import unique
from .model import Doc
from .names import Picker
from .printing import Style
from .render_pdf import render, scan
from .render_text import markdown, pdftotext


@dataclass(frozen=True)
class Variant:
    """How a document is printed and shaped. None: drawn from the seed (and the form's habits)."""
    name: str
    ruling: str = "ruled"  # ruled | unruled | scan (an image-only copy of the ruled print)
    header_rows: Optional[int] = None  # 1-3 header rows, group labels spanning their columns
    landscape: Optional[bool] = None
    pages: int = 1  # 2-3: the longest table is drawn that long (it runs over two pages at least)
    repeat_header: bool = True  # its header printed again on each page
    wrap: bool = False  # long names, wrapped over several lines of their cells
    grades: bool = False  # graded values: "BB (72,14)", "Level 3", "WTP"
    decimal: Optional[str] = None  # "." for an English-style document (2.76, 1,234,567.00)
    years: Optional[int] = None  # year columns, where the form has them
    kpair: Optional[bool] = None  # K and Rp in columns of their own (False: stacked in one cell)
    needs: str = ""  # the form feature the variant is about (years, kpair, grades)


VARIANTS: dict[str, Variant] = {v.name: v for v in (
    Variant("ruled"),
    Variant("unruled", ruling="unruled"),
    Variant("scan", ruling="scan"),
    Variant("header1", header_rows=1),
    Variant("header2", header_rows=2),
    Variant("header3", header_rows=3),
    Variant("landscape", landscape=True),
    Variant("multipage", pages=3),
    Variant("multipage_norepeat", pages=2, repeat_header=False),
    Variant("unruled_multipage", ruling="unruled", pages=2, repeat_header=False),
    Variant("wrapped", wrap=True),
    Variant("decimal_point", decimal="."),
    Variant("grades", grades=True, needs="grades"),
    Variant("years1", years=1, needs="years"),
    Variant("years5", years=5, needs="years"),
    Variant("kpair", kpair=True, needs="kpair"),
    Variant("stacked", kpair=False, needs="kpair"),
)}


@dataclass
class Generated:
    name: str  # FORM-VARIANT-SEED, the stem of every file written
    form: str
    variant: str
    seed: int
    pdf_path: Path
    text_paths: dict[str, Path]  # markdown, and layout / plain (pdftotext) where the PDF has text
    facts: list[dict]  # GOLD.md facts a careful reader takes from the document
    pages: int
    table_pages: int  # pages the longest table runs over
    seconds: float = 0.0
    inputs: dict[str, Path] = field(default_factory=dict)  # pdf and the text dumps, by name

    @property
    def doc_type(self) -> str:
        return next(f["value"] for f in self.facts if f.get("field") == "doc_type")


def applies(form: str, variant: Union[str, Variant]) -> bool:
    """Whether the variant means something for the form (year columns need a form that has them)."""
    v = VARIANTS[variant] if isinstance(variant, str) else variant
    spec = FORMS[form]
    return not v.needs or bool(getattr(spec, v.needs))


def generate(form: str, variant: Union[str, Variant], seed: int, out_dir: Path) -> Generated:
    """Write FORM-VARIANT-SEED.pdf (and .md, .html.md, .pipes.md, .layout.txt, .plain.txt) into out_dir; the same
    arguments give the same files and facts."""
    start = time.perf_counter()
    v = VARIANTS[variant] if isinstance(variant, str) else variant
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    name = f"{form}-{v.name}-{seed}"
    pdf = out_dir / f"{name}.pdf"
    printed = out_dir / f"{name}.print.pdf" if v.ruling == "scan" else pdf
    doc, rng, pages, table_pages = _printed(form, v, seed, printed)
    texts = {"markdown": out_dir / f"{name}.md"}
    texts["markdown"].write_text(markdown(doc), encoding="utf-8")
    texts["html"] = out_dir / f"{name}.html.md"
    texts["html"].write_text(markdown(doc, tables="html"), encoding="utf-8")
    texts["pipes"] = out_dir / f"{name}.pipes.md"
    texts["pipes"].write_text(markdown(doc, tables="pipes"), encoding="utf-8")
    if v.ruling == "scan":
        scan(printed, pdf, rng)
        printed.unlink()
    else:
        texts["layout"] = pdftotext(pdf, out_dir / f"{name}.layout.txt", layout=True)
        texts["plain"] = pdftotext(pdf, out_dir / f"{name}.plain.txt", layout=False)
    gen = Generated(name, form, v.name, seed, pdf, texts, doc.facts, pages, table_pages,
                    time.perf_counter() - start)
    gen.inputs = {"pdf": pdf, **texts}
    return gen


def _printed(form: str, v: Variant, seed: int, pdf: Path) -> tuple[Doc, random.Random, int, int]:
    """Build and print the document; a table meant to run over pages that fitted on one (its
    paper was larger than guessed) is made longer until it runs over."""
    for longer in range(4):
        doc, rng = _build(form, v, seed, longer)
        landscape = doc.landscape if v.landscape is None else v.landscape
        pages, table_pages = render(doc, pdf, v.ruling != "unruled", v.repeat_header, landscape)
        if v.pages < 2 or table_pages >= 2:
            break
    return doc, rng, pages, table_pages


def build(form: str, variant: Union[str, Variant], seed: int) -> Doc:
    """The document generate() prints (its blocks, tables with their header grids, and facts),
    unprinted; a table meant to run over pages is as first drawn, before generate() finds
    whether the paper made it long enough."""
    return _build(form, VARIANTS[variant] if isinstance(variant, str) else variant, seed)[0]


def _build(form: str, v: Variant, seed: int, longer: int = 0) -> tuple[Doc, random.Random]:
    rng = random.Random(f"{form}/{v.name}/{seed}")
    spec = FORMS[form]
    ctx = _context(spec, v, rng)
    ctx.pages += longer
    doc = spec.build(ctx)
    doc.facts = unique(doc.facts)
    return doc, rng  # the same generator goes on to the scan's noise


def _context(spec: Form, v: Variant, rng: random.Random) -> Ctx:
    pick = Picker(rng, long_names=v.wrap)
    return Ctx(rng=rng, pick=pick, style=Style.draw(rng, v.decimal), year=rng.randint(2017, 2025),
               region=pick.region(), agency_base=pick.agency(),
               header_rows=v.header_rows or rng.choice(spec.header_rows), pages=v.pages,
               grades=v.grades and spec.grades, years=v.years if spec.years else None,
               kpair=v.kpair if spec.kpair else None)


def sample(n: int = 1, seed: int = 0, forms: Optional[list[str]] = None,
           variants: Optional[list[str]] = None) -> Iterator[tuple[str, str, int]]:
    """(form, variant, seed) for every form and every variant that applies to it, n seeds each
    (seed, seed+1, ...): a deterministic sample covering all of them."""
    for form in forms or FORMS:
        for name in variants or VARIANTS:
            if applies(form, name):
                for i in range(n):
                    yield form, name, seed + i

