"""A bulk run's inputs and out dir: one output per input on every run, the manifest keyed by the
input's absolute path, a file skipped only when its input and output are as recorded."""

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kinerja.batch.inputs import absolute, discover
from kinerja.batch.lock import OutDirBusy
from kinerja.batch.manifest import MANIFEST, ManifestFile
from kinerja.batch.names import output_name
from kinerja.batch.outdir import OutDirError
from kinerja.pipeline import RunOptions, run
from kinerja.schema import Extraction, FileResult, RunManifest

from .conftest import CORPUS

PK = CORPUS / "pk-2023-diskominfo-kota-medan.txt"
IKU = CORPUS / "iku-2020-diskominfo-kab-bengkulu-selatan.txt"


def _run(paths, out, **kw):
    return run(paths, RunOptions(out_dir=out, **kw))


def _copy(seed: Path, to: Path) -> Path:
    to.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(seed, to)
    return to


def _source(result) -> tuple[str, str]:
    src = Extraction.model_validate_json(Path(result.output).read_text()).source
    return src.path, src.sha256


def test_inputs_of_one_name_in_separate_runs_keep_their_own_outputs(tmp_path):
    a = _copy(PK, tmp_path / "A" / "report.txt")
    b = _copy(IKU, tmp_path / "B" / "report.txt")
    (ra,) = _run([a], tmp_path / "out").files
    (rb,) = _run([b], tmp_path / "out").files
    assert ra.output != rb.output
    assert _source(ra) == (str(a), ra.sha256) and _source(rb) == (str(b), rb.sha256)


def test_an_input_named_like_the_manifest_keeps_its_output_and_the_manifest(tmp_path):
    doc = _copy(PK, tmp_path / "run-manifest.txt")
    (r,) = _run([doc], tmp_path / "out").files
    assert Path(r.output).name != MANIFEST
    assert _source(r)[0] == str(doc)
    RunManifest.model_validate_json((tmp_path / "out" / MANIFEST).read_text())


def test_one_file_named_relatively_and_absolutely_runs_once(tmp_path, monkeypatch):
    doc = _copy(PK, tmp_path / "doc.txt")
    monkeypatch.chdir(tmp_path)
    (r,) = _run([Path("doc.txt"), doc, Path("./sub/../doc.txt")], tmp_path / "out").files
    assert r.file == str(doc)


def test_a_file_named_relatively_is_skipped_when_named_absolutely_next_time(tmp_path, monkeypatch):
    doc = _copy(PK, tmp_path / "doc.txt")
    monkeypatch.chdir(tmp_path)
    _run([Path("doc.txt")], tmp_path / "out")
    (r,) = _run([doc], tmp_path / "out").files
    assert r.status == "skipped"


