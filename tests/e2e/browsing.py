"""Helpers for the browser tests: a person's browser page, logging in,
screenshots and the axe-core accessibility check."""

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from factcheck.extensions import db
from tests.factories import Factory

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
AXE_SCRIPT = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORT = {"width": 1280, "height": 900}
TIMEOUT_MS = 10_000

# A whole paragraph of the example article: an attribution to the army.
ARMY = (
    "The Syrian army said it withdrew from Hama to prepared positions outside the city "
    "to protect the lives of civilians."
)


def fresh(model, ident):
    """The row as the server left it, not as this test's session cached it."""
    db.session.expire_all()
    return db.session.get(model, ident)


class Browse:
    """Opens browser pages as a person, records what went wrong in them."""

    def __init__(self, browser: Browser, base_url: str):
        self.browser = browser
        self.base_url = base_url
        self.contexts: list[BrowserContext] = []
        self.console_errors: list[str] = []

    def context(
        self, *, bypass_csp: bool = False, viewport: dict | None = None, javascript: bool = True
    ) -> BrowserContext:
        context = self.browser.new_context(
            base_url=self.base_url,
            viewport=viewport or VIEWPORT,
            bypass_csp=bypass_csp,
            java_script_enabled=javascript,
        )
        context.set_default_timeout(TIMEOUT_MS)
        context.on("page", self._watch)
        self.contexts.append(context)
        return context

    def _watch(self, page: Page) -> None:
        page.on(
            "console",
            lambda msg: msg.type == "error" and self.console_errors.append(msg.text),
        )
        page.on("pageerror", lambda err: self.console_errors.append(str(err)))

    def page_as(
        self,
        user=None,
        *,
        bypass_csp: bool = False,
        viewport: dict | None = None,
        javascript: bool = True,
    ) -> Page:
        """A fresh page in its own context, logged in through the form."""
        context = self.context(bypass_csp=bypass_csp, viewport=viewport, javascript=javascript)
        page = context.new_page()
        if user is not None:
            log_in(page, user.email)
        return page

    def close(self) -> None:
        for context in self.contexts:
            context.close()


def log_in(page: Page, email: str, password: str = Factory.PASSWORD) -> None:
    page.goto("/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/login" not in url)


def screenshot(page: Page, name: str, *, full_page: bool = True) -> Path:
    """Save what the page shows under test-artifacts/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def axe_violations(page: Page, impacts=("serious", "critical")) -> list[dict]:
    """Run axe-core on the page; the violations of the given impact.

    Fails (never skips) when axe-core is not installed: run ``make test`` or
    ``npm ci --prefix tests/e2e``.
    """
    if not AXE_SCRIPT.exists():
        pytest.fail(f"axe-core missing at {AXE_SCRIPT}: run `npm ci --prefix tests/e2e`")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ['violations']});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary)
            }));
        }"""
    )
    return [v for v in results if v["impact"] in impacts]


def describe(violations: list[dict]) -> str:
    return json.dumps(violations, indent=1, ensure_ascii=False)


_TEXT_RECTS = """([selector, wanted]) => {
    const root = document.querySelector(selector);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let text = "";
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push([n, text.length]);
        text += n.data;
    }
    const at = text.indexOf(wanted);
    if (at < 0) return null;
    const locate = (offset) => {
        for (let i = nodes.length - 1; i >= 0; i--) {
            if (nodes[i][1] <= offset) return [nodes[i][0], offset - nodes[i][1]];
        }
    };
    const range = document.createRange();
    range.setStart(...locate(at));
    range.setEnd(...locate(at + wanted.length - 1));
    range.startContainer.parentElement.scrollIntoView({block: "center"});
    const rects = Array.from(range.getClientRects()).filter(r => r.width > 0);
    const first = rects[0], last = rects[rects.length - 1];
    // Inside the first character, and inside the last one (the range ends
    // just before it, so measure it alone).
    const lastChar = document.createRange();
    lastChar.setStart(...locate(at + wanted.length - 1));
    lastChar.setEnd(...locate(at + wanted.length - 1));
    lastChar.setEnd(lastChar.endContainer, lastChar.endOffset + 1);
    const end = lastChar.getBoundingClientRect();
    return {x1: first.left + 1, y1: first.top + first.height / 2,
            x2: end.right - 1, y2: end.top + end.height / 2};
}"""


def select_with_mouse(page: Page, selector: str, words: str) -> None:
    """Drag the mouse across ``words`` inside ``selector``, as a person does."""
    box = page.evaluate(_TEXT_RECTS, [selector, words])
    assert box is not None, f"{words!r} is not in {selector}"
    page.mouse.move(box["x1"], box["y1"])
    page.mouse.down()
    page.mouse.move((box["x1"] + box["x2"]) / 2, (box["y1"] + box["y2"]) / 2, steps=5)
    page.mouse.move(box["x2"], box["y2"], steps=5)
    page.mouse.up()
