// The report's own behaviour: a filter that hides storylines, events, articles and their
// marks in the pictures; following a citation opens the folded sections around its target.
"use strict";

(function () {
  const input = document.getElementById("filter");
  if (!input) return;
  const items = Array.from(document.querySelectorAll(".filterable"));
  const sections = Array.from(document.querySelectorAll("section.storyline"));
  const marks = Array.from(document.querySelectorAll("[data-event]")).filter(
    (node) => !node.classList.contains("filterable"));
  const rows = Array.from(document.querySelectorAll("[data-storyline]")).filter(
    (node) => !node.matches("section.storyline"));

  function apply() {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    const matches = (node) => {
      const text = node.textContent.toLowerCase();
      return words.every((word) => text.includes(word));
    };
    items.forEach((item) => item.classList.toggle("hidden", !matches(item)));
    const hiddenEvents = new Set(items.filter((i) => i.classList.contains("hidden") && i.dataset.event)
      .map((i) => i.dataset.event));
    marks.forEach((mark) => mark.classList.toggle("hidden", hiddenEvents.has(mark.dataset.event)));
    const hiddenStorylines = new Set();
    sections.forEach((section) => {
      const shown = words.length === 0 || matches(section.querySelector("h2")) ||
        section.querySelector(".filterable[data-event]:not(.hidden)") !== null;
      section.classList.toggle("hidden", !shown);
      if (!shown) hiddenStorylines.add(section.dataset.storyline);
    });
    rows.forEach((row) => row.classList.toggle("hidden", hiddenStorylines.has(row.dataset.storyline)));
  }
  input.addEventListener("input", apply);

  function reveal() {
    let target = null;
    try { target = document.getElementById(decodeURIComponent(location.hash.slice(1))); } catch (e) { return; }
    for (let node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
    if (target) target.scrollIntoView();
  }
  window.addEventListener("hashchange", reveal);
  reveal();
})();
