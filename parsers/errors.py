"""Typed input errors: each names the file and the reason in one line."""

from pathlib import Path


class InputError(Exception):
    """An input that cannot be parsed. str(err) is the one-line message shown to users."""

    reason = "unreadable input"

    def __init__(self, path: Path | str, detail: str | None = None):
        self.path = str(path)
        self.detail = detail or self.reason
        super().__init__(f"{self.path}: {self.detail}")


class MissingFile(InputError):
    reason = "no such file"


class EmptyFile(InputError):
    reason = "file is empty"


class UnreadableFile(InputError):
    reason = "file cannot be read"


class UnsupportedFormat(InputError):
    reason = "unsupported format"


class EncryptedPDF(InputError):
    reason = "PDF is encrypted and cannot be opened without a password"


class CorruptPDF(InputError):
    reason = "PDF is corrupt or truncated"


class EmptyPDF(InputError):
    reason = "PDF has no pages"
