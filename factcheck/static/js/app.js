// Factcheck desk: progressive enhancement only. Every form works without it.
"use strict";

// Offset of a point (text node + offset) into the article body, read from
// the data-start of the run of text that holds it.
function bodyOffset(node, offset) {
  const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
  const run = el && el.closest("[data-start]");
  if (!run || run.tagName === "P") return null;
  return parseInt(run.dataset.start, 10) + offset;
}

function setupClaimSelection() {
  const text = document.getElementById("article-text");
  const form = document.getElementById("claim-form");
  if (!text || !form) return;
  const quote = form.querySelector("[name=quote]");
  const start = form.querySelector("[name=start]");
  const end = form.querySelector("[name=end]");
  text.addEventListener("mouseup", () => {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) return;
    const range = sel.getRangeAt(0);
    if (!text.contains(range.commonAncestorContainer)) return;
    const a = bodyOffset(range.startContainer, range.startOffset);
    const b = bodyOffset(range.endContainer, range.endOffset);
    if (a === null || b === null || b <= a) return;
    const selected = sel.toString();
    // Trim white space from the selection so the anchor is the words only.
    const lead = selected.length - selected.trimStart().length;
    const trail = selected.length - selected.trimEnd().length;
    start.value = a + lead;
    end.value = b - trail;
    quote.value = selected.trim();
    form.classList.add("has-selection");
    form.querySelector("[name=kind]").focus();
  });
  // A hand-edited quote is found by the server; drop the stale offsets.
  quote.addEventListener("input", () => { start.value = ""; end.value = ""; });
}

// j / k move between claims in the side list; Enter opens the one in focus.
function setupClaimKeys() {
  const links = Array.from(document.querySelectorAll(".claim-link"));
  if (!links.length) return;
  document.addEventListener("keydown", (event) => {
    const tag = (event.target.tagName || "").toLowerCase();
    if (["input", "textarea", "select"].includes(tag) || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key !== "j" && event.key !== "k") return;
    const current = links.indexOf(document.activeElement);
    const next = event.key === "j" ? Math.min(current + 1, links.length - 1) : Math.max(current - 1, 0);
    links[next].focus();
    highlight(links[next].dataset.claim);
    event.preventDefault();
  });
  links.forEach((link) => link.addEventListener("focus", () => highlight(link.dataset.claim)));
}

function highlight(claimId) {
  document.querySelectorAll("mark.claim-mark.is-current").forEach((m) => m.classList.remove("is-current"));
  document.querySelectorAll("mark.claim-mark").forEach((m) => {
    if ((m.dataset.claims || "").split(" ").includes(claimId)) m.classList.add("is-current");
  });
}

// The text node and offset where a body offset falls: the inverse of bodyOffset.
function pointAt(container, offset, isEnd) {
  for (const run of container.querySelectorAll("[data-start]:not(p)")) {
    const node = run.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) continue;
    const start = parseInt(run.dataset.start, 10);
    const inside = isEnd ? offset > start && offset <= start + node.length
      : offset >= start && offset < start + node.length;
    if (inside) return [node, offset - start];
  }
  return null;
}

// Pointing at (or tabbing into) a suggestion highlights its words in the
// text beside it, without touching the markup (CSS Custom Highlight API).
// Only keyboard focus scrolls the words into view: a focus that comes with a
// pointer press (mousedown on Accept) must not move the page, or the button
// slides from under the pointer and the click lands elsewhere.
function setupSuggestionHighlight() {
  const text = document.getElementById("suggestion-text");
  const list = document.querySelector(".suggestion-list");
  if (!text || !list || !window.CSS || !CSS.highlights) return;
  const show = (item, scroll) => {
    const from = pointAt(text, parseInt(item.dataset.start, 10), false);
    const to = pointAt(text, parseInt(item.dataset.end, 10), true);
    if (!from || !to) return;
    const range = document.createRange();
    range.setStart(from[0], from[1]);
    range.setEnd(to[0], to[1]);
    CSS.highlights.set("suggestion", new Highlight(range));
    if (scroll) from[0].parentElement.scrollIntoView({ block: "nearest" });
  };
  const hide = () => CSS.highlights.delete("suggestion");
  let pressing = false;
  list.addEventListener("pointerdown", () => { pressing = true; });
  document.addEventListener("pointerup", () => { pressing = false; });
  list.addEventListener("mouseover", (event) => {
    const item = event.target.closest(".suggestion[data-start]");
    if (item) show(item, false);
  });
  list.addEventListener("mouseleave", hide);
  list.addEventListener("focusin", (event) => {
    const item = event.target.closest(".suggestion[data-start]");
    if (item) show(item, !pressing && event.target.matches(":focus-visible"));
  });
}

