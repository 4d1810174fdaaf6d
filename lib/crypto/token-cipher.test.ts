import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptToken, encryptToken, parseKeyring } from "./token-cipher";

const key = () => crypto.randomBytes(32).toString("base64");

describe("token cipher", () => {
  const token = "7e965183-1f02-4f8b-9d2c-0a7b9f1e2d3c";

  it("round-trips and never contains the plaintext", () => {
    const keyring = parseKeyring(`k1:${key()}`);
    const sealed = encryptToken(token, keyring, "conn_1");
    expect(sealed.keyId).toBe("k1");
    expect(sealed.ciphertext).not.toContain(token);
    expect(decryptToken(sealed, keyring, "conn_1")).toBe(token);
  });

  it("uses a fresh IV each time", () => {
    const keyring = parseKeyring(`k1:${key()}`);
    expect(encryptToken(token, keyring, "c").ciphertext).not.toBe(
      encryptToken(token, keyring, "c").ciphertext,
    );
  });

  it("rotates: the first key encrypts, older keys still decrypt", () => {
    const oldKey = key();
    const before = parseKeyring(`old:${oldKey}`);
    const sealed = encryptToken(token, before, "c");
    const after = parseKeyring(`new:${key()},old:${oldKey}`);
    expect(decryptToken(sealed, after, "c")).toBe(token);
    expect(encryptToken(token, after, "c").keyId).toBe("new");
  });

  it("rejects tampering, another row's context, and unknown keys", () => {
    const keyring = parseKeyring(`k1:${key()}`);
    const sealed = encryptToken(token, keyring, "conn_1");
    const [iv, tag, body] = sealed.ciphertext.split(".");
    const flipped = Buffer.from(body, "base64url");
    flipped[0] ^= 1;
    expect(() =>
      decryptToken(
        { ...sealed, ciphertext: [iv, tag, flipped.toString("base64url")].join(".") },
        keyring,
        "conn_1",
      ),
    ).toThrow();
    expect(() => decryptToken(sealed, keyring, "conn_2")).toThrow();
    expect(() => decryptToken({ ...sealed, keyId: "gone" }, keyring, "conn_1")).toThrow(/gone/);
  });

  it("validates the key specification without echoing key material", () => {
    const short = Buffer.alloc(16).toString("base64");
    expect(() => parseKeyring(`k1:${short}`)).toThrow(/32 bytes/);
    expect(() => parseKeyring("nocolon")).toThrow(/keyId:base64Key/);
    expect(() => parseKeyring("")).toThrow(/no key/);
    try {
      parseKeyring(`k1:${short}`);
    } catch (error) {
      expect(String(error)).not.toContain(short);
    }
  });
});
