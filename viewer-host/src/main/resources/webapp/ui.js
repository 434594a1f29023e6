// Layout and components of the app page (Gradio look, vanilla DOM).
//
// Every component root has data-testid="comp-<id>" and a status pill data-testid="status-<id>"
// (data-state idle|queued|running|done|error). Inputs expose getValue()/setValue(); the app
// module wires their events to the session channel.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "text") el.textContent = v;
    else if (k === "style" && typeof v === "object") Object.assign(el.style, v);
    else if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k in el && typeof v !== "string") el[k] = v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) if (c != null) el.append(c);
  return el;
}

/** Gradio semantics: a number is px, a string is CSS as is. */
export function cssSize(v, fallback) {
  if (v == null || v === "") return fallback;
  if (typeof v === "number" || /^\d+(\.\d+)?$/.test(String(v))) return `${v}px`;
  return String(v);
}

const ICON_UPLOAD =
  '<svg viewBox="0 0 24 24" width="32" height="32" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4"/><polyline points="17 8 12 3 7 8"/><line x1="12" y1="3" x2="12" y2="15"/></svg>';
const ICON_IMAGE =
  '<svg viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><rect x="3" y="3" width="18" height="18" rx="2"/><circle cx="8.5" cy="8.5" r="1.5"/><polyline points="21 15 16 10 5 21"/></svg>';
const ICON_CUBE =
  '<svg viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d="M21 16V8a2 2 0 0 0-1-1.73l-7-4a2 2 0 0 0-2 0l-7 4A2 2 0 0 0 3 8v8a2 2 0 0 0 1 1.73l7 4a2 2 0 0 0 2 0l7-4A2 2 0 0 0 21 16z"/><polyline points="3.27 6.96 12 12.01 20.73 6.96"/><line x1="12" y1="22.08" x2="12" y2="12"/></svg>';

// ---------------------------------------------------------------------------------------------
// Status pill

class Status {
  constructor(id) {
    this.el = h("div", { class: "status", "data-testid": `status-${id}`, "data-state": "idle", role: "status" });
    this.timer = null;
    this.fadeTimer = null;
    this.since = 0;
  }

