"""A generator of synthetic-but-realistic SAKIP documents with their facts: a test oracle.

Each generated document is one of the standard Indonesian government forms (PK, IKU, LKjIP
pengukuran kinerja, Renja and Renstra matrices and evaluations, Rencana Aksi, realisasi anggaran,
APBD perubahan, RKA/DPA 2.2), filled with real names (indicators with their units, sasaran,
programs, kegiatan, agencies, kabupaten/kota/provinsi) and random values, printed as a PDF
(ruled, unruled or scanned) and as text dumps, together with the exact list of facts
(../shared/corpus/GOLD.md) a careful reader takes from it. The facts come from the cells the
document prints, never from the extraction code: nothing here imports kinerja.extract,
kinerja.normalize or kinerja.parsers.

Use:

    from tests.forms import generate, sample, FORMS, VARIANTS

    g = generate("pk", "ruled", seed=7, out_dir=Path("/tmp/forms"))
    g.pdf_path            # /tmp/forms/pk-ruled-7.pdf
    g.text_paths          # {"markdown": ...pk-ruled-7.md, "layout": ...layout.txt, "plain": ...plain.txt}
    g.inputs              # the PDF and the text dumps, by name, each a file the pipeline reads
    g.facts               # [{"kind": "meta", "field": "doc_type", "value": "PK"}, ...]

    for form, variant, seed in sample(n=2):   # every form x applicable variant, 2 seeds each
        ...

FORMS (builders/__init__.py) names the forms and what each can vary; VARIANTS (generate.py) the
named variants: ruled / unruled / scan (image-only, turned and speckled), header over 1-3 rows,
landscape, a table over 2-3 pages with its header repeated or not, long wrapped names, decimal
point numbers, graded values, 1 or 5 year columns, K/Rp pairs in columns of their own or stacked.
A variant's unset fields are drawn from the seed, so seeds of one variant differ in the rest.
The same (form, variant, seed) gives the same files and facts. `build()` gives the document
model (blocks, tables, facts) without printing it.

Layout: names.json (name pools, rebuilt by `python -m tests.forms.build_names`), names.py
(picking them), printing.py (how numbers print and read), layouts.py (the forms' column grammars,
as data), model.py (tables from columns and rows, and their facts), facts.py (the GOLD.md fact
form), builders/ (one module per family of forms), render_pdf.py, render_text.py, generate.py.
`python -m bench.bench_forms` runs generated documents through the pipeline and scores them.
"""

from .builders import FORMS
from .generate import VARIANTS, Generated, Variant, applies, build, generate, sample

__all__ = ["FORMS", "VARIANTS", "Generated", "Variant", "applies", "build", "generate", "sample"]
