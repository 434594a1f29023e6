#!/usr/bin/env node
// Opens RRD files in the real @rerun-io/web-viewer inside headless Chromium and prints ONE JSON
// object describing what the viewer saw. Used by the JUnit tests (dev.rerun4j.testkit.RealViewer).
// See README.md for options and the JSON fields.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { exitGuard, launchChromium } from "./chromium.mjs";
import { PNG } from "pngjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const VIEWER_DIR = path.join(HERE, "node_modules", "@rerun-io", "web-viewer");
const PAGE_DIR = path.join(HERE, "page");
const SETTLE_MS = 1500;
const MAX_SHOTS = 6;

const USAGE = `usage: node view-rrd.mjs [options]
  --rrd PATH|URL            serve the file over loopback http and viewer.open() it (repeatable)
  --stream PATH             send the file through open_channel().send_rrd(), one call per RRD
                            stream contained in the file (repeatable)
  --url URL                 viewer.open(URL) as given, e.g. rerun+http://127.0.0.1:9876/proxy (repeatable)
  --until recording_open|time_range
                            stop waiting once this holds, then settle ${SETTLE_MS} ms
  --wait-ms N               upper bound for the wait (default 20000); without --until the full wait
  --active-timeline NAME    set_active_timeline() on the active recording before the screenshot
  --time T                  pause and set_current_time() (sequence number, or ns on time
                            timelines; 'start'/'end' = the timeline's range bounds)
  --panels collapsed|hidden|expanded
                            panel_state_overrides for the blueprint, selection and time panels
  --screenshot out.png      PNG of the viewer after settling
  --count-colors LIST       "#ff0000,#00ff00": pixels near each colour in the final screenshot
  --color-tolerance N       max abs difference per channel (default 40)
  --width N --height N      canvas size in px (default 1280x720)
  --console all|warn        console levels kept in "console" (default warn = warnings + errors)
  --timeout-ms N            hard limit for the whole run (default wait-ms + 90000)
exit: 0 ok, 1 not ok (see "ok" in the JSON), 2 usage error`;

// Console lines meaning a source failed to decode, load or connect (observed with 0.33.0).
const LOAD_ERROR_RE = [
  /Data source has left unexpectedly/,
  /Failed to decode/i,
  /trailing bytes in rrd stream/,
  /corrupt footer in rrd stream/,
  /dropping message without application id/,
  /Failed to open URL/,
  /Failed to fetch/,
  /blocked by CORS policy/,
  /Failed to load resource/,
  /panicked at|Rerun has crashed|WebViewer failure/,
];
// Lines that show data was accepted by the decoder but does not match what the viewer expects.
const MISMATCH_RE = [/matched semantic type/, /without first receiving a SetStoreInfo/, /Failed to decode/, /trailing bytes/];

class UsageError extends Error {}

