// The page's session connection, one class per transport kind (PROTOCOL.md). Each delivers host
// frames as onText(string) / onBinary(ArrayBuffer) and its end as onClose({code, reason}); send()
// takes a JSON string.

/** One WebSocket (`ws` transport). */
export class WsConnection {
  constructor(transport, handlers) {
    this.transport = transport;
    this.handlers = handlers;
    this.ws = null;
  }

  open() {
    const url = new URL(this.transport.path || "api/ws", document.baseURI);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    const ws = new WebSocket(url.href);
    ws.binaryType = "arraybuffer";
    this.ws = ws;
    ws.addEventListener("message", (e) => (typeof e.data === "string" ? this.handlers.onText(e.data) : this.handlers.onBinary(e.data)));
    ws.addEventListener("close", (e) => this.handlers.onClose({ code: e.code, reason: e.reason }));
    ws.addEventListener("error", () => console.warn("rerun4j: session socket error"));
  }

  get ready() {
    return this.ws !== null && this.ws.readyState === WebSocket.OPEN;
  }

  send(text) {
    this.ws.send(text);
  }
}

// -----------------------------------------------------------------------------------------------
// gRPC-Web (`grpc` transport): rerun4j.page.v1alpha1.PageSessionService, see page_session.proto.
// Browsers cannot stream requests, so: one server-streaming Open call for everything the host
// sends, and one unary Send call per page message, made one after the other to keep their order.

const GRPC_WEB_HEADERS = { "content-type": "application/grpc-web+proto", "x-grpc-web": "1" };
const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** A gRPC-Web data frame around one message. */
function grpcFrame(message) {
  const out = new Uint8Array(5 + message.length);
  new DataView(out.buffer).setUint32(1, message.length, false);
  out.set(message, 5);
  return out;
}

function pushVarint(bytes, value) {
  while (value > 0x7f) {
    bytes.push((value & 0x7f) | 0x80);
    value = Math.floor(value / 128);
  }
  bytes.push(value);
}

/** Protobuf encoding of string fields: [[fieldNumber, string], ...]. */
function encodeStrings(fields) {
  const bytes = [];
  for (const [number, text] of fields) {
    const data = utf8.encode(text);
    pushVarint(bytes, (number << 3) | 2);
    pushVarint(bytes, data.length);
    for (const b of data) bytes.push(b);
  }
  return Uint8Array.from(bytes);
}

/** Calls visit(fieldNumber, Uint8Array) for each length-delimited field of a protobuf message; skips the rest. */
function readFields(buf, visit) {
  let i = 0;
  const varint = () => {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (i >= buf.length) throw new Error("truncated protobuf varint");
      const b = buf[i++];
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 128;
    }
  };
  while (i < buf.length) {
    const key = varint();
    const wire = key & 7;
    if (wire === 2) {
      const n = varint();
      if (i + n > buf.length) throw new Error("truncated protobuf field");
      visit(Math.floor(key / 8), buf.subarray(i, i + n));
      i += n;
    } else if (wire === 0) varint();
    else if (wire === 1) i += 8;
    else if (wire === 5) i += 4;
    else throw new Error(`unsupported protobuf wire type ${wire}`);
  }
}

/** grpc-status and grpc-message from a trailers frame ("key: value\r\n" lines) or response headers. */
function grpcStatus(lines, headers) {
  const out = { code: headers?.get("grpc-status"), message: headers?.get("grpc-message") };
  if (lines) {
    for (const line of lines.split("\r\n")) {
      const at = line.indexOf(":");
      if (at < 0) continue;
      const key = line.slice(0, at).trim().toLowerCase();
      const value = line.slice(at + 1).trim();
      if (key === "grpc-status") out.code = value;
      if (key === "grpc-message") out.message = value;
    }
  }
  out.code = out.code == null ? null : Number(out.code);
  if (out.message) {
    try {
      out.message = decodeURIComponent(out.message);
    } catch {
      // Not percent-encoded after all.
    }
  }
  return out;
}

/** Splits a gRPC-Web response body into frames as its bytes arrive. */
class GrpcWebFrames {
  constructor() {
    this.pending = new Uint8Array(0);
  }

