// Starts the real @rerun-io/web-viewer (served from node_modules under /web-viewer/) and exposes
// window.rrdCheck for view-rrd.mjs. Query string: width, height (px, default 1280x720),
// panels (hidden|collapsed|expanded, applied to blueprint/selection/time), backend (default webgl).
import { WebViewer } from "/web-viewer/index.js";

const q = new URLSearchParams(location.search);
const width = Number(q.get("width")) || 1280;
const height = Number(q.get("height")) || 720;
const panels = q.get("panels");
const backend = q.get("backend") || "webgl"; // WebGPU has no adapter in headless Chromium here

const EVENTS = ["recording_open", "time_update", "timeline_change", "selection_change", "play", "pause"];
const MAX_EVENTS = 500; // time_update fires every frame while playing

const events = [];
let dropped = 0;
let startError = null;
let viewer = null;

function errText(e) {
  return e && e.stack ? String(e.stack) : String(e);
}

function bytesFromBase64(b64) {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function start() {
  viewer = new WebViewer();
  for (const name of EVENTS) {
    viewer.on(name, (payload) => {
      if (events.length < MAX_EVENTS) events.push({ type: name, payload: payload ?? null, t_ms: Math.round(performance.now()) });
      else dropped++;
    });
  }
  const options = {
    render_backend: backend,
    hide_welcome_screen: true, // otherwise it fetches the examples manifest from the internet
    width: `${width}px`,
    height: `${height}px`,
  };
  if (panels) {
    // 0.33.0's start() deserializes these as the Rust enum (PascalCase), although index.d.ts
    // types them lowercase: "collapsed" fails start() with `unknown variant`.
    const state = panels[0].toUpperCase() + panels.slice(1).toLowerCase();
    options.panel_state_overrides = { blueprint: state, selection: state, time: state };
  }
  try {
    await viewer.start(null, document.getElementById("viewer"), options);
  } catch (e) {
    startError = errText(e);
  }
  return viewer.ready;
}

// egui only draws when something asks for a frame, and open() / set_current_time() do not ask:
// an idle viewer would sit on the call until a user moves the mouse. A 1px canvas resize (seen
// by eframe's ResizeObserver) makes it run frames without any input that could hover or click.
function wake() {
  const c = viewer && viewer.canvas;
  if (!c) return;
  c.style.width = `${width - 1}px`;
  requestAnimationFrame(() => requestAnimationFrame(() => (c.style.width = `${width}px`)));
}

window.rrdCheck = {
  started: start(),
  events,
  get startError() {
    return startError;
  },

  open(url) {
    viewer.open(url);
    wake();
  },

  // One send_rrd() per complete RRD stream: the viewer decodes each call as an independent stream.
  sendStreams(name, streamsB64) {
    const ch = viewer.open_channel(name);
    for (const b64 of streamsB64) ch.send_rrd(bytesFromBase64(b64));
    ch.close();
    wake();
  },

  // Pauses first: a file source starts playing, which would move the time away again.
  seek(timeline, time) {
    const rid = viewer.get_active_recording_id();
    if (rid == null) return "no active recording";
    viewer.set_playing(rid, false);
    const tl = timeline ?? viewer.get_active_timeline(rid);
    if (timeline != null) viewer.set_active_timeline(rid, timeline);
    if (time != null && tl != null) {
      let t = time;
      if (time === "start" || time === "end") {
        const r = viewer.get_time_range(rid, tl);
        if (!r) return `timeline ${tl} has no time range`;
        t = time === "start" ? r.min : r.max;
      }
      viewer.set_current_time(rid, tl, Number(t));
    }
    wake();
    return null;
  },

  wake,

  snapshot() {
    const s = { ready: !!(viewer && viewer.ready), active_recording_id: null, active_timeline: null, time_range: null, current_time: null, failure: null, getter_errors: [], events_dropped: dropped };
    // WebViewer.#fail() replaces the canvas with this markup.
    const msg = document.querySelector(".rerun-fail-message");
    if (msg) {
      const err = document.querySelector(".rerun-fail-error");
      s.failure = { message: msg.textContent, error: err ? err.textContent : null };
    }
    if (!s.ready) return s;
    try {
      const rid = viewer.get_active_recording_id();
      s.active_recording_id = rid ?? null;
      if (rid != null) {
        const tl = viewer.get_active_timeline(rid);
        s.active_timeline = tl ?? null;
        if (tl != null) {
          s.time_range = viewer.get_time_range(rid, tl) ?? null;
          s.current_time = viewer.get_current_time(rid, tl);
        }
      }
    } catch (e) {
      s.getter_errors.push(String(e));
    }
    return s;
  },
};
