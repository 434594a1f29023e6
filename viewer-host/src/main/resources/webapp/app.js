// rerun4j app page: renders the app described by GET api/app and speaks the session protocol of
// viewer-host/PROTOCOL.md over the deployment's transport (connection.js: WebSocket or gRPC-Web).
// No dependencies, no bundler; the Rerun viewer is imported from ./web-viewer/index.js (served by
// the host out of the jar).
//
// URLs are relative to the page, so the app also works when mounted under a path prefix.
// Query parameters: ?backend=webgl|webgpu forces the viewer's render backend; ?transport=NAME picks
// one of the host's enabled transports for the session.

import { h, Toasts, makeComponent, buildLayout, isInputKind } from "./ui.js";
import { ViewerSlot } from "./viewer.js";
import { connectionFor } from "./connection.js";

const MAX_LOG = 200;
const MAX_UPLOAD_BYTES = 32 * 1024 * 1024;

const query = new URLSearchParams(location.search);
const toasts = new Toasts(document.getElementById("toasts"));
const banner = document.getElementById("banner");
const appEl = document.getElementById("app");

/** @type {Map<string, object>} id -> component (see ui.js) */
const components = new Map();
/** @type {Map<string, ViewerSlot>} */
const slots = new Map();
const eventOwner = new Map(); // event id -> component id
const latestEvent = new Map(); // component id -> latest event id sent for it

const debug = {
  viewers: new Map(), // id -> WebViewer
  slots,
  components,
  events: [], // last host frames (summaries)
  sent: [], // last page frames (summaries)
  session: null,
  fileBase: null,
  connected: false,
  app: null,
  values: () => collectValues(),
  whenViewerReady: (id) => (slots.get(id) ? slots.get(id).whenReady() : Promise.resolve(false)),
};
window.rerun4j = debug;

function remember(list, entry) {
  list.push({ t: Math.round(performance.now()), ...entry });
  if (list.length > MAX_LOG) list.splice(0, list.length - MAX_LOG);
}

function toastError(message, opts) {
  toasts.show(message, opts);
}

// -----------------------------------------------------------------------------------------------
// Session channel

class Session {
  constructor() {
    this.connection = null;
    this.id = null;
    this.outbox = []; // frames sent before hello
    this.helloReceived = false;
    this.sessionReady = new Promise((resolve) => (this.resolveSession = resolve));
    this.nextEvent = 0;
    this.closed = false;
  }

  /** @param {{kind: string}} transport the app's transport settings (see PROTOCOL.md) */
  connect(transport) {
    const Connection = connectionFor(transport.kind);
    // window.__rerun4jTap, when a test or monitoring script installs it before this page's
    // scripts, sees every frame whatever the transport.
    const tap = window.__rerun4jTap;
    this.connection = new Connection(transport, {
      onText: (text) => {
        tap?.received(text);
        this.#onMessage(text);
      },
      onBinary: (buffer) => {
        tap?.received(buffer);
        handleBinary(buffer);
      },
      onClose: (why) => {
        tap?.closed(why);
        this.#onClose(why);
      },
    });
    debug.transport = transport.kind;
    this.connection.open();
    tap?.opened(transport.kind);
  }

  send(frame) {
    if (this.closed) return false;
    if (!this.helloReceived || !this.connection.ready) {
      this.outbox.push(frame);
      return true;
    }
    this.#send(JSON.stringify(frame));
    remember(debug.sent, summarize(frame));
    return true;
  }