  /** @returns {{trailer: boolean, data: Uint8Array}[]} the frames completed by chunk */
  push(chunk) {
    const joined = new Uint8Array(this.pending.length + chunk.length);
    joined.set(this.pending);
    joined.set(chunk, this.pending.length);
    const frames = [];
    let at = 0;
    while (joined.length - at >= 5) {
      const n = new DataView(joined.buffer, joined.byteOffset + at + 1, 4).getUint32(0, false);
      if (joined.length - at - 5 < n) break;
      frames.push({ trailer: (joined[at] & 0x80) !== 0, data: joined.slice(at + 5, at + 5 + n) });
      at += 5 + n;
    }
    this.pending = joined.slice(at);
    return frames;
  }
}

export class GrpcWebConnection {
  constructor(transport, handlers) {
    this.base = new URL(".", document.baseURI).href.replace(/\/$/, "") + "/" + (transport.service || "rerun4j.page.v1alpha1.PageSessionService");
    this.handlers = handlers;
    this.session = null;
    this.opened = false;
    this.ended = false;
    this.sending = Promise.resolve();
    this.abort = new AbortController();
  }

  open() {
    addEventListener("pagehide", () => this.abort.abort());
    this.#read().catch((e) => this.#end({ code: 1006, reason: `connection failed: ${e.message ?? e}` }));
  }

  async #read() {
    const response = await fetch(`${this.base}/Open`, {
      method: "POST",
      headers: GRPC_WEB_HEADERS,
      body: grpcFrame(new Uint8Array(0)),
      signal: this.abort.signal,
      cache: "no-store",
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    // A call that fails at once answers with its status in the headers ("trailers-only").
    const early = grpcStatus(null, response.headers);
    if (early.code !== null) {
      this.#end({ code: early.code, reason: early.message ?? "" });
      return;
    }
    this.opened = true;
    const frames = new GrpcWebFrames();
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const f of frames.push(value)) {
        if (f.trailer) {
          const s = grpcStatus(utf8Decoder.decode(f.data), null);
          this.#end({ code: s.code, reason: s.message ?? "" });
          return;
        }
        this.#deliver(f.data);
      }
    }
    const s = grpcStatus(null, response.headers);
    this.#end({ code: s.code ?? 1006, reason: s.message ?? "the host ended the session stream" });
  }

  #deliver(message) {
    readFields(message, (field, bytes) => {
      if (field === 1) {
        const text = utf8Decoder.decode(bytes);
        if (this.session === null) {
          try {
            this.session = JSON.parse(text).session ?? null;
          } catch {
            // The host's frames are checked where they are handled.
          }
        }
        this.handlers.onText(text);
      } else if (field === 2) {
        // A copy that owns its buffer: the page hands it to the viewer as an ArrayBuffer.
        this.handlers.onBinary(bytes.slice().buffer);
      }
    });
  }

  #end(why) {
    if (this.ended) return;
    this.ended = true;
    this.opened = false;
    this.handlers.onClose(why);
  }

  get ready() {
    return this.opened && this.session !== null && !this.ended;
  }

  send(text) {
    const body = grpcFrame(encodeStrings([[1, this.session], [2, text]]));
    this.sending = this.sending.then(async () => {
      try {
        const response = await fetch(`${this.base}/Send`, { method: "POST", headers: GRPC_WEB_HEADERS, body, cache: "no-store" });
        const bytes = new Uint8Array(await response.arrayBuffer());
        let trailer = null;
        for (const f of new GrpcWebFrames().push(bytes)) if (f.trailer) trailer = utf8Decoder.decode(f.data);
        const s = grpcStatus(trailer, response.headers);
        if (s.code !== 0) console.warn(`rerun4j: page message refused (${s.code} ${s.message ?? ""})`);
      } catch (e) {
        console.warn("rerun4j: sending a page message failed", e);
      }
    });
  }
}

/** The connection class for a transport kind, or null if this page does not speak it. */
export function connectionFor(kind) {
  return { ws: WsConnection, grpc: GrpcWebConnection }[kind ?? "ws"] ?? null;
}
