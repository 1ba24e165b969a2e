/**
 * Random identifiers: message ids, file ids and session ids (a session id
 * is what lets a connection resume a member, so it must not be guessable).
 *
 * @module
 */

/**
 * `bytes` random bytes from the system's CSPRNG as unpadded base64url:
 * unique without coordination (16 bytes: 22 characters; 32: 43).
 */
export function randomId(bytes = 16): string {
  const random = crypto.getRandomValues(new Uint8Array(bytes));
  let binary = "";
  for (const byte of random) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}
