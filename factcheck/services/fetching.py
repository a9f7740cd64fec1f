"""Fetching a web page for import, safely.

``fetch_page(url)`` is the one way the app reads a page from the network:

- only http and https links, on every redirect hop (at most MAX_REDIRECTS);
- each host name is resolved once, every address it has is checked, and the
  connection goes to a checked address (no second lookup an attacker's DNS
  could answer differently); the Host header and TLS server name stay the
  host name, so certificates are checked as usual;
- private, loopback, link-local, reserved and other non-public addresses are
  refused unless IMPORT_ALLOW_PRIVATE_URLS is set;
- one deadline (IMPORT_TIMEOUT seconds) covers the whole fetch: resolving,
  connecting, the TLS handshake, every redirect and every byte of the body,
  so a page sent a few bytes at a time cannot hold a worker;
- the body is capped at IMPORT_MAX_BYTES, and a response that is not text
  (an image, a PDF) or whose text does not decode is refused.

Every refusal is a ``FetchRefused`` (a ``ValidationFailed`` on the ``url``
field) with a message for the person who gave the link.
"""

import codecs
import http.client
import ipaddress
import re
import select
import socket
import ssl
import time
from dataclasses import dataclass
from functools import cache
from urllib.parse import urljoin, urlsplit

from flask import current_app

from factcheck.services.errors import ValidationFailed

MAX_REDIRECTS = 5
USER_AGENT = "FactcheckDesk/1.0"
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
REDIRECTS = (301, 302, 303, 307, 308)
# Share of undecodable characters above which a page's text counts as garbage.
MAX_REPLACED_SHARE = 0.01

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)


class FetchRefused(ValidationFailed):
    """A link that was not fetched, and why, in words for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message, field="url")


@dataclass(frozen=True)
class FetchedPage:
    url: str  # the address the text came from, after redirects
    text: str
    content_type: str
    charset: str


@dataclass(frozen=True)
class _Target:
    scheme: str
    host: str
    port: int
    path: str  # path and query, as sent in the request line

    @property
    def https(self) -> bool:
        return self.scheme == "https"


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def remaining(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            raise TimeoutError
        return left


def fetch_page(url: str) -> FetchedPage:
    """Fetch the page at url under the rules above, or raise FetchRefused."""
    config = current_app.config
    deadline = _Deadline(config["IMPORT_TIMEOUT"])
    try:
        return _fetch(url, deadline, config["IMPORT_MAX_BYTES"])
    except TimeoutError:
        raise FetchRefused(
            f"The site did not send the page within {deadline.seconds:g} seconds."
        ) from None
    except (OSError, http.client.HTTPException) as err:
        raise FetchRefused(f"Could not fetch the page: {_reason(err)}.") from None


def _reason(err: Exception) -> str:
    if isinstance(err, ssl.SSLCertVerificationError):
        return "the site's certificate could not be verified"
    if isinstance(err, ConnectionRefusedError):
        return "the site refused the connection"
    return str(err) or type(err).__name__


def _fetch(url: str, deadline: _Deadline, limit: int) -> FetchedPage:
    for _ in range(MAX_REDIRECTS + 1):
        target = _parse(url)
        addresses = _checked_addresses(target, deadline)
        connection = _PinnedConnection(target, addresses, deadline)
        try:
            connection.request(
                "GET",
                target.path,
                headers={"User-Agent": USER_AGENT, "Accept": ", ".join(TEXT_TYPES)},
            )
            response = connection.getresponse()
            if response.status in REDIRECTS and response.getheader("Location"):
                url = urljoin(url, response.getheader("Location").strip())
                continue
            if response.status != 200:
                raise FetchRefused(
                    f"The site answered {response.status} {response.reason}; the page was "
                    "not fetched."
                )
            content_type = response.getheader("Content-Type", "")
            _refuse_non_text(content_type)
            data = response.read(limit + 1)
        finally:
            connection.close()
        if len(data) > limit:
            raise FetchRefused(f"The page is larger than {limit / (1024 * 1024):g} MB.")
        return _decode(url, data, content_type)
    raise FetchRefused(f"The link redirects more than {MAX_REDIRECTS} times.")


def _parse(url: str) -> _Target:
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise FetchRefused("That link is not a valid address.") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchRefused("Give an http:// or https:// link.")
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    if any(ord(c) < 33 or ord(c) == 127 for c in path):
        raise FetchRefused("That link is not a valid address.")
    try:
        host = parts.hostname.encode("idna").decode("ascii")
    except UnicodeError:
        raise FetchRefused("That link is not a valid address.") from None
    default = 443 if parts.scheme == "https" else 80
    return _Target(parts.scheme, host, port or default, path)


def _resolve(host: str, port: int) -> list[tuple[int, str]]:
    """(family, address) for every address of host; the only DNS lookup."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys((family, sockaddr[0]) for family, _, _, _, sockaddr in infos))


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def _checked_addresses(target: _Target, deadline: _Deadline) -> list[tuple[int, str]]:
    deadline.remaining()
    try:
        addresses = _resolve(target.host, target.port)
    except (OSError, UnicodeError):
        raise FetchRefused(f"Cannot find the site {target.host}.") from None
    if not addresses:
        raise FetchRefused(f"Cannot find the site {target.host}.")
    if not current_app.config.get("IMPORT_ALLOW_PRIVATE_URLS") and not all(
        is_public(address) for _, address in addresses
    ):
        raise FetchRefused("Links to internal addresses are not fetched.")
    return addresses


