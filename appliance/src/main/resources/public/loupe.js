"use strict";
// Shared by the Loupe pages: escaping, number formatting, and API calls that carry the token when one is stored.
const $ = (id) => document.getElementById(id);
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({"&":"&amp;","<":"&lt;",">":"&gt;","\"":"&quot;","'":"&#39;"}[c]));
const num = (v, d = 1) => (v ?? 0).toFixed(d);

function token() { return localStorage.getItem("loupe.token") || ""; }

// A URL of a protected resource that the browser fetches by itself (an <img>, a link): headers cannot go with it, so
// the stored token goes as ?token=.
function withToken(url) {
  return token() ? url + (url.includes("?") ? "&" : "?") + "token=" + encodeURIComponent(token()) : url;
}

// A saved NG image of a pipeline (a result's ng_image), with the token when one is stored.
function ngImageUrl(pipeline, path) {
  return withToken(`/api/pipelines/${encodeURIComponent(pipeline)}/ng/${path.split("/").map(encodeURIComponent).join("/")}`);
}

// The token is asked for once per page load; after that (dismissed, or refused again) the header says so and offers a
// button that asks again, instead of a prompt every poll.
let tokenAsked = false;
function askToken() {
  tokenAsked = true;
  const t = prompt("This needs the appliance's API token (web.token, or the web-token file in its data folder):");
  if (!t || !t.trim()) return false;
  localStorage.setItem("loupe.token", t.trim());
  showTokenNeeded(false);
  return true;
}

function showTokenNeeded(needed) {
  let box = $("token-needed");
  if (!box && needed) {
    box = document.createElement("span");
    box.id = "token-needed";
    box.innerHTML = `<span class="badge UNKNOWN">token needed</span> <button type="button">Enter token</button>`;
    box.querySelector("button").onclick = () => askToken();
    document.querySelector("header").appendChild(box);
  }
  if (box) box.hidden = !needed;
}

async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  if (token()) headers["Authorization"] = "Bearer " + token();
  const res = await fetch(path, Object.assign({cache: "no-store"}, options, {headers}));
  if (res.status === 401) {
    if (!tokenAsked && askToken()) return api(path, options);
    showTokenNeeded(true);
    throw Object.assign(new Error("token needed"), {tokenNeeded: true});
  }
  showTokenNeeded(false);
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
