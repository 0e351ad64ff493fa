/* careerkit reading list: a filter box added by this script (without it, the full list).
   See README.md in this folder. */
(() => {
  "use strict";
  const D = document, W = window;
  if (W.careerkitReadingFilter) return;
  W.careerkitReadingFilter = 1;
  const fold = (s) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  const h = (tag, props) => Object.assign(D.createElement(tag), props);
  const books = (n) => n + (n == 1 ? " book or article" : " books and articles");
  let seq = 0;

  const setup = (list) => {
    list.classList.add("careerkit-on");
    const cards = [...list.querySelectorAll("li.careerkit-card")];
    const text = cards.map((li) => fold(li.textContent + " " + (li.dataset.careerkitNotes || "")));
    const groups = [...list.querySelectorAll(".careerkit-reading-group")];
    const id = "careerkit-filter-" + ++seq;
    const input = h("input", { type: "search", id, autocomplete: "off", spellcheck: false });
    const count = h("p", { className: "careerkit-filter-count", id: id + "-count", textContent: books(cards.length) });
    const empty = h("p", { className: "careerkit-filter-empty", hidden: true });
    count.setAttribute("role", "status");
    input.setAttribute("aria-describedby", count.id);
    const box = h("div", { className: "careerkit-filter" });
    box.append(h("label", { htmlFor: id, textContent: "Filter by title, author, note or “best for”" }), input, count, empty);
    const intro = list.querySelector(".careerkit-reading-count");
    list.insertBefore(box, intro ? intro.nextSibling : list.firstChild);
    let timer;

    const update = () => {
      const words = fold(input.value).split(/\s+/).filter(Boolean);
      let shown = 0;
      cards.forEach((li, i) => {
        const hit = words.every((w) => text[i].includes(w));
        li.hidden = !hit;
        shown += hit;
      });
      for (const g of groups) g.hidden = !g.querySelector("li.careerkit-card:not([hidden])");
      empty.hidden = shown > 0;
      empty.textContent = shown ? "" : `No book or article matches “${input.value.trim()}”.`;
      // The count is a polite live region: told once the reader pauses, not at every key.
      clearTimeout(timer);
      timer = setTimeout(() => {
        count.textContent = words.length ? `${shown} of ${books(cards.length)}` : books(cards.length);
      }, 250);
    };
    input.addEventListener("input", update);
    input.addEventListener("keydown", (e) => {
      if (e.key == "Escape" && input.value) {
        e.preventDefault();
        input.value = "";
        update();
      }
    });
  };

  const init = () => D.querySelectorAll(".careerkit-reading-list:not(.careerkit-on)").forEach((list) => {
    try { setup(list); } catch (e) { console.error("careerkit:", e); }
  });
  if (W.document$) W.document$.subscribe(init);
  if (D.readyState == "loading") D.addEventListener("DOMContentLoaded", init);
  else init();
})();
