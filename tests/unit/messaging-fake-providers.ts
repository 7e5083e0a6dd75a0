// A local HTTP server that imitates Resend (POST /emails) and Brevo
// (POST /v3/transactionalSMS/sms), records every request, and can be told to
// answer an error or not to answer at all.
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: unknown;
};

type Override = { status: number; body: string; contentType?: string } | "hang";

export type FakeProviders = {
  baseUrl: string;
  requests: RecordedRequest[];
  /** The next request gets this answer instead of the normal one. */
  failNext(override: Override): void;
  /** Forgets requests and overrides; requests left hanging are cut. */
  reset(): void;
  close(): Promise<void>;
};

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function answer(res: ServerResponse, status: number, body: string, contentType = "application/json"): void {
  res.writeHead(status, { "content-type": contentType });
  res.end(body);
}

export async function startFakeProviders(): Promise<FakeProviders> {
  const requests: RecordedRequest[] = [];
  const overrides: Override[] = [];
  const hanging: ServerResponse[] = [];
  let counter = 0;

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body, json: parseJson(body) });
      const override = overrides.shift();
      if (override === "hang") return void hanging.push(res); // never answers
      if (override) return answer(res, override.status, override.body, override.contentType);
      counter += 1;
      if (req.method === "POST" && req.url === "/emails") return answer(res, 200, JSON.stringify({ id: `re_fake_${counter}` }));
      if (req.method === "POST" && req.url === "/v3/transactionalSMS/sms") {
        return answer(
          res,
          201,
          JSON.stringify({ reference: `ref-${counter}`, messageId: 1000 + counter, smsCount: 1, usedCredits: 1, remainingCredits: 99 }),
        );
      }
      answer(res, 404, JSON.stringify({ message: "not found" }));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    failNext: (override) => {
      overrides.push(override);
    },
    reset: () => {
      for (const res of hanging.splice(0)) res.destroy();
      requests.length = 0;
      overrides.length = 0;
      counter = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
