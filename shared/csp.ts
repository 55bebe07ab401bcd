// The Content-Security-Policy of the app's page, in one place for every way it is shown: the
// <meta> tag written into the built index.html (Electron loads it from file://, where no
// response header exists, so the meta tag is the enforced policy), the header browser mode
// sends, and the relaxed variant only `electron-vite dev` uses. Everything is denied unless
// listed: scripts and styles only from the app's own files (no inline code, no eval, so injected
// markup cannot run), images also from media:// (Electron's project images) and data:/blob:
// (generated charts), no network, no plugins, no <base> or form tricks.
export interface CspOptions {
  /** Electron: project images come from media://; browser mode serves them from /media/. */
  media: boolean;
  /** frame-ancestors is ignored in a <meta> tag (browsers warn); only headers carry it. */
  header: boolean;
  /** `electron-vite dev` only: Vite's hot reload needs inline code and a websocket. */
  dev?: boolean;
}

function buildCsp({ media, header, dev = false }: CspOptions): string {
  const d = [
    "default-src 'none'",
    dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    `img-src 'self'${media ? ' media:' : ''} data: blob:`,
    dev ? "connect-src 'self' ws: http://localhost:*" : "connect-src 'self'",
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ];
  if (header) d.push("frame-ancestors 'none'");
  return d.join('; ');
}

/** The policy inside the built index.html (Electron and browser mode load the same file). */
export const PAGE_CSP = buildCsp({ media: true, header: false });
/** Electron's response header, for loads where one applies (it adds frame-ancestors). */
export const APP_HEADER_CSP = buildCsp({ media: true, header: true });
/** Browser mode's response header: images only from this origin's /media/. */
export const BROWSER_CSP = buildCsp({ media: false, header: true });
/** Electron's response header where one applies (the dev server). */
export const DEV_CSP = buildCsp({ media: true, header: true, dev: true });

/** The placeholder renderer/index.html carries where the build writes the policy. */
const CSP_PLACEHOLDER = '__MEMEJURY_CSP__';
const CSP_META = new RegExp(
  `<meta\\s+http-equiv="Content-Security-Policy"\\s+content="${CSP_PLACEHOLDER}"\\s*/?>`,
);

/**
 * index.html with its policy meta tag filled in (`csp`), or removed (null: the dev server, where
 * Electron main sends DEV_CSP as a header instead). Throws if the page lost its placeholder, so
 * a build can never ship a page without a policy.
 */
export function withCspMeta(html: string, csp: string | null): string {
  if (!CSP_META.test(html))
    throw new Error(`index.html has no Content-Security-Policy meta with ${CSP_PLACEHOLDER}`);
  return html.replace(
    CSP_META,
    csp === null ? '' : `<meta http-equiv="Content-Security-Policy" content="${csp}" />`,
  );
}
