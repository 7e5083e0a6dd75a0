import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // A self-contained server in .next/standalone (server.js + the traced
  // node_modules), run with Node alone: see scripts/standalone.mjs and the Dockerfile.
  output: "standalone",
  // Files read at run time by path, which the tracer cannot see: the migrations
  // (readiness compares them with the database), the PGlite data files and
  // WebAssembly, argon2's native binary, the logger.
  outputFileTracingIncludes: {
    "/**": [
      "./prisma/migrations/**/*",
      "./node_modules/@electric-sql/pglite/dist/**/*.{wasm,data}",
      "./node_modules/@node-rs/**/*.node",
      "./node_modules/pino/**/*",
    ],
  },
  // Local secrets (data/: the demo encryption key and seal, the PGlite folder)
  // and stored files are read by path at run time too: never shipped.
  outputFileTracingExcludes: { "/**": ["./data/**/*", "./storage/**/*", "./.env*"] },
  // Packages with native code or WebAssembly are loaded from node_modules at run time.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "@node-rs/argon2",
    "@react-pdf/renderer",
    "pg",
    // Its optional peer @react-email/render (React emails, unused) must not be resolved at build time.
    "resend",
    "pino",
  ],
  poweredByHeader: false,
  // The commit a deploy preview was built from (set by scripts/build-preview.ts), shown in its banner.
  env: { PREVIEW_BUILD_REF: process.env.PREVIEW_BUILD_REF ?? "" },
  experimental: {
    // Uploads go up to 10 MB plus the multipart envelope; the proxy (proxy.ts)
    // buffers request bodies and would cut them at its 10 MB default.
    serverActions: { bodySizeLimit: "12mb" },
    proxyClientMaxBodySize: "12mb",
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