  #send(text) {
    window.__rerun4jTap?.sent(text);
    this.connection.send(text);
  }

  newEventId() {
    return `e${++this.nextEvent}`;
  }

  #onMessage(text) {
    let frame;
    try {
      frame = JSON.parse(text);
    } catch (e) {
      console.error("rerun4j: bad frame from host", text);
      return;
    }
    remember(debug.events, summarize(frame));
    try {
      handleFrame(frame, this);
    } catch (e) {
      console.error("rerun4j: handling frame", frame, e);
    }
  }

  onHello(frame) {
    this.id = frame.session;
    this.helloReceived = true;
    debug.session = frame.session;
    debug.fileBase = frame.fileBase ?? null;
    debug.connected = true;
    this.resolveSession(frame.session);
    // The viewers exist (they start lazily when shown and queue what arrives before): load now.
    this.#send(JSON.stringify({ type: "load" }));
    remember(debug.sent, { type: "load" });
    const queued = this.outbox;
    this.outbox = [];
    for (const f of queued) this.send(f);
  }

  #onClose(e) {
    this.closed = true;
    debug.connected = false;
    console.warn(`rerun4j: session closed (${e.code} ${e.reason})`);
    banner.hidden = false;
    banner.replaceChildren(
      h("span", { class: "banner-dot", "aria-hidden": "true" }),
      h("span", { text: "Connection to the server lost. Reload the page to reconnect." }),
      h("button", { type: "button", class: "btn btn-secondary btn-sm", text: "Reload", onclick: () => location.reload() }),
    );
    document.body.classList.add("disconnected");
    // Whatever was still pending will never finish.
    for (const [compId, eventId] of latestEvent) {
      const comp = components.get(compId);
      const state = comp && comp.status.el.dataset.state;
      if (state === "queued" || state === "running") comp.status.set("error", "disconnected");
      latestEvent.delete(compId);
    }
  }
}

function summarize(frame) {
  const s = { type: frame.type };
  for (const k of ["id", "component", "event", "state", "command", "session"]) if (frame[k] !== undefined) s[k] = frame[k];
  if (frame.type === "error" || (frame.type === "status" && frame.message)) s.message = frame.message;
  if (frame.type === "update") s.value = frame.value;
  if (frame.type === "viewer") s.args = frame.args;
  return s;
}

const session = new Session();

// -----------------------------------------------------------------------------------------------
// Host -> page

function handleFrame(frame, sess) {
  switch (frame.type) {
    case "hello":
      sess.onHello(frame);
      break;
    case "status":
      onStatus(frame);
      break;
    case "update":
      onUpdate(frame);
      break;
    case "viewer": {
      const slot = slots.get(frame.component);
      if (!slot) console.warn(`rerun4j: viewer command for unknown viewer ${frame.component}`);
      else slot.command(frame.command, frame.args);
      break;
    }
    case "error":
      toastError(frame.message ?? "Unknown error", { level: frame.level ?? "error", title: frame.title, duration: frame.duration });
      break;
    default:
      console.warn("rerun4j: unknown frame", frame);
  }
}

function onStatus(frame) {
  const compId = eventOwner.get(frame.id) ?? frame.component;
  const comp = compId ? components.get(compId) : null;
  if (comp && (latestEvent.get(compId) === frame.id || !eventOwner.has(frame.id))) {
    comp.status.set(frame.state, frame.message);
  }
  if (frame.state === "error") {
    toastError(frame.message || "Something went wrong.", { title: frame.title });
  }
  if (frame.state === "done" || frame.state === "error") eventOwner.delete(frame.id);
}

function onUpdate(frame) {
  const comp = components.get(frame.component);
  if (!comp) {
    console.warn(`rerun4j: update for unknown component ${frame.component}`);
    return;
  }
  if (comp.kind === "rerun") {
    slots.get(comp.id).update(frame.value);
  } else if (comp.kind === "dropdown" && frame.value && typeof frame.value === "object" && !Array.isArray(frame.value) && "choices" in frame.value) {
    comp.setChoices(frame.value.choices);
    if ("value" in frame.value) comp.setValue(frame.value.value);
  } else {
    comp.setValue(frame.value);
    if (comp.kind === "number") comp.lastCommitted = comp.getValue();
  }
  // Optional property updates (visible/label/interactive), e.g. from gr.update-like handlers.
  const props = frame.props;
  if (props && typeof props === "object") {
    if ("visible" in props) comp.root.hidden = props.visible === false;
    if ("interactive" in props && comp.input) comp.input.disabled = props.interactive === false;
    if ("interactive" in props && comp.button) comp.button.disabled = props.interactive === false;
    if ("label" in props) {
      const label = comp.root.querySelector(`[data-testid="label-${CSS.escape(comp.id)}"]`);
      if (label) label.lastChild.textContent = String(props.label ?? "");
    }
    if ("choices" in props && comp.setChoices) comp.setChoices(props.choices);
  }
}

