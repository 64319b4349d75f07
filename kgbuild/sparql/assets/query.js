// The query page of kgbuild serve: an editor, the examples, a sortable result table, links to the graph view.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "on") node.addEventListener("click", v); else node.setAttribute(k, v);
    }
    node.append(...children.filter((c) => c !== null && c !== undefined));
    return node;
  };
  $("mode").textContent = "endpoint " + location.origin + "/query (" + KGBUILD.mode + ")";
  const editor = CodeMirror.fromTextArea($("query"), {
    mode: "application/sparql-query", lineNumbers: true, indentUnit: 2,
    extraKeys: { "Ctrl-Enter": () => run(), "Cmd-Enter": () => run() },
  });
  window.kgEditor = editor;
  for (const example of KGBUILD.examples) {
    $("examples").append(el("button", { type: "button", on: () => { editor.setValue(example.query); run(); } }, example.name));
  }
  editor.setValue(KGBUILD.examples.length ? KGBUILD.examples[KGBUILD.examples.length - 1].query
    : "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 20");
  $("prefixes").append(...Object.entries(KGBUILD.prefixes).map(([p, ns]) => el("code", {}, p + ": <" + ns + ">")));

  const compact = (iri) => {
    for (const [p, ns] of Object.entries(KGBUILD.prefixes)) {
      if (iri.startsWith(ns) && iri.length > ns.length) return p + ":" + iri.slice(ns.length);
    }
    return "<" + iri + ">";
  };
  const cell = (term) => {
    if (!term) return el("td", {});
    if (term.type === "uri") {
      const td = el("td", { "data-sort": term.value }, compact(term.value));
      if (term.value.startsWith(KGBUILD.entity)) {
        td.append(el("a", { class: "view", href: "/view?entity=" + encodeURIComponent(term.value), target: "_blank",
                            title: "this entity and its neighbours in the graph view" }, "graph ↗"));
      }
      return td;
    }
    return el("td", { "data-sort": term.value }, term.value);
  };

  let rows = [], vars = [];
  function table() {
    const head = el("tr", {}, ...vars.map((v, i) => el("th", { "data-col": String(i), on: () => sortBy(i) }, v)));
    const body = rows.map((r) => el("tr", {}, ...vars.map((v) => cell(r[v]))));
    $("results").replaceChildren(el("table", { id: "table" }, el("thead", {}, head), el("tbody", {}, ...body)));
  }
  let sorted = { col: -1, dir: 1 };
  function sortBy(i) {
    sorted = { col: i, dir: sorted.col === i ? -sorted.dir : 1 };
    const v = vars[i];
    const key = (r) => (r[v] ? r[v].value : "");
    const num = rows.every((r) => !r[v] || !isNaN(parseFloat(r[v].value)));
    rows.sort((a, b) => sorted.dir * (num ? (parseFloat(key(a)) || 0) - (parseFloat(key(b)) || 0)
      : key(a).localeCompare(key(b))));
    table();
    document.querySelector('th[data-col="' + i + '"]').setAttribute("aria-sort", sorted.dir > 0 ? "ascending" : "descending");
  }

  async function run() {
    const status = $("status");
    status.className = ""; status.textContent = "Running…";
    const started = performance.now();
    try {
      const answer = await fetch("/query", {
        method: "POST", body: new URLSearchParams({ query: editor.getValue() }),
        headers: { Accept: "application/sparql-results+json" },
      });
      const text = await answer.text();
      if (!answer.ok) throw new Error(text.trim() || answer.statusText);
      const ms = Math.round(performance.now() - started);
      const data = JSON.parse(text);
      const cut = answer.headers.get("X-Kgbuild-Truncated") === "true" ? " (cut at the endpoint's limit)" : "";
      if ("boolean" in data) {
        vars = ["answer"]; rows = [{ answer: { type: "literal", value: String(data.boolean) } }];
      } else {
        vars = data.head.vars || []; rows = data.results.bindings;
      }
      sorted = { col: -1, dir: 1 };
      table();
      status.textContent = rows.length + (rows.length === 1 ? " row" : " rows") + " in " + ms + " ms" + cut;
    } catch (err) {
      $("results").replaceChildren();
      status.className = "error"; status.textContent = String(err.message || err);
    }
  }
  $("run").addEventListener("click", run);
  window.kgRun = run;
})();
