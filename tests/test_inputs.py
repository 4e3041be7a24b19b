"""What a run passes over in the folders it searches gets one line and a manifest entry with the
reason: a folder it cannot read (failed: input may be lost), a link to nothing (failed), a link
loop and a named pipe (skipped). The files beside them are read as usual."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kinerja.batch.inputs import search
from kinerja.batch.manifest import MANIFEST

from .conftest import CORPUS

PK = CORPUS / "pk-2023-diskominfo-kota-medan.txt"


def _extract(folder: Path, out: Path) -> subprocess.CompletedProcess:
    """The command as a user without the right to read past permissions runs it: root is run
    with CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH taken from it (setpriv, util-linux)."""
    cmd = [sys.executable, "-m", "kinerja.cli", "extract", str(folder), "--out", str(out)]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("root without setpriv reads every folder")
        cmd = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *cmd]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300)


def _manifest(out: Path) -> dict[str, tuple[str, str]]:
    rows = json.loads((out / MANIFEST).read_text())["files"]
    return {Path(r["file"]).name: (r["status"], r["reason"]) for r in rows}


@pytest.fixture
def folder(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PK, folder)
    return folder


def test_an_unreadable_subfolder_is_a_failure_named_in_one_line(folder, tmp_path):
    locked = folder / "locked"
    locked.mkdir()
    shutil.copy(PK, locked)
    locked.chmod(0)
    try:
        r = _extract(folder, tmp_path / "out")
    finally:
        locked.chmod(0o755)
    assert r.returncode == 1
    assert f"error {locked}: folder cannot be read (Permission denied)" in r.stderr.splitlines()
    assert _manifest(tmp_path / "out") == {
        "locked": ("failed", f"{locked}: folder cannot be read (Permission denied)"),
        PK.name: ("ok", None)}


def test_a_link_loop_is_skipped_with_the_reason_and_its_files_are_read_once(folder, tmp_path):
    (folder / "again").symlink_to(folder)
    r = _extract(folder, tmp_path / "out")
    assert r.returncode == 0, r.stderr
    reason = f"{folder / 'again'}: link to a folder already searched ({folder})"
    assert f"skipped {reason}" in r.stderr.splitlines()
    assert _manifest(tmp_path / "out") == {"again": ("skipped", reason), PK.name: ("ok", None)}


def test_a_link_to_a_folder_elsewhere_is_followed(folder, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(PK, elsewhere / "other.txt")
    (folder / "linked").symlink_to(elsewhere)
    assert [p.name for p in search([folder]).files] == ["other.txt", PK.name]


def test_a_link_to_a_missing_file_is_a_failure(folder, tmp_path):
    (folder / "gone.pdf").symlink_to(tmp_path / "deleted.pdf")
    r = _extract(folder, tmp_path / "out")
    assert r.returncode == 1
    status, reason = _manifest(tmp_path / "out")["gone.pdf"]
    assert status == "failed" and "link that leads to no file" in reason


def test_a_named_pipe_is_skipped_not_read(folder, tmp_path):
    os.mkfifo(folder / "pipe.txt")  # reading it would wait for a writer forever
    r = _extract(folder, tmp_path / "out")
    assert r.returncode == 0, r.stderr
    assert _manifest(tmp_path / "out")["pipe.txt"][0] == "skipped"


def test_a_folder_named_like_a_document_is_searched_as_a_folder(folder):
    named = folder / "archive.txt"
    named.mkdir()
    shutil.copy(PK, named / "inner.txt")
    assert [p.name for p in search([folder]).files] == ["inner.txt", PK.name]
