// Production server: Next.js as a custom server, run with plain `node`
// (npm start, the demo and the e2e tests). It adds what `next start` lacks:
//  - the socket address is APPENDED to X-Forwarded-For on every request, as a
//    proxy would, so the app can read the client address TRUSTED_PROXY_HOPS
//    from the right (a client-sent header cannot pose as the socket address);
//  - on SIGTERM/SIGINT: stop accepting, close idle keep-alive connections at
//    once, answer `Connection: close` to in-flight requests, let them finish,
//    close the database, exit within SHUTDOWN_TIMEOUT_MS (default 10 s).
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

await app.prepare();

const server = http.createServer((req, res) => {
  appendForwardedFor(req);
  if (stopping) res.setHeader("Connection", "close");
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
// Behind a load balancer the idle keep-alive must outlive the balancer's.
server.keepAliveTimeout = Number(process.env.KEEP_ALIVE_TIMEOUT_MS ?? 65_000);
server.headersTimeout = server.keepAliveTimeout + 1_000;

server.listen(port, hostname, () => {
  console.log(`› Ready on http://${hostname ?? "localhost"}:${port} (pid ${process.pid})`);
});

async function closeDatabase() {
  const shutdown = globalThis.__espaceDbShutdown;
  if (typeof shutdown === "function") await shutdown();
}

function stop(signal) {
  if (stopping) return;
  stopping = true;
  const started = Date.now();
  console.log(`› ${signal}: arrêt en cours (au plus ${shutdownTimeoutMs} ms)`);
  const force = setTimeout(() => {
    console.error(`› Arrêt forcé après ${Date.now() - started} ms`);
    server.closeAllConnections();
    closeDatabase().finally(() => process.exit(1));
    setTimeout(() => process.exit(1), 2_000).unref();
  }, shutdownTimeoutMs);
  force.unref();
  // Stops accepting; the callback runs once every connection is gone.
  server.close(async () => {
    clearTimeout(force);
    try {
      await closeDatabase();
    } catch (error) {
      console.error(error);
    }
    console.log(`› Arrêté en ${Date.now() - started} ms`);
    process.exit(0);
  });
  server.closeIdleConnections();
  // A keep-alive connection that goes idle after its in-flight response is closed at once.
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  sweep.unref();
}

process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