function parseArgs(argv) {
  const o = { inputs: [], until: null, waitMs: 20000, screenshot: null, colors: [], tolerance: 40, timeline: null, time: null, panels: null, width: 1280, height: 720, console: "warn", timeoutMs: null };
  const value = (i) => {
    if (i + 1 >= argv.length) throw new UsageError(`${argv[i]} needs a value`);
    return argv[i + 1];
  };
  const count = (i) => {
    const n = Number(value(i));
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`${argv[i]} needs a non-negative integer`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    switch (a) {
      case "--rrd": case "--stream": case "--url": o.inputs.push({ kind: a.slice(2), arg: value(i++) }); break;
      case "--until": o.until = value(i++); break;
      case "--wait-ms": o.waitMs = count(i++); break;
      case "--screenshot": o.screenshot = path.resolve(value(i++)); break;
      case "--count-colors": o.colors = value(i++).split(",").map((s) => s.trim()).filter(Boolean).map(parseColor); break;
      case "--color-tolerance": o.tolerance = count(i++); break;
      case "--active-timeline": o.timeline = value(i++); break;
      case "--time": {
        const t = value(i++);
        if (t !== "start" && t !== "end" && !Number.isFinite(Number(t))) throw new UsageError("--time needs a number, 'start' or 'end'");
        o.time = t === "start" || t === "end" ? t : Number(t);
        break;
      }
      case "--panels": o.panels = value(i++); break;
      case "--width": o.width = count(i++); break;
      case "--height": o.height = count(i++); break;
      case "--console": o.console = value(i++); break;
      case "--timeout-ms": o.timeoutMs = count(i++); break;
      case "-h": case "--help": process.stdout.write(USAGE + "\n"); process.exit(0);
      default: throw new UsageError(`unknown argument: ${a}`);
    }
  }
  if (o.until && !["recording_open", "time_range"].includes(o.until)) throw new UsageError("--until must be recording_open or time_range");
  if (o.panels && !["collapsed", "hidden", "expanded"].includes(o.panels)) throw new UsageError("--panels must be collapsed, hidden or expanded");
  if (!["all", "warn"].includes(o.console)) throw new UsageError("--console must be all or warn");
  if (o.width < 100 || o.height < 100) throw new UsageError("--width/--height must be at least 100");
  for (const inp of o.inputs) {
    if (inp.kind === "url" || (inp.kind === "rrd" && /^https?:\/\//i.test(inp.arg))) continue;
    inp.file = path.resolve(inp.arg);
    if (!fs.statSync(inp.file, { throwIfNoEntry: false })?.isFile()) throw new UsageError(`no such file: ${inp.arg}`);
  }
  return o;
}

function parseColor(s) {
  const m = /^(?:#|0x)?([0-9a-f]{6})$/i.exec(s);
  if (!m) throw new UsageError(`bad colour ${s} (want #rrggbb)`);
  const v = parseInt(m[1], 16);
  return { key: "#" + m[1].toLowerCase(), r: v >> 16, g: (v >> 8) & 255, b: v & 255 };
}

// Cuts a file into its concatenated RRD streams. Framing (re_log_encoding rrd/frames.rs, 0.33):
// 12-byte StreamHeader "RRF2"+version+options, then messages of 16-byte header (kind u64 LE,
// len u64 LE) + len bytes; kind 0 = End, followed by a 32-byte StreamFooter ending "RRF2FOOT"+u32.
// The viewer is silent about truncated input, so "complete" is reported for the tests to check.
function splitStreams(buf) {
  const r = { streams: [], messages: 0, complete: false, note: null };
  if (buf.length < 12 || buf.toString("latin1", 0, 4) !== "RRF2") {
    r.note = `no RRF2 stream header (starts with ${JSON.stringify(buf.toString("latin1", 0, 4))})`;
    r.streams.push(buf);
    return r;
  }
  const cuts = [0];
  let pos = 12;
  for (;;) {
    if (pos === buf.length) { r.complete = true; break; }
    if (buf.length - pos < 16) { r.note = `truncated frame at offset ${pos}`; break; }
    const kind = buf.readBigUInt64LE(pos);
    if (kind > 3n) {
      if (buf.toString("latin1", pos, pos + 4) !== "RRF2") { r.note = `unknown message kind at offset ${pos}`; break; }
      cuts.push(pos);
      pos += 12;
      continue;
    }
    const end = pos + 16 + Number(buf.readBigUInt64LE(pos + 8));
    if (end > buf.length) { r.note = `truncated message at offset ${pos}`; break; }
    r.messages++;
    pos = end;
    if (kind === 0n && buf.length - pos >= 32 && buf.toString("latin1", pos + 20, pos + 28) === "RRF2FOOT") pos += 32;
  }
  cuts.push(buf.length);
  for (let i = 0; i + 1 < cuts.length; i++) r.streams.push(buf.subarray(cuts[i], cuts[i + 1]));
  return r;
}

const MIME = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json", ".wasm": "application/wasm", ".map": "application/json" };

function startServer(files) {
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = null;
    if (p === "/" || p === "/index.html") file = path.join(PAGE_DIR, "index.html");
    else if (p === "/page.js") file = path.join(PAGE_DIR, "page.js");
    else if (p.startsWith("/web-viewer/")) {
      const rel = path.normalize(p.slice("/web-viewer/".length));
      if (!rel.startsWith("..") && !path.isAbsolute(rel)) {
        file = path.join(VIEWER_DIR, rel);
        // index.js does import("./re_viewer"), an extensionless specifier a bundler would resolve.
        if (!fs.existsSync(file) && fs.existsSync(file + ".js")) file += ".js";
      }
    } else if (p.startsWith("/files/")) file = files[Number(p.split("/")[2])] ?? null;
    const st = file && fs.statSync(file, { throwIfNoEntry: false });
    if (!st || !st.isFile()) {
      res.writeHead(p === "/favicon.ico" ? 204 : 404);
      return res.end();
    }
    res.writeHead(200, { "content-type": MIME[path.extname(file)] || "application/octet-stream", "content-length": st.size, "cache-control": "no-store" });
    if (req.method === "HEAD") return res.end();
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

function countColors(png, colors, tol) {
  const counts = Object.fromEntries(colors.map((c) => [c.key, 0]));
  const d = png.data;
  for (let i = 0; i < d.length; i += 4) {
    for (const c of colors) {
      if (Math.abs(d[i] - c.r) <= tol && Math.abs(d[i + 1] - c.g) <= tol && Math.abs(d[i + 2] - c.b) <= tol) counts[c.key]++;
    }
  }
  return counts;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// Resolves once the page's main thread is free and has drawn two more frames.
const nextFrames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

async function main() {
  const t0 = Date.now();
  let o;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`view-rrd: ${e.message}\n${USAGE}\n`);
    process.exit(2);
  }

  const out = {
    ok: false,
    viewer_package: null,
    browser_version: null,
    page_loaded: false,
    viewer_ready: false,
    inputs: [],
    recordings_opened: [],
    active_recording_id: null,
    active_timeline: null,
    time_range: null,
    current_time: null,
    until_met: null,
    events: [],
    events_dropped: 0,
    load_errors: [],
    mismatch_warnings: [],
    console: [],
    page_errors: [],
    viewer_failure: null,
    seek_error: null,
    screenshot: null,
    screenshot_stable: null,
    color_counts: null,
    harness_error: null,
    timings_ms: {},
  };

  let browser = null;
  let server = null;
  let png = null;
  // Chromium start, the first SwiftShader frames and screenshots add up to well over a minute on
  // a busy 2-core machine, on top of the wait itself.
  const { finish, disarm } = exitGuard(out, t0, o.timeoutMs ?? o.waitMs + 90000, () => ({ browser, server }));

  try {
    out.viewer_package = JSON.parse(fs.readFileSync(path.join(VIEWER_DIR, "package.json"), "utf8")).version;
  } catch {
    out.harness_error = `@rerun-io/web-viewer missing in ${VIEWER_DIR}: run npm ci in ${HERE}`;
    return finish(1);
  }

  try {
    const files = [];
    for (const inp of o.inputs) {
      const entry = { kind: inp.kind, source: inp.file ?? inp.arg };
      if (inp.file) {
        const buf = fs.readFileSync(inp.file);
        const split = splitStreams(buf);
        Object.assign(entry, { bytes: buf.length, streams: split.streams.length, messages: split.messages, complete: split.complete, framing_note: split.note });
        if (inp.kind === "stream") inp.streams = split.streams;
        else { inp.path = `/files/${files.length}/${encodeURIComponent(path.basename(inp.file))}`; files.push(inp.file); }
      } else inp.url = inp.arg;
      out.inputs.push(entry);
    }
    server = await startServer(files);
    const origin = `http://127.0.0.1:${server.address().port}`;
    for (const inp of o.inputs) if (inp.path) inp.url = origin + inp.path;

    let t = Date.now();
    browser = await launchChromium();
    out.browser_version = browser.version();
    const context = await browser.newContext({ viewport: { width: o.width, height: o.height }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    out.timings_ms.launch = Date.now() - t;

    let lastActivity = Date.now();
    page.on("console", (msg) => {
      const level = msg.type();
      const text = msg.text();
      const loud = level === "warning" || level === "error";
      if (o.console === "all" || loud) out.console.push({ level, text });
      if (loud && LOAD_ERROR_RE.some((re) => re.test(text))) { out.load_errors.push(text); lastActivity = Date.now(); }
      if (MISMATCH_RE.some((re) => re.test(text))) out.mismatch_warnings.push(text);
    });
    page.on("pageerror", (e) => out.page_errors.push(String(e && e.message)));
    page.on("crash", () => out.page_errors.push("page crashed"));

    t = Date.now();
    const q = new URLSearchParams({ width: o.width, height: o.height });
    if (o.panels) q.set("panels", o.panels);
    await page.goto(`${origin}/?${q}`, { waitUntil: "load", timeout: 30000 });
    await page.waitForFunction(() => !!window.rrdCheck, null, { timeout: 30000 });
    out.page_loaded = true;
    out.viewer_ready = await page.evaluate(() => window.rrdCheck.started);
    const startError = await page.evaluate(() => window.rrdCheck.startError);
    if (startError) out.viewer_failure = { message: "start() threw", error: startError };
    out.timings_ms.viewer_start = Date.now() - t;

    if (out.viewer_ready) {
      t = Date.now();
      for (const inp of o.inputs) {
        if (inp.kind === "stream") {
          await page.evaluate(([n, s]) => window.rrdCheck.sendStreams(n, s), [path.basename(inp.file), inp.streams.map((b) => b.toString("base64"))]);
        } else {
          await page.evaluate((u) => window.rrdCheck.open(u), inp.url);
        }
      }

      // Bad input never meets --until: stop once load errors went quiet, not after the full wait.
      if (o.until) out.until_met = false;
      let nEvents = 0;
      let lastWake = Date.now();
      while (Date.now() - t < o.waitMs) {
        // Re-wake now and then: an idle viewer may not pick up data that arrived meanwhile.
        const wake = Date.now() - lastWake > 1000;
        if (wake) lastWake = Date.now();
        const s = await page.evaluate((w) => {
          if (w) window.rrdCheck.wake();
          return { n: window.rrdCheck.events.length, opened: window.rrdCheck.events.some((e) => e.type === "recording_open"), snap: window.rrdCheck.snapshot() };
        }, wake);
        if (s.n !== nEvents) { nEvents = s.n; lastActivity = Date.now(); }
        if (o.until && (o.until === "recording_open" ? s.opened : s.snap.time_range != null)) {
          out.until_met = true;
          await sleep(SETTLE_MS);
          break;
        }
        if (s.snap.failure || out.page_errors.length) break;
        if (out.load_errors.length && Date.now() - lastActivity > SETTLE_MS) break;
        await sleep(100);
      }
      out.timings_ms.wait = Date.now() - t;

      if (o.timeline != null || o.time != null) {
        t = Date.now();
        out.seek_error = await page.evaluate(([tl, tm]) => window.rrdCheck.seek(tl, tm), [o.timeline, o.time]);
        await nextFrames(page);
        out.timings_ms.seek = Date.now() - t;
      }
    }

    if (o.screenshot || o.colors.length) {
      t = Date.now();
      // The first frames with data take seconds under SwiftShader. Shoot until two shots in a
      // row agree (a paused viewer is done drawing); a playing one never agrees, so cap the tries.
      out.screenshot_stable = false;
      await page.evaluate(() => window.rrdCheck.wake());
      for (let i = 0; i < MAX_SHOTS; i++) {
        await nextFrames(page);
        await sleep(300);
        const shot = await page.screenshot({ timeout: 30000 });
        const same = png && png.equals(shot);
        png = shot;
        if (same) { out.screenshot_stable = true; break; }
      }
      out.timings_ms.screenshot = Date.now() - t;
    }

    t = Date.now();
    const snap = await page.evaluate(() => window.rrdCheck.snapshot());
    Object.assign(out, { active_recording_id: snap.active_recording_id, active_timeline: snap.active_timeline, time_range: snap.time_range, current_time: snap.current_time, events_dropped: snap.events_dropped });
    out.viewer_failure ??= snap.failure;
    if (out.viewer_ready && !snap.ready && !out.viewer_failure) out.viewer_failure = { message: "viewer stopped", error: null };
    if (snap.getter_errors.length) out.harness_error = "getter errors: " + snap.getter_errors.join("; ");
    out.events = await page.evaluate(() => window.rrdCheck.events);
    out.recordings_opened = out.events.filter((e) => e.type === "recording_open").map(({ payload: p }) => ({ application_id: p.application_id, recording_id: p.recording_id, source: p.source, version: p.version }));

    if (png) {
      if (o.screenshot) {
        fs.mkdirSync(path.dirname(o.screenshot), { recursive: true });
        fs.writeFileSync(o.screenshot, png);
        out.screenshot = o.screenshot;
      }
      if (o.colors.length) out.color_counts = countColors(PNG.sync.read(png), o.colors, o.tolerance);
    }
    out.timings_ms.collect = Date.now() - t;
  } catch (e) {
    out.harness_error = String(e && e.stack ? e.stack : e);
  }
  disarm();
  out.ok = out.page_loaded && out.viewer_ready && !out.viewer_failure && out.page_errors.length === 0 && !out.harness_error;
  await finish(out.ok ? 0 : 1);
}

main().catch((e) => {
  process.stderr.write(`view-rrd: fatal: ${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
