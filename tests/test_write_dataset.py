"""Tidy datasets: Parquet tables and a DuckDB file that trace every value to its source."""

import duckdb
import pyarrow.parquet as pq

from kinerja.write.dataset import write_dataset
from kinerja.pipeline import extract_file

from .conftest import CORPUS

PK = CORPUS / "pk-2023-diskominfo-kota-medan.txt"


def test_dataset_has_one_indicator_row_per_extracted_value(tmp_path):
    ex = extract_file(PK)
    paths = write_dataset([ex], tmp_path)
    assert pq.read_table(paths["indicators"]).num_rows == len(ex.indicators) > 0


def test_duckdb_rows_carry_file_and_line_provenance(tmp_path):
    paths = write_dataset([extract_file(PK)], tmp_path)
    with duckdb.connect(str(paths["duckdb"]), read_only=True) as con:
        missing = con.execute(
            "SELECT count(*) FROM indicators WHERE file IS NULL OR line_start IS NULL").fetchone()[0]
        files = con.execute("SELECT DISTINCT file FROM budgets").fetchall()
    assert missing == 0 and files == [(str(PK),)]


def test_rewriting_a_dataset_replaces_it_whole(tmp_path):
    write_dataset([extract_file(PK)], tmp_path)
    paths = write_dataset([], tmp_path)
    assert pq.read_metadata(paths["indicators"]).num_rows == 0
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_dataset_files_get_the_mode_the_umask_gives_new_files(tmp_path, umask):
    paths = write_dataset([extract_file(PK)], tmp_path)
    assert {p.name: p.stat().st_mode & 0o777 for p in paths.values()} == \
        {p.name: 0o666 & ~umask for p in paths.values()}
