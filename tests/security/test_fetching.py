"""Import from a link: every redirect hop checked, the checked address is
the one connected to, one deadline for the whole fetch, and what comes back
is text or a clear refusal. A tiny HTTP server on loopback plays the web."""

import shutil
import socket
import ssl
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from factcheck.services import fetching
from factcheck.services.fetching import FetchRefused, fetch_page

PAGE = "<html><body><p>Наш корреспондент сообщил, что мост открыт.</p></body></html>"


class Handler(BaseHTTPRequestHandler):
    seen: list  # (path, Host header) of every request, set per server

    def log_message(self, *args):
        pass

    def _send(self, status, body=b"", content_type="text/html; charset=utf-8", **headers):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self.seen.append((self.path, self.headers.get("Host")))
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        route = getattr(self, "page_" + parts.path.strip("/").replace("-", "_"), None)
        if route is None:
            self._send(404, b"no such page")
        else:
            route(query)

    def page_page(self, query):
        self._send(200, PAGE.encode())

    def page_secret(self, query):
        self._send(200, b"<p>internal admin data</p>")

    def page_redirect(self, query):
        self._send(302, b"", Location=query["to"])

    def page_loop(self, query):
        self._send(302, b"", Location="/loop")

    def page_drip(self, query):
        """A few bytes at a time, each well inside any per-read timeout."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        try:
            for _ in range(60):
                self.wfile.write(b"<p>a</p>")
                self.wfile.flush()
                time.sleep(0.25)
        except OSError:
            pass  # the client gave up: what we want

    def page_png(self, query):
        self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, content_type="image/png")

    def page_unlabelled_binary(self, query):
        self._send(200, b"\x00\x01\x02\x03" * 500, content_type="")

    def page_bogus_charset(self, query):
        self._send(200, PAGE.encode(), content_type="text/html; charset=x-no-such-charset")

    def page_wrong_charset(self, query):
        self._send(200, bytes(range(128, 256)) * 40, content_type="text/html; charset=utf-8")

    def page_cp1251(self, query):
        self._send(200, PAGE.encode("cp1251"), content_type="text/html; charset=windows-1251")

    def page_big(self, query):
        self._send(200, b"<p>" + b"x" * (2 * 1024 * 1024) + b"</p>")


@pytest.fixture
def server():
    """An HTTP server on 127.0.0.2 (loopback, like 127.0.0.1)."""
    handler = type("RecordingHandler", (Handler,), {"seen": []})
    httpd = ThreadingHTTPServer(("127.0.0.2", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    httpd.seen = handler.seen
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def tls_server(server, tmp_path, monkeypatch):
    """The test server behind TLS with a certificate for news.example only,
    which the fetcher is made to trust; records the server name each client
    asked for."""
    if not shutil.which("openssl"):
        pytest.skip("needs the openssl command to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]  # noqa: RUF005
        + ["-subj", "/CN=news.example", "-addext", "subjectAltName=DNS:news.example"]
        + ["-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    names = []
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert, key)
    server_context.sni_callback = lambda sock, name, context: names.append(name)
    server.socket = server_context.wrap_socket(server.socket, server_side=True)
    client_context = ssl.create_default_context(cafile=str(cert))
    client_context.sslsocket_class = fetching._DeadlineSSLSocket
    monkeypatch.setattr(fetching, "_tls_context", lambda: client_context)
    server.server_names = names
    return server


def url(server, path, host="127.0.0.2"):
    return f"http://{host}:{server.server_address[1]}{path}"


@pytest.fixture
def allow_private(app):
    app.config["IMPORT_ALLOW_PRIVATE_URLS"] = True


@pytest.fixture
def public_news_site(app, monkeypatch):
    """news.example resolves (once per hop, counted) to the test server's
    127.0.0.2, which this test treats as a public address; every other
    loopback address stays internal."""
    lookups = []
    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        lookups.append(host)
        if host == "news.example":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.2", port))]
        return real_getaddrinfo(host, port, *args, **kwargs)

    real_is_public = fetching.is_public
    monkeypatch.setattr(fetching.socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(
        fetching, "is_public", lambda address: address == "127.0.0.2" or real_is_public(address)
    )
    app.config["IMPORT_ALLOW_PRIVATE_URLS"] = False
    return lookups


def test_a_page_is_fetched_and_decoded(app, server, allow_private):
    page = fetch_page(url(server, "/page"))
    assert page.text == PAGE
    assert page.content_type == "text/html"


def test_the_charset_the_page_names_is_used(app, server, allow_private):
    assert fetch_page(url(server, "/cp1251")).text == PAGE


def test_a_redirect_to_an_internal_address_is_refused(app, server, public_news_site):
    internal = url(server, "/secret", host="127.0.0.1")
    first_hop = url(server, f"/redirect?to={internal}", host="news.example")
    with pytest.raises(FetchRefused, match="internal addresses"):
        fetch_page(first_hop)
    # The public first hop was fetched; nothing asked for the internal page.
    assert [path for path, _ in server.seen] == [f"/redirect?to={internal}"]


def test_the_checked_address_is_connected_to_with_the_host_name_kept(app, server, public_news_site):
    page = fetch_page(url(server, "/page", host="news.example"))
    assert page.text == PAGE
    port = server.server_address[1]
    assert server.seen == [("/page", f"news.example:{port}")]
    assert public_news_site == ["news.example"]  # resolved once, never again to connect


def test_https_goes_to_the_checked_address_with_the_host_name_for_the_certificate(
    app, tls_server, public_news_site
):
    port = tls_server.server_address[1]
    page = fetch_page(f"https://news.example:{port}/page")
    assert page.text == PAGE
    assert tls_server.server_names == ["news.example"]
    assert tls_server.seen == [("/page", f"news.example:{port}")]
    assert public_news_site == ["news.example"]


def test_https_checks_the_certificate_against_the_host_name(app, tls_server, allow_private):
    port = tls_server.server_address[1]
    with pytest.raises(FetchRefused, match="certificate could not be verified"):
        fetch_page(f"https://127.0.0.2:{port}/page")


def test_redirects_on_a_public_site_are_followed_and_each_hop_resolved_once(
    app, server, public_news_site
):
    page = fetch_page(url(server, "/redirect?to=/page", host="news.example"))
    assert page.text == PAGE
    assert page.url.endswith("/page")
    assert public_news_site == ["news.example", "news.example"]


@pytest.mark.parametrize(
    "link",
    [
        "file:///etc/passwd",
        "ftp://example.org/x",
        "gopher://127.0.0.1:6379/_INFO",
        "javascript:alert(1)",
        "http:///no-host",
    ],
)
def test_only_http_and_https_links_are_fetched(app, link):
    with pytest.raises(FetchRefused, match="http:// or https://"):
        fetch_page(link)


def test_a_redirect_to_another_scheme_is_refused(app, server, allow_private):
    with pytest.raises(FetchRefused, match="http:// or https://"):
        fetch_page(url(server, "/redirect?to=file:///etc/passwd"))


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "240.0.0.1",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
    ],
)
def test_internal_addresses_are_refused(app, address):
    assert not fetching.is_public(address)
    host = f"[{address}]" if ":" in address else address
    with pytest.raises(FetchRefused, match="internal addresses"):
        fetch_page(f"http://{host}/")


def test_public_addresses_count_as_public():
    assert fetching.is_public("93.184.216.34")
    assert fetching.is_public("2606:2800:220:1:248:1893:25c8:1946")


def test_a_host_with_any_internal_address_is_refused(app, monkeypatch):
    monkeypatch.setattr(
        fetching,
        "_resolve",
        lambda host, port: [(socket.AF_INET, "93.184.216.34"), (socket.AF_INET, "10.0.0.5")],
    )
    with pytest.raises(FetchRefused, match="internal addresses"):
        fetch_page("http://mixed.example/")


def test_endless_redirects_stop(app, server, allow_private):
    with pytest.raises(FetchRefused, match="redirects more than"):
        fetch_page(url(server, "/loop"))


def test_one_deadline_covers_a_page_sent_a_few_bytes_at_a_time(app, server, allow_private):
    # Each write comes 0.25 s after the last, inside any per-read timeout;
    # the whole page takes 15 s. The import deadline is 1 s.
    app.config["IMPORT_TIMEOUT"] = 1
    with pytest.raises(FetchRefused, match="within 1 seconds"):
        fetch_page(url(server, "/drip"))
    assert len(server.seen) == 1


@pytest.mark.parametrize("path", ["/png", "/unlabelled-binary"])
def test_a_binary_response_is_refused(app, server, allow_private, path):
    with pytest.raises(FetchRefused, match=r"not a web page|binary"):
        fetch_page(url(server, path))


def test_an_unknown_charset_is_a_clear_error(app, server, allow_private):
    with pytest.raises(FetchRefused, match="not a known character set"):
        fetch_page(url(server, "/bogus-charset"))


def test_text_that_does_not_decode_is_refused_not_imported_as_garbage(app, server, allow_private):
    with pytest.raises(FetchRefused, match="does not read as utf-8"):
        fetch_page(url(server, "/wrong-charset"))


def test_a_page_over_the_size_cap_is_refused(app, server, allow_private):
    app.config["IMPORT_MAX_BYTES"] = 1024 * 1024
    with pytest.raises(FetchRefused, match="larger than 1 MB"):
        fetch_page(url(server, "/big"))


def test_an_unreachable_site_is_a_clear_error(app, allow_private):
    with pytest.raises(FetchRefused, match="Could not fetch"):
        fetch_page("http://127.0.0.1:9/closed-port")


@pytest.mark.parametrize(
    "path, message",
    [
        ("/png", "not a web page"),
        ("/bogus-charset", "not a known character set"),
        ("/drip", "within 1 seconds"),
    ],
)
def test_the_import_page_shows_the_refusal_beside_the_link(
    app, editor_client, server, allow_private, path, message
):
    app.config["IMPORT_TIMEOUT"] = 1
    response = editor_client.post("/articles/import", data={"url": url(server, path)})
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


def test_the_import_page_refuses_a_redirect_to_an_internal_address(
    app, editor_client, server, public_news_site
):
    internal = url(server, "/secret", host="127.0.0.1")
    response = editor_client.post(
        "/articles/import",
        data={"url": url(server, f"/redirect?to={internal}", host="news.example")},
    )
    assert response.status_code == 400
    assert "internal admin data" not in response.get_data(as_text=True)
