/**
 * Wire protocol v1: frames, message types, validation, constants. Pure code
 * — no sockets, no timers, no rooms. A peer's bytes become typed messages or
 * a {@linkcode ProtocolError}, never a crash.
 *
 * @module
 */

export * from "./constants.ts";
export { encodeFrame, FrameDecoder, writeLength } from "./frame_decoder.ts";
export { ProtocolError, type ProtocolErrorCode } from "./protocol_error.ts";
export {
  type BanEntry,
  BanSchema,
  type ClientMessage,
  ClientMessageSchema,
  type Member,
  MemberSchema,
  type MessageOf,
  NICK_PATTERN,
  type OpResult,
  type RoomEvent,
  type ServerEntry,
  ServerEntrySchema,
  type ServerMessage,
  ServerMessageSchema,
} from "./messages.ts";
export { decodeClientMessage, decodeServerMessage, encodeMessage, type Message } from "./codec.ts";
export {
  type Body,
  BodySchema,
  decodeBody,
  decodeMessageBody,
  encodeBody,
  FILE_ID_PATTERN,
  type FileBody,
  FileBodySchema,
  type FileOffer,
  isFileBody,
  MAX_BODY_TEXT,
  type MessageBody,
} from "./body.ts";
export { nickKey, sameNick } from "./nick.ts";
export { checkFileOffer, chunkLength, isHostileFileName, type OfferProblem } from "./file_offer.ts";
export {
  checkOpArgs,
  HOST_OPS,
  type HostOpName,
  type HostOpSpec,
  hostOpSpec,
  type ParsedOpLine,
  parseOpLine,
} from "./host_ops.ts";
