/* careerkit assessments: rate, score, save and compare. No dependencies, no eval, no innerHTML.
   Reads the model from <template class="careerkit-assessment-data"><script type="application/json">. */
(() => {
  "use strict";
  const W = window, D = document;
  if (W.careerkitAssessments) return; // Material re-runs page scripts on instant navigation
  W.careerkitAssessments = 1;
  const me = D.currentScript;
  // The site's root (this file lives in <root>/assets/careerkit/) namespaces the stored answers.
  const site = me ? new URL(me.src.replace(/assets\/careerkit\/[^/]*$/, ""), location).pathname : "/";
  const fmt = (s, o) => s.replace(/\{(\w+)\}/g, (m, k) => (k in o ? o[k] : m));
  const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 6e4).toISOString().slice(0, 10);
  const isObj = (o) => o && typeof o == "object" && !Array.isArray(o);
  const pct = (x) => (x == null ? "–" : Math.round(x) + "%");
  const num = (x) => (x == null ? "–" : +x.toFixed(2) + "");

  function h(tag, attrs, ...kids) {
    const e = /^(svg|polyline|circle|line|text)$/.test(tag)
      ? D.createElementNS("http://www.w3.org/2000/svg", tag) : D.createElement(tag);
    for (const k in attrs || {}) {
      const v = attrs[k];
      if (k == "text") e.textContent = v;
      else if (k[0] == "o" && k[1] == "n") e.addEventListener(k.slice(2), v);
      else if (v != null) e.setAttribute(k, v);
    }
    e.append(...kids.filter((k) => k != null));
    return e;
  }

  function setup(root) {
    const holder = root.querySelector(":scope > template.careerkit-assessment-data");
    const data = JSON.parse(holder.content.querySelector("script").textContent);
    // Ids hold no spaces: a space keeps assessment and item apart in names and keys.
    const A = data.scale || data.parts; // an average column: ratings, or a profile's levels
    const T = data.strings, key = "careerkit:" + site + ":" + data.id, inputs = {}, items = {};
    const blank = () => ({ v: 2, answers: {}, kinds: {}, stale: {}, snapshots: [] });
    const kind = (it) => it.kind + ":" + it.min + "-" + it.max;
    const okNum = (v) => typeof v == "number" && isFinite(v);
    const okSnap = (s) => isObj(s) && /^\d{4}-\d\d-\d\d$/.test(s.date) && isObj(s.scores) && isObj(s.answers) &&
      Object.values(s.answers).every(okNum) &&
      [s.overall, ...Object.values(s.scores)].every((p) => p === null || (okNum(p) && p >= 0 && p <= 100));
    let st = blank(), locked = 0;
    const notes = [];
    // An answer given on another scale or item kind starts afresh (kept as stale).
    const migrate = () => {
      for (const id in st.answers) {
        const it = items[id], v = st.answers[id], k = st.kinds[id];
        if (it && (k ? k != kind(it) : v % 1 || v < it.min || v > it.max)) {
          st.stale[id] = { value: v, kind: k || null };
          delete st.answers[id];
          delete st.kinds[id];
        } else if (it) st.kinds[id] = kind(it);
      }
    };
    const store = () => {
      if (locked) return 0;
      try {
        localStorage.setItem(key, JSON.stringify(st));
        if (status.textContent == T.not_saved) say("");
        return 1;
      } catch (e) { say(T.not_saved, 1); return 0; }
    };
    // This block's own elements (not a nested assessment's); for a profile, its rubric blocks'.
    const part = '[data-careerkit-part="' + CSS.escape(data.id) + '"]';
    const hosts = data.parts ? [...D.querySelectorAll(part)] : [root];
    const mine = (e) => (data.parts ? !!e.closest(part) : e.closest("[data-careerkit-assessment]") == root);
    const own = (q) => hosts.flatMap((x) => [...x.querySelectorAll(q)]).filter(mine);
    const sel = (attr, id) => own("[" + attr + '="' + CSS.escape(id) + '"]')[0];
    for (const x of [root, ...hosts]) x.classList.add("careerkit-on");
    for (const sec of data.sections) for (const it of sec.items) items[it.id] = it;
    for (const sec of data.sections) for (const it of sec.items) {
      const name = "careerkit " + data.id + " " + it.id, list = (inputs[it.id] = []);
      const radio = (v, label) => {
        const r = h("input", { type: "radio", name, value: v, "aria-label": label, "data-ck": it.id });
        list.push(r);
        return r;
      };
      if (it.kind == "rubric") {
        const table = sel("data-careerkit-rubric", it.id);
        for (const tr of table ? table.querySelectorAll("tr[data-careerkit-level]") : []) {
          const v = +tr.dataset.careerkitLevel, lv = it.levels.find((l) => l.value == v) || { label: v, text: "" };
          const cell = tr.cells[0], label = h("label", {}, radio(v, it.text + ": " + lv.label + (lv.text ? " – " + lv.text : "")));
          label.append(...cell.childNodes);
          cell.append(label);
        }
        continue;
      }
      const li = sel("data-careerkit-item", it.id);
      if (!li) continue;
      if (it.kind == "check") {
        let c = li.querySelector("input[type=checkbox]");
        if (!c) li.prepend((c = h("input", { type: "checkbox", class: "careerkit-check" })), " ");
        c.disabled = false;
        c.setAttribute("aria-label", it.text);
        c.dataset.ck = it.id;
        list.push(c);
        continue;
      }
      li.classList.add("careerkit-rated");
      const group = h("span", { class: "careerkit-rate", role: "radiogroup", "aria-label": it.text });
      for (let v = it.min; v <= it.max; v++) {
        const label = data.scale.labels[v];
        group.append(h("label", { title: label }, radio(v, label ? v + " " + label : "" + v), h("span", { text: v })));
      }
      li.append(group);
    }

    // The summary: scores per section and overall, what they mean, progress, tools.
    const rows = h("tbody"), extremes = h("p"), best = h("p"), meaning = h("ul"), legend = h("ul", { class: "careerkit-legend" });
    const chart = h("svg", { viewBox: "0 0 300 110", "aria-hidden": "true", focusable: "false" });
    const status = h("p", { class: "careerkit-status", role: "status" });
    const file = h("input", { type: "file", accept: ".json,application/json", hidden: "" });
    const meaningBox = h("div", { class: "careerkit-meaning" }, h("p", {}, h("strong", { text: T.meaning })), meaning);
    const progress = h("div", { class: "careerkit-progress" }, h("p", {}, h("strong", { text: T.progress })), chart, legend);
    const btn = (label, action, cls) => h("button", { type: "button", class: cls, onclick: action, text: label });
    const summary = h("div", { class: "careerkit-summary", role: "region", "aria-label": T.results },
      h("p", {}, h("strong", { text: T.results + ": " + data.title })),
      h("table", { class: "careerkit-scores" }, h("thead", {}, h("tr", {},
        ...[T.section, T.score, A ? T.average : null, T.percent].filter((x) => x).map((x) => h("th", { scope: "col", text: x })))), rows),
      extremes, best, meaningBox, progress,
      h("div", { class: "careerkit-tools", role: "group", "aria-label": T.tools },
        btn(T.save, snapshot, "careerkit-save"), btn(T.export_json, () => exportAs("json")),
        btn(T.export_csv, () => exportAs("csv")), btn(T.export_markdown, () => exportAs("md")),
        btn(T.import_json, () => file.click()), file, btn(T.print, print), btn(T.reset, reset, "careerkit-reset")),
      status);
    holder.before(summary);

    const say = (text, bad) => { status.textContent = text; status.classList.toggle("careerkit-error", !!bad); };

    // What cannot be read is copied to a backup key before anything is saved.
    let raw = null;
    try { raw = localStorage.getItem(key); } catch (e) { /* no storage: answers last until the page is left */ }
    if (raw != null) {
      let s = null, lost = 0;
      try { s = JSON.parse(raw); } catch (e) { /* reported below */ }
      if (isObj(s) && isObj(s.answers) && Array.isArray(s.snapshots)) {
        for (const k of ["answers", "kinds", "stale"]) if (isObj(s[k])) st[k] = s[k];
        for (const id in st.answers) if (!okNum(st.answers[id])) { delete st.answers[id]; lost = 1; }
        st.snapshots = s.snapshots.filter(okSnap);
        const n = s.snapshots.length - st.snapshots.length;
        if (n) notes.push(fmt(T.skipped, { n }));
        lost = lost || n;
      } else { lost = 1; notes.push(T.unreadable); }
      if (lost) {
        let n = 1, b;
        try {
          while ((b = localStorage.getItem(key + " backup " + n)) != null && b != raw) n++;
          localStorage.setItem(key + " backup " + n, raw);
          notes.push(fmt(T.backup, { key: key + " backup " + n }));
        } catch (e) { locked = 1; notes.push(T.not_saved); }
      }
      migrate();
      const changed = Object.keys(st.stale).filter((id) => items[id]).length;
      if (changed) notes.push(fmt(T.changed, { n: changed }));
    }

    function score(list) {
      let s = 0, m = 0, n = 0, top = 0;
      for (const it of list) {
        top += it.max;
        let v = st.answers[it.id];
        if (!okNum(v) || v < it.min || v > it.max) { if (it.kind != "check") continue; v = 0; }
        s += v; m += it.max; n++;
      }
      const same = list.length && list.every((i) => i.kind != "check" && i.min == list[0].min && i.max == list[0].max);
      return { s, m, n, top, all: list.length, avg: n && same ? s / n : null, pct: m ? (s / m) * 100 : null };
    }
    const sections = () => data.sections.filter((s) => s.items.length).map((s) => ({ ...s, r: score(s.items) }));
    const overall = () => {
      const r = score(Object.values(items));
      if (data.weighted) { // each section counts by the weight in its tab title
        let w = 0, p = 0, a = 0;
        for (const s of sections()) if (s.r.n) { w += s.weight; p += s.weight * s.r.pct; a += s.weight * s.r.avg; }
        r.pct = w ? p / w : null;
        r.avg = w && r.avg != null ? a / w : null;
      }
      return r;
    };
    const overallTitle = T.overall + (data.weighted ? " (" + T.weighted + ")" : "");
    const lives = own("[data-careerkit-static]").map((p) => {
      const live = h("p", { class: "careerkit-live" });
      p.after(live);
      return [p.dataset.careerkitStatic, live];
    });
    const ends = (list, name) => list.length > 1 && list[0].p > list[list.length - 1].p
      ? fmt(T.strongest, { section: name(list[0]) }) + " · " + fmt(T.weakest, { section: name(list[list.length - 1]) }) : "";

    const bar = (p) => {
      const fill = h("span");
      fill.style.width = (p || 0) + "%"; // CSSOM, not a style attribute: fine under a strict CSP
      return h("span", { class: "careerkit-bar", "aria-hidden": "true" }, fill);
    };

    function update() {
      const secs = sections(), all = overall(), list = secs.length > 1 ? [...secs, { title: overallTitle, r: all, total: 1 }] : [{ title: overallTitle, r: all, total: 1 }];
      rows.replaceChildren(...list.map(({ title, r, total }) => h("tr", { class: total ? "careerkit-total" : null },
        h("th", { scope: "row", text: title }),
        h("td", { text: r.s + " / " + r.top + (r.n < r.all ? " (" + fmt(T.answered, { answered: r.n, total: r.all }) + ")" : "") }),
        A ? h("td", { text: num(r.avg) }) : null,
        h("td", {}, bar(r.pct), pct(r.pct)))));
      const byPct = (a, b) => b.p - a.p;
      extremes.textContent = ends(secs.filter((s) => s.r.n).map((s) => ({ t: s.title, p: s.r.pct })).sort(byPct), (x) => x.t + " (" + pct(x.p) + ")");
      // A profile also names its strongest and weakest competencies.
      best.textContent = data.parts ? ends(Object.values(items).filter((it) => okNum(st.answers[it.id]))
        .map((it) => ({ t: it.text, p: st.answers[it.id] / it.max, v: label(it) })).sort(byPct), (x) => x.t + " (" + x.v + ")") : "";
      const results = { "": all };
      for (const s of secs) results[s.id] = s.r;
      for (const [id, live] of lives) {
        const r = results[id];
        live.textContent = id ? T.score + ": " + (r ? r.s + " / " + r.top + " (" + pct(r.pct) + ")" : "–") : overallTitle + ": " + pct(all.pct);
      }
      const found = [];
      data.bands.forEach((b, i) => {
        const r = results[b.section], v = r && r.n ? (b.unit == "percent" ? r.pct : r.avg) : null;
        const hit = v != null && v >= b.low - 1e-9 && (v < b.high - 1e-9 || (b.closed && v <= b.high + 1e-9));
        const li = sel("data-careerkit-band", "" + i);
        if (li) li.classList.toggle("careerkit-match", hit);
        if (hit && li) {
          const copy = li.cloneNode(true);
          copy.removeAttribute("data-careerkit-band");
          found.push(copy);
        }
      });
      meaning.replaceChildren(...found);
      meaningBox.hidden = !found.length;
      drawChart();
    }

    function sync() {
      for (const id in inputs) for (const c of inputs[id]) c.checked = c.type == "checkbox" ? st.answers[id] == 1 : st.answers[id] == +c.value;
      update();
    }

    function drawChart() {
      const snaps = st.snapshots, series = sections().length > 1 ? sections() : [{ id: "", title: T.overall }];
      progress.hidden = !snaps.length;
      chart.replaceChildren();
      legend.replaceChildren();
      const x = (i) => 45 + (snaps.length > 1 ? (i * 245) / (snaps.length - 1) : 120), y = (p) => 100 - p * 0.9;
      for (const p of [0, 50, 100]) {
        chart.append(h("line", { x1: 40, x2: 295, y1: y(p), y2: y(p), class: "careerkit-grid" }),
          h("text", { x: 0, y: y(p) + 3, text: p + "%" }));
      }
      series.forEach((s, k) => {
        const pts = [], vals = [];
        snaps.forEach((snap, i) => {
          const p = s.id ? snap.scores[s.id] : snap.overall;
          if (typeof p != "number") return;
          pts.push(x(i) + "," + y(p));
          vals.push(pct(p));
          chart.append(h("circle", { cx: x(i), cy: y(p), r: 2.5, class: "careerkit-s" + (k % 6) }));
        });
        chart.append(h("polyline", { points: pts.join(" "), class: "careerkit-s" + (k % 6) }));
        legend.append(h("li", {}, h("span", { class: "careerkit-key careerkit-s" + (k % 6), "aria-hidden": "true" }),
          s.title + ": " + (vals.length ? vals[0] + (vals.length > 1 ? " → " + vals[vals.length - 1] : "") : "–")));
      });
      if (snaps.length) legend.append(h("li", { text: T.date + ": " + snaps[0].date + (snaps.length > 1 ? " → " + snaps[snaps.length - 1].date : "") }));
    }

    function snapshot() {
      const date = today(), scores = {};
      for (const s of sections()) scores[s.id] = s.r.n ? s.r.pct : null;
      st.snapshots = st.snapshots.filter((s) => s.date != date).concat({ date, answers: { ...st.answers }, scores, overall: overall().n ? overall().pct : null })
        .sort((a, b) => (a.date < b.date ? -1 : 1));
      if (store()) say(fmt(T.saved, { date }));
      update();
    }

    const label = (it) => {
      const v = st.answers[it.id];
      if (typeof v != "number") return st.stale[it.id] ? fmt(T.earlier, { value: st.stale[it.id].value }) : "";
      const lv = (it.levels || []).find((l) => l.value == v);
      return lv ? v + " " + lv.label : v + (it.kind == "rate" && data.scale.labels[v] ? " " + data.scale.labels[v] : "");
    };

    function exportAs(kind) {
      const name = data.id + "-" + today() + "." + kind;
      let text;
      if (kind == "json") {
        text = JSON.stringify({ careerkit: 1, assessment: data.id, title: data.title, exported: today(), answers: st.answers, kinds: st.kinds, stale: st.stale, snapshots: st.snapshots }, null, 2);
      } else if (kind == "csv") {
        const q = (s) => '"' + String(s).replace(/"/g, '""') + '"';
        text = [[T.section, T.item, T.answer], ...data.sections.flatMap((s) => s.items.map((it) => [s.title, it.text, label(it)]))]
          .map((r) => r.map(q).join(",")).join("\r\n");
      } else {
        const e = (s) => String(s).replace(/[|\\*_[\]<>]/g, "\\$&");
        const secs = sections(), all = overall();
        text = "# " + e(data.title) + "\n\n" + T.date + ": " + today() + "\n\n| " + T.section + " | " + T.score + " | " +
          (A ? T.average + " | " : "") + T.percent + " |\n|---|---|" + (A ? "---|" : "") + "---|\n" +
          [...secs, { title: overallTitle, r: all }].map(({ title, r }) => "| " + e(title) + " | " + r.s + " / " + r.top + " | " +
            (A ? num(r.avg) + " | " : "") + pct(r.pct) + " |").join("\n") + "\n" +
          secs.map((s) => "\n## " + e(s.title) + "\n\n" + s.items.map((it) => "- " + e(it.text) + ": " + (label(it) || "–")).join("\n")).join("\n") + "\n";
      }
      const a = h("a", { href: URL.createObjectURL(new Blob([text], { type: kind == "json" ? "application/json" : "text/" + (kind == "md" ? "markdown" : kind) })), download: name });
      D.body.append(a);
      a.click();
      a.remove();
    }

    function invalid(o) {
      if (!isObj(o) || o.careerkit !== 1 || !isObj(o.answers) || !Array.isArray(o.snapshots)) return T.not_export;
      if (o.assessment !== data.id) return fmt(T.other_assessment, { id: o.assessment });
      const kinds = isObj(o.kinds) ? o.kinds : {};
      // An answer must fit its item, unless the file says it was given on another scale.
      const wrong = Object.keys(o.answers).find((k) => {
        const v = o.answers[k], it = items[k];
        return !okNum(v) || (it && (!kinds[k] || kinds[k] == kind(it)) && (v % 1 || v < it.min || v > it.max));
      });
      if (wrong != null) return fmt(T.bad_answer, { id: wrong });
      const n = o.snapshots.findIndex((s) => !okSnap(s));
      return n >= 0 ? fmt(T.bad_snapshot, { n: n + 1 }) : "";
    }

    file.addEventListener("change", async () => {
      const f = file.files[0];
      file.value = "";
      if (!f) return;
      let o;
      try { o = JSON.parse(await f.text()); } catch (e) { return say(fmt(T.import_failed, { reason: T.not_json }), 1); }
      const why = invalid(o);
      if (why) return say(fmt(T.import_failed, { reason: why }), 1);
      st = { v: 2, answers: o.answers, kinds: isObj(o.kinds) ? o.kinds : {}, stale: isObj(o.stale) ? o.stale : {}, snapshots: o.snapshots };
      migrate();
      locked = 0;
      const saved = store();
      sync();
      if (saved) say(fmt(T.imported, { file: f.name }));
    });

    function print() {
      D.documentElement.classList.add("careerkit-print");
      root.classList.add("careerkit-printing");
      W.print();
    }
    W.addEventListener("afterprint", () => {
      D.documentElement.classList.remove("careerkit-print");
      root.classList.remove("careerkit-printing");
    });

    function reset() {
      if (!W.confirm(T.confirm_reset)) return;
      st = blank();
      locked = 0;
      try { localStorage.removeItem(key); } catch (e) { /* nothing stored */ }
      sync();
      say(T.reset_done);
    }

    for (const x of hosts) x.addEventListener("change", (e) => {
      const c = e.target, id = c.dataset && c.dataset.ck;
      if (!id || !mine(c)) return;
      st.answers[id] = c.type == "checkbox" ? +c.checked : +c.value;
      st.kinds[id] = kind(items[id]);
      delete st.stale[id];
      store();
      update();
    });
    sync();
    if (notes.length) say(notes.join(" "), 1);
  }

  const init = () => D.querySelectorAll("[data-careerkit-assessment]:not(.careerkit-on)").forEach((root) => {
    try { setup(root); } catch (e) { console.error("careerkit:", e); }
  });
  if (W.document$) W.document$.subscribe(init);
  if (D.readyState == "loading") D.addEventListener("DOMContentLoaded", init);
  else init();
})();
