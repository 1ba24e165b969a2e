/**
 * From frame payloads to typed messages and back. Pure: no sockets. Anything
 * malformed becomes a {@linkcode ProtocolError}; nothing a peer sends makes
 * these functions throw anything else.
 *
 * @module
 */

import * as v from "valibot";
import { FRAME_HEADER_BYTES } from "./constants.ts";
import { writeLength } from "./frame_decoder.ts";
import {
  type ClientMessage,
  ClientMessageSchema,
  type ServerMessage,
  ServerMessageSchema,
} from "./messages.ts";
import { ProtocolError } from "./protocol_error.ts";

const decoder = new TextDecoder("utf-8", { fatal: true });
const encoder = new TextEncoder();

/** Any message of either direction. */
export type Message = ClientMessage | ServerMessage;

function parseJson(payload: Uint8Array): unknown {
  let textValue: string;
  try {
    textValue = decoder.decode(payload);
  } catch (cause) {
    throw new ProtocolError("json", "Cannot decode frame: not UTF-8", { cause });
  }
  try {
    return JSON.parse(textValue);
  } catch (cause) {
    throw new ProtocolError("json", "Cannot decode frame: not JSON", { cause });
  }
}

function validate<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ProtocolError("type", "Cannot decode frame: not a JSON object");
  }
  const t = (value as { t?: unknown }).t;
  const result = v.safeParse(schema, value, { abortEarly: true });
  if (result.success) return result.output;
  const issue = result.issues[0];
  if (issue?.path === undefined || issue.path[0]?.key === "t") {
    throw new ProtocolError("type", `Cannot decode frame: unknown type ${describe(t)}`);
  }
  const field = issue.path.map((p) => String(p.key)).join(".");
  const code = field === "v" ? "version" : "field";
  throw new ProtocolError(code, `Cannot decode ${describe(t)}: bad field ${field}`);
}

function describe(t: unknown): string {
  return typeof t === "string" ? JSON.stringify(t.slice(0, 32)) : typeof t;
}

/** Decodes a payload sent by the dialing side. @throws {ProtocolError} */
export function decodeClientMessage(payload: Uint8Array): ClientMessage {
  return validate(ClientMessageSchema, parseJson(payload));
}

/** Decodes a payload sent by the listening side. @throws {ProtocolError} */
export function decodeServerMessage(payload: Uint8Array): ServerMessage {
  return validate(ServerMessageSchema, parseJson(payload));
}

/**
 * Encodes a message as a whole frame (length + JSON), ready to write. The
 * result can be written to many connections as is.
 */
export function encodeMessage(message: Message): Uint8Array {
  const json = JSON.stringify(message);
  // Most frames are ASCII (tokens, base64): try an exact-size buffer first.
  const ascii = new Uint8Array(FRAME_HEADER_BYTES + json.length);
  const { read, written } = encoder.encodeInto(json, ascii.subarray(FRAME_HEADER_BYTES));
  if (read === json.length) {
    writeLength(ascii, written);
    return ascii;
  }
  const utf8 = encoder.encode(json);
  const frame = new Uint8Array(FRAME_HEADER_BYTES + utf8.length);
  writeLength(frame, utf8.length);
  frame.set(utf8, FRAME_HEADER_BYTES);
  return frame;
}
