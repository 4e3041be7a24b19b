"""Paths shared by the tests: the bundled corpus, and ../shared (gold, real PDFs) beside the repo."""

import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SHARED = REPO.parent / "shared"
GOLD = SHARED / "corpus" / "gold"
PDFS = SHARED / "corpus" / "pdf"
WILD = SHARED / "corpus" / "wild"  # real PDFs without gold


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items) -> None:
    """Each test file is an xdist group of its own unless it names one (`--dist loadgroup` in
    pyproject.toml): a module's real PDFs and scans, read once in a module fixture, are read on
    one worker, not once per worker."""
    for item in items:
        if item.get_closest_marker("xdist_group") is None:
            item.add_marker(pytest.mark.xdist_group(item.module.__name__ if item.module else item.nodeid))


@pytest.fixture
def corpus() -> Path:
    return CORPUS


@pytest.fixture
def gold_dir() -> Path:
    if not GOLD.is_dir():
        pytest.skip(f"gold folder not found at {GOLD}")
    return GOLD


@pytest.fixture
def pdf_dir() -> Path:
    if not PDFS.is_dir():
        pytest.skip(f"real PDF folder not found at {PDFS}")
    return PDFS


@pytest.fixture(params=[0o022, 0o007], ids=["umask-022", "umask-007"])
def umask(request) -> int:
    """The process's umask set to each of two a user may have, restored after."""
    import os

    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def wait_for(condition, seconds: float = 60.0) -> bool:
    """Poll `condition` until it holds or `seconds` pass: for tests that watch other processes."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False
