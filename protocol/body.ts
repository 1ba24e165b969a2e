/**
 * What travels inside a Fernet token: the end-to-end encrypted body of a
 * `say`, `msg` or `notice`. The server never sees this; only holders of the
 * circle key do. Encrypting is the caller's job (crypto/), this file only
 * says what the plaintext looks like.
 *
 * @module
 */

import * as v from "valibot";
import { ProtocolError } from "./protocol_error.ts";

/** Longest text of one message, in UTF-16 units (a long paste fits). */
export const MAX_BODY_TEXT = 64 * 1024;

const textField = v.pipe(v.string(), v.maxLength(MAX_BODY_TEXT));

/** The kinds of body, by `kind`. */
export const BodySchema = v.variant("kind", [
  /** An ordinary line. */
  v.object({ kind: v.literal("text"), text: textField }),
  /** `/me waves`. */
  v.object({ kind: v.literal("me"), text: textField }),
  /** The host's announcement, or the welcome text shown on join. */
  v.object({ kind: v.literal("announce"), text: textField }),
]);

/** A decrypted body. */
export type Body = v.InferOutput<typeof BodySchema>;

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

/** The plaintext bytes of a body, ready for Fernet. */
export function encodeBody(body: Body): Uint8Array {
  return encoder.encode(JSON.stringify(body));
}

/**
 * Reads decrypted body bytes.
 *
 * @throws {ProtocolError} when they are not a body this version knows.
 */
export function decodeBody(bytes: Uint8Array): Body {
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(bytes));
  } catch (cause) {
    throw new ProtocolError("json", "Cannot read message body: not UTF-8 JSON", { cause });
  }
  const result = v.safeParse(BodySchema, value);
  if (!result.success) throw new ProtocolError("type", "Cannot read message body: unknown kind");
  return result.output;
}
