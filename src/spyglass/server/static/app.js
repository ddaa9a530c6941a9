// spyglass web page: selecting an event highlights its trigger and, for each argument, its mention nearest
// the trigger in the document text.
"use strict";

function clearFocus() {
  for (const el of document.querySelectorAll(".focus-trigger, .focus-arg, .event.selected")) {
    el.classList.remove("focus-trigger", "focus-arg", "selected");
  }
}

function nearestMention(segs, offset) {
  let best = null;
  for (const el of segs) {
    const m = Number(el.dataset.m);
    if (best === null || Math.abs(m - offset) < Math.abs(best - offset)) best = m;
  }
  return segs.filter((el) => Number(el.dataset.m) === best);
}

function selectEvent(card) {
  clearFocus();
  card.classList.add("selected");
  const id = card.dataset.event;
  const triggers = [...document.querySelectorAll(".seg[data-events]")].filter((el) =>
    el.dataset.events.split(" ").includes(id),
  );
  for (const el of triggers) el.classList.add("focus-trigger");
  const at = Number(card.dataset.trigger);
  for (const arg of (card.dataset.args || "").split(" ").filter(Boolean)) {
    const segs = [...document.querySelectorAll(".seg[data-entity]")].filter((el) => el.dataset.entity === arg);
    for (const el of nearestMention(segs, at)) el.classList.add("focus-arg");
  }
  if (triggers.length) triggers[0].scrollIntoView({ block: "center", behavior: "smooth" });
}

document.addEventListener("click", (ev) => {
  const card = ev.target.closest(".event[data-event]");
  if (card && !ev.target.closest("a")) {
    selectEvent(card);
    return;
  }
  const trigger = ev.target.closest(".seg[data-events]");
  if (trigger) {
    const first = trigger.dataset.events.split(" ")[0];
    const target = [...document.querySelectorAll(".event[data-event]")].find((c) => c.dataset.event === first);
    if (target) {
      ev.preventDefault();
      selectEvent(target);
      target.scrollIntoView({ block: "nearest", behavior: "smooth" });
    }
  }
});

document.addEventListener("keydown", (ev) => {
  const card = ev.target.closest && ev.target.closest(".event[data-event]");
  if (card && (ev.key === "Enter" || ev.key === " ")) {
    ev.preventDefault();
    selectEvent(card);
  }
});
