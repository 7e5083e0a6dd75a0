import "server-only";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createAdapter } from "@/lib/db/adapter";

// One client per process, kept on globalThis so hot reloads and route bundles
// share it (PGlite must never be opened twice). Built on first use, so that
// importing this module during `next build` opens no database.
const holder = globalThis as unknown as { __espacePrisma?: PrismaClient };

function client(): PrismaClient {
  holder.__espacePrisma ??= new PrismaClient({ adapter: createAdapter().factory });
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
