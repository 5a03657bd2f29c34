// The question page. Every piece of document text is inserted with textContent, never as HTML.
"use strict";

const $ = (selector) => document.querySelector(selector);

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "class") node.className = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) {
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// text with [start, end) wrapped in <mark>. The API counts code points; Array.from splits by code point,
// so characters outside the BMP do not shift the highlight as UTF-16 indexes would.
function highlighted(text, start, end, markId) {
  const chars = Array.from(text);
  const mark = el("mark", markId ? { id: markId } : {}, chars.slice(start, end).join(""));
  const fragment = document.createDocumentFragment();
  fragment.append(chars.slice(0, start).join(""), mark, chars.slice(end).join(""));
  return fragment;
}

async function api(path, options = {}) {
  let response;
  try {
    response = await fetch(path, options);
  } catch (error) {
    throw new Error("The service cannot be reached. Is `qa serve` running?");
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || `The service answered ${response.status}.`);
  return body;
}

function showMessage(text, kind = "info") {
  const message = $("#message");
  message.textContent = text;
  message.className = kind;
  message.hidden = !text;
}

function viewLink(docId, start, end) {
  const params = new URLSearchParams({ start, end });
  return `/view/${docId.split("/").map(encodeURIComponent).join("/")}?${params}`;
}

function renderAnswer(answer) {
  const { context, citation } = answer;
  const item = el(
    "li",
    { class: "answer" },
    el("span", { class: "span" }, answer.text),
    " ",
    el("span", { class: "score" }, `score ${answer.score.toFixed(2)}`),
    el("blockquote", {}, highlighted(context.text, context.highlight_start, context.highlight_end)),
  );
  // "Who said …?": the quotation the answer's speaker said, as text
  if (answer.support) item.append(el("blockquote", { class: "support" }, answer.support.text));
  const link = el("a", { href: viewLink(citation.doc_id, citation.start, citation.end) }, "open in document");
  const where = locationLabel(citation.location);
  const meta = el("div", { class: "meta" }, `${citation.doc_id} · `);
  if (where) meta.append(el("span", { class: "location" }, where), " · ");
  meta.append(`characters ${citation.start}–${citation.end} · `, link);
  item.append(meta);
  return item;
}

// "p. 3" for a PDF page, the heading path for HTML, Word and Markdown; nothing for plain text.
function locationLabel(location) {
  if (!location) return "";
  if (location.page !== undefined && location.page !== null) return `p. ${location.page}`;
  return location.heading || "";
}

// The document's text with a marker at each page break and the cited span highlighted.
function withPageBreaks(text, locations, start, end, valid) {
  const chars = Array.from(text);
  const pages = (locations || []).filter((l) => l.page !== undefined && l.page !== null);
  const cuts = pages.map((l) => ({ at: l.start, page: l.page }));
  if (!cuts.length || cuts[0].at > 0) cuts.unshift({ at: 0, page: null });
  const fragment = document.createDocumentFragment();
  let marked = false;
  cuts.forEach((cut, i) => {
    const from = cut.at;
    const to = i + 1 < cuts.length ? cuts[i + 1].at : chars.length;
    if (cut.page !== null) fragment.append(el("span", { class: "page-break" }, `p. ${cut.page}`));
    const part = chars.slice(from, to).join("");
    const s = Math.max(start, from) - from;
    const e = Math.min(end, to) - from;
    if (valid && s < e) {
      fragment.append(highlighted(part, s, e, marked ? undefined : "hit"));
      marked = true;
    } else {
      fragment.append(part);
    }
  });
  return fragment;
}

function renderPassage(passage) {
  const ranks = [
    passage.dense_rank ? `dense #${passage.dense_rank}` : null,
    passage.bm25_rank ? `BM25 #${passage.bm25_rank}` : null,
  ].filter(Boolean).join(", ");
  return el(
    "li",
    { class: "passage" },
    el("div", { class: "meta" }, `${passage.doc_id} · ${passage.start}–${passage.end} · fused ${passage.score.toFixed(4)}${ranks ? " · " + ranks : ""}`),
    el("p", {}, passage.text),
  );
}

function render(body) {
  // A question read in a plainer form ("Who is Hung?" as "Who is Witman Hung Wai-man?") says so.
  const asked = $("#asked");
  asked.hidden = !body.asked || body.asked === body.question;
  asked.textContent = asked.hidden ? "" : `Read as: ${body.asked}`;
  $("#answers").replaceChildren(...body.answers.map(renderAnswer));
  const evidence = $("#evidence");
  evidence.replaceChildren();
  evidence.hidden = !body.evidence;
  if (body.evidence) {
    // A yes/no question: no span says yes or no, so the sentence that bears on it is shown to read.
    const e = body.evidence;
    showMessage("A yes/no question: qa answers with spans of the documents, not yes or no. What they say:", "no-answer");
    evidence.append(
      el("blockquote", {}, e.text),
      el("div", { class: "meta" }, `${e.doc_id} · characters ${e.start}–${e.end} · `,
        el("a", { href: viewLink(e.doc_id, e.start, e.end) }, "open in document")),
    );
  } else if (body.no_answer) {
    showMessage("No answer in these documents. The closest passages are below.", "no-answer");
  } else {
    showMessage("");
  }
  $("#passage-list").replaceChildren(...body.passages.map(renderPassage));
  const passages = $("#passages");
  passages.hidden = body.passages.length === 0;
  passages.open = body.no_answer && !body.evidence;  // evidence shown: the passages stay folded
  passages.querySelector("summary").textContent = body.no_answer
    ? `Closest passages (${body.passages.length})`
    : `Passages behind these answers (${body.passages.length})`;
  const t = body.timings_ms;
  const ms = (key) => (t[key] ?? 0).toFixed(1);
  // The reader may stop after its first look at the best window ("read_first"), or read every window ("read").
  const read = t.read === undefined ? `first look ${ms("read_first")}` : `read ${((t.read_first ?? 0) + t.read).toFixed(1)}`;
  $("#timings").textContent = `${ms("total")} ms (embed ${ms("embed")}, BM25 ${ms("bm25")}, `
    + `dense ${ms("dense")}, fusion ${ms("fusion")}, ${read}) · index ${body.index_version}`;
  $("#timings").hidden = false;
}

async function ask(question, push = true) {
  question = question.trim();
  if (!question) {
    showMessage("Type a question first.", "error");
    return;
  }
  $("#question").value = question;
  if (push) history.pushState({ question }, "", `/?q=${encodeURIComponent(question)}`);
  const button = $("#ask-form button");
  button.disabled = true;
  showMessage("Searching…");
  try {
    render(await api("/ask", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ question }),
    }));
  } catch (error) {
    $("#answers").replaceChildren();
    $("#passages").hidden = true;
    $("#timings").hidden = true;
    showMessage(error.message, "error");
  } finally {
    button.disabled = false;
  }
}

