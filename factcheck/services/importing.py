"""Taking copy in: pasted text, uploaded or local files, fetched pages.

One cleaning path for the web form, the API and the CLI: ``read_text`` turns
bytes into text (refusing what is not text), ``extract`` finds the title,
byline, dateline and story paragraphs and sets the site furniture aside, and
``preview`` is what an editor (or a script) sees before anything is saved.
"""

import re

from factcheck.extraction import ImportedArticle, clean_html, clean_text
from factcheck.services.errors import ValidationFailed

HTML_MARKERS = ("<html", "<!doctype", "<body", "<article", "<p>", "<div")

# Signatures of files that are not text, by what they are.
_SIGNATURES = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "a RIFF file (WebP image, WAV or AVI)"),
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (or a Word or OpenDocument file)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a program"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an audio file"),
    (b"\x00\x00\x01\x00", "an icon"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# More than this share of control characters is not copy: it is a binary file.
_MAX_CONTROL_SHARE = 0.01
_SAMPLE = 8192


def _not_text(what: str, field: str) -> ValidationFailed:
    return ValidationFailed(
        f"This is {what}, not text: give a .txt or .html file, or paste the article.",
        field=field,
    )


def refuse_binary(text: str, field: str = "raw_text") -> None:
    """Refuse text that is a binary file read as characters."""
    sample = text[:_SAMPLE]
    if sample and len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise _not_text("a binary file", field)


def read_text(data: bytes, field: str = "upload") -> str:
    """Text of an uploaded or local file: UTF-8 (or Windows-1252), bad bytes
    replaced; a file that is not text (an image, a PDF, an archive) refused."""
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise _not_text(what, field)
    if b"\x00" in data[:_SAMPLE]:
        raise _not_text("a binary file", field)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = data.decode("utf-8", errors="replace")
    refuse_binary(text, field)
    return text


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return any(marker in head for marker in HTML_MARKERS)


def extract(text: str, url: str | None = None) -> ImportedArticle:
    """Title, byline and story paragraphs, site furniture set aside."""
    return clean_html(text, url) if looks_like_html(text) else clean_text(text)


def preview(article: ImportedArticle) -> dict:
    """What the import found, as the CLI's ``--preview --format json`` and
    the API print it: nothing is saved."""
    return {
        "title": article.title,
        "byline": article.byline,
        "dateline": article.dateline,
        "paragraphs": list(article.paragraphs),
        "set_aside": [str(line) for line in article.removed],
    }
