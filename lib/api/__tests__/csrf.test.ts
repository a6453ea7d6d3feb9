import { describe, expect, it } from "vitest";
import { assertSameOriginMutation } from "@/lib/api/csrf";
import { AppError } from "@/lib/errors";

const URL_ = "http://app.example:3000/api/v1/tokens";

function post(headers: Record<string, string>, body = '{"name":"x"}', method = "POST"): Request {
  return new Request(URL_, {
    method,
    headers: { host: "app.example:3000", "content-length": String(body.length), ...headers },
    body: method === "GET" ? undefined : body,
  });
}

function refusal(request: Request, options = {}): string | null {
  try {
    assertSameOriginMutation(request, options);
    return null;
  } catch (error) {
    return error instanceof AppError ? `${error.status}` : "thrown";
  }
}

describe("assertSameOriginMutation (cookie sessions)", () => {
  it("refuses a cross-site text/plain POST, the forged-request shape", () => {
    expect(refusal(post({ origin: "http://evil.example", "content-type": "text/plain" }))).toBe("403");
  });

  it("refuses a foreign Origin even with a JSON body", () => {
    expect(refusal(post({ origin: "http://evil.example", "content-type": "application/json" }))).toBe("403");
  });

  it("refuses a mutation with neither Origin nor Sec-Fetch-Site: same-origin", () => {
    expect(refusal(post({ "content-type": "application/json" }))).toBe("403");
    expect(refusal(post({ "sec-fetch-site": "same-site", "content-type": "application/json" }))).toBe("403");
  });

  it("refuses a same-origin form-encoded or text/plain body (what an HTML form can send)", () => {
    const origin = "http://app.example:3000";
    expect(refusal(post({ origin, "content-type": "text/plain" }))).toBe("400");
    expect(refusal(post({ origin, "content-type": "application/x-www-form-urlencoded" }))).toBe("400");
    expect(refusal(post({ origin, "content-type": "multipart/form-data; boundary=x" }))).toBe("400");
  });

  it("accepts a same-origin JSON or YAML write, by Origin or by Sec-Fetch-Site", () => {
    expect(refusal(post({ origin: "http://app.example:3000", "content-type": "application/json" }))).toBeNull();
    expect(refusal(post({ "sec-fetch-site": "same-origin", "content-type": "application/yaml" }))).toBeNull();
    expect(refusal(post({ origin: "http://app.example:3000", "content-type": "text/yaml; charset=utf-8" }))).toBeNull();
  });

  it("accepts octet-stream only where the route takes binary", () => {
    const headers = { origin: "http://app.example:3000", "content-type": "application/octet-stream" };
    expect(refusal(post(headers))).toBe("400");
    expect(refusal(post(headers), { binaryBody: true })).toBeNull();
  });

  it("trusts the configured public origin (behind a proxy) and never a look-alike", () => {
    const headers = { origin: "https://featureline.example", "content-type": "application/json" };
    expect(refusal(post(headers), { trustedOrigins: ["https://featureline.example/"] })).toBeNull();
    const lookalike = { origin: "https://featureline.example.evil.example", "content-type": "application/json" };
    expect(refusal(post(lookalike), { trustedOrigins: ["https://featureline.example"] })).toBe("403");
  });

  it("leaves reads alone, and a bodiless same-origin DELETE needs no content type", () => {
    expect(refusal(new Request(URL_, { headers: { origin: "http://evil.example" } }))).toBeNull();
    const del = new Request(URL_, { method: "DELETE", headers: { origin: "http://app.example:3000" } });
    expect(refusal(del)).toBeNull();
  });
});
