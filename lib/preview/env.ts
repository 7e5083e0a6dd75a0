// APP_ENV=preview: a deploy preview for stakeholders (one-click demo accounts,
// a banner, the outbox readable by anyone, the demo data reset nightly).
// No "server-only": instrumentation, scripts and tests import it.
type Env = Record<string, string | undefined>;

export function isPreview(env: Env = process.env): boolean {
  return env.APP_ENV?.trim() === "preview";
}

/**
 * The branch or commit the preview was built from, as the usual hosts name it
 * (Vercel, Netlify, Render, Cloudflare Pages), or PREVIEW_REF / GIT_COMMIT,
 * else the git commit read at build time.
 */
export function previewRef(env: Env = process.env): string | null {
  const branch = [env.PREVIEW_REF, env.VERCEL_GIT_COMMIT_REF, env.HEAD, env.RENDER_GIT_BRANCH, env.CF_PAGES_BRANCH]
    .map((value) => value?.trim())
    .find(Boolean);
  const sha = [env.VERCEL_GIT_COMMIT_SHA, env.COMMIT_REF, env.RENDER_GIT_COMMIT, env.CF_PAGES_COMMIT_SHA, env.GIT_COMMIT]
    .map((value) => value?.trim())
    .find(Boolean);
  const short = sha ? sha.slice(0, 7) : null;
  if (branch && short) return `${branch} (${short})`;
  // Else the commit `npm run build:preview` read from git (next.config.ts inlines it).
  return branch ?? short ?? (env.PREVIEW_BUILD_REF?.trim() || null);
}
