// A TCP proxy for fault tests, between the app's pool and PostgreSQL. It can
// forward, black-hole (sockets are accepted and kept open, every byte is
// dropped both ways, as when a database host vanishes from the network) and
// resume. Sockets that went through a black hole stay silent after resume,
// like connections to a server that failed over: only new connections work.
import net from "node:net";

type Pair = { client: net.Socket; upstream?: net.Socket; silent: boolean };

export type BlackholeProxy = {
  port: number;
  url: (database?: string) => string;
  blackhole: () => void;
  resume: () => void;
  /** Client sockets currently open (the pool's connections, live or silent). */
  openSockets: () => number;
  /** Connections accepted since start. */
  accepted: () => number;
  close: () => Promise<void>;
};

export async function startBlackholeProxy(target = { host: "127.0.0.1", port: 5432 }, user = "postgres"): Promise<BlackholeProxy> {
  const pairs = new Set<Pair>();
  let holing = false;
  let acceptedCount = 0;
  const server = net.createServer((client) => {
    acceptedCount += 1;
    const pair: Pair = { client, silent: holing };
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      pair.upstream?.destroy();
    };
    client.on("error", drop);
    client.on("close", drop);
    client.on("data", (chunk) => {
      if (!pair.silent) pair.upstream?.write(chunk);
    });
    if (pair.silent) return; // accepted, never answered
    client.pause();
    const upstream = net.connect(target.port, target.host, () => client.resume());
    pair.upstream = upstream;
    upstream.on("data", (chunk) => {
      if (!pair.silent) client.write(chunk);
    });
    upstream.on("error", drop);
    upstream.on("close", () => {
      // A silent pair keeps its client socket open: the peer never learns.
      if (!pair.silent) drop();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    url: (database = "postgres") => `postgresql://${user}@127.0.0.1:${port}/${database}`,
    blackhole: () => {
      holing = true;
      for (const pair of pairs) pair.silent = true;
    },
    resume: () => {
      holing = false;
    },
    openSockets: () => [...pairs].filter((p) => !p.client.destroyed).length,
    accepted: () => acceptedCount,
    close: async () => {
      for (const pair of pairs) {
        pair.client.destroy();
        pair.upstream?.destroy();
      }
      pairs.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
