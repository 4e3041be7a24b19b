"""One catalogued indicator across agencies and years, from a dataset's DuckDB file: a table,
a chart (PNG) and one self-contained HTML page (inline SVG, no script, opens offline).

Several documents may report one agency's value for one year (its LKjIP, the next Renstra): the
value of the latest document wins, and the page says how many were seen.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import pandas as pd

from kinerja.write.atomic import replace_atomic

QUERY = """
    SELECT coalesce(agency_id, agency, '(agency unknown)') AS agency_key,
           min(coalesce(agency, '(agency unknown)')) AS agency, coalesce(region_code, '') AS region_code,
           year, arg_max(value, (coalesce(doc_year, 0), file, value)) AS value, count(*) AS reports
    FROM indicator_comparison
    WHERE indicator_id = ? AND measure = ? AND period = 'annual' AND value IS NOT NULL AND year IS NOT NULL
      AND (? IS NULL OR year = ?) AND (? IS NULL OR region_code = ? OR region_code LIKE ? || '.%')
    GROUP BY agency_key, region_code, year ORDER BY agency, year
"""


class ComparisonError(Exception):
    """A comparison that cannot be made: no dataset, no such indicator, no values."""


@dataclass
class Comparison:
    indicator: str
    name: str
    unit: Optional[str]
    polarity: Optional[str]
    measure: str
    long: pd.DataFrame        # agency, region_code, year, value, reports

    def wide(self) -> pd.DataFrame:
        """Agencies down, years across."""
        table = self.long.pivot_table(index=["agency", "region_code"], columns="year", values="value", aggfunc="first")
        table.columns = [str(c) for c in table.columns]
        return table.reset_index()


def compare(db_path: Path, indicator: str, measure: str = "realisasi", year: Optional[int] = None,
            region: Optional[str] = None) -> Comparison:
    import duckdb

    if not db_path.is_file():
        raise ComparisonError(f"{db_path}: no dataset here (run `kinerja dataset` first)")
    with duckdb.connect(str(db_path), read_only=True) as con:
        try:
            known = con.execute("SELECT name, unit, polarity FROM catalogue WHERE id = ?", [indicator]).fetchone()
            if known is None:
                raise ComparisonError(f"{indicator}: not an indicator id of the catalogue this dataset was made with")
            long = con.execute(QUERY, [indicator, measure, year, year, region, region, region]).df()
        except duckdb.CatalogException as exc:
            raise ComparisonError(f"{db_path}: no indicators or no catalogue in this dataset (made by an older "
                                  f"kinerja? run `kinerja dataset` again): {exc}") from None
    if long.empty:
        raise ComparisonError(f"{indicator} ({known[0]}): no {measure} values in {db_path}")
    return Comparison(indicator, known[0], known[1], known[2], measure,
                      long[["agency", "region_code", "year", "value", "reports"]])


def _figure(c: Comparison):
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 4.5), dpi=110)
    for (agency, code), rows in c.long.groupby(["agency", "region_code"]):
        label = f"{agency} ({code})" if code else agency
        ax.plot(rows["year"], rows["value"], marker="o", label=label[:70])
    ax.set_title(f"{c.name} - {c.measure}", fontsize=11)
    ax.set_xlabel("tahun")
    ax.set_ylabel(c.unit or "")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7, loc="best")
    fig.tight_layout()
    return fig


def write_chart(c: Comparison, png: Path, page: Path) -> None:
    """The chart as PNG, and the HTML page holding the same chart as inline SVG and the table."""
    from matplotlib import pyplot as plt

    fig = _figure(c)
    try:
        replace_atomic(png, lambda tmp: fig.savefig(tmp, format="png"))
        svg = io.StringIO()
        fig.savefig(svg, format="svg")
    finally:
        plt.close(fig)
    text = _page(c, svg.getvalue())
    replace_atomic(page, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))


def _page(c: Comparison, svg: str) -> str:
    wide = c.wide()
    head = "".join(f"<th>{html.escape(str(col))}</th>" for col in wide.columns)
    body = "".join("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>"
                   for row in wide.itertuples(index=False))
    svg = svg[svg.find("<svg"):]  # the XML prologue has no place inside HTML
    polarity = {"higher": "higher is better", "lower": "lower is better", "range": "a target band"}.get(c.polarity or "", "")
    return f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>{html.escape(c.name)}</title>
<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse}}
td,th{{border:1px solid #999;padding:4px 8px;text-align:right}}td:first-child{{text-align:left}}</style></head>
<body><h1>{html.escape(c.name)}</h1>
<p id="about">catalogue id <code>{html.escape(c.indicator)}</code>; measure {html.escape(c.measure)};
unit {html.escape(c.unit or '-')}; {polarity}. {int(c.long['reports'].sum())} values read, the latest document's
value shown where several report one agency and year.</p>
<figure id="chart">{svg}</figure>
<table id="values"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>
</body></html>
"""


def _cell(value) -> str:
    if isinstance(value, float):
        return "" if pd.isna(value) else f"{value:,.2f}".rstrip("0").rstrip(".")
    return html.escape(str(value))