const decoder = new TextDecoder();

function handleBinary(buffer) {
  if (!(buffer instanceof ArrayBuffer) || buffer.byteLength < 2) {
    console.warn("rerun4j: short binary frame");
    return;
  }
  const n = new DataView(buffer).getUint16(0, false);
  if (buffer.byteLength < 2 + n) {
    console.warn("rerun4j: binary frame shorter than its header");
    return;
  }
  const id = decoder.decode(new Uint8Array(buffer, 2, n));
  const rrd = new Uint8Array(buffer, 2 + n);
  remember(debug.events, { type: "binary", component: id, bytes: rrd.byteLength });
  const slot = slots.get(id);
  if (!slot) {
    console.warn(`rerun4j: RRD piece for unknown viewer ${id}`);
    return;
  }
  slot.sendRrd(rrd);
}

// -----------------------------------------------------------------------------------------------
// Page -> host

function collectValues() {
  const values = {};
  for (const comp of components.values()) if (comp.isInput) values[comp.id] = comp.getValue();
  return values;
}

function forwards(comp, event) {
  // Inputs without an `events` list send every user event; otherwise only the listed ones.
  return !Array.isArray(comp.spec.events) || comp.spec.events.includes(event);
}

async function sendEvent(comp, event, payload) {
  // Values must not miss an image that is still uploading (Gradio waits for uploads too).
  const uploads = [...components.values()].map((c) => c.pendingUpload).filter(Boolean);
  if (uploads.length) await Promise.allSettled(uploads);
  const id = session.newEventId();
  const frame = { type: "event", id, component: comp.id, event };
  if (payload !== undefined) frame.payload = payload;
  frame.values = collectValues();
  eventOwner.set(id, comp.id);
  latestEvent.set(comp.id, id);
  if (!session.send(frame)) toastError("Not connected to the server.");
}

const ctx = {
  toast: (m) => toastError(m),
  changed: (comp) => {
    if (forwards(comp, "change")) sendEvent(comp, "change");
  },
  async upload(file) {
    if (file.size > MAX_UPLOAD_BYTES) throw new Error(`${file.name} is larger than 32 MiB`);
    const sid = await session.sessionReady;
    const res = await fetch(new URL(`api/upload?session=${encodeURIComponent(sid)}`, document.baseURI), {
      method: "POST",
      headers: { "Content-Type": file.type || "application/octet-stream" },
      body: file,
    });
    if (!res.ok) {
      let msg = `${res.status} ${res.statusText}`;
      try {
        const body = await res.text();
        if (body) msg += `: ${body.slice(0, 300)}`;
      } catch {}
      throw new Error(msg);
    }
    const json = await res.json();
    if (!json || json.id == null) throw new Error("the server returned no upload id");
    return String(json.id);
  },
};

function wire(comp) {
  switch (comp.kind) {
    case "button":
      comp.button.addEventListener("click", () => {
        if (forwards(comp, "click")) sendEvent(comp, "click");
      });
      break;
    case "number":
      comp.input.addEventListener("change", () => {
        if (comp.commit()) ctx.changed(comp);
      });
      comp.input.addEventListener("keydown", (e) => {
        if (e.key === "Enter" && comp.commit()) ctx.changed(comp);
      });
      break;
    case "textbox": {
      let last = comp.getValue();
      const commit = () => {
        const v = comp.getValue();
        if (v === last) return;
        last = v;
        ctx.changed(comp);
      };
      comp.input.addEventListener("change", commit);
      comp.input.addEventListener("keydown", (e) => {
        if (e.key === "Enter" && comp.input.tagName === "INPUT") {
          commit();
          if (Array.isArray(comp.spec.events) && comp.spec.events.includes("submit")) sendEvent(comp, "submit");
        }
      });
      const setValue = comp.setValue;
      comp.setValue = (v) => {
        setValue(v);
        last = comp.getValue();
      };
      break;
    }
    case "dropdown":
    case "checkbox":
      comp.input.addEventListener("change", () => ctx.changed(comp));
      break;
    default:
      break; // image: ui.js calls ctx.changed after an upload/clear; rerun: see ViewerSlot
  }
}

