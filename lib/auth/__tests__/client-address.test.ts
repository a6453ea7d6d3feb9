import { describe, expect, it } from "vitest";
import { clientAddress, PEER_ADDRESS_HEADER } from "@/lib/auth/client-address";

describe("client address for throttling", () => {
  it("is the socket address by default, whatever X-Forwarded-For says", () => {
    const seen = new Set(
      Array.from({ length: 30 }, (_, i) =>
        clientAddress({ [PEER_ADDRESS_HEADER]: "203.0.113.7", "x-forwarded-for": `10.9.${i}.1` }, 0),
      ),
    );
    expect([...seen]).toEqual(["203.0.113.7"]);
  });

  it("believes as many forwarded hops as there are trusted proxies, counted from the socket", () => {
    const headers = new Headers({
      [PEER_ADDRESS_HEADER]: "10.0.0.2",
      // forged by the client, then appended by the two proxies
      "x-forwarded-for": "1.2.3.4, 198.51.100.9, 10.0.0.1",
    });
    expect(clientAddress(headers, 1)).toBe("10.0.0.1");
    expect(clientAddress(headers, 2)).toBe("198.51.100.9");
    // More trusted hops than entries: the first entry is the best there is.
    expect(clientAddress(headers, 9)).toBe("1.2.3.4");
  });

  it("is unknown (null) when the server recorded no socket address, never a shared key", () => {
    expect(clientAddress({ "x-forwarded-for": "1.2.3.4" }, 0)).toBeNull();
    expect(clientAddress(undefined, 1)).toBeNull();
  });
});
