// Launching the system Chromium the way both scripts need it.
import { chromium } from "playwright-core";

// No sandbox/GPU on these machines; ANGLE+SwiftShader gives WebGL2 (WebGPU has no adapter);
// no internet, so every non-loopback host fails fast instead of hanging.
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
  "--use-gl=angle",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
];

/** Headless Chromium from CHROMIUM_PATH (default /usr/bin/chromium); the caller handles signals. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_FLAGS,
    timeout: 60000,
    handleSIGINT: false,
    handleSIGTERM: false,
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The one way both scripts end: print `out` as JSON exactly once and exit with the code, closing
 * what `open()` returns ({browser, server}, either may be null); also on a hard timeout after
 * `timeoutMs` and on SIGTERM/SIGINT, so a page stuck in wasm never keeps the process alive.
 */
export function exitGuard(out, t0, timeoutMs, open) {
  let printed = false;
  const finish = async (code) => {
    if (printed) return;
    printed = true;
    out.timings_ms.total = Date.now() - t0;
    process.stdout.write(JSON.stringify(out, null, 2) + "\n");
    const { browser, server } = open();
    await Promise.race([browser ? browser.close().catch(() => {}) : null, sleep(5000)]);
    if (server) server.close();
    process.exit(code);
  };
  const timer = setTimeout(() => {
    out.harness_error = `hard timeout after ${timeoutMs} ms`;
    finish(1);
  }, timeoutMs);
  for (const sig of ["SIGTERM", "SIGINT"]) process.on(sig, () => { out.harness_error = `killed by ${sig}`; finish(1); });
  return { finish, disarm: () => clearTimeout(timer) };
}
