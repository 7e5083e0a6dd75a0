// Preloaded into the server by `npm run bench:memory` (node --import): writes
// the process's memory and V8 heap limit to BENCH_MEMORY_FILE every second.
import { appendFileSync } from "node:fs";
import v8 from "node:v8";

const file = process.env.BENCH_MEMORY_FILE;
if (file) {
  setInterval(() => {
    const m = process.memoryUsage();
    const limit = v8.getHeapStatistics().heap_size_limit;
    appendFileSync(
      file,
      `${JSON.stringify({ t: Date.now(), rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, limit })}\n`,
    );
  }, 1_000).unref();
}
