import "server-only";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createAdapter } from "@/lib/db/adapter";

// One client per process, kept on globalThis so hot reloads and route bundles
// share it (PGlite must never be opened twice). Built on first use, so that
// importing this module during `next build` opens no database.
// __espaceDbShutdown is called by the server wrapper (scripts/serve.mjs) once
// the last request is done: it disconnects Prisma and closes PGlite (lock released).
const holder = globalThis as unknown as { __espacePrisma?: PrismaClient; __espaceDbShutdown?: () => Promise<void> };

function client(): PrismaClient {
  if (!holder.__espacePrisma) {
    const handle = createAdapter();
    const prisma = new PrismaClient({ adapter: handle.factory });
    holder.__espacePrisma = prisma;
    holder.__espaceDbShutdown = async () => {
      await prisma.$disconnect().catch(() => {});
      await handle.close();
    };
  }
  return holder.__espacePrisma;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = client();
    const value = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

export type Db = PrismaClient;