  set(state, message) {
    clearInterval(this.timer);
    clearTimeout(this.fadeTimer);
    this.timer = null;
    const el = this.el;
    el.dataset.state = state;
    el.classList.remove("faded");
    el.title = message || "";
    el.replaceChildren();
    if (state === "idle") return;
    if (state === "running") {
      if (!this.since) this.since = performance.now();
      const time = h("span", { class: "status-time" });
      const tick = () => (time.textContent = `${((performance.now() - this.since) / 1000).toFixed(1)}s`);
      tick();
      this.timer = setInterval(tick, 100);
      el.append(h("span", { class: "spinner", "aria-hidden": "true" }), h("span", { text: message || "running" }), time);
    } else if (state === "queued") {
      this.since = 0;
      el.append(h("span", { class: "dot", "aria-hidden": "true" }), h("span", { text: message || "queued" }));
    } else if (state === "done") {
      const took = this.since ? ` ${((performance.now() - this.since) / 1000).toFixed(1)}s` : "";
      this.since = 0;
      el.append(h("span", { class: "check", "aria-hidden": "true", text: "\u2713" }), h("span", { text: (message || "done") + took }));
      this.fadeTimer = setTimeout(() => el.classList.add("faded"), 2500);
    } else if (state === "error") {
      this.since = 0;
      el.append(h("span", { class: "cross", "aria-hidden": "true", text: "!" }), h("span", { text: "error" }));
    } else {
      el.append(h("span", { text: message || state }));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Toasts (gr.Error-like)

export class Toasts {
  constructor(container) {
    this.container = container;
  }

  /** level: error|warning|info; duration in s (0/null = until dismissed). */
  show(message, { level = "error", title, duration = null } = {}) {
    const close = h("button", { class: "toast-close", type: "button", "aria-label": "Close", "data-testid": "toast-close", text: "\u00d7" });
    const toast = h(
      "div",
      { class: `toast toast-${level}`, role: "alert", "data-testid": "toast", "data-level": level },
      h("div", { class: "toast-icon", "aria-hidden": "true", text: level === "info" ? "i" : "!" }),
      h(
        "div",
        { class: "toast-body" },
        h("div", { class: "toast-title", text: title ?? (level === "error" ? "Error" : level === "warning" ? "Warning" : "Info") }),
        h("div", { class: "toast-message", "data-testid": "toast-message", text: String(message ?? "") }),
      ),
      close,
    );
    const remove = () => {
      toast.classList.add("leaving");
      setTimeout(() => toast.remove(), 150);
    };
    close.addEventListener("click", remove);
    this.container.append(toast);
    while (this.container.children.length > 8) this.container.firstElementChild.remove();
    if (duration && duration > 0) setTimeout(remove, duration * 1000);
    return toast;
  }
}

// ---------------------------------------------------------------------------------------------
// Components

const INPUT_KINDS = new Set(["image", "number", "dropdown", "textbox", "checkbox", "slider"]);

/**
 * Common root of a component: testid, elem id/classes, visibility, scale/min width, container
 * card, label, status pill.
 */
function blockRoot(id, spec, kind, { labelFor, defaultShowLabel = true, card = true } = {}) {
  const container = spec.container !== false && card;
  const root = h("div", {
    class: `block comp-${kind}${container ? " container" : ""}`,
    "data-testid": `comp-${id}`,
    "data-kind": kind,
    "data-component-id": id,
  });
  if (spec.elemId) root.id = spec.elemId;
  const classes = Array.isArray(spec.elemClasses) ? spec.elemClasses : spec.elemClasses ? [spec.elemClasses] : [];
  for (const c of classes) if (c) root.classList.add(...String(c).split(/\s+/).filter(Boolean));
  applyFlex(root, spec, 160);
  if (spec.visible === false) root.hidden = true;

  const showLabel = (spec.showLabel ?? defaultShowLabel) && spec.label != null && spec.label !== "";
  let label = null;
  if (showLabel) {
    label = h(labelFor ? "label" : "span", { class: "block-label", "data-testid": `label-${id}`, text: String(spec.label) });
    if (labelFor) label.htmlFor = labelFor;
    root.classList.add("has-label");
  }
  const status = new Status(id);
  root.append(status.el);
  return { root, label, status };
}

export function applyFlex(el, spec, defaultMinWidth) {
  const scale = spec.scale;
  if (scale === 0) el.classList.add("scale-0");
  else el.style.setProperty("--scale", String(scale == null ? 1 : scale));
  const mw = spec.minWidth ?? spec.min_width ?? defaultMinWidth;
  if (mw != null) el.style.setProperty("--min-width", cssSize(mw));
}

function info(spec) {
  return spec.info ? h("div", { class: "block-info", text: String(spec.info) }) : null;
}

function makeButton(id, spec) {
  const { root, status } = blockRoot(id, spec, "button", { card: false });
  const variant = ["primary", "secondary", "stop", "huggingface"].includes(spec.variant) ? spec.variant : "secondary";
  const size = spec.size === "sm" ? "sm" : "lg";
  const button = h("button", {
    type: "button",
    class: `btn btn-${variant} btn-${size}`,
    "data-testid": `button-${id}`,
    text: String(spec.value ?? spec.label ?? "Run"),
  });
  if (spec.interactive === false) button.disabled = true;
  root.append(button);
  return {
    id, spec, kind: "button", root, status, isInput: false, button,
    getValue: () => undefined,
    setValue: (v) => { if (v != null) button.textContent = String(v); },
  };
}

function makeTextbox(id, spec) {
  const inputId = `input-${id}`;
  const { root, label, status } = blockRoot(id, spec, "textbox", { labelFor: inputId });
  const lines = Math.max(1, Number(spec.lines) || 1);
  const multi = lines > 1 || (spec.maxLines ?? 1) > 1;
  const input = multi
    ? h("textarea", { id: inputId, rows: lines, class: "input", "data-testid": `textbox-${id}` })
    : h("input", { id: inputId, type: ["password", "email"].includes(spec.type) ? spec.type : "text", class: "input", "data-testid": `textbox-${id}` });
  if (spec.placeholder) input.placeholder = String(spec.placeholder);
  if (spec.interactive === false) input.disabled = true;
  input.value = spec.value == null ? "" : String(spec.value);
  root.append(label ?? "", info(spec) ?? "", input);
  return {
    id, spec, kind: "textbox", root, status, isInput: true, input,
    getValue: () => input.value,
    setValue: (v) => { input.value = v == null ? "" : String(v); },
  };
}

function makeNumber(id, spec) {
  const inputId = `input-${id}`;
  const { root, label, status } = blockRoot(id, spec, "number", { labelFor: inputId });
  const input = h("input", { id: inputId, type: "number", class: "input", "data-testid": `number-${id}` });
  const min = typeof spec.minimum === "number" ? spec.minimum : null;
  const max = typeof spec.maximum === "number" ? spec.maximum : null;
  const precision = Number.isInteger(spec.precision) && spec.precision >= 0 ? spec.precision : null;
  if (min != null) input.min = String(min);
  if (max != null) input.max = String(max);
  input.step = spec.step != null ? String(spec.step) : precision != null ? String(10 ** -precision) : "any";
  if (spec.interactive === false) input.disabled = true;

  const normalize = (v) => {
    if (v == null || v === "" || Number.isNaN(Number(v))) return null;
    let n = Number(v);
    if (min != null && n < min) n = min;
    if (max != null && n > max) n = max;
    if (precision != null) n = Number(n.toFixed(precision));
    return n;
  };
  const show = (n) => {
    input.value = n == null ? "" : precision != null ? n.toFixed(precision) : String(n);
  };
  show(normalize(spec.value));
  root.append(label ?? "", info(spec) ?? "", input);
  return {
    id, spec, kind: "number", root, status, isInput: true, input,
    getValue: () => normalize(input.value),
    setValue: (v) => show(normalize(v)),
    /** Clamps/rounds what the user typed; true when the committed value changed. */
    commit() {
      const n = normalize(input.value);
      show(n);
      const changed = n !== this.lastCommitted;
      this.lastCommitted = n;
      return changed;
    },
    lastCommitted: normalize(spec.value),
  };
}

function normalizeChoices(choices) {
  return (Array.isArray(choices) ? choices : []).map((c) => {
    if (Array.isArray(c)) return { label: String(c[0]), value: c.length > 1 ? c[1] : c[0] };
    if (c && typeof c === "object") return { label: String(c.label ?? c.value), value: c.value };
    return { label: String(c), value: c };
  });
}

function makeDropdown(id, spec) {
  const inputId = `input-${id}`;
  const { root, label, status } = blockRoot(id, spec, "dropdown", { labelFor: inputId });
  const select = h("select", { id: inputId, class: "input select", "data-testid": `dropdown-${id}` });
  if (spec.interactive === false) select.disabled = true;
  let choices = [];
  const placeholder = () => h("option", { value: "", text: spec.placeholder ? String(spec.placeholder) : "Select…", class: "placeholder" });

  const render = (value) => {
    select.replaceChildren(placeholder(), ...choices.map((c, i) => h("option", { value: String(i), text: c.label, title: c.label })));
    setValue(value);
  };
  const setValue = (value) => {
    if (value == null || value === "") {
      select.value = "";
    } else {
      let i = choices.findIndex((c) => c.value === value || String(c.value) === String(value));
      if (i < 0) {
        // A value outside the choices (custom value from the host): show it anyway.
        choices.push({ label: String(value), value });
        i = choices.length - 1;
        select.append(h("option", { value: String(i), text: String(value), title: String(value) }));
      }
      select.value = String(i);
    }
    select.classList.toggle("is-placeholder", select.value === "");
  };
  choices = normalizeChoices(spec.choices);
  render(spec.value);
  select.addEventListener("change", () => select.classList.toggle("is-placeholder", select.value === ""));
  root.append(label ?? "", info(spec) ?? "", select);
  return {
    id, spec, kind: "dropdown", root, status, isInput: true, input: select,
    getValue: () => (select.value === "" ? null : choices[Number(select.value)]?.value ?? null),
    setValue,
    setChoices(newChoices) {
      const current = this.getValue();
      choices = normalizeChoices(newChoices);
      render(current);
    },
  };
}

function makeCheckbox(id, spec) {
  const inputId = `input-${id}`;
  const { root, label, status } = blockRoot(id, spec, "checkbox", {});
  const input = h("input", { id: inputId, type: "checkbox", class: "checkbox", "data-testid": `checkbox-${id}` });
  input.checked = !!spec.value;
  if (spec.interactive === false) input.disabled = true;
  const text = h("label", { class: "checkbox-label", text: String(spec.boxLabel ?? spec.label ?? "") });
  text.htmlFor = inputId;
  root.append(label ?? "", info(spec) ?? "", h("div", { class: "checkbox-row" }, input, text));
  return {
    id, spec, kind: "checkbox", root, status, isInput: true, input,
    getValue: () => input.checked,
    setValue: (v) => (input.checked = !!v),
  };
}

function makeImage(id, spec, ctx) {
  const { root, label, status } = blockRoot(id, spec, "image", {});
  if (label) {
    label.classList.add("badge-label");
    label.insertAdjacentHTML("afterbegin", ICON_IMAGE);
  }
  const file = h("input", { type: "file", accept: "image/*", class: "visually-hidden", "data-testid": `upload-${id}`, tabindex: "-1" });
  const preview = h("img", { class: "image-preview", alt: spec.label ? String(spec.label) : "image", "data-testid": `preview-${id}` });
  const clear = h("button", { type: "button", class: "icon-btn image-clear", "aria-label": "Clear", title: "Clear", "data-testid": `clear-${id}`, text: "\u00d7" });
  const drop = h("div", { class: "upload-area", role: "button", tabindex: "0", "aria-label": "Upload image" });
  drop.innerHTML = `${ICON_UPLOAD}<div class="upload-text">Drop Image Here</div><div class="upload-or">- or -</div><div class="upload-text">Click to Upload</div>`;
  const progress = h("div", { class: "upload-progress", text: "Uploading…" });
  const area = h("div", { class: "image-area", "data-empty": "true" }, drop, preview, clear, progress, file);
  area.style.height = cssSize(spec.height, "");
  root.append(label ?? "", area);

  const interactive = spec.interactive !== false;
  let value = null;
  let objectUrl = null;
  const comp = {
    id, spec, kind: "image", root, status, isInput: true, input: file,
    getValue: () => value,
    setValue(v) {
      // Host updates: null clears; "u5" keeps an upload id; a URL / {url, id} shows a picture.
      if (v == null) return showPreview(null, null);
      if (typeof v === "object") return showPreview(v.url ?? null, v.id ?? v.url ?? null);
      const s = String(v);
      if (/^(https?:|data:|blob:|\/)/.test(s)) showPreview(s, s);
      else value = s;
    },
  };
  function showPreview(url, newValue) {
    if (objectUrl && url !== objectUrl) {
      URL.revokeObjectURL(objectUrl);
      objectUrl = null;
    }
    value = newValue;
    if (url) preview.src = url;
    else preview.removeAttribute("src");
    area.dataset.empty = url ? "false" : "true";
  }
  async function take(f) {
    if (!f) return;
    if (f.type && !f.type.startsWith("image/")) {
      ctx.toast(`${f.name} is not an image.`);
      return;
    }
    const local = URL.createObjectURL(f);
    area.dataset.uploading = "true";
    const upload = ctx.upload(f);
    comp.pendingUpload = upload;
    try {
      const uploadId = await upload;
      showPreview(local, uploadId);
      objectUrl = local;
      ctx.changed(comp);
    } catch (e) {
      URL.revokeObjectURL(local);
      ctx.toast(`Upload failed: ${e.message ?? e}`);
    } finally {
      if (comp.pendingUpload === upload) comp.pendingUpload = null;
      delete area.dataset.uploading;
      file.value = "";
    }
  }
  if (interactive) {
    drop.addEventListener("click", () => file.click());
    drop.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        file.click();
      }
    });
    file.addEventListener("change", () => take(file.files && file.files[0]));
    area.addEventListener("dragover", (e) => {
      e.preventDefault();
      area.classList.add("dragging");
    });
    area.addEventListener("dragleave", () => area.classList.remove("dragging"));
    area.addEventListener("drop", (e) => {
      e.preventDefault();
      area.classList.remove("dragging");
      take(e.dataTransfer && e.dataTransfer.files[0]);
    });
    clear.addEventListener("click", () => {
      showPreview(null, null);
      ctx.changed(comp);
    });
  } else {
    area.classList.add("readonly");
    clear.hidden = true;
  }
  return comp;
}

