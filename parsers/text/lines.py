"""Wrapped lines of text joined back, and title-like lines told apart: rules every input path
shares (a PDF cell's lines, a text dump's wrapped paragraph)."""


def mostly_upper(text: str) -> bool:
    """A capitalised line (a title): nine in ten of at least three letters upper case."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and sum(ch.isupper() for ch in letters) >= 0.9 * len(letters)


def join_lines(parts: list[str]) -> str:
    """Join wrapped lines; a line ending in a hyphen joins the next word without a space."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and part[:1].isalpha():
            out += part
        else:
            out = f"{out} {part}" if out else part
    return out
