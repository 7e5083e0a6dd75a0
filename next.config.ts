import type { NextConfig } from "next";

const nextConfig: NextConfig = {
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
