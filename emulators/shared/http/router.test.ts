import { describe, expect, it } from "vitest";
import { HttpProblem } from "./http-problem";
import { findRoute, normalizePath, type HttpMethod } from "./router";

const route = (method: HttpMethod, pattern: string) => ({ method, pattern });
const routes = [
  route("GET", "/emails/:id"),
  route("POST", "/emails/batch"),
  route("POST", "/emails"),
  route("GET", "/emails"),
  route("POST", "/hooks/*"),
];

function problemOf(run: () => unknown): HttpProblem {
  try {
    run();
  } catch (error) {
    if (error instanceof HttpProblem) return error;
  }
  throw new Error("expected an HttpProblem");
}

describe("findRoute", () => {
  it("finds the route by method and path and decodes its parameters", () => {
    const match = findRoute(routes, "GET", "/emails/a%20b");
    expect(match.route.pattern).toBe("/emails/:id");
    expect(match.params).toEqual({ id: "a b" });
  });

  it("lets a literal path win over a parameter, and answers its other methods with 405 and Allow", () => {
    expect(findRoute(routes, "POST", "/emails/batch").route.pattern).toBe("/emails/batch");
    const problem = problemOf(() => findRoute(routes, "GET", "/emails/batch"));
    expect(problem.status).toBe(405);
    expect(problem.headers()).toEqual({ allow: "POST" });
    expect(problemOf(() => findRoute(routes, "DELETE", "/emails")).headers()).toEqual({
      allow: "POST, GET",
    });
  });

  it("matches any rest after a trailing *, but not nothing", () => {
    expect(findRoute(routes, "POST", "/hooks/acme/one").params).toEqual({ "*": "acme/one" });
    expect(problemOf(() => findRoute(routes, "POST", "/hooks")).kind).toBe("not-found");
  });

  it("answers an unknown path with 404 and malformed percent-encoding with 400", () => {
    expect(problemOf(() => findRoute(routes, "GET", "/domains")).status).toBe(404);
    const malformed = problemOf(() => findRoute(routes, "GET", "/emails/%E0%A4%A"));
    expect([malformed.kind, malformed.status]).toEqual(["malformed-path", 400]);
  });
});

describe("normalizePath", () => {
  it("drops trailing slashes but keeps the root", () => {
    expect(normalizePath("/emails/")).toBe("/emails");
    expect(normalizePath("/")).toBe("/");
    expect(normalizePath("//")).toBe("/");
  });
});
