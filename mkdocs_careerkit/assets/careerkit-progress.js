/* careerkit progress page (notes: README.md): reads what careerkit-assessment.js stored */
(() => {
  "use strict";
  const W = window, D = document;
  if (W.careerkitProgress) return;
  W.careerkitProgress = 1;
  const me = D.currentScript;
  const site = me ? new URL(me.src.replace(/assets\/careerkit\/[^/]*$/, ""), location).pathname : "/";
  const fmt = (s, o) => s.replace(/\{(\w+)\}/g, (m, k) => (k in o ? o[k] : m));
  const today = () => new Date().toLocaleDateString("sv");
  const isObj = (o) => o && typeof o == "object" && !Array.isArray(o);
  const okNum = (v) => typeof v == "number" && isFinite(v);
  const lang = D.documentElement.lang || undefined;
  const nf = (x, o) => (x == null ? "–" : new Intl.NumberFormat(lang, o).format(x));
  const pct = (x) => nf(x == null ? x : x / 100, { style: "percent" });
  const num = (x) => nf(x, { maximumFractionDigits: 2 });
  const day = (d) => new Date(d + "T12:00").toLocaleDateString(lang, { dateStyle: "medium" });
  const keyOf = (id) => "careerkit:" + site + ":" + id;
  const kindOf = (it) => it.kind + ":" + it.min + "-" + it.max;
  // A saved result as careerkit-assessment.js accepts it.
  const okSnap = (s) => isObj(s) && /^\d{4}-\d\d-\d\d$/.test(s.date) && isObj(s.scores) && isObj(s.answers) && [undefined, "" + s.note].includes(s.note) &&
    Object.values(s.answers).every(okNum) && [s.overall, ...Object.values(s.scores)].every((p) => p === null || (okNum(p) && p >= 0 && p <= 100));
  const okState = (s) => isObj(s) && isObj(s.answers) && Object.values(s.answers).every(okNum) && Array.isArray(s.snapshots) && s.snapshots.every(okSnap);

  function h(tag, attrs, ...kids) {
    const e = /^(svg|polyline|line|circle)$/.test(tag)
      ? D.createElementNS("http://www.w3.org/2000/svg", tag) : D.createElement(tag);
    for (const k in attrs || {}) {
      const v = attrs[k];
      if (k == "text") e.textContent = v;
      else if (v != null) e.setAttribute(k, v);
    }
    e.append(...kids.filter((k) => k != null));
    return e;
  }
  const items = (a) => a.sections.flatMap((s) => s.items);

  // The answers careerkit-assessment.js would keep: same kind of statement, within its range.
  function answers(a, s) {
    const out = {}, kinds = isObj(s.kinds) ? s.kinds : {};
    for (const it of items(a)) {
      const v = s.answers[it.id], k = kinds[it.id];
      if (okNum(v) && v >= it.min && v <= it.max && (k ? k == kindOf(it) : !(v % 1))) out[it.id] = v;
    }
    return out;
  }
  // Scored as careerkit-assessment.js scores: once begun, an unticked checkbox counts 0.
  function score(list, ans) {
    let s = 0, m = 0, n = 0;
    const begun = Object.keys(ans).length > 0;
    for (const it of list) {
      let v = ans[it.id];
      if (v == null) { if (it.kind != "check" || !begun) continue; v = 0; }
      s += v; m += it.max; n++;
    }
    const same = list.length && list.every((i) => i.kind != "check" && i.min == list[0].min && i.max == list[0].max);
    return { n, avg: n && same ? s / n : null, pct: m ? (s / m) * 100 : null };
  }
  function overall(a, ans) {
    const r = score(items(a), ans);
    if (a.weighted) {
      let w = 0, p = 0, v = 0;
      for (const s of a.sections) {
        const q = s.items.length ? score(s.items, ans) : { n: 0 };
        if (q.n) { w += s.weight || 0; p += (s.weight || 0) * q.pct; v += (s.weight || 0) * q.avg; }
      }
      r.pct = w ? p / w : null;
      r.avg = w && r.avg != null ? v / w : null;
    }
    return r;
  }
  const band = (a, r) => a.bands.find((b) => {
    const v = b.section || !r.n ? null : b.unit == "percent" ? r.pct : r.avg;
    return v != null && v >= b.low - 1e-9 && (v < b.high - 1e-9 || (b.closed && v <= b.high + 1e-9));
  });

  // The reader's stored state: null when none, 0 when it cannot be read.
  function read(id) {
    let raw = null, s;
    try { raw = localStorage.getItem(keyOf(id)); } catch {}
    if (raw == null) return null;
    try { s = JSON.parse(raw); } catch {}
    return isObj(s) && isObj(s.answers) && Array.isArray(s.snapshots) ? s : 0;
  }

  function spark(values, label) {
    const x = (i) => 3 + (values.length > 1 ? (i * 94) / (values.length - 1) : 47), y = (p) => 21 - p * 0.18;
    const pts = values.map((p, i) => x(i) + "," + y(p));
    const last = values.length - 1;
    return h("svg", { class: "careerkit-spark", viewBox: "0 0 100 24", role: "img", "aria-label": label },
      h("polyline", { points: pts.join(" ") }), h("circle", { cx: x(last), cy: y(values[last]), r: 2.5 }));
  }

  function setup(root) {
    root.classList.add("careerkit-on");
    const { manifest, strings: T } = JSON.parse(root.querySelector("template.careerkit-progress-data").content.querySelector("script").textContent);
    const list = manifest.assessments;
    const q = (s) => root.querySelector(s);
    const status = q(".careerkit-status"), teamStatus = q(".careerkit-team-status"), out = q(".careerkit-team-out");
    const allFile = q(".ck-all"), teamFile = q(".ck-team"), names = q(".careerkit-names"), csvButton = q("[data-careerkit-do=csv]");
    const say = (el, text, bad) => { el.textContent = text; el.classList.toggle("careerkit-error", !!bad); };
    let people = [];

    function show() {
      for (const a of list) {
        const tr = root.querySelector('tr[data-careerkit-key="' + CSS.escape(a.id) + '"]');
        if (!tr) continue;
        const cell = (c) => tr.querySelector('[data-careerkit-col="' + c + '"]');
        const s = read(a.id), snaps = s ? s.snapshots.filter(okSnap) : [];
        const ans = s ? answers(a, s) : {}, r = overall(a, ans), b = r.n ? band(a, r) : null;
        const st = s === 0 ? "damaged" : !Object.keys(ans).length && !snaps.length ? "not_started"
          : snaps.length || items(a).every((it) => it.id in ans) ? "done" : "in_progress";
        tr.dataset.careerkitStatus = st;
        cell("status").replaceChildren(h("span", { class: "careerkit-st careerkit-st-" + st, text: T[st] }));
        cell("percent").textContent = r.n ? pct(r.pct) : "–";
        cell("result").textContent = b ? b.text : "–";
        const last = snaps.reduce((m, x) => (!m || x.date > m.date ? x : m), null);
        cell("last_saved").textContent = last ? day(last.date) : "–";
        const values = snaps.sort((x, y) => (x.date < y.date ? -1 : 1)).map((x) => x.overall).filter(okNum);
        cell("trend").replaceChildren(values.length ? spark(values, fmt(T.saved_results, { values: values.map(pct).join(" → ") })) : "–");
      }
    }

    const download = (text, name) => {
      const a = h("a", { href: URL.createObjectURL(new Blob([text])), download: name });
      D.body.append(a);
      a.click();
      a.remove();
    };

    function exportAll() {
      const name = q(".careerkit-name").value.trim(), all = [];
      for (const a of list) {
        const s = read(a.id);
        if (s) all.push({ assessment: a.id, title: a.title, answers: Object.fromEntries(Object.entries(s.answers).filter((e) => okNum(e[1]))), kinds: isObj(s.kinds) ? s.kinds : {}, stale: isObj(s.stale) ? s.stale : {}, snapshots: s.snapshots.filter(okSnap) });
      }
      // Named after the person: a facilitator collects several people's files.
      const who = (name.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []).join("-");
      download(JSON.stringify({ careerkit: 1, guide: 1, exported: today(), ...(name ? { name } : {}), assessments: all }, null, 2), "careerkit-answers-" + (who ? who + "-" : "") + today() + ".json");
    }

    // What a file holds for this guide's assessments, or why it cannot be used.
    const known = new Set(list.map((a) => a.id));
    async function entries(f) {
      let o;
      try { o = JSON.parse(await f.text()); } catch { return T.not_json; }
      if (!isObj(o) || o.careerkit !== 1) return T.not_export;
      const got = Array.isArray(o.assessments) ? o.assessments : o.assessment ? [o] : null;
      if (!got) return T.not_export;
      const bad = got.find((e) => !okState(e));
      if (bad) return fmt(T.bad_entry, { id: isObj(bad) ? bad.assessment : "?" });
      const mine = got.filter((e) => known.has(e.assessment));
      return mine.length ? { name: typeof o.name == "string" ? o.name : "", list: mine } : T.no_match;
    }

    allFile.addEventListener("change", async () => {
      const f = allFile.files[0];
      allFile.value = "";
      if (!f) return;
      const got = await entries(f);
      if (typeof got == "string") return say(status, fmt(T.import_all_failed, { file: f.name, reason: got }), 1);
      if (!W.confirm(fmt(T.confirm_import, { n: got.list.length, file: f.name }))) return;
      const notes = [];
      try {
        for (const e of got.list) {
          const key = keyOf(e.assessment), text = JSON.stringify({ v: 2, answers: e.answers, kinds: isObj(e.kinds) ? e.kinds : {}, stale: isObj(e.stale) ? e.stale : {}, snapshots: e.snapshots });
          const old = localStorage.getItem(key);
          if (old != null && old != text) {
            let n = 1, b;
            while ((b = localStorage.getItem(key + " backup " + n)) != null && b != old) n++;
            localStorage.setItem(key + " backup " + n, old);
            notes.push(fmt(T.backup, { key: key + " backup " + n }));
          }
          localStorage.setItem(key, text);
        }
      } catch { show(); return say(status, T.not_saved, 1); }
      show();
      say(status, [fmt(T.imported_all, { n: got.list.length, file: f.name }), ...notes].join(" "));
    });

    // The team view: each file one person; per statement and section what they answered.
    const who = (p, i) => (names.querySelector("input").checked && (p.name || p.file)) || fmt(T.person, { n: i + 1 });
    const stats = (vs) => vs.length ? { n: vs.length, avg: vs.reduce((x, y) => x + y, 0) / vs.length, min: Math.min(...vs), max: Math.max(...vs) } : { n: 0 };
    function rows() {
      const r = [];
      for (const a of list) {
        const per = people.map((p) => p.data[a.id]);
        if (!per.some((x) => x)) continue;
        for (const s of a.sections) {
          if (a.sections.length > 1) {
            const vs = per.map((x) => (x ? score(s.items, x) : { n: 0 })).map((x) => (x.n ? x.pct : null));
            r.push({ a, s, lo: 0, hi: 100, vs, ...stats(vs.filter(okNum)) });
          }
          for (const it of s.items) {
            const vs = per.map((x) => (x && it.id in x ? x[it.id] : null));
            r.push({ a, s, it, lo: it.min, hi: it.max, vs, ...stats(vs.filter(okNum)) });
          }
        }
      }
      return r;
    }
    function dots(r) {
      const seen = {}, x = (v) => 4 + ((v - r.lo) / (r.hi - r.lo || 1)) * 92;
      return h("svg", { class: "careerkit-dots", viewBox: "0 0 100 20", "aria-hidden": "true" },
        h("line", { x1: 4, x2: 96, y1: 16, y2: 16 }),
        ...r.vs.filter(okNum).map((v) => h("circle", { cx: x(v), cy: 13 - 4 * (seen[v] = (seen[v] || 0) + 1) + 4, r: 3 })));
    }
    function team() {
      const all = rows(), f = (r, v) => (r.it ? num(v) : pct(v));
      const groups = [];
      let table, last;
      for (const r of all) {
        if (r.a != last) {
          last = r.a;
          table = h("tbody");
          groups.push(h("h3", { text: r.a.title }), h("table", { class: "careerkit-team-table" },
            h("thead", {}, h("tr", {}, ...[T.item, T.answered_by, T.average, T.spread].map((t) => h("th", { scope: "col", text: t })),
              h("td"))), table));
        }
        table.append(h("tr", { class: r.it ? null : "careerkit-team-section" },
          h("th", { scope: "row", text: r.it ? r.it.text : r.s.title }),
          h("td", { text: r.n + " / " + people.length }),
          h("td", { text: r.n ? f(r, r.avg) : "–" }),
          h("td", { text: r.n ? f(r, r.min) + " – " + f(r, r.max) : "–" }),
          h("td", {}, r.n ? dots(r) : null)));
      }
      const split = all.filter((r) => r.it && r.n > 1 && r.max > r.min)
        .sort((x, y) => (y.max - y.min) / (y.hi - y.lo) - (x.max - x.min) / (x.hi - x.lo)).slice(0, 5);
      out.replaceChildren(
        h("p", { class: "careerkit-people", text: people.map(who).join(", ") }),
        h("h3", { text: T.discuss }),
        split.length ? h("ol", { class: "careerkit-discuss" }, ...split.map((r) =>
          h("li", {}, h("strong", { text: r.it.text }), " (" + r.a.title + "): " + num(r.min) + " – " + num(r.max)))) : h("p", { text: T.agree }),
        ...groups);
    }
    function teamCsv() {
      const c = (s) => '"' + String(s).replace(/"/g, '""') + '"', v = (x) => (x == null ? "" : Math.round(x * 100) / 100);
      const text = [[T.assessment, T.section, T.item, T.answered_by, T.average, T.lowest, T.highest, ...people.map(who)],
        ...rows().map((r) => [r.a.title, r.s.title, r.it ? r.it.text : "", r.n, v(r.avg), v(r.min), v(r.max), ...r.vs.map(v)])]
        .map((r) => r.map(c).join(",")).join("\r\n");
      download(text, "careerkit-team-" + today() + ".csv");
    }

    teamFile.addEventListener("change", async () => {
      const files = [...teamFile.files], msgs = [];
      teamFile.value = "";
      people = [];
      for (const f of files) {
        const got = await entries(f);
        if (typeof got == "string") { msgs.push(fmt(T.file_failed, { file: f.name, reason: got })); continue; }
        const data = {};
        for (const e of got.list) {
          const a = list.find((x) => x.id == e.assessment), ans = answers(a, e);
          // As the checklist scores itself: once begun, an unticked statement is a 0.
          if (Object.keys(ans).length) for (const it of items(a)) if (it.kind == "check" && !(it.id in ans)) ans[it.id] = 0;
          data[a.id] = ans;
        }
        people.push({ name: got.name, file: f.name, data });
      }
      names.hidden = csvButton.hidden = !people.length;
      say(teamStatus, [fmt(T.loaded, { n: people.length }), ...msgs].join(" "), msgs.length);
      if (people.length) team();
      else out.replaceChildren();
    });
    names.addEventListener("change", team);

    const acts = { export: exportAll, import: () => allFile.click(), team: () => teamFile.click(), csv: teamCsv };
    root.addEventListener("click", (e) => {
      const b = e.target.closest("[data-careerkit-do]");
      if (b) acts[b.dataset.careerkitDo]();
    });
    W.addEventListener("storage", show);
    show();
  }

  const init = () => D.querySelectorAll("[data-careerkit-progress]:not(.careerkit-on)").forEach((root) => {
    try { setup(root); } catch (e) { console.error("careerkit:", e); }
  });
  if (W.document$) W.document$.subscribe(init);
  if (D.readyState == "loading") D.addEventListener("DOMContentLoaded", init);
  else init();
})();
