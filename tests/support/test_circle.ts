/**
 * Circles for network tests: a key, its auth key, its CA and a leaf for
 * 127.0.0.1, made once per process for each seed.
 *
 * @module
 */

import { circleCA, issueLeaf } from "../../certs/mod.ts";
import { authKey, hostAuthKey, SecretKey } from "../../crypto/mod.ts";

/** Everything a test needs from one circle. */
export interface TestCircle {
  /** The circle key. */
  key: SecretKey;
  /** `authKey(key)`. */
  authKey: Uint8Array;
  /** A host key's `hostAuthKey`, fixed per seed. */
  hostAuthKey: Uint8Array;
  /** The circle CA as PEM. */
  caPem: string;
  /** A leaf for localhost and 127.0.0.1. */
  certPem: string;
  /** The leaf's key. */
  keyPem: string;
}

const circles = new Map<number, Promise<TestCircle>>();

/** The circle of `seed` (a key of 32 bytes all equal to `seed`). */
export function testCircle(seed = 1): Promise<TestCircle> {
  let circle = circles.get(seed);
  if (circle === undefined) {
    circle = make(seed);
    circles.set(seed, circle);
  }
  return circle;
}

async function make(seed: number): Promise<TestCircle> {
  const key = new SecretKey(new Uint8Array(32).fill(seed));
  const ca = await circleCA(key);
  const leaf = await issueLeaf(ca, { sans: ["localhost", "127.0.0.1"] });
  return {
    key,
    authKey: authKey(key),
    hostAuthKey: hostAuthKey(new SecretKey(new Uint8Array(32).fill(seed + 100))),
    caPem: ca.certPem,
    certPem: leaf.certPem,
    keyPem: leaf.keyPem,
  };
}
