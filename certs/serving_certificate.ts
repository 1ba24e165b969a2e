/**
 * The certificate a listener (chat server, registry, p2p) presents, kept
 * fresh by itself: a circle leaf lives a few days, a host runs for months,
 * so the leaf is re-issued well before it ends and handed to the listener.
 *
 * @module
 */

import type { SecretKey } from "../crypto/mod.ts";
import { circleCA } from "./circle_ca.ts";
import { issueLeaf, type Leaf, leafNeedsRenewal } from "./leaf.ts";

/** How often a serving certificate checks whether it needs a new leaf. */
export const RENEWAL_CHECK_MS = 60 * 60_000;

/** A listener's certificate and, for circle leaves, its renewal. */
export class ServingCertificate {
  #leaf: Leaf;
  readonly #renew: (() => Promise<Leaf>) | undefined;

  private constructor(leaf: Leaf, renew?: () => Promise<Leaf>) {
    this.#leaf = leaf;
    this.#renew = renew;
  }

  /** A leaf from the circle CA rebuilt from `key`, naming `sans` (plus local names). */
  static async forCircle(
    key: SecretKey,
    sans: string[] = [],
    clock: () => number = Date.now,
  ): Promise<ServingCertificate> {
    const ca = await circleCA(key);
    const issue = () => issueLeaf(ca, { sans, now: clock() });
    return new ServingCertificate(await issue(), issue);
  }

  /** An external certificate, checked already; never renewed here. */
  static external(leaf: Leaf): ServingCertificate {
    return new ServingCertificate(leaf);
  }

  /** The leaf in use now. */
  get leaf(): Leaf {
    return this.#leaf;
  }

  /**
   * Checks every `everyMs` (default hourly) and, when the leaf is in the last
   * third of its life, issues a new one and passes it to `apply`. Returns a
   * function that stops the checks.
   */
  keepFresh(
    apply: (leaf: Leaf) => void,
    options: { everyMs?: number; clock?: () => number; onError?: (error: unknown) => void } = {},
  ): () => void {
    const renew = this.#renew;
    if (renew === undefined) return () => {};
    const clock = options.clock ?? Date.now;
    const timer = setInterval(async () => {
      if (!leafNeedsRenewal(this.#leaf, clock())) return;
      try {
        const leaf = await renew();
        apply(leaf);
        this.#leaf = leaf;
      } catch (error) {
        options.onError?.(error);
      }
    }, options.everyMs ?? RENEWAL_CHECK_MS);
    Deno.unrefTimer(timer);
    return () => clearInterval(timer);
  }
}
