/**
 * PEM text in and out (RFC 7468), kept apart from X.509 so that a damaged file
 * can be told from a file that is not PEM at all.
 *
 * @module
 */

/** One `-----BEGIN X-----` … `-----END X-----` block. */
export interface PemBlock {
  /** The label, e.g. `CERTIFICATE` or `PRIVATE KEY`. */
  label: string;
  /** The decoded bytes, or `undefined` when the base64 or the END line is damaged. */
  der: Uint8Array<ArrayBuffer> | undefined;
  /** The block's text, as found. */
  text: string;
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----/g;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Every PEM block in `text`, in order; none when the text is not PEM. */
export function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const match of text.matchAll(BLOCK)) {
    const [whole, label = "", body = "", endLabel] = match;
    blocks.push({ label, der: label === endLabel ? decodeBase64(body) : undefined, text: whole });
  }
  return blocks;
}

/** DER bytes as PEM with 64-character lines, ending in a newline so blocks concatenate. */
export function toPem(der: ArrayBuffer | Uint8Array, label: string): string {
  const base64 = btoa(String.fromCharCode(...new Uint8Array(der)));
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

function decodeBase64(body: string): Uint8Array<ArrayBuffer> | undefined {
  const compact = body.replace(/\s+/g, "");
  if (compact.length === 0 || compact.length % 4 !== 0 || !BASE64.test(compact)) return undefined;
  return Uint8Array.from(atob(compact), (c) => c.charCodeAt(0));
}