# --- connections pinned to a checked address, under the deadline ---------------


class _DeadlineSocket(socket.socket):
    """A socket whose every read waits only until the fetch's deadline."""

    deadline: _Deadline

    def recv_into(self, buffer, nbytes=0, flags=0):
        self.settimeout(self.deadline.remaining())
        return super().recv_into(buffer, nbytes, flags)


class _DeadlineSSLSocket(ssl.SSLSocket):
    deadline: _Deadline

    def recv_into(self, buffer, nbytes=None, flags=0):
        self.settimeout(self.deadline.remaining())
        return super().recv_into(buffer, nbytes, flags)


@cache
def _tls_context() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.sslsocket_class = _DeadlineSSLSocket
    return context


def _connect(family: int, address: str, port: int, deadline: _Deadline) -> _DeadlineSocket:
    sock = _DeadlineSocket(family, socket.SOCK_STREAM)
    sock.deadline = deadline
    try:
        sock.settimeout(deadline.remaining())
        sock.connect((address, port))
    except BaseException:
        sock.close()
        raise
    return sock


def _handshake(sock: ssl.SSLSocket, deadline: _Deadline) -> None:
    """The TLS handshake, never waiting past the deadline (a server that
    sends its half a byte at a time included)."""
    sock.setblocking(False)
    while True:
        try:
            sock.do_handshake()
            return
        except ssl.SSLWantReadError:
            ready = select.select([sock], [], [], deadline.remaining())[0]
        except ssl.SSLWantWriteError:
            ready = select.select([], [sock], [], deadline.remaining())[1]
        if not ready:
            raise TimeoutError


class _PinnedConnection(http.client.HTTPConnection):
    """HTTP(S) to a host name, connected to an address checked beforehand."""

    def __init__(
        self, target: _Target, addresses: list[tuple[int, str]], deadline: _Deadline
    ) -> None:
        super().__init__(target.host, target.port)
        self.default_port = 443 if target.https else 80  # Host header without :443
        self._target, self._addresses, self._deadline = target, addresses, deadline

    def connect(self) -> None:
        error: OSError | None = None
        for family, address in self._addresses:
            try:
                sock = _connect(family, address, self._target.port, self._deadline)
                break
            except TimeoutError:
                raise
            except OSError as err:
                error = err
        else:
            raise error or OSError("no address to connect to")
        if self._target.https:
            try:
                sock = _tls_context().wrap_socket(
                    sock, server_hostname=self._target.host, do_handshake_on_connect=False
                )
                sock.deadline = self._deadline
                _handshake(sock, self._deadline)
            except BaseException:
                sock.close()
                raise
        sock.settimeout(self._deadline.remaining())
        self.sock = sock


# --- what came back -------------------------------------------------------------


def _refuse_non_text(content_type: str) -> None:
    media = content_type.split(";", 1)[0].strip().lower()
    if media and media not in TEXT_TYPES:
        raise FetchRefused(f"The link is not a web page ({media}); import web pages or text only.")


def _charset(content_type: str, data: bytes) -> str:
    match = re.search(r"charset\s*=\s*[\"']?([^;\"'\s]+)", content_type, re.I)
    if match:
        return match.group(1)
    meta = _META_CHARSET.search(data[:4096])
    if meta:
        return meta.group(1).decode("ascii")
    return "utf-8"


def _decode(url: str, data: bytes, content_type: str) -> FetchedPage:
    if b"\x00" in data[:8192]:
        raise FetchRefused("The link sent binary data, not a web page.")
    charset = _charset(content_type, data)
    try:
        codec = codecs.lookup(charset)
    except LookupError:
        raise FetchRefused(
            f"The page says its text is in “{charset[:40]}”, which is not a known character set."
        ) from None
    if codec.name.startswith("utf-8") and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    text = data.decode(codec.name, errors="replace")
    if text.count("\ufffd") > max(10, len(text) * MAX_REPLACED_SHARE):
        raise FetchRefused(
            f"The page's text does not read as {codec.name}, the character set it names; "
            "save the page and upload the file instead."
        )
    media = content_type.split(";", 1)[0].strip().lower() or "text/html"
    return FetchedPage(url=url, text=text, content_type=media, charset=codec.name)
