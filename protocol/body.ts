/**
 * What travels inside a Fernet token: the end-to-end encrypted body of a
 * `say`, `msg` or `notice`. The server never sees this; only holders of the
 * circle key do. Encrypting is the caller's job (crypto/), this file only
 * says what the plaintext looks like.
 *
 * @module
 */

import * as v from "valibot";
import { FILE_ID_BYTES, MAX_FILE_NAME_LENGTH } from "./constants.ts";
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

/** A file id: {@linkcode FILE_ID_BYTES} random bytes, unpadded base64url. */
export const FILE_ID_PATTERN = new RegExp(`^[A-Za-z0-9_-]{${Math.ceil(FILE_ID_BYTES * 4 / 3)}}$`);

const fileId = v.pipe(v.string(), v.regex(FILE_ID_PATTERN));
/** Loose on purpose: the receiver checks the values and says what is wrong (`checkFileOffer`). */
const amount = v.pipe(v.number(), v.safeInteger());
const reason = v.optional(v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{0,31}$/)));

/**
 * The bodies of file sharing: the offer (a `say`, public or private, shown
 * to people), and the signals between sender and receiver (private `say`s,
 * never shown as chat lines). Checked for shape only; what the values say
 * is the receiver's to judge.
 */
export const FileBodySchema = v.variant("kind", [
  /** An offer: the file's name, size, SHA-256 (hex) and how it will be cut. */
  v.object({
    kind: v.literal("file"),
    file: fileId,
    name: v.pipe(v.string(), v.maxLength(4 * MAX_FILE_NAME_LENGTH)),
    size: amount,
    sha256: v.pipe(v.string(), v.maxLength(128)),
    chunkSize: amount,
    chunks: amount,
  }),
  /** The receiver wants it, starting at chunk `from` (again after a reconnect: the next it lacks). */
  v.object({ kind: v.literal("file-accept"), file: fileId, from: amount }),
  /** The receiver does not want it (`reason`: why, a code). */
  v.object({ kind: v.literal("file-reject"), file: fileId, reason }),
  /** Either side stops the transfer (`reason`: why, a code). */
  v.object({ kind: v.literal("file-cancel"), file: fileId, reason }),
  /** The receiver has the whole file, its SHA-256 checked, kept. */
  v.object({ kind: v.literal("file-done"), file: fileId }),
]);

/** A decrypted file body. */
export type FileBody = v.InferOutput<typeof FileBodySchema>;

/** A file offer. */
export type FileOffer = Extract<FileBody, { kind: "file" }>;

/** Any decrypted body this version knows. */
export type MessageBody = Body | FileBody;

/** Whether a body is about file sharing rather than something to read. */
export function isFileBody(body: MessageBody): body is FileBody {
  return body.kind === "file" || body.kind.startsWith("file-");
}

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

/** The plaintext bytes of a body, ready for Fernet. */
export function encodeBody(body: MessageBody): Uint8Array {
  return encoder.encode(JSON.stringify(body));
}

/**
 * Reads decrypted body bytes.
 *
 * @throws {ProtocolError} when they are not a body this version knows.
 */
export function decodeBody(bytes: Uint8Array): Body {
  const result = v.safeParse(BodySchema, parseBody(bytes));
  if (!result.success) throw new ProtocolError("type", "Cannot read message body: unknown kind");
  return result.output;
}

/**
 * Reads decrypted body bytes of any kind: text, or file sharing.
 *
 * @throws {ProtocolError} when they are not a body this version knows.
 */
export function decodeMessageBody(bytes: Uint8Array): MessageBody {
  const value = parseBody(bytes);
  const kind = (value as { kind?: unknown } | null)?.kind;
  const schema = typeof kind === "string" && kind.startsWith("file") ? FileBodySchema : BodySchema;
  const result = v.safeParse(schema, value);
  if (!result.success) throw new ProtocolError("type", "Cannot read message body: unknown kind");
  return result.output;
}

function parseBody(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch (cause) {
    throw new ProtocolError("json", "Cannot read message body: not UTF-8 JSON", { cause });
  }
}
