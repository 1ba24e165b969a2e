/**
 * Everything secret in stealth: the circle key (`secret.key`), Fernet
 * message bodies, the keys derived from K, the handshake proofs and the
 * fingerprint people read aloud. Knows nothing of sockets, rooms or terminals.
 *
 * @module
 */

export {
  generateKey,
  KEY_TEXT_LENGTH,
  keyBytes,
  KeyError,
  parseKey,
  SecretKey,
} from "./secret_key.ts";
export { deriveKey, type Label, LABELS } from "./derive.ts";
export {
  fernetDecrypt,
  type FernetDecryptOptions,
  fernetEncrypt,
  type FernetEncryptOptions,
  FernetError,
  type FernetErrorReason,
  fernetTimestamp,
} from "./fernet.ts";
export {
  readKeyFile,
  type ReadKeyFileOptions,
  writeKeyFile,
  type WriteKeyFileOptions,
} from "./key_file.ts";
export { authKey, hostAuthKey, makeProof, type ProofDirection, verifyProof } from "./proof.ts";
export { fingerprint } from "./fingerprint.ts";
export { randomId } from "./random_id.ts";
export { type KeygenOptions, runKeygen } from "./keygen_command.ts";
export { type FingerprintOptions, runFingerprint } from "./fingerprint_command.ts";
