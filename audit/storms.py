"""A storm of findings from one table is a reading problem, not that many inconsistencies.

When one rule raises more than STORM_LIMIT warnings whose figures come from one table (a column
read under the wrong role, names cut short so that different indicators meet, a year's realisasi
taken for the next year's target), an auditor gets one 'doubtful-table' note saying so, with the
count, the first few findings and their places, instead of the list: after the first ten false
alarms nobody reads on.

A conflict between two places that agree on most figures they share (agreement.py) is read
right: the document differs from itself there, and such conflicts are listed up to
CORROBORATED_LIMIT from one table; the others still make a storm past STORM_LIMIT. A capaian
column whose every row fails to recompute is the document's own formula: one note.
"""

from collections import defaultdict
from typing import Optional

from kinerja.schema import Finding

from .evidence import place

CODE = "doubtful-table"
STORM_LIMIT = 8  # findings of one rule from one table before they are one note
CORROBORATED_LIMIT = 20  # the same counting conflicts between places that otherwise agree
EXAMPLES = 2  # findings quoted in the note
EVIDENCE = 6  # places kept as the note's evidence


def contain(findings: list[Finding], read_right: frozenset = frozenset()) -> list[Finding]:
    """The findings with each storm (more than STORM_LIMIT findings of one rule from one table,
    not counting those whose id() is in `read_right`, or more than CORROBORATED_LIMIT) replaced
    by one info note, in the place of the storm's first finding. Findings spread over many
    tables stand: a document that prints one figure differently in ten places has ten
    inconsistencies an auditor wants to see."""
    by_table: dict[tuple, list[int]] = defaultdict(list)
    for i, f in enumerate(findings):
        table = _table(f)
        if table is not None:
            by_table[(f.code, table)].append(i)
    return _replaced(findings, by_table, read_right)


def _replaced(findings: list[Finding], groups: dict[tuple, list[int]], read_right) -> list[Finding]:
    storms = {key: idx for key, idx in groups.items()
              if len(idx) > CORROBORATED_LIMIT
              or sum(id(findings[i]) not in read_right for i in idx) > STORM_LIMIT}
    if not storms:
        return findings
    first = {idx[0]: key for key, idx in storms.items()}
    hidden = {i for idx in storms.values() for i in idx}
    out = []
    for i, f in enumerate(findings):
        if i in first:
            out.append(_note(first[i], [findings[j] for j in storms[first[i]]]))
        elif i not in hidden:
            out.append(f)
    return out


def _table(f: Finding) -> Optional[tuple]:
    """(file, table index) most of the finding's figures come from."""
    tables = [(p.file, p.table) for p in f.evidence if p.table is not None]
    # ties to the first cited: the same findings group alike on every run (no set order)
    return max(dict.fromkeys(tables), key=tables.count) if tables else None


def _note(key: tuple, storm: list[Finding]) -> Finding:
    code, (_, table) = key
    where = place(next(p for p in storm[0].evidence if p.table == table))
    examples = "; ".join(f.message for f in storm[:EXAMPLES])
    message = (f"table {table} ({where}) raises {len(storm)} {code} findings: more than one table "
               f"can hold, so its reading is doubtful (a column's role, names cut short, a year "
               f"taken for another) and they are not listed one by one. First: {examples}")
    evidence = list({p.model_dump_json(): p for f in storm for p in f.evidence}.values())[:EVIDENCE]
    return Finding(code=CODE, severity="info", message=message, evidence=evidence)