async function loadSuggestions() {
  try {
    const questions = await api("/suggestions");
    $("#suggestions").replaceChildren(...questions.map((q) => {
      const button = el("button", { type: "button" }, q);
      button.addEventListener("click", () => ask(q));
      return button;
    }));
  } catch (error) {
    $("#suggestions").replaceChildren();
  }
}

async function loadFooter() {
  try {
    const health = await api("/health");
    const rebuilding = health.rebuilding ? " · rebuilding…" : "";
    $("#footer").textContent = `Index ${health.index_version} · ${health.documents} document${health.documents === 1 ? "" : "s"} · ${health.chunks} chunks${rebuilding}`;
  } catch (error) {
    $("#footer").textContent = error.message;
  }
}

async function showDocument(docId) {
  $("#ask-view").hidden = true;
  $("#document-view").hidden = false;
  $("#document-title").textContent = docId;
  const params = new URLSearchParams(location.search);
  const start = Number.parseInt(params.get("start"), 10);
  const end = Number.parseInt(params.get("end"), 10);
  try {
    const doc = await api(`/documents/${docId.split("/").map(encodeURIComponent).join("/")}`);
    const text = $("#document-text");
    const valid = Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= Array.from(doc.text).length;
    text.replaceChildren(withPageBreaks(doc.text, doc.locations, start, end, valid));
    if (doc.title) $("#document-title").textContent = `${doc.title} (${docId})`;
    const pages = doc.pages ? ` · ${doc.pages} pages` : "";
    $("#document-meta").textContent = `${doc.format} · ${doc.size} bytes${pages} · ${doc.chunks} chunks${valid ? ` · highlighted characters ${start}–${end}` : ""}`;
    if (valid) $("#hit").scrollIntoView({ block: "center" });
  } catch (error) {
    $("#document-meta").textContent = error.message;
    $("#document-meta").className = "error";
  }
}

function route() {
  if (location.pathname.startsWith("/view/")) {
    showDocument(decodeURIComponent(location.pathname.slice("/view/".length)));
    return;
  }
  $("#ask-view").hidden = false;
  $("#document-view").hidden = true;
  const question = new URLSearchParams(location.search).get("q");
  if (question) ask(question, false);
}

document.addEventListener("DOMContentLoaded", () => {
  $("#ask-form").addEventListener("submit", (event) => {
    event.preventDefault();
    ask($("#question").value);
  });
  window.addEventListener("popstate", route);
  loadSuggestions();
  loadFooter();
  route();
});
