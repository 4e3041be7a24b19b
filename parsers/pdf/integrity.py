"""Damage pdfium repairs without a word: qpdf's structural check of the file, run beside the
page reading.

pdfium rebuilds a broken cross-reference table and skips undecodable streams silently, so a
damaged PDF can read as a shorter, clean one. qpdf (a system package, installed by
.ci/setup-system.sh) checks every object and stream; its findings become one warning, which
marks the file degraded. Without qpdf, or when it cannot finish in time, nothing is said.
"""

import re
import shutil
import subprocess
from pathlib import Path
from typing import Optional

CHECK_SECONDS = 60  # qpdf checks about 60 pages a second; a file this slow is not delayed further
_SHOWN = 2  # problems quoted in the warning
# what qpdf warns about that loses nothing: linearization hints (for page-at-a-time web
# viewing) and names a newer PDF version would read differently
_HARMLESS = re.compile(r"lineariz|hint table|shared identifier|shared object|stray #", re.I)


class Check:
    """qpdf --check of one file, running beside the page reading (started first, its result
    collected after the last page): the check costs CPU, not wall time, on a free core."""

    def __init__(self, path: Path, password: Optional[str] = None):
        self.path = path
        qpdf = shutil.which("qpdf")
        cmd = [qpdf, "--check", *([f"--password={password}"] if password else []), str(path)] if qpdf else None
        try:
            self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                         errors="replace") if cmd else None
        except OSError:
            self.proc = None

    def result(self, timeout: float = CHECK_SECONDS) -> Optional[str]:
        """A warning naming the damage found, or None for a sound file (or no qpdf, or no time)."""
        if self.proc is None:
            return None
        try:
            output, _ = self.proc.communicate(timeout=max(0.0, min(timeout, CHECK_SECONDS)))
        except subprocess.TimeoutExpired:
            self.stop()
            return None
        return _warning(self.proc.returncode, output, self.path)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.communicate()


def _warning(returncode: int, output: str, path: Path) -> Optional[str]:
    if returncode not in (2, 3):  # 0: sound; others: qpdf itself failed
        return None
    problems = _problems(output, path)
    if not problems or any("password" in p.lower() for p in problems):
        return None  # an encryption qpdf cannot open is not damage
    shown = "; ".join(problems[:_SHOWN]) + (f"; and {len(problems) - _SHOWN} more" if len(problems) > _SHOWN else "")
    return f"the file is damaged (qpdf --check: {shown}); pages or text pdfium repaired may be incomplete"


def _problems(output: str, path: Path) -> list[str]:
    """qpdf's WARNING/error lines that tell of lost or rebuilt content, without the file name
    each repeats."""
    out = []
    for line in output.splitlines():
        line = line.strip()
        if not line.startswith(("WARNING:", "ERROR:")) and "error" not in line.lower():
            continue
        if line.startswith("qpdf:") or line == "errors that qpdf cannot detect" or _HARMLESS.search(line):
            continue
        text = line.split(":", 1)[1].strip() if line.startswith(("WARNING:", "ERROR:")) else line
        out.append(text.replace(f"{path}: ", "").replace(f"{path}, ", "").replace(str(path), "the file"))
    return out