function makeRerun(id, spec) {
  const { root, label, status } = blockRoot(id, spec, "rerun", { defaultShowLabel: true });
  if (label) {
    label.classList.add("badge-label");
    label.insertAdjacentHTML("afterbegin", ICON_CUBE);
  }
  const host = h("div", { class: "viewer", "data-testid": `viewer-${id}` });
  host.style.height = cssSize(spec.height, "640px");
  root.append(label ?? "", host);
  return {
    id, spec, kind: "rerun", root, status, isInput: false, host,
    getValue: () => undefined,
    setValue: () => {},
  };
}

function makeFallback(id, spec) {
  const { root, label, status } = blockRoot(id, spec, spec.kind ?? "unknown", {});
  const body = h("div", { class: "fallback-value" });
  const set = (v) => (body.textContent = v == null ? "" : typeof v === "string" ? v : JSON.stringify(v, null, 2));
  set(spec.value);
  root.append(label ?? "", body);
  return { id, spec, kind: spec.kind, root, status, isInput: false, getValue: () => undefined, setValue: set };
}

export function makeComponent(id, spec, ctx) {
  switch (spec.kind) {
    case "button":
      return makeButton(id, spec);
    case "textbox":
      return makeTextbox(id, spec);
    case "number":
      return makeNumber(id, spec);
    case "dropdown":
      return makeDropdown(id, spec);
    case "checkbox":
      return makeCheckbox(id, spec);
    case "image":
      return makeImage(id, spec, ctx);
    case "rerun":
      return makeRerun(id, spec);
    default:
      console.warn(`rerun4j: unknown component kind ${spec.kind} (${id})`);
      return makeFallback(id, spec);
  }
}

