"""The install ships every stage: each package folder of the repo is listed in pyproject.toml
(a folder left out imports in an editable checkout but is missing from a wheel)."""

import pytest

from tests.conftest import REPO

tomllib = pytest.importorskip("tomllib")  # Python 3.11+

NOT_SHIPPED = {"tests", "bench"}  # run from a checkout only


def test_every_package_folder_is_installed():
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    folders = {p.parent.relative_to(REPO) for p in REPO.rglob("__init__.py")}
    wanted = {".".join(("kinerja", *f.parts)) for f in folders
              if not f.parts or f.parts[0] not in NOT_SHIPPED | {".git"}}
    assert wanted - listed == set()
