import { describe, expect, it } from "vitest";
import { finchEndpointLabel } from "@/lib/observability/metrics";
import { metricsAccess } from "./metrics-access";

const token = "a-metrics-token-long-enough";

describe("metricsAccess", () => {
  it("asks for the bearer token when one is set, in production or not", () => {
    for (const production of [true, false]) {
      expect(metricsAccess({ authorization: `Bearer ${token}`, token, production })).toEqual({
        allowed: true,
      });
      expect(metricsAccess({ authorization: "Bearer wrong", token, production })).toMatchObject({
        status: 401,
      });
      expect(metricsAccess({ authorization: null, token, production })).toMatchObject({ status: 401 });
      expect(metricsAccess({ authorization: token, token, production })).toMatchObject({ status: 401 });
    }
  });

  it("refuses to expose metrics in production without a token, and allows it locally", () => {
    expect(metricsAccess({ authorization: null, token: undefined, production: true })).toMatchObject({
      allowed: false,
      status: 403,
    });
    expect(metricsAccess({ authorization: null, token: undefined, production: false })).toEqual({
      allowed: true,
    });
  });
});

describe("finchEndpointLabel", () => {
  it("keeps the label set small: ids become :id", () => {
    expect(finchEndpointLabel("/employer/company")).toBe("/employer/company");
    expect(finchEndpointLabel("/employer/individual/4ab2c9d1")).toBe("/employer/individual/:id");
    expect(finchEndpointLabel("/introspect")).toBe("/introspect");
  });
});