// Accept and dismiss without leaving the page: the same forms, posted by
// fetch asking for JSON. The suggestion leaves the list, the page stays
// where it was and focus moves to the next one. Without this script the
// forms post as usual and the server brings the editor back to the next
// suggestion. On any failure the form is sent the plain way, so the server's
// message shows.
function setupSuggestionActions() {
  const list = document.querySelector(".suggestion-list");
  const status = document.getElementById("suggestion-status");
  const count = document.getElementById("suggestion-count");
  if (!list || !window.fetch) return;
  const items = () => Array.from(list.querySelectorAll(".suggestion"));
  const focusItem = (item) => {
    if (!item) return;
    const button = item.querySelector("button");
    (button || item).focus({ preventScroll: true });
  };
  const decide = async (form) => {
    const item = form.closest(".suggestion");
    if (item.getAttribute("aria-busy") === "true") return;
    item.setAttribute("aria-busy", "true");
    let response = null;
    try {
      response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
    } catch (err) {
      response = null;
    }
    if (!response || !response.ok) {
      item.removeAttribute("aria-busy");
      HTMLFormElement.prototype.submit.call(form);
      return;
    }
    const answer = await response.json();
    const all = items();
    const next = all[all.indexOf(item) + 1] || all[all.indexOf(item) - 1];
    const hadFocus = item.contains(document.activeElement);
    item.remove();
    if (window.CSS && CSS.highlights) CSS.highlights.delete("suggestion");
    if (count) count.textContent = String(Math.max(0, parseInt(count.textContent, 10) - 1));
    if (status) status.textContent = answer.message;
    if (hadFocus || document.activeElement === document.body) focusItem(next);
  };
  list.addEventListener("submit", (event) => {
    const form = event.target.closest("form.suggestion-action");
    if (!form) return;
    event.preventDefault();
    decide(form);
  });
  // j / k move between suggestions; a accepts and d dismisses the one in focus.
  document.addEventListener("keydown", (event) => {
    const tag = (event.target.tagName || "").toLowerCase();
    if (["input", "textarea", "select"].includes(tag) || event.ctrlKey || event.metaKey || event.altKey) return;
    const all = items();
    const current = all.findIndex((item) => item.contains(document.activeElement));
    if (event.key === "j" || event.key === "k") {
      const step = event.key === "j" ? 1 : -1;
      const target = all[current === -1 ? 0 : Math.min(Math.max(current + step, 0), all.length - 1)];
      focusItem(target);
      if (target) target.scrollIntoView({ block: "nearest" });
    } else if ((event.key === "a" || event.key === "d") && current !== -1) {
      const action = event.key === "a" ? "accept" : "dismiss";
      decide(all[current].querySelector(`form[data-action=${action}]`));
    } else {
      return;
    }
    event.preventDefault();
  });
}

// Put focus on the first field with an error, so keyboard users land there.
function focusFirstError() {
  const invalid = document.querySelector("[aria-invalid=true]");
  if (invalid) invalid.focus();
}

// Sources field suggests names from the registry.
function setupSourceList() {
  document.querySelectorAll(".sources-field input").forEach((input) => input.setAttribute("list", "source-names"));
}

// Long work (importing, saving a long article): a form marked data-busy
// disables its buttons and says in a live region what is happening, so the
// page never looks frozen and a second click cannot send it twice.
function setupBusyForms() {
  document.querySelectorAll("form[data-busy]").forEach((form) => {
    const status = document.createElement("p");
    status.className = "busy-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    form.appendChild(status);
    form.addEventListener("submit", (event) => {
      if (form.getAttribute("aria-busy") === "true") { event.preventDefault(); return; }
      form.setAttribute("aria-busy", "true");
      status.textContent = form.dataset.busy;
      status.classList.add("is-busy");
      // After the submission has read the form, so the pressed button's value is sent.
      setTimeout(() => form.querySelectorAll("button[type=submit]").forEach((b) => { b.disabled = true; }), 0);
    });
  });
  // Back from the next page: the form is usable again.
  window.addEventListener("pageshow", () => {
    document.querySelectorAll("form[data-busy][aria-busy=true]").forEach((form) => {
      form.removeAttribute("aria-busy");
      form.querySelectorAll("button[type=submit]").forEach((b) => { b.disabled = false; });
      const status = form.querySelector(".busy-status");
      status.textContent = "";
      status.classList.remove("is-busy");
    });
  });
}

// On a narrow screen the header folds into a Menu button (without
// JavaScript the whole menu simply shows).
function setupMenu() {
  const header = document.querySelector(".site-header");
  const toggle = header && header.querySelector(".menu-toggle");
  if (!toggle) return;
  header.classList.add("has-menu");
  toggle.addEventListener("click", () => {
    const open = header.classList.toggle("menu-open");
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  });
}

// Each table cell names its column, for the one-card-per-row layout of
// small screens (the stylesheet shows the name before the value).
function labelTableCells() {
  document.querySelectorAll("table.table").forEach((table) => {
    const names = Array.from(table.querySelectorAll("thead th")).map((th) => th.textContent.trim());
    table.querySelectorAll("tbody tr").forEach((row) => {
      Array.from(row.children).forEach((cell, i) => {
        if (names[i] && !cell.hasAttribute("data-label")) cell.setAttribute("data-label", names[i]);
      });
    });
  });
}

document.addEventListener("DOMContentLoaded", () => {
  setupMenu();
  labelTableCells();
  setupBusyForms();
  setupClaimSelection();
  setupClaimKeys();
  setupSuggestionHighlight();
  setupSuggestionActions();
  setupSourceList();
  focusFirstError();
});
