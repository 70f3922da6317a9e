// The live opportunities table: loads a page from /api/opportunities, then follows /api/opportunities/stream (server-sent
// events) so new opportunities appear, and gone ones fade, without reloading. Money arrives in cents.
"use strict";

const games = { a8db: "CS2", "9a92": "Dota 2", tf2: "TF2", rust: "Rust" };
const rows = new Map();
const body = document.querySelector("#opportunities tbody");
const form = document.getElementById("filters");
let nextCursor = null;

const dollars = cents => cents == null ? "–" : "$" + (cents / 100).toFixed(2);
const filters = () => Object.fromEntries([...new FormData(form)].filter(([, v]) => v !== ""));
// Item-attribute filters are applied by the Api (the bot's rules); the page does not repeat them, it asks again.
const itemKeys = ["exterior", "float", "phase", "statTrak", "souvenir", "stickers", "category", "hero", "quality", "rarity", "killstreak", "craftable", "tradeLock"];
const hasItemFilter = () => itemKeys.some(k => filters()[k] !== undefined);
let reloadTimer = null;

// The filters live in the address: a filtered view can be bookmarked or shared, and opens as it was.
function readAddress() {
  const params = new URLSearchParams(location.search);
  for (const [key, value] of params) {
    const field = form.elements.namedItem(key);
    if (!field) continue;
    if (field.tagName === "SELECT" && ![...field.options].some(o => o.value === value)) field.add(new Option(value, value));
    field.value = value;
  }
}

function writeAddress() {
  const query = new URLSearchParams(filters()).toString();
  history.replaceState(null, "", query ? "?" + query : location.pathname);
}

function attributes(o) {
  const a = o.attributes ?? {};
  const parts = [a.statTrak && "StatTrak™", a.souvenir && "Souvenir", a.exterior, a.floatValue != null && "float " + a.floatValue.toFixed(4), a.phase,
    a.stickers > 0 && a.stickers + " stickers", a.quality && !["Standard", "Unique"].includes(a.quality) && a.quality, a.hero, a.rarity, a.killstreak,
    a.craftable === false && "Non-Craftable", o.gameId === "rust" && a.category, a.tradeLockDays > 0 && "trade lock " + a.tradeLockDays + " d"];
  return parts.filter(Boolean).join(" · ");
}

function matches(o) {
  const f = filters();
  return o.status === "Active"
    && (!f.game || o.gameId === f.game)
    && (!f.level || o.level === f.level)
    && (!f.minProfitPercent || o.profitPercent >= Number(f.minProfitPercent));
}

function render(o, isNew) {
  const tr = rows.get(o.id) ?? document.createElement("tr");
  tr.dataset.id = o.id;
  tr.dataset.game = o.gameId;
  const link = `item.html?game=${encodeURIComponent(o.gameId)}&title=${encodeURIComponent(o.title)}`;
  tr.innerHTML = "";
  const cells = [
    ["", `<a href="${link}"></a><div class="attrs"></div>`], ["", games[o.gameId] ?? o.gameId], ["", o.level],
    ["num", dollars(o.buyPriceCents)], ["num", dollars(o.resaleCents)], ["num", o.feePercent.toFixed(1) + "%"],
    ["num", dollars(o.profitCents)], ["num", o.profitPercent.toFixed(2) + "%"], ["num", o.liquidity],
    ["", new Date(o.firstSeenAt).toLocaleTimeString()],
  ];
  for (const [cls, html] of cells) {
    const td = document.createElement("td");
    if (cls) td.className = cls;
    td.innerHTML = html;
    tr.appendChild(td);
  }
  tr.querySelector("a").textContent = o.title;
  tr.querySelector(".attrs").textContent = attributes(o);
  tr.classList.toggle("gone", o.status !== "Active");
  if (isNew) { tr.classList.add("new"); body.prepend(tr); } else if (!rows.has(o.id)) { body.appendChild(tr); }
  rows.set(o.id, tr);
}

async function load(append) {
  const query = new URLSearchParams(filters());
  if (append && nextCursor) query.set("cursor", nextCursor);
  const response = await fetch("/api/opportunities?" + query);
  const error = document.getElementById("error");
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    const details = Object.entries(problem.errors ?? {}).map(([key, messages]) => `${key}: ${messages.join(" ")}`);
    error.textContent = [problem.title ?? `The Api answered ${response.status}.`, ...details].join(" ");
    error.hidden = false;
    return;
  }
  error.hidden = true;
  const page = await response.json();
  if (!append) { body.innerHTML = ""; rows.clear(); }
  page.items.forEach(o => render(o, false));
  nextCursor = page.nextCursor;
  document.getElementById("more").hidden = !nextCursor;
  document.getElementById("empty").hidden = rows.size > 0;
}

function follow() {
  const live = document.getElementById("live");
  const source = new EventSource("/api/opportunities/stream");
  source.addEventListener("ready", () => { live.textContent = "live"; live.className = "live on"; });
  source.addEventListener("opportunity", message => {
    const change = JSON.parse(message.data);
    const o = change.opportunity;
    if (rows.has(o.id)) { render(o, false); return; }
    if (change.kind === "Gone" || !matches(o)) return;
    if (hasItemFilter()) {
      clearTimeout(reloadTimer);
      reloadTimer = setTimeout(() => load(false), 1000);
      return;
    }
    render(o, true);
    document.getElementById("empty").hidden = true;
  });
  source.onerror = () => { live.textContent = "reconnecting…"; live.className = "live off"; };
}

form.addEventListener("change", () => { writeAddress(); load(false); });
form.addEventListener("submit", event => { event.preventDefault(); writeAddress(); load(false); });
document.getElementById("more").addEventListener("click", () => load(true));
readAddress();
load(false).then(follow);
