// One embedded Rerun web viewer (@rerun-io/web-viewer 0.33.0) per `rerun` component.
//
// The viewer is started lazily, the first time its container is shown (a viewer in an inactive
// tab or an invisible component is started when it is first shown; inactive tabs keep their
// size, so a started viewer is never resized to 0x0). Everything the host
// asks of it before it is ready (RRD pieces, opens, resets, commands) is queued in order and
// replayed once start() resolved.
//
// Things learned about the 0.33.0 API (see PROTOCOL.md / viewer-harness README):
// - start() options are deserialized by serde as the Rust enum: panel states must be PascalCase
//   ("Collapsed"), although index.d.ts types them lowercase. override_panel_state() parses with
//   strum snake_case: lowercase only. A wrong value there makes WebViewer#fail() replace the
//   canvas with an error and stop the viewer, so every value is validated before the call.
// - egui only draws when something asks for a frame; open() / set_current_time() do not. After
//   each batch of operations the canvas is resized by 1px and back (eframe's ResizeObserver then
//   runs frames) without any synthetic input.
// - Recordings fed through a LogChannel cannot be removed with close(url): remove_receiver()
//   only drops HTTP / gRPC sources. A reset closes the channel (its recordings stay listed in
//   the viewer; the next piece opens a new channel and its recording becomes the active one).

const PANELS = ["top", "blueprint", "selection", "time"];
const PANEL_STATES = ["hidden", "collapsed", "expanded"];
// Commands whose first argument is a recording id (null = the active recording).
const RID_FIRST = new Set(["set_active_timeline", "set_current_time", "set_playing"]);
const COMMANDS = new Set([...RID_FIRST, "set_active_recording_id", "override_panel_state", "toggle_panel_overrides"]);
const TIME_UPDATE_MIN_MS = 100;
const COMMAND_WAIT_MS = 30000; // how long a command waits for its recording / timeline
const COMMAND_POLL_MS = 250;

let viewerModule = null;
function loadViewerModule() {
  // Relative to this module: works when the app is mounted under a path prefix too.
  viewerModule ??= import("./web-viewer/index.js");
  return viewerModule;
}

/** Lowercase panel state, null for "no override", undefined when invalid. */
export function normalizePanelState(state) {
  if (state == null) return null;
  const s = String(state).toLowerCase();
  return PANEL_STATES.includes(s) ? s : undefined;
}

function pascal(s) {
  return s[0].toUpperCase() + s.slice(1);
}

/**
 * Makes a relative URL absolute (the viewer needs absolute URLs); leaves scheme URLs alone.
 * "/proxy" (RerunViewer.HOST_PROXY) is the message proxy of the page's own host, which Rerun's
 * URL scheme always puts at the root of the origin.
 */
export function absoluteUrl(url) {
  const s = String(url);
  if (/^[a-z][a-z0-9+.-]*:/i.test(s)) return s; // http:, https:, rerun+http:, data:, ...
  if (s === "/proxy") return `rerun+${location.protocol === "https:" ? "https" : "http"}://${location.host}/proxy`;
  return new URL(s, document.baseURI).href;
}

function errText(e) {
  return e && e.message ? e.message : String(e);
}

export class ViewerSlot {
  /**
   * @param {string} id component id
   * @param {object} spec component description from /api/app
   * @param {HTMLElement} host element the canvas goes into (has the component's height)
   * @param {{onEvent:(id,name,payload)=>void, onError:(msg)=>void, onCreated:(id,viewer)=>void, backend?:string}} hooks
   */
  constructor(id, spec, host, hooks) {
    this.id = id;
    this.spec = spec;
    this.host = host;
    this.hooks = hooks;
    this.viewer = null;
    this.state = "idle"; // idle | starting | ready | failed
    this.error = null;
    this.queue = [];
    this.channel = null;
    this.opened = []; // absolute URLs opened in this viewer since the last reset
    this.pending = []; // viewer commands, run in order (see #pump)
    this.pumpTimer = null;
    this.seenRecordings = new Set();
    this.forwarded = new Set(Array.isArray(spec.events) ? spec.events : []);
    this.lastTimeUpdate = 0;
    this.pendingTimeUpdate = null;
    this.timeUpdateTimer = null;
    this.wakeTimer = null;
    this.readyPromise = new Promise((resolve) => (this.resolveReady = resolve));
    this.wasVisible = false;

    this.resizeObserver = new ResizeObserver(() => this.#onResize());
    this.resizeObserver.observe(host);
  }

  /** Shown on screen: has a size, is not display:none and not visibility:hidden (inactive tab). */
  isShown() {
    const host = this.host;
    if (!host.isConnected || host.clientWidth === 0 || host.clientHeight === 0) return false;
    if (typeof host.checkVisibility === "function") return host.checkVisibility({ visibilityProperty: true });
    return getComputedStyle(host).visibility !== "hidden";
  }

  #onResize() {
    this.shownChanged();
  }

