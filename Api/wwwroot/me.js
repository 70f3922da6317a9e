// A user's own page: positions, trades and the running realized profit, read with their Api key. The key comes from
// the URL's fragment (never sent to a server) or the form, and stays in this tab's sessionStorage only.
"use strict";

const games = { a8db: "CS2", "9a92": "Dota 2", tf2: "TF2", rust: "Rust" };
const dollars = cents => cents == null ? "—" : (cents < 0 ? "−$" : "$") + (Math.abs(cents) / 100).toFixed(2);
const signed = cents => cents == null ? "—" : (cents < 0 ? "−$" : "+$") + (Math.abs(cents) / 100).toFixed(2);

function cell(row, text, numeric) {
  const td = row.insertCell();
  td.textContent = text;
  if (numeric) td.className = "num";
}

async function get(path, key) {
  const response = await fetch(path, { headers: { "X-Api-Key": key } });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail ?? problem.title ?? `The Api answered ${response.status}.`);
  }
  return response.json();
}

function drawPnl(series) {
  const canvas = document.getElementById("pnl-chart");
  const ctx = canvas.getContext("2d");
  const pad = { left: 70, right: 20, top: 20, bottom: 40 };
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  canvas.dataset.points = String(series.length);
  ctx.font = "12px system-ui"; ctx.fillStyle = "#555";
  if (series.length === 0) {
    ctx.fillText("No sales yet.", pad.left, canvas.height / 2);
    return;
  }
  const points = [{ t: Date.parse(series[0].at) - 1, v: 0 }, ...series.map(p => ({ t: Date.parse(p.at), v: p.realizedCents }))];
  const minT = points[0].t, maxT = points[points.length - 1].t + 1;
  const minV = Math.min(0, ...points.map(p => p.v)), maxV = Math.max(0, ...points.map(p => p.v)) + 1;
  const x = t => pad.left + (t - minT) / (maxT - minT) * (canvas.width - pad.left - pad.right);
  const y = v => canvas.height - pad.bottom - (v - minV) / (maxV - minV) * (canvas.height - pad.top - pad.bottom);
  ctx.strokeStyle = "#ccd";
  for (let i = 0; i <= 4; i++) {
    const v = minV + (maxV - minV) * i / 4;
    ctx.beginPath(); ctx.moveTo(pad.left, y(v)); ctx.lineTo(canvas.width - pad.right, y(v)); ctx.stroke();
    ctx.fillText(dollars(Math.round(v)), 5, y(v) + 4);
  }
  ctx.fillText(new Date(minT).toLocaleDateString(), pad.left, canvas.height - 10);
  ctx.fillText(new Date(maxT).toLocaleDateString(), canvas.width - pad.right - 80, canvas.height - 10);
  ctx.strokeStyle = "#2e9e5b"; ctx.lineWidth = 2; ctx.beginPath();
  // A step per sale: the total holds until the next one.
  points.forEach((p, i) => { if (i) ctx.lineTo(x(p.t), y(points[i - 1].v)); (i ? ctx.lineTo : ctx.moveTo).call(ctx, x(p.t), y(p.v)); });
  ctx.stroke();
}

async function load(key) {
  const error = document.getElementById("error");
  error.hidden = true;
  try {
    const [positions, trades, pnl] = await Promise.all([get("/api/me/positions", key), get("/api/me/trades", key), get("/api/me/pnl", key)]);
    const body = document.getElementById("positions");
    body.replaceChildren();
    for (const p of positions) {
      const row = body.insertRow();
      cell(row, String(p.id)); cell(row, p.title); cell(row, games[p.gameId] ?? p.gameId);
      cell(row, dollars(p.costCents), true); cell(row, p.costSource); cell(row, p.listPriceCents == null ? "" : dollars(p.listPriceCents), true);
      cell(row, p.tradeLockUntil ? new Date(p.tradeLockUntil).toLocaleString() : "");
    }
    const tradeBody = document.getElementById("trades");
    tradeBody.replaceChildren();
    for (const t of trades) {
      const row = tradeBody.insertRow();
      cell(row, new Date(t.closedAt).toLocaleString()); cell(row, t.title); cell(row, dollars(t.priceCents), true);
      cell(row, dollars(t.feeCents), true); cell(row, dollars(t.costCents), true); cell(row, signed(t.profitCents), true);
    }
    const all = pnl.periods.find(p => p.name === "all");
    document.getElementById("pnl-summary").textContent = all && all.trades > 0
      ? `Realized ${signed(all.realizedCents)} over ${all.trades} sales (volume ${dollars(all.volumeCents)}, fees ${dollars(all.feesCents)}).`
      : "No sales yet.";
    drawPnl(pnl.series);
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
  }
}

const fragment = new URLSearchParams(location.hash.slice(1));
if (fragment.get("key")) {
  sessionStorage.setItem("apiKey", fragment.get("key"));
  history.replaceState(null, "", location.pathname);
}
document.getElementById("key-form").addEventListener("submit", e => {
  e.preventDefault();
  sessionStorage.setItem("apiKey", document.getElementById("key").value.trim());
  load(sessionStorage.getItem("apiKey"));
});
if (sessionStorage.getItem("apiKey")) load(sessionStorage.getItem("apiKey"));