export function isInputKind(kind) {
  return INPUT_KINDS.has(kind);
}

// ---------------------------------------------------------------------------------------------
// Layout

/**
 * Builds the DOM of a layout node. `component(id)` returns the root element of a component.
 * `onTabShown(panel)` is called when a tab panel becomes visible.
 */
export function buildLayout(node, component, onTabShown) {
  if (!node || typeof node !== "object") return null;
  switch (node.type) {
    case "component": {
      return component(node.id);
    }
    case "row": {
      const el = h("div", { class: "row" });
      if (node.equalHeight === false) el.classList.add("row-top");
      decorate(el, node, null);
      for (const c of node.children ?? []) el.append(buildLayout(c, component, onTabShown) ?? "");
      return el;
    }
    case "column": {
      const el = h("div", { class: "column" });
      decorate(el, node, 320);
      for (const c of node.children ?? []) el.append(buildLayout(c, component, onTabShown) ?? "");
      return el;
    }
    case "tabs":
      return buildTabs(node, component, onTabShown);
    case "tab": {
      // A tab outside tabs: treat as a column.
      return buildLayout({ ...node, type: "column" }, component, onTabShown);
    }
    default:
      console.warn("rerun4j: unknown layout node", node);
      return null;
  }
}

function decorate(el, node, defaultMinWidth) {
  if (node.elemId) el.id = node.elemId;
  for (const c of [].concat(node.elemClasses ?? [])) if (c) el.classList.add(...String(c).split(/\s+/).filter(Boolean));
  applyFlex(el, node, node.minWidth ?? defaultMinWidth);
  if (node.visible === false) el.hidden = true;
  if (node.variant === "panel") el.classList.add("panel");
}