  /** Called on resizes and when a tab is selected: starts the viewer when first shown. */
  shownChanged() {
    const visible = this.isShown();
    if (visible && this.state === "idle") this.start();
    else if (visible && !this.wasVisible && this.state === "ready") this.wake();
    this.wasVisible = visible;
  }

  /** Resolves to true when the viewer is ready, false when it failed to start. */
  whenReady() {
    return this.readyPromise;
  }

  async start() {
    if (this.state !== "idle") return this.readyPromise;
    this.state = "starting";
    this.host.classList.add("viewer-starting");
    try {
      const { WebViewer } = await loadViewerModule();
      const viewer = new WebViewer();
      this.viewer = viewer;
      this.hooks.onCreated(this.id, viewer);
      for (const name of this.forwarded) {
        viewer.on(name, (payload) => this.handleViewerEvent(name, payload));
      }
      viewer.on("recording_open", (e) => {
        if (e && e.recording_id != null) this.seenRecordings.add(String(e.recording_id));
        this.#pump();
      });

      const options = {
        hide_welcome_screen: true, // otherwise it fetches the examples manifest from the internet
        allow_fullscreen: false,
        width: "100%",
        height: "100%",
      };
      const backend = this.spec.renderBackend ?? this.hooks.backend;
      if (backend === "webgl" || backend === "webgpu") options.render_backend = backend;
      if (this.spec.theme) options.theme = this.spec.theme;
      if (this.spec.videoDecoder) options.video_decoder = this.spec.videoDecoder;
      const overrides = {};
      for (const [panel, state] of Object.entries(this.spec.panelStates ?? {})) {
        const p = String(panel).toLowerCase();
        const s = normalizePanelState(state);
        if (!PANELS.includes(p) || !s) {
          console.warn(`rerun4j: ignoring panel state ${panel}=${state} of ${this.id}`);
          continue;
        }
        overrides[p] = pascal(s); // start() wants the Rust enum spelling
      }
      if (Object.keys(overrides).length) options.panel_state_overrides = overrides;

      await viewer.start(null, this.host, options);
      if (!viewer.ready) throw new Error("the viewer stopped while starting");
      this.state = "ready";
      this.host.classList.remove("viewer-starting");
      this.host.classList.add("viewer-ready");
      this.resolveReady(true);
      this.#drain();
    } catch (e) {
      this.state = "failed";
      this.error = errText(e);
      this.queue = [];
      this.host.classList.remove("viewer-starting");
      this.host.classList.add("viewer-failed");
      this.hooks.onError(`The Rerun viewer failed to start: ${this.error}`);
      this.resolveReady(false);
    }
    return this.readyPromise;
  }