// -----------------------------------------------------------------------------------------------
// Start-up

async function main() {
  let app;
  try {
    const res = await fetch(new URL("api/app", document.baseURI), { headers: { Accept: "application/json" } });
    if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
    app = await res.json();
  } catch (e) {
    appEl.replaceChildren(h("div", { class: "fatal", "data-testid": "fatal", text: `Could not load the app: ${e.message ?? e}` }));
    return;
  }
  debug.app = app;
  if (app.title) {
    document.title = app.title;
  }

  const specs = app.components ?? {};
  for (const [id, spec] of Object.entries(specs)) {
    const comp = makeComponent(id, spec ?? {}, ctx);
    components.set(id, comp);
    wire(comp);
  }

  const placed = new Set();
  const componentRoot = (id) => {
    const comp = components.get(id);
    if (!comp) {
      console.warn(`rerun4j: layout references unknown component ${id}`);
      return null;
    }
    placed.add(id);
    return comp.root;
  };
  const onTabShown = () => {
    // Inactive panels keep their size, so no resize is observed: start or wake viewers here
    // (and let the viewers of the panel just hidden notice it).
    for (const slot of slots.values()) slot.shownChanged();
  };
  const layout = buildLayout(app.layout ?? { type: "column", children: [] }, componentRoot, onTabShown);
  const main = h("div", { class: "app-body" });
  if (app.title && app.showTitle !== false) main.append(h("h1", { class: "app-title", "data-testid": "app-title", text: app.title }));
  if (layout) main.append(layout);
  // Components that the layout forgot still get shown, at the end.
  const orphans = [...components.keys()].filter((id) => !placed.has(id));
  if (orphans.length) main.append(h("div", { class: "column" }, orphans.map((id) => components.get(id).root)));
  main.append(h("footer", { class: "app-footer" }, h("span", { text: "Built with rerun4j \u00b7 Rerun web viewer" })));
  appEl.replaceChildren(main);

  for (const comp of components.values()) {
    if (comp.kind !== "rerun") continue;
    const slot = new ViewerSlot(comp.id, comp.spec, comp.host, {
      backend: query.get("backend") ?? undefined,
      onCreated: (id, viewer) => debug.viewers.set(id, viewer),
      onError: (msg) => toastError(msg),
      onEvent: (id, name, payload) => {
        const c = components.get(id);
        if (c) sendEvent(c, name, payload);
      },
    });
    slots.set(comp.id, slot);
  }

  session.connect(pickTransport(app));
}

/**
 * The first transport the deployment lists (`transport`), or the enabled one named by ?transport=
 * (e.g. to try gRPC-Web on a `ws,grpc` host). Falls back to WebSocket with a toast if the page does
 * not speak the kind.
 */
function pickTransport(app) {
  const normal = (t) => (typeof t === "string" ? { kind: t } : t);
  const enabled = (app.transports ?? [app.transport ?? { kind: "ws" }]).map(normal);
  const wanted = query.get("transport");
  let chosen = normal(app.transport ?? enabled[0]);
  if (wanted) {
    const match = enabled.find((t) => t.kind === wanted);
    if (match) chosen = match;
    else toastError(`Transport "${wanted}" is not enabled on this host; using "${chosen.kind}".`);
  }
  if (!connectionFor(chosen.kind)) {
    toastError(`Unsupported transport "${chosen.kind}"; this page speaks ws and grpc.`);
    chosen = { kind: "ws" };
  }
  return chosen;
}

main();
