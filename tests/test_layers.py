"""The import layering the README describes holds (import-linter contracts in pyproject.toml)."""

import shutil
import subprocess

import pytest

from .conftest import REPO


def test_import_layers_are_kept():
    exe = shutil.which("lint-imports")
    if exe is None:
        pytest.fail("lint-imports not installed: pip install -e '.[dev]'")
    r = subprocess.run([exe], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout[-3000:]
