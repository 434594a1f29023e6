#!/usr/bin/env node
// Drives a rerun4j app page (viewer-host's webapp) in headless Chromium through a JSON list of
// steps and prints ONE JSON object with the outcome of every step. Used by the demos' JUnit tests
// (demos/src/test/java/dev/rerun4j/demos/AppDriver.java); see the step list in USAGE.
import fs from "node:fs";
import path from "node:path";
import { exitGuard, launchChromium } from "./chromium.mjs";
import { PNG } from "pngjs";

const USAGE = `usage: node drive-app.mjs --url URL [--steps JSON | --steps-file FILE | (steps on stdin)] [options]
  --width N --height N   viewport (default 1280x1100: the demo page with its 640 px viewer fits)
  --timeout-ms N         hard limit for the whole run (default 180000); the browser is always closed
  --console all|warn     console levels kept (default warn = warnings + errors)

Steps: a JSON array of objects with "op" (every step may set "timeoutMs"; "optional": true lets
the run go on when it fails). testid = a data-testid of the page (button-c2, status-c2, tab-Hosted RRD, ...).
  {"op":"click","testid":T}                       click an element
  {"op":"upload","testid":"upload-c1","file":F}   set the file of an image input; waits for the upload id
  {"op":"select","testid":"dropdown-c8","label":L | "value":V | "index":I}
  {"op":"fill","testid":"number-c3","value":V}    type a value and press Enter (number/textbox)
  {"op":"waitStatus","testid":"status-c2","state":"done" | ["done","error"]}
  {"op":"waitToast","text":"boom"}                 a toast whose text contains this
  {"op":"waitViewer","viewer":"c9","recordingId":R | "recordingPrefix":P,"timeline":TL,"min":0,"max":99 | "maxAtLeast":N}
                                                   the viewer's active recording (and its time range on TL)
  {"op":"waitBinary","viewer":"c9","min":N}        at least N RRD pieces for that viewer arrived
  {"op":"viewerEval","viewer":"c9","expr":E}       E evaluated with viewer (WebViewer), rid (active
                                                   recording id), slot, debug (window.rerun4j) in scope
  {"op":"eval","expr":E}                           E evaluated in the page (debug = window.rerun4j)
  {"op":"waitFor","expr":E}                        until E is truthy
  {"op":"clickViewer","viewer":"c9","x":0.25,"y":0.5,"expect":"selection_change"?,"attempts":3?,"press":"real"|"dom"?}
                                                   hover, then click the viewer canvas at these
                                                   fractions; with expect: until the page sent it
  {"op":"wake","viewer":"c9"}                      make an idle viewer repaint
  {"op":"screenshot","path":F,"testid":T?}         PNG of the page or of one element
  {"op":"countColors","colors":["#ff0000"],"tolerance":40,"testid":T?,"region":{x,y,w,h}?,"path":F?,"stable":true}
        pixels within tolerance of each colour, and their bounding box, in the element (or page);
        region: fractions of the element's box; stable: shoot until two shots agree (max 6)
  {"op":"sleep","ms":N}
  {"op":"close"}                                   close the page (its session ends); the browser stays
exit: 0 every step ok and no page error, 1 otherwise, 2 usage error`;

const MAX_CONSOLE = 300;
const DEFAULT_STEP_TIMEOUT = 30000;
const POLL_MS = 200;

