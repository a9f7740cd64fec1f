"""Taking copy in: pasted text, HTML files and links."""

import ipaddress
import socket
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from flask import current_app

from factcheck.extraction import (
    ImportedArticle,
    clean_html,
    clean_text,
)
from factcheck.services.errors import ValidationFailed

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


def _refuse_private_host(host: str) -> None:
    if current_app.config.get("IMPORT_ALLOW_PRIVATE_URLS"):
        return
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        raise ValidationFailed(f"Cannot find the site {host}.", field="url") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if address.is_private or address.is_loopback or address.is_link_local:
            raise ValidationFailed("Links to internal addresses are not fetched.", field="url")


def fetch_url(url: str) -> str:
    """Fetch a page with a timeout and a size cap; a clear error otherwise."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValidationFailed("Give an http:// or https:// link.", field="url")
    _refuse_private_host(parts.hostname)
    limit = current_app.config["IMPORT_MAX_BYTES"]
    request = urllib.request.Request(url, headers={"User-Agent": "FactcheckDesk/1.0"})
    try:
        with urllib.request.urlopen(request, timeout=current_app.config["IMPORT_TIMEOUT"]) as r:
            data = r.read(limit + 1)
            charset = r.headers.get_content_charset() or "utf-8"
    except (urllib.error.URLError, TimeoutError, ValueError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise ValidationFailed(f"Could not fetch the page: {reason}.", field="url") from None
    if len(data) > limit:
        raise ValidationFailed(f"The page is larger than {limit // (1024 * 1024)} MB.", field="url")
    return data.decode(charset, errors="replace")
