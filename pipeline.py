"""The only place stages are chained: parse -> extract -> audit -> validate -> write, per file.

Every file gets a FileResult (status, typed errors, timings) in the run manifest; one bad file
never stops the others. Files run in forked worker processes so that a hang is cut off at the
per-file time limit and a crash in a native library (pdfium, tesseract) loses only that file.
"""

import ctypes
import math
import multiprocessing as mp
import os
import signal
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from multiprocessing.connection import wait
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from pydantic import ValidationError

from kinerja.audit import audit
from kinerja.batch.inputs import Passed, search
from kinerja.batch.limits import (
    DEFAULT_MEMORY_GB, GB, check_memory_gb, over_limit_reason, own_memory, remove_orphan_tmps, remove_tmp,
    use_own_tmp,
)
from kinerja.batch.lock import run_lock
from kinerja.batch.manifest import (  # noqa: F401 - MANIFEST named here for callers
    MANIFEST, PIPELINE_VERSION, ManifestFile, as_skipped, results as recorded, sha256_of, up_to_date,
)
from kinerja.batch.names import output_name
from kinerja.batch.outdir import prepare, remove_leftovers
from kinerja.write.extraction import write_extraction
from kinerja.extract import extract_document
from kinerja.extract.confidence import document_health, doubts, is_drop_warning
from kinerja.extract.lexicon import sakip_lexicon
from kinerja.parsers import ParseOptions, parse_paged
from kinerja.parsers.pdf import PdfOptions
from kinerja.parsers.textdump import TextDumpOptions
from kinerja.parsers.errors import InputError
from kinerja.schema import Extraction, FileResult, RunManifest, StageError
from kinerja.schema.run import Health

DEFAULT_TIMEOUT_S = 900.0
MIN_MARGIN_S = 6.0


@dataclass(frozen=True)
class RunOptions:
    out_dir: Path
    workers: int = 1
    timeout_s: float = DEFAULT_TIMEOUT_S  # per file: the worker is killed after it, the parser stops a little before
    force: bool = False  # re-run files whose output is up to date
    dask: Optional[str] = None  # scheduler address, or "local" for a LocalCluster
    memory_gb: float = DEFAULT_MEMORY_GB  # per file: the worker is killed over it

    def __post_init__(self):
        if not math.isfinite(self.timeout_s) or self.timeout_s <= 0:
            raise ValueError(f"a time limit is a positive number of seconds, not {self.timeout_s:g}")
        check_memory_gb(self.memory_gb)


def parse_options(timeout_s: float = DEFAULT_TIMEOUT_S) -> ParseOptions:
    """What the parsers are handed: the SAKIP vocabulary for text dumps, and a PDF time limit a
    little under the run's, so that a slow PDF ends degraded with the pages read (and the
    records of those pages written) rather than being killed with nothing."""
    # extraction, audit and writing after the parse: a tenth of the limit, at least a few seconds
    # (a busy machine), at most a minute
    margin = min(60.0, max(MIN_MARGIN_S, 0.1 * timeout_s), 0.5 * timeout_s)
    return ParseOptions(pdf=PdfOptions(timeout_s=max(1.0, timeout_s - margin)),
                        text=TextDumpOptions(lexicon=sakip_lexicon()))


class StageFailed(Exception):
    """A stage of one file failed: which stage, and the error it raised."""

    def __init__(self, stage: str, error: Exception):
        super().__init__(str(error))
        self.stage, self.error = stage, error


@contextmanager
def _stage(name: str, timings: dict):
    t0 = time.perf_counter()
    try:
        yield
    except StageFailed:
        raise
    except Exception as exc:  # noqa: BLE001 - typed by the stage it failed in
        raise StageFailed(name, exc) from exc
    finally:
        timings[name] = round(time.perf_counter() - t0, 4)


def _extract(path: Path, timings: dict,
             options: Optional[ParseOptions]) -> tuple[Extraction, list[StageError], Health]:
    with _stage("parse", timings):
        doc = parse_paged(path, options or parse_options())  # page by page: memory flat in pages
    with _stage("extract", timings):
        ex = extract_document(doc)
    with _stage("audit", timings):
        result = audit(ex)
    ex.findings = result.findings
    if result.failures:
        ex.status = "degraded"
        ex.warnings += [f"audit {f.message} ({f.error}); its findings are missing" for f in result.failures]
    with _stage("health", timings):
        health = document_health(doc, ex)
    _judge(ex, health)
    return ex, result.failures, health


def _judge(ex: Extraction, health: Health) -> None:
    """Doubtful reads (misreads dropped, too many values of low confidence) degrade the document,
    and say so among its warnings."""
    reasons = doubts(health)
    if reasons:
        ex.status = "degraded"
        ex.warnings += reasons


def extract_file(path: Path, timings: Optional[dict] = None,
                 options: Optional[ParseOptions] = None) -> Extraction:
    """Parse, extract and audit one file (no writing). Raises StageFailed naming the stage."""
    return _extract(path, {} if timings is None else timings, options)[0]


