// An item's page: its price series (best offer, best buy order, sales median) and its sales, drawn on a canvas.
"use strict";

const params = new URLSearchParams(location.search);
const game = params.get("game");
const title = params.get("title");
const colors = { offer: "#d9534f", bid: "#2b7bb9", median: "#2e9e5b", sale: "#999" };

document.getElementById("title").textContent = title ?? "Unknown item";

function draw(history) {
  const canvas = document.getElementById("chart");
  const ctx = canvas.getContext("2d");
  const pad = { left: 70, right: 20, top: 20, bottom: 40 };
  const points = [
    ...history.prices.flatMap(p => [p.bestOfferCents, p.bestBuyOrderCents, p.medianSaleCents].filter(v => v != null).map(v => ({ t: Date.parse(p.at), v }))),
    ...history.sales.map(s => ({ t: Date.parse(s.at), v: s.priceCents })),
  ];
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  if (points.length === 0) {
    ctx.fillText("No prices or sales recorded for this item yet.", pad.left, canvas.height / 2);
    return;
  }
  const minT = Math.min(...points.map(p => p.t)), maxT = Math.max(...points.map(p => p.t)) + 1;
  const minV = Math.min(...points.map(p => p.v)) * 0.95, maxV = Math.max(...points.map(p => p.v)) * 1.05 + 1;
  const x = t => pad.left + (t - minT) / (maxT - minT) * (canvas.width - pad.left - pad.right);
  const y = v => canvas.height - pad.bottom - (v - minV) / (maxV - minV) * (canvas.height - pad.top - pad.bottom);

  ctx.strokeStyle = "#ccd"; ctx.fillStyle = "#555"; ctx.font = "12px system-ui";
  for (let i = 0; i <= 4; i++) {
    const v = minV + (maxV - minV) * i / 4;
    ctx.beginPath(); ctx.moveTo(pad.left, y(v)); ctx.lineTo(canvas.width - pad.right, y(v)); ctx.stroke();
    ctx.fillText("$" + (v / 100).toFixed(2), 5, y(v) + 4);
  }
  ctx.fillText(new Date(minT).toLocaleDateString(), pad.left, canvas.height - 10);
  ctx.fillText(new Date(maxT).toLocaleDateString(), canvas.width - pad.right - 80, canvas.height - 10);

  const line = (key, color) => {
    const series = history.prices.filter(p => p[key] != null);
    if (series.length === 0) return;
    ctx.strokeStyle = color; ctx.lineWidth = 2; ctx.beginPath();
    series.forEach((p, i) => (i ? ctx.lineTo : ctx.moveTo).call(ctx, x(Date.parse(p.at)), y(p[key])));
    ctx.stroke();
    series.forEach(p => { ctx.fillStyle = color; ctx.fillRect(x(Date.parse(p.at)) - 2, y(p[key]) - 2, 4, 4); });
  };
  line("bestOfferCents", colors.offer);
  line("bestBuyOrderCents", colors.bid);
  line("medianSaleCents", colors.median);
  ctx.fillStyle = colors.sale;
  history.sales.forEach(s => { ctx.beginPath(); ctx.arc(x(Date.parse(s.at)), y(s.priceCents), 3, 0, 2 * Math.PI); ctx.fill(); });
  canvas.dataset.points = String(points.length);
}

async function load() {
  const response = await fetch(`/api/items/${encodeURIComponent(game)}/${encodeURIComponent(title)}/history`);
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    const error = document.getElementById("error");
    error.textContent = problem.detail ?? problem.title ?? `The Api answered ${response.status}.`;
    error.hidden = false;
    return;
  }
  const history = await response.json();
  document.getElementById("summary").textContent = `${history.prices.length} price snapshots, ${history.sales.length} sales in the last 30 days.`;
  draw(history);
}

load();
