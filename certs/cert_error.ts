/**
 * The one error the certs folder throws for conditions a person can fix.
 *
 * @module
 */

/**
 * Thrown when a certificate, key or CA file cannot be used, or a leaf cannot be
 * issued for the names given. `message` is one line for a person: what is wrong,
 * which file, and what to do about it.
 */
export class CertError extends Error {
  /** Makes a certificate error with a message a person can act on. */
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "CertError";
  }
}
