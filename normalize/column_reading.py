"""read_column: a column's cells read together, so that their unambiguous forms decide the rest."""

from __future__ import annotations

from typing import Optional

from kinerja.schema import Value

from .value_context import Style, ValueContext, context_from_header
from .column_evidence import with_column_evidence
from .reader import read_value


def read_column(
    raws: list[str],
    header: Optional[str] = None,
    doc_style: Optional[Style] = None,
    context: Optional[ValueContext] = None,
) -> list[Value]:
    """Read every cell of a column.

    The decimal mark is decided, in order of strength, by: the column's own cells that can
    only be read one way ("10,979,407,368.00" makes "1,234" a thousand-grouped integer), the
    document's prevailing style (`document_style`), and the kind the header announces
    (rupiah amounts, percentages, indices). Cells no evidence decides stay ambiguous. A
    column of outline codes reads its short codes as codes; a column of labels on one scale
    places its shared labels on that scale. `context` (optional) adds a unit or scale hint.
    """
    base = context or context_from_header(header)
    ctx = with_column_evidence(base, raws, doc_style)
    return [read_value(raw, ctx) for raw in raws]
