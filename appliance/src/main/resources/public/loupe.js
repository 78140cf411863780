"use strict";
// Shared by the Loupe pages: escaping, number formatting, and API calls that carry the token when one is stored.
const $ = (id) => document.getElementById(id);
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({"&":"&amp;","<":"&lt;",">":"&gt;","\"":"&quot;","'":"&#39;"}[c]));
const num = (v, d = 1) => (v ?? 0).toFixed(d);

function token() { return localStorage.getItem("loupe.token") || ""; }

async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  if (token()) headers["Authorization"] = "Bearer " + token();
  const res = await fetch(path, Object.assign({cache: "no-store"}, options, {headers}));
  if (res.status === 401) {
    const t = prompt("This needs the appliance's API token (web.token, or the web-token file in its data folder):");
    if (t) { localStorage.setItem("loupe.token", t.trim()); return api(path, options); }
  }
  if (!res.ok) throw new Error((await res.json().catch(() => ({}))).error || ("HTTP " + res.status));
  return res.json();
}

// A small SVG line of the last values (fps history), scaled to its own maximum.
function sparkline(values, width = 120, height = 24) {
  if (values.length < 2) return "";
  const max = Math.max(...values, 1e-9);
  const pts = values.map((v, i) => `${(i * width / (values.length - 1)).toFixed(1)},${(height - v / max * (height - 2) - 1).toFixed(1)}`);
  return `<svg class="spark" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><polyline points="${pts.join(" ")}"/></svg>`;
}

// A small chart of several series (counts per species over the last captures), each line in its own colour, with a
// legend. series: [{name, values}], all the same length.
const CHART_COLOURS = ["#e3b341", "#3fb950", "#a371f7", "#79c0ff", "#f0883e", "#f85149", "#8d96a3"];
function chart(series, width = 300, height = 70) {
  const n = series.length ? series[0].values.length : 0;
  if (n < 2) return "";
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const lines = series.map((s, k) => {
    const pts = s.values.map((v, i) => `${(i * width / (n - 1)).toFixed(1)},${(height - v / max * (height - 4) - 2).toFixed(1)}`);
    return `<polyline points="${pts.join(" ")}" style="fill:none;stroke:${CHART_COLOURS[k % CHART_COLOURS.length]};stroke-width:1.5"/>`;
  }).join("");
  const legend = series.map((s, k) => `<span style="color:${CHART_COLOURS[k % CHART_COLOURS.length]}">■</span> ${esc(s.name)}`).join(" ");
  return `<svg class="chart" width="100%" height="${height}" viewBox="0 0 ${width} ${height}" preserveAspectRatio="none">${lines}</svg>`
    + `<div class="dim legend">${legend} · max ${max}</div>`;
}