def test_an_out_dir_named_relatively_then_absolutely_keeps_its_outputs_up_to_date(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _run([PK], Path("out"))
    assert _run([PK], tmp_path / "out").files[0].status == "skipped"


def test_a_file_and_a_link_to_it_give_the_file_once_as_first_named(tmp_path):
    doc = _copy(PK, tmp_path / "in" / "doc.txt")
    (tmp_path / "link.txt").symlink_to(doc)
    assert discover([tmp_path / "in", tmp_path / "link.txt"]) == [doc]


def test_reruns_of_unchanged_inputs_keep_skipping(tmp_path):
    statuses = [_run([PK], tmp_path).files[0].status for _ in range(3)]
    assert statuses == ["ok", "skipped", "skipped"]


def test_a_skipped_file_keeps_its_reason_for_being_degraded(tmp_path, monkeypatch):
    from kinerja.audit import rules

    def broken(ex):
        raise ZeroDivisionError("rule bug")

    monkeypatch.setitem(rules.RULES, "capaian-mismatch", broken)
    _run([PK], tmp_path)
    reasons = [_run([PK], tmp_path).files[0].reason for _ in range(2)]
    assert reasons[0] == reasons[1] and reasons[0].startswith("unchanged since last run; audit")


def test_a_truncated_output_is_redone(tmp_path):
    (r,) = _run([PK], tmp_path).files
    output = Path(r.output)
    output.write_bytes(output.read_bytes()[:1000])
    (again,) = _run([PK], tmp_path).files
    assert again.status == "ok"
    Extraction.model_validate_json(output.read_text())


def test_an_output_written_by_another_pipeline_version_is_redone(tmp_path):
    _run([PK], tmp_path)
    manifest = json.loads((tmp_path / MANIFEST).read_text())
    manifest["files"][0]["pipeline_version"] = "kinerja 0.0.1, schema 0.9.0"
    (tmp_path / MANIFEST).write_text(json.dumps(manifest))
    assert _run([PK], tmp_path).files[0].status == "ok"


def test_the_manifest_keys_each_file_by_its_absolute_path_and_its_bytes(tmp_path, monkeypatch):
    monkeypatch.chdir(CORPUS)
    (r,) = _run([Path(PK.name)], tmp_path).files
    (row,) = json.loads((tmp_path / MANIFEST).read_text())["files"]
    assert row["file"] == str(PK) and row["sha256"] == r.sha256 and len(r.sha256) == 64


def test_an_output_name_holds_the_stem_and_differs_for_another_folder(tmp_path):
    a, b = absolute(tmp_path / "a" / "doc.txt"), absolute(tmp_path / "b" / "doc.txt")
    assert output_name(a).startswith("doc.") and output_name(a).endswith(".json")
    assert output_name(a) != output_name(b)


def test_an_output_name_fits_a_file_system_however_long_the_input_name(tmp_path):
    name = output_name(tmp_path / ("laporan kinerja é" * 30 + ".txt"))
    assert len(name.encode()) <= 255


def test_a_manifest_save_keeps_results_another_writer_recorded(tmp_path):
    def manifest(*files):
        return RunManifest(started="now", out_dir=str(tmp_path),
                           files=[FileResult(file=f, status="ok") for f in files])

    ours = ManifestFile(tmp_path)
    ours.save(manifest("/a.txt"))
    ManifestFile(tmp_path).save(manifest("/b.txt"))  # another run, between two of ours
    ours.save(manifest("/a.txt", "/c.txt"))
    on_disk = RunManifest.model_validate_json((tmp_path / MANIFEST).read_text())
    assert [r.file for r in on_disk.files] == ["/a.txt", "/b.txt", "/c.txt"]


def test_a_manifest_that_cannot_be_written_stops_the_run_with_the_reason(tmp_path, monkeypatch):
    import kinerja.batch.manifest as manifest

    def disk_full(path, text):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(manifest, "write_atomic", disk_full)
    with pytest.raises(OutDirError, match="run-manifest.json: cannot be written .No space left on device."):
        _run([PK], tmp_path)


def test_outputs_and_manifest_get_the_mode_the_umask_gives_new_files(tmp_path, umask):
    (r,) = _run([PK], tmp_path).files
    modes = {p: p.stat().st_mode & 0o777 for p in (Path(r.output), tmp_path / MANIFEST)}
    assert modes == {p: 0o666 & ~umask for p in modes}


HOLD = ("import sys, time; from pathlib import Path; from kinerja.batch.lock import run_lock\n"
        "with run_lock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(120)")


@pytest.fixture
def held_out_dir(tmp_path):
    """An out dir held by another process, as a run holds it, until the test kills it."""
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(out)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline() == "held\n"
    yield out, holder
    holder.kill()
    holder.wait()


def test_a_second_run_into_a_held_out_dir_is_refused_naming_the_holder(held_out_dir):
    out, holder = held_out_dir
    with pytest.raises(OutDirBusy, match=f"another kinerja run is writing here .pid {holder.pid} on "):
        _run([PK], out)
    assert not (out / MANIFEST).exists()


def test_a_holder_killed_with_9_leaves_the_out_dir_free(held_out_dir):
    out, holder = held_out_dir
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert _run([PK], out).files[0].status == "ok"


def test_extract_into_a_held_out_dir_says_so_in_one_line(held_out_dir):
    out, holder = held_out_dir
    r = subprocess.run([sys.executable, "-m", "kinerja.cli", "extract", str(PK), "--out", str(out)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    (line,) = [l for l in r.stderr.splitlines() if l.startswith("error")]
    assert line.startswith(f"error {out}: another kinerja run is writing here (pid {holder.pid} on ")


def test_a_run_removes_the_temporary_files_a_killed_run_left(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    leftover = out / ".pk.4b71279162.json.k3j2h1.tmp"  # as write.atomic names them
    leftover.write_text('{"schema_version": "1.0.0", "sou')
    _run([PK], out)
    assert not leftover.exists()
