/* careerkit assessments (notes: README.md) */
(() => {
  "use strict";
  const W = window, D = document;
  if (W.careerkitAssessments) return;
  W.careerkitAssessments = 1;
  const me = D.currentScript;
  const site = me ? new URL(me.src.replace(/assets\/careerkit\/[^/]*$/, ""), location).pathname : "/";
  const fmt = (s, o) => s.replace(/\{(\w+)\}/g, (m, k) => (k in o ? o[k] : m));
  const today = () => new Date().toLocaleDateString("sv");
  const isObj = (o) => o && typeof o == "object" && !Array.isArray(o);
  const lang = D.documentElement.lang || undefined;
  const nf = (x, o) => (x == null ? "–" : new Intl.NumberFormat(lang, o).format(x));
  const pct = (x) => nf(x == null ? x : x / 100, { style: "percent" });
  const day = (d) => new Date(d + "T12:00").toLocaleDateString(lang, { dateStyle: "medium" });
  const MARK = ["m-3 0a3 3 0 1 0 6 0a3 3 0 1 0-6 0", "m-3-3h6v6h-6z", "m0-4 4 7h-8z", "m0-4 4 4-4 4-4-4z", "m-4-1h3v-3h2v3h3v2h-3v3h-2v-3h-3z", "m0 4 4-7h-8z"];
  const DASH = [null, "6 3", "2 3", "8 3 2 3", "1 3", "4 2"];
  const num = (x) => nf(x, { maximumFractionDigits: 2 });

  function h(tag, attrs, ...kids) {
    const e = /^(svg|polyline|path|line|g)$/.test(tag)
      ? D.createElementNS("http://www.w3.org/2000/svg", tag) : D.createElement(tag);
    for (const k in attrs || {}) {
      const v = attrs[k];
      if (k == "text") e.textContent = v;
      else if (v != null) e.setAttribute(k, v);
    }
    e.append(...kids.filter((k) => k != null));
    return e;
  }

  function setup(root) {
    const holder = root.querySelector(":scope > template.careerkit-assessment-data");
    const data = JSON.parse(holder.content.querySelector("script").textContent);
    const A = data.scale || data.parts;
    const T = data.strings, key = "careerkit:" + site + ":" + data.id, inputs = {}, items = {};
    const blank = () => ({ v: 2, answers: {}, kinds: {}, stale: {}, snapshots: [] });
    const kind = (it) => it.kind + ":" + it.min + "-" + it.max;
    const okNum = (v) => typeof v == "number" && isFinite(v);
    const okSnap = (s) => isObj(s) && /^\d{4}-\d\d-\d\d$/.test(s.date) && isObj(s.scores) && isObj(s.answers) && [undefined, "" + s.note].includes(s.note) &&
      Object.values(s.answers).every(okNum) &&
      [s.overall, ...Object.values(s.scores)].every((p) => p === null || (okNum(p) && p >= 0 && p <= 100));
    let st = blank(), locked = 0;
    const notes = [];
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
      } catch { say(T.not_saved, 1); return 0; }
    };
    const part = '[data-careerkit-part="' + CSS.escape(data.id) + '"]';
    const hosts = data.parts ? [...D.querySelectorAll(part)] : [root];
    const mine = (e) => (data.parts ? !!e.closest(part) : e.closest("[data-careerkit-assessment]") == root);
    const own = (q) => hosts.flatMap((x) => [...x.querySelectorAll(q)]).filter(mine);
    const sel = (attr, id) => own("[" + attr + '="' + CSS.escape(id) + '"]')[0];
    for (const x of [root, ...hosts]) x.classList.add("careerkit-on");
    for (const sec of data.sections) for (const it of sec.items) items[it.id] = it;
    for (const t of own("template.careerkit-controls")) t.replaceWith(t.content);
    for (const c of own("input[data-ck]")) (inputs[c.dataset.ck] ||= []).push(c);
    const proto = holder.content.querySelector(".careerkit-rate");
    for (const it of Object.values(items)) {
      const li = sel("data-careerkit-item", it.id), g = it.kind == "rate" && proto && li && li.appendChild(proto.cloneNode(1));
      if (g) {
        g.setAttribute("aria-label", it.text);
        for (const r of (inputs[it.id] = [...g.querySelectorAll("input")])) { r.name = "careerkit " + data.id + " " + it.id; r.dataset.ck = it.id; }
      }
      if (!li || it.kind != "check") continue;
      let c = li.querySelector("input[type=checkbox]"), lab, n;
      if (!c) li.prepend((c = h("input", { type: "checkbox", class: "careerkit-check" })), " ");
      c.disabled = false;
      c.setAttribute("aria-label", it.text);
      c.dataset.ck = it.id;
      inputs[it.id] = [c];
      if (!(lab = c.closest("label"))) { c.before((lab = h("label"))); lab.append(c); }
      lab.classList.add("careerkit-hit");
      while ((n = lab.nextSibling) && !/^(UL|OL|P|DIV|TABLE|PRE)$/.test(n.nodeName)) lab.append(n);
    }

    const summary = holder.content.querySelector(".careerkit-summary");
    holder.before(summary);
    const q = (c) => summary.querySelector(".careerkit-" + c);
    const rows = summary.querySelector("tbody"), head = q("head"), extremes = q("extremes"), best = q("best"), meaning = summary.querySelector("ul");
    const meaningBox = q("meaning"), scores = q("scores"), progress = q("progress"), chart = q("plot"), legend = q("legend"), saved = q("saved");
    const status = q("status"), file = summary.querySelector("[type=file]"), menu = q("menu"), more = q("more"), tools = q("tools");
    const open = (o) => { menu.hidden = !o; more.setAttribute("aria-expanded", !!o); };
    const acts = { save: snapshot, more: () => open(menu.hidden), json: () => exportAs("json"), csv: () => exportAs("csv"),
      md: () => exportAs("md"), import: () => file.click(), print, reset, undo: () => undo(),
      note(i) {
        const s = st.snapshots[i], n = W.prompt(fmt(T.note_prompt, { date: day(s.date) }), s.note || "");
        if (n == null) return;
        s.note = n.trim();
        if (!s.note) delete s.note;
        store();
        update();
      },
      drop(i) {
        const [s] = st.snapshots.splice(i, 1);
        undo = () => { st.snapshots.splice(i, 0, s); store(); update(); say(""); };
        store();
        update();
        say(fmt(T.deleted, { date: day(s.date) }) + " ");
        status.append(h("button", { type: "button", "data-careerkit-do": "undo", text: T.undo }));
      } };
    let undo;
    summary.addEventListener("click", (e) => {
      const b = e.target.closest("[data-careerkit-do]");
      if (b && b.parentNode == menu) open(0);
      if (b) acts[b.dataset.careerkitDo](+b.dataset.i);
    });
    tools.addEventListener("focusout", (e) => tools.contains(e.relatedTarget) || open(0));
    tools.addEventListener("keydown", (e) => { if (e.key == "Escape" && !menu.hidden) { open(0); more.focus(); } });

    const say = (text, bad) => { status.textContent = text; status.classList.toggle("careerkit-error", !!bad); };

    let raw = null;
    try { raw = localStorage.getItem(key); } catch {}
    if (raw != null) {
      let s = null, lost = 0;
      try { s = JSON.parse(raw); } catch {}
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
        } catch { locked = 1; notes.push(T.not_saved); }
      }
      migrate();
      const changed = Object.keys(st.stale).filter((id) => items[id]).length;
      if (changed) notes.push(fmt(T.changed, { n: changed }));
    }

    function score(list) {
      let s = 0, m = 0, n = 0, top = 0;
      const begun = Object.keys(items).some((id) => okNum(st.answers[id]));
      for (const it of list) {
        top += it.max;
        let v = st.answers[it.id];
        if (!okNum(v) || v < it.min || v > it.max) { if (it.kind != "check" || !begun) continue; v = 0; }
        s += v; m += it.max; n++;
      }
      const same = list.length && list.every((i) => i.kind != "check" && i.min == list[0].min && i.max == list[0].max);
      return { s, m, n, top, all: list.length, avg: n && same ? s / n : null, pct: m ? (s / m) * 100 : null };
    }
    const sections = () => data.sections.filter((s) => s.items.length).map((s) => ({ ...s, r: score(s.items) }));
    const overall = () => {
      const r = score(Object.values(items));
      if (data.weighted) {
        let w = 0, p = 0, a = 0;
        for (const s of sections()) if (s.r.n) { w += s.weight; p += s.weight * s.r.pct; a += s.weight * s.r.avg; }
        r.pct = w ? p / w : null;
        r.avg = w && r.avg != null ? a / w : null;
      }
      return r;
    };
    const overallTitle = T.overall + (data.weighted ? " (" + T.weighted + ")" : "");
    const ends = (list, name) => list.length > 1 && list[0].p > list[list.length - 1].p
      ? fmt(T.strongest, { section: name(list[0]) }) + " · " + fmt(T.weakest, { section: name(list[list.length - 1]) }) : "";

    const bar = (p) => {
      const fill = h("span");
      fill.style.width = (p || 0) + "%";
      return h("span", { class: "careerkit-bar", "aria-hidden": "true" }, fill);
    };

    // "12 / 60 (4 of 12 answered)": a percentage of the answered statements says so.
    const points = (r) => r.s + " / " + r.top + (r.n < r.all ? " (" + fmt(T.answered, { answered: r.n, total: r.all }) + ")" : "");

    function update() {
      const secs = sections(), all = overall(), list = [...(secs.length > 1 ? secs : []), { title: overallTitle, r: all, total: 1 }];
      scores.hidden = !all.n;
      head.replaceChildren(...(all.n ? [h("strong", { text: pct(all.pct) }), " " + overallTitle + " · " + points(all) +
        (A && all.avg != null ? " · " + T.average + " " + num(all.avg) : "")] : [T.start]));
      rows.replaceChildren(...list.map(({ title, r, total }) => h("tr", { class: total ? "careerkit-total" : null },
        h("th", { scope: "row", text: title }),
        h("td", { text: points(r) }),
        A ? h("td", { text: num(r.avg) }) : null,
        h("td", {}, bar(r.pct), pct(r.pct)))));
      const byPct = (a, b) => b.p - a.p;
      extremes.textContent = ends(secs.filter((s) => s.r.n).map((s) => ({ t: s.title, p: s.r.pct })).sort(byPct), (x) => x.t + " (" + pct(x.p) + ")");
      best.textContent = data.parts ? ends(Object.values(items).filter((it) => okNum(st.answers[it.id]))
        .map((it) => ({ t: it.text, p: st.answers[it.id] / it.max, v: label(it) })).sort(byPct), (x) => x.t + " (" + x.v + ")") : "";
      const results = { "": all };
      for (const s of secs) results[s.id] = s.r;
      for (const live of own(".careerkit-live")) {
        const id = live.dataset.careerkitLive, r = results[id];
        live.textContent = id ? T.score + ": " + (r && r.n ? r.s + " / " + r.top + " (" + pct(r.pct) + ")" : "–") : overallTitle + ": " + pct(all.pct);
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
      series.forEach((s, k) => {
        const pts = [], vals = [], c = "careerkit-s" + (k % 6), dash = { "stroke-dasharray": DASH[k % 6] };
        const mark = (x, y) => h("path", { d: "M" + x + " " + y + MARK[k % 6] });
        const g = h("g", { class: c });
        snaps.forEach((snap, i) => {
          const p = s.id ? snap.scores[s.id] : snap.overall;
          if (typeof p != "number") return;
          pts.push(x(i) + "," + y(p));
          vals.push(pct(p));
          g.append(mark(x(i), y(p)));
        });
        chart.append(h("polyline", { points: pts.join(" "), class: c, ...dash }), g);
        legend.append(h("li", {}, h("svg", { class: "careerkit-key " + c, viewBox: "0 0 24 10", "aria-hidden": "true" },
          h("line", { x1: 0, x2: 24, y1: 5, y2: 5, ...dash }), mark(12, 5)),
          s.title + ": " + (vals.length ? vals[0] + (vals.length > 1 ? " → " + vals[vals.length - 1] : "") : "–")));
      });
      const b = (act, i, text) => h("button", { type: "button", "data-careerkit-do": act, "data-i": i, text, "aria-label": text + " " + day(snaps[i].date) });
      saved.replaceChildren(...snaps.map((s, i) => h("li", {}, day(s.date) + (s.note ? " – " + s.note : "") + ": " + pct(s.overall) + " ",
        b("note", i, T.note), " ", b("drop", i, T.delete))));
    }

    function snapshot() {
      const date = today(), scores = {};
      for (const s of sections()) scores[s.id] = s.r.n ? s.r.pct : null;
      st.snapshots = st.snapshots.filter((s) => s.date != date).concat({ date, answers: { ...st.answers }, scores, overall: overall().n ? overall().pct : null })
        .sort((a, b) => (a.date < b.date ? -1 : 1));
      if (store()) say(fmt(T.saved, { date: day(date) }));
      update();
    }

    const words = (it) => {
      const v = st.answers[it.id], lv = (it.levels || []).find((l) => l.value == v);
      return okNum(v) ? (lv ? lv.label : (it.kind == "rate" && data.scale.labels[v]) || "")
        : st.stale[it.id] ? fmt(T.earlier, { value: st.stale[it.id].value }) : "";
    };
    const label = (it) => ((okNum(st.answers[it.id]) ? st.answers[it.id] + " " : "") + words(it)).trim();

    function exportAs(kind) {
      const name = data.id + "-" + today() + "." + kind;
      let text;
      if (kind == "json") {
        text = JSON.stringify({ careerkit: 1, assessment: data.id, title: data.title, exported: today(), answers: st.answers, kinds: st.kinds, stale: st.stale, snapshots: st.snapshots }, null, 2);
      } else if (kind == "csv") {
        const q = (s) => '"' + String(s).replace(/"/g, '""') + '"';
        text = [[T.section, T.item, T.answer, T.label], ...data.sections.flatMap((s) => s.items.map((it) =>
          [s.title, it.text, okNum(st.answers[it.id]) ? st.answers[it.id] : "", words(it)]))].map((r) => r.map(q).join(",")).join("\r\n");
      } else {
        const e = (s) => String(s).replace(/[|\\*_[\]<>]/g, "\\$&");
        text = "# " + e(data.title) + "\n\n" + T.date + ": " + today() + "\n\n" + [...scores.rows].map((tr, i) =>
          "| " + [...tr.cells].map((c) => e(c.textContent)).join(" | ") + " |" + (i ? "" : "\n" + "|---".repeat(tr.cells.length) + "|")).join("\n") +
          "\n" + sections().map((s) => "\n## " + e(s.title) + "\n\n" + s.items.map((it) => "- " + e(it.text) + ": " + (label(it) || "–")).join("\n")).join("\n") + "\n";
      }
      const a = h("a", { href: URL.createObjectURL(new Blob([text])), download: name });
      D.body.append(a);
      a.click();
      a.remove();
    }

    function invalid(o) {
      if (!isObj(o) || o.careerkit !== 1 || !isObj(o.answers) || !Array.isArray(o.snapshots)) return T.not_export;
      if (o.assessment !== data.id) return fmt(T.other_assessment, { id: o.assessment });
      const kinds = isObj(o.kinds) ? o.kinds : {};
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
      try { o = JSON.parse(await f.text()); } catch { return say(fmt(T.import_failed, { reason: T.not_json }), 1); }
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
      try { localStorage.removeItem(key); } catch {}
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
