"""The rows of weighted-score tables as the score rules compare them."""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional

from kinerja.schema import ScoreValue


@dataclass
class Row:
    level: str
    values: dict[tuple[str, Optional[int]], ScoreValue] = field(default_factory=dict)  # (measure, year) ->


def series_rows(scores: Iterable[ScoreValue]) -> list[list[Row]]:
    """Each series' rows in printed order (table, then row); a series is one form, over the
    same-header tables it was printed in."""
    series: dict[tuple, dict[tuple, Row]] = defaultdict(dict)
    for s in scores:
        p = s.value.provenance
        if p is None or p.table is None or p.row is None:
            continue
        row = series[(p.file, s.series, s.part)].setdefault((p.table, p.row), Row(s.level))
        row.values[(s.measure, s.year)] = s
    return [[rows[k] for k in sorted(rows)] for rows in series.values()]
