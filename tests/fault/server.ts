// Spawns the real production server wrapper (scripts/serve.mjs) for fault
// tests, with its output kept for assertions, and raw keep-alive sockets.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { serverNodeArgs } from "../../scripts/lib";

const root = path.resolve(import.meta.dirname, "..", "..");

export function assertBuilt() {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("Fault tests need a production build: run `npx next build` first (npm test does).");
  }
}

export type Server = {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
};

/** A port free right now (the kernel picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `node <args>` in `cwd` with exactly `env`, its output kept. */
export function spawnNode(args: string[], cwd: string, env: NodeJS.ProcessEnv, port: number): Server {
  const child = spawn(process.execPath, args, {
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...env, PORT: String(port) } as NodeJS.ProcessEnv,
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return { child, port, output: () => out, exited };
}

export function spawnServer(env: Record<string, string>, port: number): Server {
  return spawnNode(
    [...serverNodeArgs, path.join(root, "scripts", "serve.mjs")],
    root,
    {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      APP_ENV: "test",
      AUTH_SECRET: "fault-secret-not-for-production-0123456789",
      ...env,
    },
    port,
  );
}

export async function waitReady(server: Server, path = "/api/health", timeoutMs = 60_000, intervalMs = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`server exited with ${server.child.exitCode}:\n${server.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}${path}`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`server not ready within ${timeoutMs} ms:\n${server.output()}`);
}

export async function kill(server: Server | undefined) {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill("SIGKILL");
  await server.exited;
}

export type RawResponse = { status: number; headers: Record<string, string>; body: string; at: number };

/**
 * One HTTP/1.1 keep-alive connection on a raw socket: requests are written by
 * hand so the test sees exactly when the server closes it.
 */
export class KeepAliveSocket {
  readonly socket: net.Socket;
  closedAt: number | null = null;
  private buffer = "";
  private waiters: ((r: RawResponse) => void)[] = [];

  private constructor(socket: net.Socket) {
    this.socket = socket;
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => {
      this.buffer += chunk;
      this.parse();
    });
    socket.on("close", () => (this.closedAt ??= Date.now()));
    socket.on("error", () => undefined);
  }

  static open(port: number): Promise<KeepAliveSocket> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, "127.0.0.1", () => resolve(new KeepAliveSocket(socket)));
      socket.once("error", reject);
    });
  }

  private parse() {
    for (;;) {
      const end = this.buffer.indexOf("\r\n\r\n");
      if (end < 0) return;
      const [statusLine, ...lines] = this.buffer.slice(0, end).split("\r\n");
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const i = line.indexOf(":");
        headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      let bodyEnd: number;
      let body: string;
      if (headers["content-length"] !== undefined) {
        bodyEnd = end + 4 + Number(headers["content-length"]);
        if (this.buffer.length < bodyEnd) return;
        body = this.buffer.slice(end + 4, bodyEnd);
      } else if (/chunked/i.test(headers["transfer-encoding"] ?? "")) {
        const terminator = this.buffer.indexOf("\r\n0\r\n\r\n", end);
        if (terminator < 0) return;
        bodyEnd = terminator + 7;
        body = this.buffer.slice(end + 4, terminator);
      } else {
        bodyEnd = end + 4;
        body = "";
      }
      this.buffer = this.buffer.slice(bodyEnd);
      const status = Number(statusLine.split(" ")[1]);
      this.waiters.shift()?.({ status, headers, body, at: Date.now() });
    }
  }

  get(path: string): Promise<RawResponse> {
    const answer = new Promise<RawResponse>((resolve) => this.waiters.push(resolve));
    this.socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n`);
    return answer;
  }

  /** Resolves when the server closes the connection (or after `ms`, with false). */
  waitClosed(ms: number): Promise<boolean> {
    if (this.closedAt) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      this.socket.once("close", () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

/** True when a new TCP connection to the port is refused. */
export function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}
