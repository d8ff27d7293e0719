// storyline web app: small enhancements; every page works without them.
// Text from the store is only ever set with textContent, never parsed as HTML.
"use strict";

function zoomable(figure) {
  const svg = figure.querySelector("svg");
  const full = Number(svg.dataset.width);
  const height = svg.viewBox.baseVal.height;
  let start = 0;
  let width = full;
  const show = () => svg.setAttribute("viewBox", `${start} 0 ${width} ${height}`);
  const zoom = (factor, centre) => {
    const middle = centre ?? start + width / 2;
    width = Math.min(full, Math.max(full / 64, width * factor));
    start = Math.min(full - width, Math.max(0, middle - width / 2));
    show();
  };
  figure.querySelectorAll("button[data-zoom]").forEach((button) => {
    button.addEventListener("click", () => {
      const how = button.dataset.zoom;
      if (how === "in") zoom(0.5);
      else if (how === "out") zoom(2);
      else { start = 0; width = full; show(); }
    });
  });
  let dragging = null;
  svg.addEventListener("pointerdown", (e) => { dragging = { x: e.clientX, start }; });
  window.addEventListener("pointerup", () => { dragging = null; });
  svg.addEventListener("pointermove", (e) => {
    if (!dragging) return;
    const scale = width / svg.getBoundingClientRect().width;
    start = Math.min(full - width, Math.max(0, dragging.start - (e.clientX - dragging.x) * scale));
    show();
  });
}

function citeLink(articleId, label) {
  const a = document.createElement("a");
  a.className = "cite";
  a.href = "/articles/" + encodeURIComponent(articleId);
  a.textContent = label;
  return a;
}

async function inlineTimeline(section) {
  const response = await fetch(section.dataset.src, { headers: { Accept: "application/json" } });
  if (!response.ok) return;
  const entries = await response.json();
  const list = document.createElement("ol");
  list.className = "timeline";
  for (const entry of entries) {
    const item = document.createElement("li");
    const head = document.createElement("h3");
    head.textContent = entry.date;
    item.appendChild(head);
    const sentences = document.createElement("ul");
    for (const sentence of entry.sentences) {
      const li = document.createElement("li");
      li.appendChild(document.createTextNode(sentence.text + " "));
      li.appendChild(citeLink(sentence.article_id, "source"));
      sentences.appendChild(li);
    }
    item.appendChild(sentences);
    list.appendChild(item);
  }
  section.appendChild(list);
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("figure.zoomable").forEach(zoomable);
  document.querySelectorAll("section[data-src]").forEach((s) => { inlineTimeline(s); });
});

function sentenceList(items, label) {
  const box = document.createElement("div");
  const head = document.createElement("h4");
  head.textContent = label;
  const list = document.createElement("ul");
  for (const item of items) {
    const li = document.createElement("li");
    li.appendChild(document.createTextNode(item.text + " "));
    li.appendChild(citeLink(item.article_id, "source"));
    list.appendChild(li);
  }
  box.append(head, list);
  return box;
}

async function inlineCoverage(section) {
  const response = await fetch(section.dataset.coverage, { headers: { Accept: "application/json" } });
  if (!response.ok) return;
  const outlets = await response.json();
  if (outlets.length === 0) {
    const none = document.createElement("p");
    none.className = "empty";
    none.textContent = "One outlet only: nothing to compare.";
    section.appendChild(none);
  }
  outlets.forEach((entry, index) => {
    const details = document.createElement("details");
    details.className = "outlet";
    details.open = index < 3;
    const summary = document.createElement("summary");
    const name = document.createElement("strong");
    name.textContent = entry.outlet;
    summary.append(name, document.createTextNode(
      ` · ${entry.articles} article${entry.articles === 1 ? "" : "s"} · carried ` +
      `${entry.counts.common} common · ${entry.counts.only} only here · left out ${entry.counts.left_out}`));
    details.appendChild(summary);
    if (entry.only.length) details.appendChild(sentenceList(entry.only, "Only here"));
    if (entry.left_out.length) details.appendChild(sentenceList(entry.left_out, "Left out (carried by most)"));
    if (entry.common.length) details.appendChild(sentenceList(entry.common, "Carried, as most did"));
    section.appendChild(details);
  });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("section[data-coverage]").forEach((s) => { inlineCoverage(s); });
});