  #drain() {
    const ops = this.queue;
    this.queue = [];
    for (const op of ops) this.#run(op);
    this.wake();
  }

  #run(op) {
    if (!this.viewer || !this.viewer.ready) return;
    try {
      op();
    } catch (e) {
      console.error(`rerun4j: viewer ${this.id}:`, e);
      this.hooks.onError(`Viewer ${this.spec.label ?? this.id}: ${errText(e)}`);
    }
  }

  #enqueue(op, { replacesQueue = false } = {}) {
    if (this.state === "failed") return;
    if (this.state === "ready") {
      this.#run(op);
      this.wake();
      return;
    }
    // A reset makes everything queued before it moot.
    if (replacesQueue) this.queue = [];
    this.queue.push(op);
  }

  /** One complete RRD stream for this viewer's channel. */
  sendRrd(bytes) {
    this.#enqueue(() => {
      if (!this.channel || !this.channel.ready) this.channel = this.viewer.open_channel(this.id);
      this.channel.send_rrd(bytes);
    });
  }

  /** `update` value of a viewer: {open:[urls], reset:bool}; an array or a string means reset + open. */
  update(value) {
    let open = [];
    let reset = false;
    if (value == null) {
      reset = true;
    } else if (typeof value === "string" || Array.isArray(value)) {
      open = [].concat(value);
      reset = true;
    } else {
      open = value.open == null ? [] : [].concat(value.open);
      reset = !!value.reset;
    }
    const urls = open.filter((u) => u != null && u !== "").map((u) => absoluteUrl(typeof u === "object" ? u.url : u));
    this.#enqueue(
      () => {
        const viewer = this.viewer;
        if (reset) {
          if (this.channel) {
            try {
              this.channel.close();
            } catch (e) {
              console.warn("rerun4j: closing channel", e);
            }
            this.channel = null;
          }
          if (this.opened.length) viewer.close(this.opened);
          this.opened = [];
          this.pending = [];
        }
        for (const url of urls) {
          if (this.opened.includes(url)) {
            viewer.close(url); // opened again without reset: reload it instead of doubling it
            this.opened = this.opened.filter((u) => u !== url);
          }
          viewer.open(url, { follow_if_http: false });
          this.opened.push(url);
        }
      },
      { replacesQueue: reset },
    );
  }

  /** A `viewer` frame: calls one of the allowed WebViewer methods. */
  command(name, args) {
    if (!COMMANDS.has(name)) {
      this.hooks.onError(`Unknown viewer command: ${name}`);
      return;
    }
    const argv = Array.isArray(args) ? [...args] : args == null ? [] : [args];
    if (name === "override_panel_state") {
      const panel = String(argv[0] ?? "").toLowerCase();
      const state = normalizePanelState(argv[1]);
      if (!PANELS.includes(panel) || state === undefined) {
        this.hooks.onError(`override_panel_state: invalid panel/state ${argv[0]}/${argv[1]}`);
        return;
      }
      argv.splice(0, 2, panel, state);
    }
    this.#enqueue(() => {
      this.pending.push({ name, argv, since: performance.now() });
      this.#pump();
    });
  }

  /**
   * Runs the pending commands in order. A command that names a recording (or the active one)
   * waits until that recording exists and, for set_active_timeline / set_current_time, until
   * the timeline has data: sent right after an open or a stream, it would otherwise be a silent
   * no-op. After COMMAND_WAIT_MS it is run anyway (or dropped when there is no recording).
   */
  #pump() {
    clearTimeout(this.pumpTimer);
    this.pumpTimer = null;
    if (!this.viewer || !this.viewer.ready) return;
    let ran = false;
    while (this.pending.length) {
      const cmd = this.pending[0];
      let resolved;
      try {
        resolved = this.#resolve(cmd.name, cmd.argv);
      } catch (e) {
        resolved = { ready: true, args: cmd.argv };
      }
      if (!resolved.ready && performance.now() - cmd.since < COMMAND_WAIT_MS) {
        this.pumpTimer = setTimeout(() => this.#pump(), COMMAND_POLL_MS);
        break;
      }
      this.pending.shift();
      if (!resolved.args) {
        console.warn(`rerun4j: viewer ${this.id}: dropped ${cmd.name}: no recording`);
        continue;
      }
      this.#run(() => this.viewer[cmd.name](...resolved.args));
      ran = true;
    }
    if (ran) this.wake();
  }

  #resolve(name, argv) {
    const viewer = this.viewer;
    const args = [...argv];
    if (name === "set_current_time") args[2] = Number(args[2]);
    if (name === "set_playing") args[1] = !!args[1];
    if (!RID_FIRST.has(name) && name !== "set_active_recording_id") return { ready: true, args };
    const rid = args[0] ?? (name === "set_active_recording_id" ? null : viewer.get_active_recording_id());
    if (rid == null) return { ready: false, args: null };
    args[0] = String(rid);
    // get_active_timeline() is null until the viewer has set up the recording's time control
    // (on the first frame that shows it); commands before that are overridden by its defaults.
    const hasTimeControl = viewer.get_active_timeline(args[0]) != null;
    if (!hasTimeControl && !(name === "set_active_recording_id" && this.seenRecordings.has(args[0]))) return { ready: false, args };
    if ((name === "set_active_timeline" || name === "set_current_time") && args[1] != null) {
      if (viewer.get_time_range(args[0], String(args[1])) == null) return { ready: false, args };
    }
    return { ready: true, args };
  }

  /** A WebViewer event; forwarded to the host (time_update throttled). Public for tests. */
  handleViewerEvent(name, payload) {
    if (name !== "time_update") {
      this.hooks.onEvent(this.id, name, payload ?? null);
      return;
    }
    // At most one time_update per 100 ms; the last one of a burst is sent when the window ends.
    const now = performance.now();
    const wait = this.lastTimeUpdate + TIME_UPDATE_MIN_MS - now;
    if (wait <= 0 && !this.timeUpdateTimer) {
      this.lastTimeUpdate = now;
      this.hooks.onEvent(this.id, name, payload ?? null);
      return;
    }
    this.pendingTimeUpdate = payload ?? null;
    if (!this.timeUpdateTimer) {
      this.timeUpdateTimer = setTimeout(() => {
        this.timeUpdateTimer = null;
        this.lastTimeUpdate = performance.now();
        const p = this.pendingTimeUpdate;
        this.pendingTimeUpdate = null;
        this.hooks.onEvent(this.id, name, p);
      }, Math.max(wait, 0));
    }
  }

  /** Makes an idle viewer run frames (it ignores open()/set_current_time() until it repaints). */
  wake() {
    if (this.wakeTimer) return;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = null;
      const canvas = this.viewer && this.viewer.canvas;
      if (!canvas || !this.viewer.ready) return;
      canvas.style.width = "calc(100% - 1px)";
      requestAnimationFrame(() => requestAnimationFrame(() => (canvas.style.width = "100%")));
    }, 16);
  }
}