def process_file(path: Path, output: Path, timeout_s: float = DEFAULT_TIMEOUT_S) -> FileResult:
    """Extract one file and write its validated JSON; failures become a 'failed' result naming the
    stage (parse, extract, audit, validate, write); a crashed audit rule only degrades it."""
    start = time.perf_counter()
    timings: dict = {}
    try:
        ex, failures, health = _extract(path, timings, parse_options(timeout_s))
        # the drop warning names examples for the JSON; the reason has its counts (doubts)
        status, sha = ex.status, ex.source.sha256
        warnings = [w for w in ex.warnings if not is_drop_warning(w)]
        t0 = time.perf_counter()
        try:
            write_extraction(ex, output)
        except ValidationError as exc:
            raise StageFailed("validate", exc) from exc
        except Exception as exc:  # noqa: BLE001 - typed as a write failure
            raise StageFailed("write", exc) from exc
        timings["write"] = round(time.perf_counter() - t0, 4)
    except StageFailed as exc:
        return _failed(path, exc.stage, exc.error, start, timings)
    return FileResult(
        file=str(path), status=status, output=str(output), sha256=sha, errors=failures,
        output_sha256=sha256_of(output), pipeline_version=PIPELINE_VERSION,
        reason="; ".join(warnings) or None, duration_s=round(time.perf_counter() - start, 4),
        timings=timings, health=health,
    )


def _failed(path: Path, stage: str, exc: Exception, start: float, timings: dict) -> FileResult:
    reason = str(exc) if isinstance(exc, InputError) else f"{path}: {stage}: {type(exc).__name__}: {exc}"
    return FileResult(
        file=str(path), status="failed", reason=reason,
        errors=[StageError(stage=stage, error=type(exc).__name__, message=str(exc))],
        duration_s=round(time.perf_counter() - start, 4), timings=timings,
    )


def run(paths: Iterable[Path], options: RunOptions,
        on_result: Optional[Callable[[FileResult], None]] = None) -> RunManifest:
    """Each input once (inputs.discover), into its own output (names.output_name); an input is
    skipped when its output is up to date (manifest.up_to_date) unless `force`. The manifest is
    saved after every file, so a killed run resumes where it stopped, merged into the one on
    disk (earlier runs' results are kept); returned is this run's part of it. Raises
    batch.outdir.OutDirError when the out dir or the manifest cannot be written, OutDirBusy
    when another run holds the out dir (batch.lock: one run per out dir at a time)."""
    prepare(options.out_dir)  # an out dir that cannot be written to stops the run before any file
    with run_lock(options.out_dir):
        return _run_locked(paths, options, on_result)


def _run_locked(paths: Iterable[Path], options: RunOptions, on_result) -> RunManifest:
    out_dir = options.out_dir
    remove_leftovers(out_dir)
    remove_orphan_tmps()
    found = search(paths)
    previous = recorded(out_dir)
    manifest = RunManifest(started=_now(), out_dir=str(out_dir))
    store = ManifestFile(out_dir)
    for passed in found.passed:
        _record(manifest, store, _passed_over(passed), on_result)
    todo = []
    for f in found.files:
        output = out_dir / output_name(f)
        old = previous.get(str(f))
        if not options.force and up_to_date(f, output, old):
            _record(manifest, store, as_skipped(old), on_result)
        else:
            todo.append((f, output))
    results = _run_dask(todo, options) if options.dask else _run_forked(todo, options)
    for result in results:
        _record(manifest, store, result, on_result)
    manifest.finished = _now()
    store.save(manifest)
    return manifest


def _record(manifest: RunManifest, store: ManifestFile, result: FileResult, on_result) -> None:
    manifest.files.append(result)
    store.save(manifest)
    if on_result:
        on_result(result)


def _passed_over(passed: Passed) -> FileResult:
    return FileResult(file=str(passed.path), status="failed" if passed.failed else "skipped",
                      reason=f"{passed.path}: {passed.reason}",
                      errors=[StageError(stage="inputs", error="NotRead", message=passed.reason)])


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _child(path: Path, output: Path, timeout_s: float, conn, parent: Optional[int] = None) -> None:
    os.setpgid(0, 0)  # its own process group: a kill also reaches tesseract / ghostscript
    if parent is not None:
        _die_with(parent)
    try:
        use_own_tmp()
        conn.send(process_file(path, output, timeout_s))
    finally:
        remove_tmp(os.getpid())
    conn.close()


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _die_with(parent: int) -> None:
    """A worker outliving its run (killed with -9) would go on without a time limit and write
    an output no manifest records: on Linux the kernel kills it when the run's process ends.
    Elsewhere only the parsers' own time limits end it."""
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return
    prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the run ended before the request took hold
        os._exit(1)


def warm_up() -> None:
    """Import every parser (and the libraries they load) once in the parent: forked workers
    inherit them instead of each paying seconds of import time."""
    from importlib import import_module

    for module in [*_parser_modules(), "spacy.lang.id"]:
        import_module(module)


