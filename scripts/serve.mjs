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
//  - every request gets an id (X-Request-Id, on the request for the app and on
//    the response), and one JSON line is written when it ends (pino): method,
//    path without its query, status, duration, request id, and the codes of
//    the errors it met (the "code d'erreur" of the error page); no personal data.
//
// The same file is the `server.js` of the standalone output (copied there by
// scripts/standalone.mjs): it then reads the build's settings from
// .next/required-server-files.json, as Next's own standalone server does.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import pino from "pino";

const here = path.dirname(fileURLToPath(import.meta.url));
const standalone = existsSync(path.join(here, ".next", "required-server-files.json"));
const dir = standalone ? here : path.resolve(here, "..");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME_BIND ?? undefined;
const shutdownTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000);

process.env.NODE_ENV = "production";
let conf;
const builtConfig = path.join(dir, ".next", "required-server-files.json");
if (standalone) {
  // Paths the app reads by process.cwd() (migrations, data/) are the folder's own.
  process.chdir(dir);
  conf = JSON.parse(readFileSync(builtConfig, "utf8")).config;
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(conf);
} else if (existsSync(builtConfig)) {
  // The settings the build resolved, read as the standalone server reads them
  // (every config load of Next returns them): loading next.config.ts instead
  // loads the SWC compiler (about 25 MB kept resident) only to transpile it.
  conf = JSON.parse(readFileSync(builtConfig, "utf8")).config;
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(conf);
}
const app = next({ dev: false, dir, port, hostname: hostname ?? "localhost", ...(conf ? { conf } : {}) });
const handle = app.getRequestHandler();

const log = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "espace-interimaire" },
  timestamp: pino.stdTimeFunctions.isoTime,
});
// An id set by a proxy in front is kept when it has the same shape; anything else is replaced.
const REQUEST_ID = /^[0-9a-f]{8,32}$/;

/** Gives the request its id (header on the request for the app, and on the response). */
function tagRequest(req, res) {
  const given = req.headers["x-request-id"];
  const id = typeof given === "string" && REQUEST_ID.test(given) ? given : randomBytes(6).toString("hex");
  req.headers["x-request-id"] = id;
  const raw = req.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2) if (raw[i].toLowerCase() === "x-request-id") raw.splice(i, 2);
  raw.push("X-Request-Id", id);
  res.setHeader("X-Request-Id", id);
  return id;
}

// Path segments that are secrets themselves (the calendar feed's token).
const SECRET_SEGMENTS = [/^(\/calendrier\/)[^/]+/];

/** The path as logged: never the query string, secret segments masked. */
function loggedPath(url) {
  let pathname = (url ?? "/").split("?")[0].split("#")[0];
  for (const pattern of SECRET_SEGMENTS) pathname = pathname.replace(pattern, "$1[redacted]");
  return pathname.length > 300 ? `${pathname.slice(0, 300)}…` : pathname;
}

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
  const requestId = tagRequest(req, res);
  const startedAt = process.hrtime.bigint();
  res.once("close", () => {
    const line = {
      event: "request",
      requestId,
      method: req.method,
      path: loggedPath(req.url),
      status: res.statusCode,
      durationMs: Math.round(Number(process.hrtime.bigint() - startedAt) / 1e5) / 10,
    };
    if (!res.writableFinished) line.aborted = true;
    // Codes of the errors this request met (shown on the error page), from lib/log/request-error.ts.
    const codes = globalThis.__espaceRequestErrorCodes?.get(requestId);
    if (codes) {
      line.errorCodes = codes;
      globalThis.__espaceRequestErrorCodes.delete(requestId);
    }
    if (res.statusCode >= 500) log.warn(line, "request");
    else log.info(line, "request");
  });
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
    log.error({ event: "error", source: "server", requestId, err: { type: error?.name, message: String(error?.message) } }, "server error");
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
