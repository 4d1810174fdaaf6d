// What a route handler answers when, for this visitor, it does not exist: a 404 with the words of the
// not-found page (app/not-found.tsx uses the same ones), not Next's empty notFound() body, so an
// operator-only download reads like any page that is not there.
export const NOT_FOUND_HEADING = "Page not found";
export const NOT_FOUND_MESSAGE =
  "The page you are looking for does not exist or you do not have access to it.";

export function notFoundResponse(): Response {
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${NOT_FOUND_HEADING}</title></head><body><main><p>404</p><h1>${NOT_FOUND_HEADING}</h1><p>${NOT_FOUND_MESSAGE}</p><p><a href="/">Back to the dashboard</a></p></main></body></html>`;
  return new Response(html, {
    status: 404,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}
