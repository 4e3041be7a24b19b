"""kinerja: SAKIP performance-accountability documents into validated data.

For notebooks: ``kinerja.extract(path)`` -> Extraction, ``kinerja.read_dataset(folder)`` -> the
dataset's tables (see kinerja.api).
"""

import types as _types

from kinerja.version import __version__  # noqa: F401 - the package's version


class _ExtractStage(_types.ModuleType):
    """`kinerja.extract` is the extraction stage (a package) and the API call
    `kinerja.extract(path)`: importing the package would otherwise hide a function of that name."""

    def __call__(self, path):
        from kinerja.api import extract as _extract

        return _extract(path)


def read_dataset(folder, engine="pandas"):
    """The tables of a `kinerja dataset` folder (pandas DataFrames, or DuckDB relations)."""
    from kinerja.api import read_dataset as _read

    return _read(folder, engine)


from kinerja import extract as _stage  # noqa: E402 - after the class it takes on

_stage.__class__ = _ExtractStage
