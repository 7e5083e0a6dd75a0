// Production server: Next.js as a custom server, run with plain `node`
// (npm start, the demo and the e2e tests). It adds what `next start` lacks:
//  - the socket address is APPENDED to X-Forwarded-For on every request, as a
//    proxy would, so the app can read the client address TRUSTED_PROXY_HOPS
//    from the right (a client-sent header cannot pose as the socket address);
//  - on SIGTERM/SIGINT: stop accepting, close idle keep-alive connections at
//    once, answer `Connection: close` to in-flight requests, close each
//    connection when its last response is done, close the database, exit 0;
//    whatever is still running at SHUTDOWN_TIMEOUT_MS (default 10 s) is cut
//    and the process exits 1 within about a second more.
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME_BIND ?? undefined;
const shutdownTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000);

process.env.NODE_ENV = "production";
const app = next({ dev: false, dir, port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();

let stopping = false;
let server; // set once Next.js is ready
const sockets = new Map();
let started = 0;
let finishing = false;
let forceTimer;

/** Appends the socket's peer address to X-Forwarded-For (never trusts what came before). */
function appendForwardedFor(req) {
  const remote = req.socket.remoteAddress ?? "";
  const peer = remote.startsWith("::ffff:") ? remote.slice(7) : remote;
  const prior = req.headers["x-forwarded-for"];
  const list = Array.isArray(prior) ? prior.join(", ") : prior;
  req.headers["x-forwarded-for"] = list && list.trim() ? `${list}, ${peer}` : peer;
  // Keep rawHeaders in step: some code paths rebuild headers from it.
  const raw = req.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2) if (raw[i].toLowerCase() === "x-forwarded-for") raw.splice(i, 2);
  raw.push("X-Forwarded-For", req.headers["x-forwarded-for"]);
}

// Installed before booting: a signal during start-up stops the process too
// (after the boot, or at the deadline if the boot hangs).
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));

await app.prepare();
if (stopping) await finish(0);

// Open connections and how many requests each is serving: on shutdown the
// idle ones are closed at once and the busy ones as soon as their response
// is done (tracked here rather than left to Node's idle heuristics).
const inFlight = new Set();

function closeIfIdle(socket) {
  if (stopping && (sockets.get(socket) ?? 0) === 0) socket.destroy();
}

/** Tells a response still being prepared that its connection closes after it. */
function markClosing(res) {
  res.shouldKeepAlive = false;
  if (!res.headersSent) res.setHeader("Connection", "close");
}

server = http.createServer((req, res) => {
  appendForwardedFor(req);
  const socket = req.socket;
  sockets.set(socket, (sockets.get(socket) ?? 0) + 1);
  inFlight.add(res);
  res.once("close", () => {
    inFlight.delete(res);
    if (sockets.has(socket)) sockets.set(socket, Math.max(0, sockets.get(socket) - 1));
    closeIfIdle(socket);
  });
  if (stopping) markClosing(res);
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.on("connection", (socket) => {
  if (stopping) return socket.destroy();
  sockets.set(socket, 0);
  socket.once("close", () => {
    sockets.delete(socket);
    if (stopping && sockets.size === 0) finish();
  });
});
// Behind a load balancer the idle keep-alive must outlive the balancer's.
server.keepAliveTimeout = Number(process.env.KEEP_ALIVE_TIMEOUT_MS ?? 65_000);
server.headersTimeout = server.keepAliveTimeout + 1_000;

server.listen(port, hostname, () => {
  console.log(`› Ready on http://${hostname ?? "localhost"}:${port} (pid ${process.pid})`);
});

/** Closes the database, but never waits past `ms` (a silent database cannot hold the exit). */
async function closeDatabase(ms) {
  const shutdown = globalThis.__espaceDbShutdown;
  if (typeof shutdown !== "function") return;
  let timer;
  await Promise.race([
    Promise.resolve().then(shutdown),
    new Promise((resolve) => {
      timer = setTimeout(() => {
        console.error(`› Base de données non fermée après ${ms} ms`);
        resolve();
      }, ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Runs once no connection is left (or when forced): closes the database and exits. */
async function finish(code = 0) {
  if (finishing) return;
  finishing = true;
  clearTimeout(forceTimer);
  const left = Math.max(500, shutdownTimeoutMs - (Date.now() - started));
  try {
    await closeDatabase(code === 0 ? left : 1_000);
  } catch (error) {
    console.error(error);
  }
  console.log(code === 0 ? `› Arrêté en ${Date.now() - started} ms` : `› Arrêt forcé après ${Date.now() - started} ms`);
  process.exit(code);
}

function stop(signal) {
  if (stopping) return;
  stopping = true;
  started = Date.now();
  console.log(`› ${signal}: arrêt en cours (au plus ${shutdownTimeoutMs} ms)`);
  // Requests still running at the deadline are cut: the process must end.
  forceTimer = setTimeout(() => {
    for (const socket of sockets.keys()) socket.destroy();
    finish(1);
  }, shutdownTimeoutMs);
  if (!server) return; // still booting: finish() runs once the boot is done
  // Stops accepting new connections at once.
  server.close();
  // Idle keep-alive connections close now, busy ones after their response.
  for (const res of inFlight) markClosing(res);
  for (const socket of sockets.keys()) closeIfIdle(socket);
  if (sockets.size === 0) finish();
}
