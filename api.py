"""The Python API for notebooks: `kinerja.extract(path)` and `kinerja.read_dataset(folder)`."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, Union

from kinerja.schema import Extraction


def extract(path: Union[str, Path]) -> Extraction:
    """Parse, extract and audit one PDF or text dump (what `kinerja extract` writes per file).
    Raises kinerja.pipeline.StageFailed naming the stage and the reason when the file cannot be read."""
    from kinerja.pipeline import extract_file

    return extract_file(Path(path))


class Dataset:
    """The tables of a `kinerja dataset` folder, by name: `ds.indicators`, `ds["budgets"]`, and
    `ds.sql(query)` over all of them (views included)."""

    def __init__(self, folder: Path, engine: Literal["pandas", "duckdb"]):
        import duckdb

        db = folder / "kinerja.duckdb"
        if not db.is_file():
            raise FileNotFoundError(f"{folder}: no kinerja.duckdb here (run `kinerja dataset ... --to {folder}`)")
        self.folder, self.engine = folder, engine
        self.con = duckdb.connect(str(db), read_only=True)
        self.names = [r[0] for r in self.con.execute(
            "SELECT table_name FROM information_schema.tables ORDER BY table_name").fetchall()]

    def __getitem__(self, name: str):
        if name not in self.names:
            raise KeyError(f"{name}: not a table of {self.folder} ({', '.join(self.names)})")
        relation = self.con.table(name)
        return relation.df() if self.engine == "pandas" else relation

    def __getattr__(self, name: str):
        if name.startswith("_") or name in ("con", "names", "folder", "engine"):
            raise AttributeError(name)
        try:
            return self[name]
        except KeyError as exc:
            raise AttributeError(str(exc)) from None

    def sql(self, query: str, *params):
        relation = self.con.execute(query, list(params)) if params else self.con.sql(query)
        return relation.df()

    def close(self) -> None:
        self.con.close()


def read_dataset(folder: Union[str, Path], engine: Literal["pandas", "duckdb"] = "pandas") -> Dataset:
    """The dataset `kinerja dataset` wrote to `folder`: tables as pandas DataFrames (or DuckDB
    relations with engine='duckdb')."""
    return Dataset(Path(folder), engine)