class UsageError extends Error {}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function parseArgs(argv) {
  const o = { url: null, steps: null, stepsFile: null, width: 1280, height: 1100, timeoutMs: 180000, console: "warn" };
  const value = (i) => {
    if (i + 1 >= argv.length) throw new UsageError(`${argv[i]} needs a value`);
    return argv[i + 1];
  };
  const count = (i) => {
    const n = Number(value(i));
    if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${argv[i]} needs a positive integer`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    switch (a) {
      case "--url": o.url = value(i++); break;
      case "--steps": o.steps = value(i++); break;
      case "--steps-file": o.stepsFile = value(i++); break;
      case "--width": o.width = count(i++); break;
      case "--height": o.height = count(i++); break;
      case "--timeout-ms": o.timeoutMs = count(i++); break;
      case "--console": o.console = value(i++); break;
      case "-h": case "--help": process.stdout.write(USAGE + "\n"); process.exit(0);
      default: throw new UsageError(`unknown argument: ${a}`);
    }
  }
  if (!o.url) throw new UsageError("--url is required");
  if (!["all", "warn"].includes(o.console)) throw new UsageError("--console must be all or warn");
  return o;
}

function parseSteps(text) {
  let steps;
  try {
    steps = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`steps are not JSON: ${e.message}`);
  }
  if (!Array.isArray(steps)) throw new UsageError("steps must be a JSON array");
  for (const [i, s] of steps.entries()) {
    if (!s || typeof s !== "object" || typeof s.op !== "string") throw new UsageError(`step ${i} has no "op"`);
    if (!OPS[s.op]) throw new UsageError(`step ${i}: unknown op "${s.op}"`);
  }
  return steps;
}

async function readStdin() {
  const chunks = [];
  for await (const c of process.stdin) chunks.push(c);
  return Buffer.concat(chunks).toString("utf8");
}

function parseColor(s) {
  const m = /^(?:#|0x)?([0-9a-f]{6})$/i.exec(String(s));
  if (!m) throw new Error(`bad colour ${s} (want #rrggbb)`);
  const v = parseInt(m[1], 16);
  return { key: "#" + m[1].toLowerCase(), r: v >> 16, g: (v >> 8) & 255, b: v & 255 };
}

function countColors(png, colors, tol) {
  const out = {};
  for (const c of colors) out[c.key] = { count: 0, minX: null, maxX: null, minY: null, maxY: null };
  const d = png.data;
  const w = png.width;
  for (let i = 0, p = 0; i < d.length; i += 4, p++) {
    for (const c of colors) {
      if (Math.abs(d[i] - c.r) <= tol && Math.abs(d[i + 1] - c.g) <= tol && Math.abs(d[i + 2] - c.b) <= tol) {
        const e = out[c.key];
        const x = p % w;
        const y = (p - x) / w;
        e.count++;
        if (e.minX === null || x < e.minX) e.minX = x;
        if (e.maxX === null || x > e.maxX) e.maxX = x;
        if (e.minY === null || y < e.minY) e.minY = y;
        if (e.maxY === null || y > e.maxY) e.maxY = y;
      }
    }
  }
  return out;
}

// Installed before the app's scripts: counts every frame the host sends (binary = RRD pieces per
// viewer, text = JSON by type), whatever the transport, through the page's tap
// (window.__rerun4jTap, see app.js), and remembers every toast text, even ones removed later.
function initScript() {
  const drive = { binary: {}, binaryLog: [], text: {}, toasts: [], sentEvents: [], opened: 0, closed: 0, transport: null };
  window.__drive = drive;
  window.__rerun4jTap = {
    opened(kind) {
      drive.opened++;
      drive.transport = kind;
    },
    closed() {
      drive.closed++;
    },
    received(data) {
      const t = Math.round(performance.now());
      if (typeof data === "string") {
        let type = "?";
        try { type = JSON.parse(data).type; } catch {}
        drive.text[type] = (drive.text[type] || 0) + 1;
        return;
      }
      const buf = data instanceof ArrayBuffer ? data : null;
      if (!buf || buf.byteLength < 2) return;
      const n = new DataView(buf).getUint16(0, false);
      const id = new TextDecoder().decode(new Uint8Array(buf, 2, Math.min(n, buf.byteLength - 2)));
      const b = (drive.binary[id] ||= { count: 0, bytes: 0 });
      b.count++;
      b.bytes += buf.byteLength - 2 - n;
      if (drive.binaryLog.length < 2000) drive.binaryLog.push({ t, component: id, bytes: buf.byteLength - 2 - n });
    },
    // Page -> host events with their payloads (time_update excepted: it fires every frame).
    sent(text) {
      if (drive.sentEvents.length >= 500) return;
      try {
        const f = JSON.parse(text);
        if (f.type === "event" && f.event !== "time_update") {
          drive.sentEvents.push({ t: Math.round(performance.now()), id: f.id, component: f.component, event: f.event, payload: f.payload ?? null });
        }
      } catch {}
    },
  };
  const watch = () => {
    new MutationObserver((records) => {
      for (const r of records) {
        for (const node of r.addedNodes) {
          if (node.nodeType !== 1) continue;
          const toasts = node.matches('[data-testid="toast"]') ? [node] : [...node.querySelectorAll('[data-testid="toast"]')];
          for (const t of toasts) {
            const msg = t.querySelector('[data-testid="toast-message"]');
            drive.toasts.push({ t: Math.round(performance.now()), level: t.dataset.level || null, text: msg ? msg.textContent : t.textContent });
          }
        }
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
  };
  if (document.documentElement) watch();
  else document.addEventListener("DOMContentLoaded", watch);
}

const byTestId = (page, id) => page.locator(`[data-testid="${String(id).replace(/"/g, '\\"')}"]`);

// Polls fn(page) until it returns {done:true, value}; fails with the last value after timeoutMs.
async function poll(page, timeoutMs, fn, describe) {
  const end = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await fn();
    if (last && last.done) return last.value;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${describe}; last: ${JSON.stringify(last && last.value)}`);
    await sleep(POLL_MS);
  }
}

function viewerEvalSource(expr) {
  return `(() => {
    const debug = window.rerun4j;
    const viewer = debug && debug.viewers.get(__id);
    const slot = debug && debug.slots.get(__id);
    const rid = viewer && viewer.ready ? viewer.get_active_recording_id() : null;
    return (${expr});
  })()`;
}

async function evalInPage(page, source) {
  // Wrapped so that the value comes back as JSON (no functions, no cycles) and errors as text.
  return page.evaluate((src) => {
    // eslint-disable-next-line no-eval
    const v = (0, eval)(src);
    return Promise.resolve(v).then((x) => (x === undefined ? null : JSON.parse(JSON.stringify(x))));
  }, source);
}

async function wakeViewer(page, id) {
  await page.evaluate((vid) => {
    const slot = window.rerun4j && window.rerun4j.slots.get(vid);
    if (slot) slot.wake();
  }, id);
}

async function elementBox(page, testid) {
  const loc = byTestId(page, testid).first();
  // boundingBox() waits for the element, not for the page to be idle (a busy SwiftShader
  // viewer can stall scrollIntoView for seconds); the default viewport fits the demo page.
  let box = await loc.boundingBox({ timeout: 60000 });
  if (box && (box.y < 0 || box.y + box.height > page.viewportSize().height)) {
    await loc.scrollIntoViewIfNeeded({ timeout: 30000 });
    box = await loc.boundingBox({ timeout: 60000 });
  }
  if (!box) throw new Error(`${testid} has no box (hidden?)`);
  return box;
}

async function shoot(page, step) {
  let clip;
  if (step.testid) {
    const box = await elementBox(page, step.testid);
    clip = { x: box.x, y: box.y, width: box.width, height: box.height };
    if (step.region) {
      const r = step.region;
      clip = { x: box.x + box.width * r.x, y: box.y + box.height * r.y, width: box.width * r.w, height: box.height * r.h };
    }
    clip = { x: Math.round(clip.x), y: Math.round(clip.y), width: Math.max(1, Math.round(clip.width)), height: Math.max(1, Math.round(clip.height)) };
  }
  return { png: await page.screenshot({ clip, timeout: 30000 }), clip: clip ?? null };
}

// Operations: (ctx, step) => value. ctx = {page, out, o}.
const OPS = {
  async click({ page }, s) {
    await byTestId(page, s.testid).first().click({ timeout: s.timeoutMs ?? DEFAULT_STEP_TIMEOUT });
    return null;
  },

  async upload({ page }, s) {
    const timeout = s.timeoutMs ?? DEFAULT_STEP_TIMEOUT;
    if (!fs.existsSync(s.file)) throw new Error(`no such file: ${s.file}`);
    await byTestId(page, s.testid).first().setInputFiles(s.file, { timeout });
    const comp = String(s.testid).replace(/^upload-/, "");
    return poll(page, timeout, async () => {
      const v = await page.evaluate((id) => {
        const c = window.rerun4j && window.rerun4j.components.get(id);
        return c ? { value: c.getValue(), pending: !!c.pendingUpload } : null;
      }, comp);
      return { done: !!(v && v.value != null && !v.pending), value: v };
    }, `upload id of ${comp}`);
  },

  async select({ page }, s) {
    const opt = s.label != null ? { label: String(s.label) } : s.value != null ? { value: String(s.value) } : { index: Number(s.index) };
    return byTestId(page, s.testid).first().selectOption(opt, { timeout: s.timeoutMs ?? DEFAULT_STEP_TIMEOUT });
  },

  async fill({ page }, s) {
    const loc = byTestId(page, s.testid).first();
    await loc.fill(String(s.value), { timeout: s.timeoutMs ?? DEFAULT_STEP_TIMEOUT });
    await loc.press("Enter");
    return null;
  },

  async waitStatus({ page }, s) {
    const want = [].concat(s.state);
    return poll(page, s.timeoutMs ?? DEFAULT_STEP_TIMEOUT, async () => {
      const st = await page.evaluate((id) => {
        const el = document.querySelector(`[data-testid="${id}"]`);
        return el ? { state: el.dataset.state, title: el.title || null, text: el.textContent } : null;
      }, s.testid);
      return { done: !!(st && want.includes(st.state)), value: st };
    }, `${s.testid} in state ${want.join("|")}`);
  },

  async waitToast({ page, out }, s) {
    return poll(page, s.timeoutMs ?? DEFAULT_STEP_TIMEOUT, async () => {
      const toasts = await page.evaluate(() => (window.__drive ? window.__drive.toasts : []));
      const hit = toasts.find((t) => String(t.text).includes(String(s.text)));
      return { done: !!hit, value: hit ?? toasts };
    }, `a toast containing ${JSON.stringify(s.text)}`);
  },

  async waitViewer({ page }, s) {
    let lastWake = 0;
    return poll(page, s.timeoutMs ?? DEFAULT_STEP_TIMEOUT, async () => {
      const wake = Date.now() - lastWake > 1000;
      if (wake) lastWake = Date.now();
      const snap = await page.evaluate(([id, tl, w]) => {
        const debug = window.rerun4j;
        const viewer = debug && debug.viewers.get(id);
        const slot = debug && debug.slots.get(id);
        if (w && slot) slot.wake();
        if (!viewer || !viewer.ready) return { ready: false, state: slot ? slot.state : null };
        const rid = viewer.get_active_recording_id();
        const r = { ready: true, recording_id: rid ?? null, active_timeline: null, time_range: null };
        if (rid != null) {
          r.active_timeline = viewer.get_active_timeline(rid) ?? null;
          const t = tl ?? r.active_timeline;
          if (t != null) {
            r.timeline = t;
            r.time_range = viewer.get_time_range(rid, t) ?? null;
            try { r.current_time = viewer.get_current_time(rid, t); } catch {}
          }
        }
        return r;
      }, [s.viewer, s.timeline ?? null, wake]);
      let done = snap.ready && snap.recording_id != null;
      if (done && s.recordingId != null) done = snap.recording_id === s.recordingId;
      if (done && s.recordingPrefix != null) done = String(snap.recording_id).startsWith(s.recordingPrefix);
      if (done && s.timeline != null) done = snap.time_range != null;
      if (done && s.min != null) done = Number(snap.time_range.min) === Number(s.min);
      if (done && s.max != null) done = Number(snap.time_range.max) === Number(s.max);
      if (done && s.maxAtLeast != null) done = Number(snap.time_range.max) >= Number(s.maxAtLeast);
      return { done, value: snap };
    }, `viewer ${s.viewer} ${JSON.stringify({ recordingId: s.recordingId, recordingPrefix: s.recordingPrefix, timeline: s.timeline, min: s.min, max: s.max, maxAtLeast: s.maxAtLeast })}`);
  },

  async waitBinary({ page }, s) {
    return poll(page, s.timeoutMs ?? DEFAULT_STEP_TIMEOUT, async () => {
      const b = await page.evaluate((id) => (window.__drive.binary[id] ?? { count: 0, bytes: 0 }), s.viewer);
      return { done: b.count >= s.min, value: b };
    }, `${s.min} RRD pieces for ${s.viewer}`);
  },

  async viewerEval({ page }, s) {
    const src = `(() => { const __id = ${JSON.stringify(s.viewer)}; return ${viewerEvalSource(s.expr)}; })()`;
    const v = await evalInPage(page, src);
    await wakeViewer(page, s.viewer);
    return v;
  },

  async eval({ page }, s) {
    return evalInPage(page, `(() => { const debug = window.rerun4j; return (${s.expr}); })()`);
  },

  async waitFor({ page }, s) {
    return poll(page, s.timeoutMs ?? DEFAULT_STEP_TIMEOUT, async () => {
      const v = await evalInPage(page, `(() => { const debug = window.rerun4j; return (${s.expr}); })()`);
      return { done: !!v, value: v };
    }, `${s.expr}`);
  },

  async clickViewer({ page }, s) {
    const box = await elementBox(page, `viewer-${s.viewer}`);
    const canvas = await page.evaluate((id) => {
      const v = window.rerun4j.viewers.get(id);
      const c = v && v.canvas;
      if (!c) return null;
      const r = c.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }, s.viewer);
    const b = canvas ?? box;
    const x = b.x + b.width * Number(s.x);
    const y = b.y + b.height * Number(s.y);
    // egui acts on what the pointer hovered in earlier frames, and the viewer finds the hovered
    // entity by GPU picking, whose result arrives frames later. An idle egui only draws on input,
    // so keep the pointer moving by a pixel for a while (each move is a frame), then press.
    // With "expect" (a viewer event such as selection_change), the click is repeated, hovering
    // longer each time, until the page sent that event (with items) to the host. Under
    // SwiftShader on a busy machine a frame can take a second and the event can come seconds
    // after the press, hence the long wait per click (expectTimeoutMs). No Escape between tries:
    // it would clear a selection whose event is still on its way.
    const expected = () => page.evaluate(([id, ev]) => window.__drive.sentEvents.filter((e) => e.component === id && e.event === ev
      && !(ev === "selection_change" && !(e.payload && e.payload.items && e.payload.items.length))).length, [s.viewer, s.expect]);
    const attempts = s.expect ? (s.attempts ?? 3) : 1;
    const before = s.expect ? await expected() : 0;
    let tries = 0;
    let seen = !s.expect;
    const presses = []; // page times (performance.now) of each press
    for (; tries < attempts && (tries === 0 || !seen); tries++) {
      const hoverMs = (s.hoverMs ?? 2500) * (1 + tries);
      await page.mouse.move(x - 8, y - 8);
      const until = Date.now() + hoverMs;
      for (let k = 0; Date.now() < until; k++) {
        await page.mouse.move(x + (k % 2), y);
        await sleep(150);
      }
      await page.mouse.move(x, y);
      await sleep(150);
      if (s.debugShots) {
        fs.mkdirSync(s.debugShots, { recursive: true });
        fs.writeFileSync(path.join(s.debugShots, `before-press-${tries}.png`), await page.screenshot({ timeout: 30000 }));
      }
      // egui only counts press + release as a click when they are at most 0.8 s apart in frame
      // time; SwiftShader frames on a busy machine take longer than that, so both must land in
      // one frame. First try: real input, press and release sent back to back. Later tries:
      // both pointer events dispatched on the canvas in one task, which guarantees one frame.
      const mode = tries === 0 ? (s.press ?? "real") : "dom";
      presses.push({ mode, t: await page.evaluate(() => Math.round(performance.now())) });
      if (mode === "real") {
        await Promise.all([page.mouse.down(), page.mouse.up()]);
      } else {
        await page.evaluate(([id, px, py]) => {
          const c = window.rerun4j.viewers.get(id).canvas;
          const o = { bubbles: true, cancelable: true, composed: true, view: window, clientX: px, clientY: py, screenX: px, screenY: py,
            button: 0, buttons: 1, pointerId: 1, pointerType: "mouse", isPrimary: true };
          c.dispatchEvent(new PointerEvent("pointerdown", o));
          c.dispatchEvent(new PointerEvent("pointerup", { ...o, buttons: 0 }));
        }, [s.viewer, x, y]);
      }
      // Frames after the release, so the click is handled and the selection reported.
      const settle = Date.now() + (s.expect ? (s.expectTimeoutMs ?? 20000) : 900);
      for (let k = 0; Date.now() < settle; k++) {
        await sleep(150);
        await page.mouse.move(x + (k % 2), y + 1);
        if (s.expect && (await expected()) > before) { seen = true; break; }
      }
    }
    // Then leave the canvas (default), so hover tooltips do not cover what a screenshot checks.
    if (s.leave !== false) {
      await page.mouse.move(Math.max(0, b.x - 20), Math.max(0, b.y - 20), { steps: 2 });
      await sleep(150);
    }
    await wakeViewer(page, s.viewer);
    if (!seen) throw new Error(`no ${s.expect} from viewer ${s.viewer} after ${tries} clicks at (${Math.round(x)}, ${Math.round(y)})`);
    return { x: Math.round(x), y: Math.round(y), canvas: b, clicks: tries, pressed_at: presses };
  },

  async wake({ page }, s) {
    await wakeViewer(page, s.viewer);
    return null;
  },

  async screenshot({ page }, s) {
    const { png, clip } = await shoot(page, s);
    fs.mkdirSync(path.dirname(path.resolve(s.path)), { recursive: true });
    fs.writeFileSync(s.path, png);
    return { path: path.resolve(s.path), clip };
  },

  async countColors({ page }, s) {
    const colors = [].concat(s.colors ?? []).map(parseColor);
    if (!colors.length) throw new Error("countColors needs colors");
    if (s.viewer) await wakeViewer(page, s.viewer);
    let shot = await shoot(page, s);
    let stable = null;
    if (s.stable !== false) {
      // SwiftShader draws the first frames with new data slowly: shoot until two agree.
      stable = false;
      for (let i = 0; i < (s.maxShots ?? 6); i++) {
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        await sleep(300);
        const next = await shoot(page, s);
        const same = next.png.equals(shot.png);
        shot = next;
        if (same) { stable = true; break; }
      }
    }
    if (s.path) {
      fs.mkdirSync(path.dirname(path.resolve(s.path)), { recursive: true });
      fs.writeFileSync(s.path, shot.png);
    }
    const img = PNG.sync.read(shot.png);
    return { clip: shot.clip, width: img.width, height: img.height, stable, colors: countColors(img, colors, s.tolerance ?? 40) };
  },

  async sleep(_ctx, s) {
    await sleep(Number(s.ms) || 0);
    return null;
  },

  async close(ctx) {
    ctx.out.final = await summary(ctx.page).catch((e) => ({ error: String(e) }));
    await ctx.page.close({ runBeforeUnload: false });
    ctx.closed = true;
    return null;
  },
};

async function summary(page) {
  return page.evaluate(() => {
    const debug = window.rerun4j;
    const drive = window.__drive;
    const counts = (list, key) => {
      const m = {};
      for (const e of list || []) {
        const k = key(e);
        m[k] = (m[k] || 0) + 1;
      }
      return m;
    };
    return {
      session: debug ? debug.session : null,
      connected: debug ? debug.connected : null,
      host_frames: drive ? drive.text : null,
      binary: drive ? drive.binary : null,
      transport: drive ? drive.transport : null,
      sessions_opened: drive ? drive.opened : null,
      sessions_closed: drive ? drive.closed : null,
      // window.rerun4j.events / .sent keep the last 200 frames each.
      events_by_type: debug ? counts(debug.events, (e) => e.type + (e.state ? ":" + e.state : "")) : null,
      sent_by_event: debug ? counts(debug.sent, (e) => e.type + (e.event ? ":" + e.component + ":" + e.event : "")) : null,
      last_events: debug ? debug.events.filter((e) => e.type !== "binary").slice(-40) : null,
      last_sent: debug ? debug.sent.filter((e) => e.event !== "time_update").slice(-40) : null,
      statuses: Object.fromEntries([...document.querySelectorAll('[data-testid^="status-"]')].map((el) => [el.dataset.testid, el.dataset.state])),
      viewers: debug ? Object.fromEntries([...debug.slots.entries()].map(([id, s]) => [id, { state: s.state, error: s.error, opened: s.opened }])) : null,
      disconnected_banner: !document.getElementById("banner")?.hidden,
      toasts: drive ? drive.toasts : [],
      sent_events: drive ? drive.sentEvents : [],
    };
  });
}

async function main() {
  const t0 = Date.now();
  let o;
  let steps;
  try {
    o = parseArgs(process.argv.slice(2));
    const text = o.steps ?? (o.stepsFile ? fs.readFileSync(o.stepsFile, "utf8") : await readStdin());
    steps = parseSteps(text);
  } catch (e) {
    if (!(e instanceof UsageError) && e.code !== "ENOENT") throw e;
    process.stderr.write(`drive-app: ${e.message}\n${USAGE}\n`);
    process.exit(2);
  }

  const out = {
    ok: false,
    url: o.url,
    browser_version: null,
    page_loaded: false,
    connected: false,
    steps: [],
    failed_step: null,
    console: [],
    console_errors: [],
    page_errors: [],
    toasts: [],
    final: null,
    harness_error: null,
    timings_ms: {},
  };

  let browser = null;
  const { finish, disarm } = exitGuard(out, t0, o.timeoutMs, () => ({ browser, server: null }));

  const ctx = { page: null, out, o, closed: false };
  try {
    let t = Date.now();
    browser = await launchChromium();
    out.browser_version = browser.version();
    const context = await browser.newContext({ viewport: { width: o.width, height: o.height }, deviceScaleFactor: 1 });
    await context.addInitScript(initScript);
    const page = await context.newPage();
    ctx.page = page;
    out.timings_ms.launch = Date.now() - t;

    page.on("console", (msg) => {
      const level = msg.type();
      const loud = level === "warning" || level === "error";
      if (!(o.console === "all" || loud)) return;
      const text = msg.text().slice(0, 1000);
      if (out.console.length < MAX_CONSOLE) out.console.push({ level, text });
      if (level === "error" && out.console_errors.length < MAX_CONSOLE) out.console_errors.push(text);
    });
    page.on("pageerror", (e) => out.page_errors.push(String(e && e.message)));
    page.on("crash", () => out.page_errors.push("page crashed"));

    t = Date.now();
    await page.goto(o.url, { waitUntil: "load", timeout: 30000 });
    out.page_loaded = true;
    await page.waitForFunction(() => window.rerun4j && window.rerun4j.connected && window.rerun4j.session, null, { timeout: 30000, polling: 100 });
    out.connected = true;
    out.timings_ms.connect = Date.now() - t;

    for (const [i, step] of steps.entries()) {
      const r = { i, op: step.op, ok: false, started_at: Date.now(), ms: 0, value: null, error: null };
      if (step.label) r.label = step.label;
      out.steps.push(r);
      if (ctx.closed && step.op !== "sleep") {
        r.error = "the page was closed by an earlier step";
      } else {
        try {
          r.value = (await OPS[step.op](ctx, step)) ?? null;
          r.ok = true;
        } catch (e) {
          r.error = String(e && e.message ? e.message : e).slice(0, 4000);
        }
      }
      r.ms = Date.now() - r.started_at;
      r.ended_at = Date.now();
      if (!r.ok && !step.optional) {
        out.failed_step = i;
        break;
      }
    }

    if (!ctx.closed) {
      out.final = await summary(page).catch((e) => ({ error: String(e) }));
    }
    out.toasts = (out.final && out.final.toasts) || [];
  } catch (e) {
    out.harness_error = String(e && e.stack ? e.stack : e);
  }
  disarm();
  out.ok = out.connected && out.failed_step === null && out.page_errors.length === 0 && !out.harness_error;
  await finish(out.ok ? 0 : 1);
}

main().catch((e) => {
  process.stderr.write(`drive-app: fatal: ${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
