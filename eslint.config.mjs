// ESLint flat config: Next.js rules (core web vitals), typescript-eslint with
// type information for the rules that catch lost promises, and the project's
// import boundaries.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "data/**",
      "storage/**",
      "test-results/**",
      "playwright-report/**",
      "lib/generated/**",
      "next-env.d.ts",
    ],
  },
  ...nextVitals,
  ...nextTypescript,
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
      // French text is full of apostrophes; JSX escapes them safely.
      "react/no-unescaped-entities": "off",
    },
  },
  {
    // app/ reads through the scoped queries of lib/ and writes through its
    // domain functions: never the database client itself (ARCHITECTURE.md).
    files: ["app/**/*.ts", "app/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^@/lib/db(/.*)?$",
              message: "app/ reads through lib/<domain>/queries and writes through lib/<domain> functions, not the database client.",
            },
          ],
        },
      ],
    },
  },
  {
    // Test servers (fake S3, fake providers) are node:http handlers written as
    // async functions; Node ignores their promise, and each handler catches.
    files: ["tests/**/*.ts"],
    rules: { "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { arguments: false, attributes: false } }] },
  },
);