function buildTabs(node, component, onTabShown) {
  const nav = h("div", { class: "tab-nav", role: "tablist" });
  const panels = h("div", { class: "tab-panels" });
  const root = h("div", { class: "tabs", "data-testid": "tabs" }, nav, panels);
  decorate(root, node, null);
  const tabs = (node.children ?? []).filter((c) => c && c.type === "tab");
  const entries = tabs.map((tab, i) => {
    const label = String(tab.label ?? `Tab ${i + 1}`);
    const button = h("button", { type: "button", class: "tab-button", role: "tab", "data-testid": `tab-${label}`, text: label });
    const panel = h("div", { class: "tab-panel column", role: "tabpanel", "data-testid": `tabpanel-${label}` });
    if (tab.elemId) panel.id = tab.elemId;
    for (const c of tab.children ?? []) panel.append(buildLayout(c, component, onTabShown) ?? "");
    if (tab.visible === false) button.hidden = true;
    if (tab.interactive === false) button.disabled = true;
    nav.append(button);
    panels.append(panel);
    return { tab, label, button, panel };
  });
  const select = (entry) => {
    for (const e of entries) {
      const on = e === entry;
      e.button.classList.toggle("selected", on);
      e.button.setAttribute("aria-selected", String(on));
      // Inactive panels are not display:none: a started Rerun viewer would be resized to 0x0
      // and egui would squeeze its panels. They keep their size, invisible and inert.
      e.panel.classList.toggle("inactive", !on);
      e.panel.inert = !on;
      if (on) e.panel.removeAttribute("aria-hidden");
      else e.panel.setAttribute("aria-hidden", "true");
    }
    onTabShown(entry.panel);
  };
  for (const e of entries) e.button.addEventListener("click", () => select(e));
  const initial =
    entries.find((e) => node.selected != null && (e.label === node.selected || e.tab.id === node.selected)) ??
    entries.find((e) => e.tab.visible !== false);
  if (initial) select(initial);
  return root;
}
