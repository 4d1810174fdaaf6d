// The console's data tables style their cells once, on the header and the body, rather than in every
// cell: a page of rows then repeats no class names. The server renders each byte twice (the HTML and
// the RSC payload), so repeated classes cost CPU per request (figures in bench/README.md).

/** Header cells: small caps, left-aligned; normal or dense padding. */
export function tableHeadClasses(dense = false): string {
  const padding = dense ? "[&_th]:px-2 [&_th]:py-1" : "[&_th]:px-3 [&_th]:py-2";
  return `${padding} [&_th]:text-left [&_th]:text-xs [&_th]:font-semibold [&_th]:uppercase [&_th]:tracking-wide [&_th]:text-slate-600`;
}

/** Body cells (and row headings, in medium weight); normal or dense padding. */
export function tableBodyClasses(dense = false): string {
  const padding = dense
    ? "[&_td]:px-2 [&_td]:py-1 [&_th]:px-2 [&_th]:py-1"
    : "[&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2";
  return `divide-y divide-slate-100 text-sm tabular-nums text-slate-800 ${padding} [&_td]:align-top [&_th]:text-left [&_th]:align-top [&_th]:font-medium`;
}
