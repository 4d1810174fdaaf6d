// First-load JavaScript: every script file a page's HTML makes the browser load before it is
// interactive, fetched from the running server and gzipped at level 9 (what a CDN would send).
// Lazy chunks loaded later (e.g. Finch Connect on click) are not part of it.
import zlib from "node:zlib";
import { assertLoopback } from "./measure-load";

export interface FirstLoadJs {
  files: number;
  gzipBytes: number;
  /** Each script's path and gzip size, to tell where two pages differ. */
  sizes: Map<string, number>;
}

export async function measureFirstLoadJs(
  pageUrl: string,
  headers: Record<string, string> = {},
): Promise<FirstLoadJs> {
  assertLoopback(pageUrl);
  const page = await fetch(pageUrl, { headers, redirect: "manual" });
  if (page.status !== 200) throw new Error(`${pageUrl} answered ${page.status}, not 200`);
  const html = await page.text();
  const sources = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) sources.add(match[1]);
  // Next also preloads chunks it will execute at once (<link rel="preload" as="script">).
  for (const match of html.matchAll(/<link[^>]*rel="preload"[^>]*as="script"[^>]*href="([^"]+)"/g))
    sources.add(match[1]);
  for (const match of html.matchAll(/<link[^>]*as="script"[^>]*rel="preload"[^>]*href="([^"]+)"/g))
    sources.add(match[1]);
  let gzipBytes = 0;
  const sizes = new Map<string, number>();
  for (const source of sources) {
    const url = new URL(source.replaceAll("&amp;", "&"), pageUrl);
    assertLoopback(url.toString());
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    const size = zlib.gzipSync(Buffer.from(await response.arrayBuffer()), { level: 9 }).length;
    sizes.set(url.pathname, size);
    gzipBytes += size;
  }
  return { files: sources.size, gzipBytes, sizes };
}

/** The scripts one page loads and the other does not, with their gzip sizes ("+a 1.2 kB, -b 0.3 kB"). */
export function scriptsApart(mine: FirstLoadJs, theirs: FirstLoadJs): string {
  const only = (a: FirstLoadJs, b: FirstLoadJs, sign: string) =>
    [...a.sizes]
      .filter(([path]) => !b.sizes.has(path))
      .map(([path, size]) => `${sign}${path.split("/").pop()} ${(size / 1000).toFixed(1)} kB`);
  return [...only(mine, theirs, "+"), ...only(theirs, mine, "-")].join(", ");
}