def _run_forked(todo: list[tuple[Path, Path]], options: RunOptions) -> Iterator[FileResult]:
    """At most `workers` files at once, each in its own forked process with a time and a memory
    limit."""
    if todo:
        warm_up()
    ctx = mp.get_context("fork")
    pending = list(todo)
    running: dict = {}  # connection -> _Worker
    while pending or running:
        while pending and len(running) < max(1, options.workers):
            path, output = pending.pop(0)
            recv, proc = _start(ctx, path, output, options.timeout_s, parent=os.getpid())
            running[recv] = _Worker(proc, path)
        for conn in wait(list(running), timeout=POLL_S):
            yield _collect(conn, running.pop(conn))
        for conn, worker in list(running.items()):
            breach = _breach(worker, options.timeout_s, options.memory_gb)
            if breach:
                del running[conn]
                yield _stop(worker, *breach)


POLL_S = 0.2  # how often the run looks at its workers' time and memory


@dataclass
class _Worker:
    proc: mp.Process
    path: Path
    started: float = field(default_factory=time.perf_counter)


def _breach(worker: _Worker, timeout_s: float, memory_gb: float) -> Optional[tuple[str, str]]:
    """(error, why) when the worker is over its time or memory limit."""
    if time.perf_counter() - worker.started > timeout_s:
        return "TimeLimit", f"took longer than the per-file limit of {timeout_s:g} s"
    used = own_memory(worker.proc.pid) or 0
    if used > memory_gb * GB:
        return "MemoryLimit", over_limit_reason(used, memory_gb)
    return None


def _start(ctx, path: Path, output: Path, timeout_s: float, parent: Optional[int] = None):
    """`parent`: the pid of a forking parent the worker dies with (a forkserver's child has the
    forkserver for parent, which outlives the Dask worker that asked for it)."""
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(path, output, timeout_s, send, parent), daemon=True)
    proc.start()
    send.close()
    return recv, proc


def _collect(conn, worker: _Worker) -> FileResult:
    try:
        result = conn.recv()
    except EOFError:
        worker.proc.join()
        remove_tmp(worker.proc.pid)  # a worker that died cannot clean up after itself
        return _crashed(worker, f"worker process died (exit code {worker.proc.exitcode})")
    worker.proc.join()
    return result


def _stop(worker: _Worker, error: str, why: str) -> FileResult:
    """Kill a worker over its limit: its whole process group, then its temporary files."""
    proc = worker.proc
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        proc.kill()  # not yet in its own group
    proc.join()
    remove_tmp(proc.pid)
    return _crashed(worker, why, error)


def _crashed(worker: _Worker, why: str, error: str = "WorkerCrash") -> FileResult:
    path = worker.path
    return FileResult(
        file=str(path), status="failed", reason=f"{path}: {why}",
        errors=[StageError(stage="worker", error=error, message=why)],
        duration_s=round(time.perf_counter() - worker.started, 4),
    )


def process_file_limited(path: Path, output: Path, timeout_s: float,
                         memory_gb: float = DEFAULT_MEMORY_GB) -> FileResult:
    """process_file in a child process killed at the time or memory limit: what a Dask task runs,
    so a hang, a memory bomb or a native crash loses one file, not the worker. The child comes
    from a forkserver (a Dask worker has threads; forking it directly is unsafe). A worker that
    may not have children (a daemonic worker: a cluster started without
    `distributed.worker.daemon: False`) runs the file itself, under the parsers' own time limits
    only."""
    if mp.current_process().daemon:
        return process_file(path, output, timeout_s)
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["kinerja.pipeline", *_parser_modules(), "spacy.lang.id"])
    recv, proc = _start(ctx, path, output, timeout_s)
    worker = _Worker(proc, path)
    while not wait([recv], timeout=POLL_S):
        breach = _breach(worker, timeout_s, memory_gb)
        if breach:
            return _stop(worker, *breach)
    return _collect(recv, worker)


def _parser_modules() -> list[str]:
    from kinerja.parsers import FORMATS

    return [f"kinerja.parsers.{module}" for module in FORMATS.values()]


def _run_dask(todo: list[tuple[Path, Path]], options: RunOptions) -> Iterator[FileResult]:
    """Scale out on a Dask cluster: an address, or 'local' for a LocalCluster on this machine
    whose workers may start the per-file child processes that enforce the time limit."""
    import dask
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if options.dask == "local":
        with dask.config.set({"distributed.worker.daemon": False}):
            cluster = LocalCluster(n_workers=max(1, options.workers), threads_per_worker=1,
                                   processes=True, dashboard_address=None)
    with Client(cluster if cluster else options.dask) as client:
        futures = {client.submit(process_file_limited, p, o, options.timeout_s, options.memory_gb, pure=False): p
                   for p, o in todo}
        for fut in as_completed(futures):
            try:
                yield fut.result()
            except Exception as exc:  # noqa: BLE001 - a lost worker fails one file, not the run
                yield _crashed(_Worker(None, futures[fut]), f"dask task failed: {exc}")
    if cluster:
        cluster.close()
