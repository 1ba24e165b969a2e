/**
 * How certificate facts are written for people: dates and fingerprints.
 *
 * @module
 */

import { dateTime } from "../i18n/mod.ts";

/**
 * A date in UTC, written the reader's way and naming the zone
 * (`Jan 31, 2026, 2:05 PM UTC`, `31.01.2026, 14:05 UTC`): the same instant
 * on every machine, whatever its time zone.
 */
export function formatDate(date: Date): string {
  return dateTime(date.getTime(), "UTC");
}

/** Bytes as lower-case hex in colon-separated groups of four digits, easy to read aloud. */
export function groupedHex(bytes: Uint8Array): string {
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return (hex.match(/.{1,4}/g) ?? []).join(":");
}

/**
 * A positive DER INTEGER of `bytes.length` bytes as hex: the top bit cleared so the
 * number is positive, the first byte non-zero so it is minimally encoded.
 */
export function serialHex(bytes: Uint8Array): string {
  const serial = new Uint8Array(bytes);
  serial[0] = (serial[0]! & 0x7f) || 0x01;
  return Array.from(serial, (b) => b.toString(16).padStart(2, "0")).join("");
}
