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
