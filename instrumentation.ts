// Runs once when a server instance starts. The Node.js work lives in
// lib/server-start.ts, imported only in the Node.js runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { registerNode } = await import("@/lib/server-start");
  await registerNode();
}
