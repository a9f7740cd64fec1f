"""Taking copy in: pasted text, HTML files and links."""

from factcheck.extraction import (
    ImportedArticle,
    clean_html,
    clean_text,
)

HTML_MARKERS = ("<html", "<!doctype", "<body", "<article", "<p>", "<div")


def decode_upload(data: bytes) -> str:
    """Text of an uploaded file; bad bytes are replaced, never fatal."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return any(marker in head for marker in HTML_MARKERS)


def extract(text: str, url: str | None = None) -> ImportedArticle:
    """Title, byline and story paragraphs, site furniture set aside."""
    return clean_html(text, url) if looks_like_html(text) else clean_text(text)
