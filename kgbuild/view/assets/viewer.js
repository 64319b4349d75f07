/* kgbuild graph viewer: draws the JSON in #kg-data with vis-network.
 * Text from the graph is only ever set with textContent, never as HTML. */
(function () {
  "use strict";
  const DATA = JSON.parse(document.getElementById("kg-data").textContent);
  const $ = (id) => document.getElementById(id);
  const N = DATA.nodes, E = DATA.edges, TYPES = DATA.types, RELS = DATA.relations, DOCS = DATA.documents;

  // ------------------------------------------------------------ indexes
  const nodeEdges = N.map(() => []);
  const nodeDocs = N.map((n) => new Set(n.docs));
  const nodeRels = N.map(() => new Set());
  E.forEach((e, i) => {
    e.docs = [...new Set(e.ev.map((v) => v.doc).filter((d) => d !== null))];
    for (const end of e.s === e.o ? [e.s] : [e.s, e.o]) {
      nodeEdges[end].push(i);
      nodeRels[end].add(e.r);
      e.docs.forEach((d) => nodeDocs[end].add(d));
    }
  });
  // Parallel edges between one pair get growing curvature so their labels do not overlap.
  const pairCount = {};
  const edgeBend = E.map((e) => {
    const key = Math.min(e.s, e.o) + "-" + Math.max(e.s, e.o);
    pairCount[key] = (pairCount[key] || 0) + 1;
    return pairCount[key] - 1;
  });

  // Entities with no relation say little in a relation graph: hidden at first (the control shows them).
  const state = { limit: DATA.initial, types: new Set(TYPES.map((t, i) => i)), rel: -1, doc: -1,
                  minDegree: E.length ? 1 : 0, pinned: new Set() };

  // ------------------------------------------------------------ vis items
  const shorten = (s, n) => (s.length > n ? s.slice(0, n - 1) + "…" : s);
  function edgeLabel(e) {
    const label = RELS[e.r].label;
    if (e.neg) return "not " + label;
    if (e.mod) return e.mod + " " + label;
    return label;
  }
  function nodeItem(i) {
    const n = N[i], t = TYPES[n.t];
    return {
      id: i, label: shorten(n.l, 32), value: Math.log2(2 + n.m + 2 * n.d), title: n.l + " · " + t.label,
      color: { background: t.color, border: t.border, highlight: { background: t.color, border: "#1f2430" },
               hover: { background: t.color, border: "#1f2430" } },
    };
  }
  function edgeItem(i) {
    const e = E[i], k = edgeBend[i];
    // Plain edges take the network-wide defaults: per-edge options cost time with thousands of edges.
    const item = { id: i, from: e.s, to: e.o, label: edgeLabel(e), title: N[e.s].l + " — " + edgeLabel(e) + " → " + N[e.o].l };
    if (e.neg || e.mod) {
      item.color = { color: e.neg ? DATA.colors.negated : DATA.colors.hedged, highlight: "#1f2430", hover: "#1f2430", opacity: 0.95 };
      item.dashes = e.neg ? [7, 5] : [2, 5];
      item.font = { color: e.neg ? "#a61b1b" : "#8a5a00" };
    }
    if (e.ev.length > 1) item.width = Math.min(1 + Math.log2(e.ev.length), 4);
    if (k > 0) item.smooth = { enabled: true, type: k % 2 ? "curvedCW" : "curvedCCW", roundness: 0.18 * Math.ceil(k / 2) };
    return item;
  }

  // ------------------------------------------------------------ the network
  const nodesDS = new vis.DataSet(), edgesDS = new vis.DataSet();
  const big = N.length > 1500;
  // Beyond this many drawn entities a browser's layout and drawing get slow: filters and search reach the rest.
  const MAX_DRAWN = 3000;
  const network = new vis.Network($("graph"), { nodes: nodesDS, edges: edgesDS }, {
    nodes: { shape: "dot", borderWidth: 1.5, scaling: { min: 7, max: 42, label: { enabled: true, min: 12, max: 30, drawThreshold: 4, maxVisible: 32 } },
             font: { face: "system-ui, sans-serif", color: "#1f2430", strokeWidth: 4, strokeColor: "rgba(255,255,255,0.9)" } },
    edges: { arrows: { to: { enabled: true, scaleFactor: 0.45 } }, selectionWidth: 2, hoverWidth: 0.6, width: 1,
             color: { color: DATA.colors.edge, highlight: "#1f2430", hover: "#1f2430", opacity: 0.7 },
             smooth: { enabled: false }, // straight by default: "dynamic" curves add a hidden physics node per edge
             font: { size: 12, face: "system-ui, sans-serif", color: "#4a5263", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" } },
    physics: { enabled: false, solver: "forceAtlas2Based",
               forceAtlas2Based: { theta: 0.8, gravitationalConstant: -70, centralGravity: 0.01, springLength: 110, springConstant: 0.05, avoidOverlap: 0.3 },
               stabilization: { enabled: true, iterations: 300, updateInterval: 25, fit: false } },
    layout: { improvedLayout: N.length < 120 },
    interaction: { hover: true, tooltipDelay: 250, hideEdgesOnDrag: big, hideEdgesOnZoom: big, navigationButtons: false, keyboard: false },
  });

  let fixedDuringLayout = [], firstLayout = true;
  const posCache = {};
  function setReady(ready) {
    window.kgReady = ready;
    document.documentElement.dataset.ready = ready ? "true" : "false";
    $("overlay").classList.toggle("hidden", ready);
    if (ready && window.kgTimings && !window.kgTimings.ready) window.kgTimings.ready = performance.now();
  }
  window.kgTimings = { start: performance.now() };
  // Layout runs in chunks of iterations under a time budget, so even thousands of nodes on a
  // slow machine give a usable (if rougher) picture in seconds; then physics goes off for good.
  let layoutRun = null, CHUNK = 50;
  function startLayout(iterations, freshCount) {
    const budget = Math.min(9000, 2500 + 2 * freshCount);
    CHUNK = Math.max(5, Math.min(50, Math.round(40000 / nodesDS.length)));  // time checks stay frequent
    layoutRun = { left: iterations, total: iterations, deadline: performance.now() + budget };
    window.kgTimings.chunks = [performance.now()];
    network.setOptions({ physics: { enabled: true } });
    network.stabilize(Math.min(CHUNK, iterations));
  }
  network.on("stabilizationIterationsDone", () => {
    if (layoutRun) {
      layoutRun.left -= CHUNK;
      window.kgTimings.chunks.push(performance.now());
      $("progress").style.width = Math.round(100 * (1 - Math.max(0, layoutRun.left) / layoutRun.total)) + "%";
      if (layoutRun.left > 0 && performance.now() < layoutRun.deadline) {
        setTimeout(() => network.stabilize(Math.min(CHUNK, layoutRun.left)), 0);
        return;
      }
      layoutRun = null;
    }
    network.setOptions({ physics: { enabled: false } });
    // Unfix everything, not just the last batch: filters may have changed mid-layout.
    if (fixedDuringLayout.length) nodesDS.update(nodesDS.getIds().map((id) => ({ id: id, fixed: false })));
    fixedDuringLayout = [];
    if (firstLayout) {
      network.fit({ animation: false });
      if (network.getScale() > 1) network.moveTo({ scale: 1 });  // a tiny graph is not blown up
    }
    firstLayout = false;
    setReady(true);
    if (pendingFocus !== null) { const i = pendingFocus; pendingFocus = null; focusNode(i); }
  });

  function passes(i) {
    const n = N[i];
    return state.types.has(n.t) && n.d >= state.minDegree && (state.doc < 0 || nodeDocs[i].has(state.doc)) &&
           (state.rel < 0 || nodeRels[i].has(state.rel));
  }
  function edgePasses(i, shown) {
    const e = E[i];
    return shown.has(e.s) && shown.has(e.o) && (state.rel < 0 || e.r === state.rel) && (state.doc < 0 || e.docs.includes(state.doc));
  }
  /** A start position: beside a placed neighbour, else anywhere in a disc sized for `count` nodes. */
  function placeNear(i, count) {
    for (const ei of nodeEdges[i]) {
      const other = E[ei].s === i ? E[ei].o : E[ei].s, p = posCache[other];
      if (p) return { x: p.x + (Math.random() - 0.5) * 120, y: p.y + (Math.random() - 0.5) * 120 };
    }
    const r = 45 * Math.sqrt(count + 1) * Math.sqrt(Math.random()), a = Math.random() * 2 * Math.PI;
    return { x: r * Math.cos(a), y: r * Math.sin(a) };
  }

  /** Which entities to draw: in rank order, each with its best-ranked neighbours.
   * Plain top-N by degree draws hubs whose neighbours are all left out (a news graph's hubs
   * mostly link to minor entities): hubs with a few neighbours each show what they are about.
   * The order does not depend on the limit, so "Show more" only adds. */
  const PER_HUB = Math.max(3, Math.round(DATA.initial / 60));
  function pickShown(candidates, ok) {
    const shown = new Set();
    for (const i of candidates) {
      if (shown.size >= state.limit) break;
      shown.add(i);
      const near = [];
      for (const ei of nodeEdges[i]) {
        const e = E[ei], other = e.s === i ? e.o : e.s;
        if (ok[other] && !shown.has(other) && (state.rel < 0 || e.r === state.rel) && (state.doc < 0 || e.docs.includes(state.doc))) near.push(other);
      }
      near.sort((a, b) => a - b);  // node index = rank
      for (const other of near.slice(0, PER_HUB)) { if (shown.size >= state.limit) break; shown.add(other); }
    }
    return shown;
  }

  /** Bring the drawing in line with the filters: add/remove nodes, lay out only the new ones. */
  function apply() {
    const candidates = [], ok = new Uint8Array(N.length);
    for (let i = 0; i < N.length; i++) if (passes(i)) { candidates.push(i); ok[i] = 1; }
    const shown = pickShown(candidates, ok);
    state.pinned.forEach((i) => shown.add(i));
    Object.assign(posCache, network.getPositions());
    const present = new Set(nodesDS.getIds());
    nodesDS.remove([...present].filter((id) => !shown.has(id)));
    const fresh = [], added = [];
    shown.forEach((i) => {
      if (present.has(i)) return;
      const item = nodeItem(i);
      if (!posCache[i]) { fresh.push(i); posCache[i] = placeNear(i, shown.size); }
      Object.assign(item, posCache[i]);
      added.push(item);
    });
    const wantEdges = new Set();
    shown.forEach((i) => nodeEdges[i].forEach((ei) => { if (edgePasses(ei, shown)) wantEdges.add(ei); }));
    edgesDS.remove(edgesDS.getIds().filter((id) => !wantEdges.has(id)));
    const haveEdges = new Set(edgesDS.getIds());
    nodesDS.add(added);
    edgesDS.add([...wantEdges].filter((id) => !haveEdges.has(id)).map(edgeItem));
    $("shown").textContent = shown.size + " of " + candidates.length + " matching entities, " + wantEdges.size + " relations";
    $("more").disabled = candidates.length <= state.limit || state.limit >= MAX_DRAWN;
    $("more").title = state.limit >= MAX_DRAWN ? "At most " + MAX_DRAWN + " entities are drawn at once: use the filters or search for the rest" : "";
    if (fresh.length) {
      setReady(false);
      const freshSet = new Set(fresh);
      fixedDuringLayout = nodesDS.getIds().filter((id) => !freshSet.has(id));
      nodesDS.update(fixedDuringLayout.map((id) => ({ id: id, fixed: true })));
      startLayout(firstLayout ? 300 : 150, fresh.length);
    } else if (!nodesDS.length) {
      $("overlay-text").textContent = N.length ? "No entity matches the filters." : "This graph has no entities.";
      $("progress").parentNode.style.display = "none";
      setReady(true);
      $("overlay").classList.remove("hidden");
    } else {
      setReady(true);
    }
  }

  // ------------------------------------------------------------ details panel
  const el = (tag, attrs, ...kids) => {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => { if (k === "class") node.className = v; else if (k === "on") node.addEventListener("click", v); else node.setAttribute(k, v); });
    kids.forEach((k) => node.append(k));
    return node;
  };
  const details = $("details");
  const typeChip = (n) => el("span", { class: "chip" }, el("span", { class: "swatch", style: "background:" + TYPES[n.t].color }), TYPES[n.t].label);
  const nodeLink = (i) => el("a", { class: "link", on: () => focusNode(i) }, N[i].l);

  /** Where `words` occur in `low` as whole words (not inside a longer word). */
  const wordChar = /[\p{L}\p{N}]/u;
  function occurrences(low, words) {
    const out = [];
    for (let at = low.indexOf(words); at >= 0; at = low.indexOf(words, at + 1)) {
      const before = low[at - 1] || " ", after = low[at + words.length] || " ";
      if (!(wordChar.test(before) && wordChar.test(words[0])) && !(wordChar.test(after) && wordChar.test(words[words.length - 1]))) out.push(at);
    }
    return out;
  }

  /** The sentence as text nodes, with subject, relation and object words wrapped in <mark>.
   * Words can repeat in a sentence: the object is placed first, then the relation words
   * nearest to it, then the subject words nearest to those. */
  function highlighted(v) {
    const s = v.x, low = s.toLowerCase(), ranges = [];
    let anchor = null;
    [[v.ot, "obj"], [v.rt, "rel"], [v.st, "subj"]].forEach(([words, cls]) => {
      if (!words) return;
      const w = words.toLowerCase();
      const free = occurrences(low, w).filter((a) => !ranges.some((r) => a < r[1] && a + w.length > r[0]));
      if (!free.length) return;
      const at = anchor === null ? free[0] : free.reduce((best, a) => (Math.abs(a - anchor) < Math.abs(best - anchor) ? a : best));
      ranges.push([at, at + w.length, cls]);
      anchor = at;
    });
    ranges.sort((a, b) => a[0] - b[0]);
    const frag = document.createDocumentFragment();
    let pos = 0;
    ranges.forEach(([a, b, cls]) => { frag.append(s.slice(pos, a), el("mark", { class: cls }, s.slice(a, b))); pos = b; });
    frag.append(s.slice(pos));
    return frag;
  }

  /** The sentence with the given [start, end] ranges wrapped in <mark class="ment">. */
  function marked(s, ranges) {
    const frag = document.createDocumentFragment();
    let pos = 0;
    ranges.slice().sort((a, b) => a[0] - b[0]).forEach(([a, b]) => {
      if (a < pos) return;
      frag.append(s.slice(pos, a), el("mark", { class: "ment" }, s.slice(a, b)));
      pos = b;
    });
    frag.append(s.slice(pos));
    return frag;
  }

  /** Every sentence the page holds that mentions node i (names, descriptions, pronouns), once each,
   * with each mention of the node highlighted. */
  function mentionSentences(i) {
    const seen = new Set(), out = [];
    nodeEdges[i].forEach((ei) => E[ei].ev.forEach((v) => {
      const mine = (v.mk || []).filter((m) => m[2] === i);
      const key = v.doc + "\u0000" + v.x;
      if (mine.length && !seen.has(key)) { seen.add(key); out.push([v, mine]); }
    }));
    return out;
  }

  function showNode(i) {
    const n = N[i];
    details.replaceChildren(el("h3", {}, n.l), typeChip(n),
      el("span", { class: "chip" }, n.m + " mention" + (n.m === 1 ? "" : "s")),
      el("span", { class: "chip" }, n.d + " connection" + (n.d === 1 ? "" : "s")));
    if (n.a.length) details.append(el("h2", {}, "Also called"), el("div", { class: "names" }, n.a.join(" · ")));
    details.append(el("h2", {}, "Documents"));
    const docs = el("ul", { class: "plain" });
    [...nodeDocs[i]].sort((a, b) => a - b).slice(0, 50).forEach((d) => docs.append(el("li", {}, DOCS[d].title)));
    if (!nodeDocs[i].size) docs.append(el("li", { class: "muted" }, "none recorded"));
    details.append(docs, el("h2", {}, "Relations"));
    const rels = el("ul", { class: "plain" });
    nodeEdges[i].slice(0, 60).forEach((ei) => {
      const e = E[ei], out = e.s === i;
      rels.append(el("li", {}, out ? "→ " : "← ", el("a", { class: "link", on: () => showEdge(ei) }, edgeLabel(e)), " ",
                     nodeLink(out ? e.o : e.s)));
    });
    if (nodeEdges[i].length > 60) rels.append(el("li", { class: "muted" }, "… and " + (nodeEdges[i].length - 60) + " more"));
    if (!nodeEdges[i].length) rels.append(el("li", { class: "muted" }, "none"));
    details.append(rels);
    const mentions = mentionSentences(i);
    if (mentions.length) {
      details.append(el("h2", {}, "Mentions"));
      mentions.slice(0, 40).forEach(([v, mine]) => details.append(
        el("blockquote", { class: "mentions" }, marked(v.x, mine)),
        el("div", { class: "meta" }, v.doc !== null ? DOCS[v.doc].title : "unknown document")));
      if (mentions.length > 40) details.append(el("p", { class: "muted" }, "… and " + (mentions.length - 40) + " more sentences"));
    }
    details.append(el("div", { class: "meta" }, n.iri));
  }

  function showEdge(i) {
    const e = E[i];
    details.replaceChildren(el("h3", {}, nodeLink(e.s), " ", el("span", { class: "muted" }, "— " + edgeLabel(e) + " →"), " ", nodeLink(e.o)));
    if (e.neg) details.append(el("span", { class: "chip neg" }, "denied in the text"));
    if (e.mod) details.append(el("span", { class: "chip hedge" }, "hedged: " + e.mod));
    details.append(el("span", { class: "chip" }, e.ev.length + " sentence" + (e.ev.length === 1 ? "" : "s")),
                   el("h2", {}, "Sentences"));
    e.ev.slice(0, 40).forEach((v) => {
      const quote = el("blockquote", { class: v.neg ? "neg" : v.mod ? "hedge" : "" }, highlighted(v));
      const meta = [v.doc !== null ? DOCS[v.doc].title : "unknown document"];
      if (v.neg) meta.push("negated");
      if (v.mod) meta.push("modality: " + v.mod);
      if (v.c !== null) meta.push("confidence " + v.c.toFixed(2));
      details.append(quote, el("div", { class: "meta" }, meta.join(" · ")));
    });
    if (!e.ev.length) details.append(el("p", { class: "hint" }, "No sentence recorded for this relation."));
  }

  let pendingFocus = null;
  function focusNode(i) {
    if (!nodesDS.get(i)) { state.pinned.add(i); pendingFocus = i; apply(); if (window.kgReady) { pendingFocus = null; } else return; }
    network.selectNodes([i]);
    network.focus(i, { scale: Math.max(network.getScale(), 1.1), animation: { duration: 400 } });
    showNode(i);
  }

  /** What the panel shows when nothing is selected: the most connected entities and the documents. */
  function showOverview() {
    details.replaceChildren(el("p", { class: "hint" }, "Click a node to see its names, type and documents. " +
      "Click an edge to read the sentences it was extracted from."));
    if (!N.length) return;
    const top = el("ul", { class: "plain" });
    N.slice(0, 12).forEach((n, i) => top.append(el("li", {}, el("span", { class: "swatch", style: "display:inline-block;margin-right:6px;background:" + TYPES[n.t].color }),
      nodeLink(i), el("span", { class: "muted" }, " · " + n.d + " connection" + (n.d === 1 ? "" : "s")))));
    details.append(el("h2", {}, "Most connected"), top);
    const docs = el("ul", { class: "plain" });
    DOCS.slice(0, 20).forEach((d) => docs.append(el("li", {}, d.title)));
    if (DOCS.length > 20) docs.append(el("li", { class: "muted" }, "… and " + (DOCS.length - 20) + " more"));
    if (DOCS.length) details.append(el("h2", {}, DOCS.length === 1 ? "Document" : "Documents"), docs);
  }

  network.on("click", (p) => {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
    else showOverview();
  });

  // ------------------------------------------------------------ controls
  const typesBox = $("types");
  TYPES.forEach((t, i) => {
    const box = el("input", { type: "checkbox", "data-type": t.key });
    box.checked = true;
    box.addEventListener("change", () => { box.checked ? state.types.add(i) : state.types.delete(i); apply(); });
    typesBox.append(el("label", { class: "type" }, box, el("span", { class: "swatch", style: "background:" + t.color }), t.label,
                       el("span", { class: "count" }, String(t.count))));
  });
  const setAllTypes = (on) => {
    typesBox.querySelectorAll("input").forEach((b, i) => { b.checked = on; on ? state.types.add(i) : state.types.delete(i); });
    apply();
  };
  $("types-all").addEventListener("click", () => setAllTypes(true));
  $("types-none").addEventListener("click", () => setAllTypes(false));
  RELS.forEach((r, i) => $("relation").append(el("option", { value: String(i) }, r.label + " (" + r.count + ")")));
  DOCS.forEach((d, i) => $("document").append(el("option", { value: String(i) }, shorten(d.title, 60))));
  $("relation").addEventListener("change", (ev) => { state.rel = +ev.target.value; apply(); });
  $("document").addEventListener("change", (ev) => { state.doc = +ev.target.value; apply(); });
  $("min-degree").addEventListener("change", (ev) => { state.minDegree = Math.max(0, +ev.target.value || 0); apply(); });
  $("more").addEventListener("click", () => { state.limit = Math.min(state.limit * 2, MAX_DRAWN); apply(); });
  $("fit").addEventListener("click", () => network.fit({ animation: { duration: 400 } }));

  const swatchLine = (color, dash) => {
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("width", "34"); svg.setAttribute("height", "10");
    const line = document.createElementNS("http://www.w3.org/2000/svg", "line");
    Object.entries({ x1: 1, y1: 5, x2: 33, y2: 5, stroke: color, "stroke-width": 2, "stroke-dasharray": dash }).forEach(([k, v]) => line.setAttribute(k, v));
    svg.append(line);
    return svg;
  };
  $("edge-legend").append(
    el("div", { class: "edge-key" }, swatchLine(DATA.colors.edge, "none"), "stated relation"),
    el("div", { class: "edge-key" }, swatchLine(DATA.colors.negated, "7 5"), "denied (\"did not …\")"),
    el("div", { class: "edge-key" }, swatchLine(DATA.colors.hedged, "2 5"), "hedged (may, could …)"));

  // Search over every entity, shown or not; Enter picks the first match.
  const search = $("search"), results = $("results");
  let matches = [];
  search.addEventListener("input", () => {
    const q = search.value.trim().toLowerCase();
    matches = [];
    if (q) for (let i = 0; i < N.length && matches.length < 12; i++)
      if (N[i].l.toLowerCase().includes(q) || N[i].a.some((a) => a.toLowerCase().includes(q))) matches.push(i);
    results.replaceChildren(...matches.map((i) => el("button", { type: "button", on: () => { results.style.display = "none"; focusNode(i); } },
      el("span", { class: "swatch", style: "background:" + TYPES[N[i].t].color }), N[i].l, el("span", { class: "muted" }, " " + TYPES[N[i].t].label))));
    if (q && !matches.length) results.append(el("div", { class: "hint", style: "padding:8px 12px" }, "No entity matches."));
    results.style.display = q ? "block" : "none";
  });
  search.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && matches.length) { results.style.display = "none"; focusNode(matches[0]); }
    if (ev.key === "Escape") { results.style.display = "none"; }
  });
  document.addEventListener("click", (ev) => { if (!ev.target.closest(".search")) results.style.display = "none"; });

  const partial = DATA.totalEntities > N.length ? " (the " + N.length + " most connected in this page)" : "";
  $("summary").textContent = DATA.totalEntities + " entities" + partial + " · " + DATA.totalRelations + " relations · " +
    DOCS.length + " document" + (DOCS.length === 1 ? "" : "s");
  $("min-degree").max = String(N.reduce((m, n) => Math.max(m, n.d), 0));
  $("min-degree").value = String(state.minDegree);
  showOverview();
  // A small hook for tests and benchmarks (public vis-network API only).
  window.kgView = { network: network, nodes: nodesDS, edges: edgesDS, data: DATA, showNode: showNode, showEdge: showEdge, focusNode: focusNode };
  setReady(false);
  // Start zoomed out when many nodes come: labels too small to read are not drawn, so the first
  // frames (before the layout fits the view) stay cheap.
  network.moveTo({ scale: Math.min(1, 8 / Math.sqrt(Math.min(N.length, state.limit) + 1)) });
  apply();
  if (!nodesDS.length) setReady(true);
})();
