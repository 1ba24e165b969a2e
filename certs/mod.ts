/**
 * TLS material from the circle key. This folder owns the circle CA rebuilt from
 * `secret.key` (Ed25519, byte-identical on every member's machine), the
 * short-lived leaf certificates servers issue themselves, PEM in and out, the
 * checks on external certificates (`--cert --key --ca`) and the `stealth certs`
 * commands that show and export them.
 *
 * It must not know about sockets, listeners, frames or rooms: `net/` takes a
 * {@linkcode Leaf} and a CA PEM from here and does the TLS.
 *
 * ```ts ignore
 * import { circleCA, issueLeaf, leafNeedsRenewal } from "./certs/mod.ts";
 *
 * const ca = await circleCA(key);
 * let leaf = await issueLeaf(ca, { sans: ["pi.local"] });
 * // server: tls.createServer({ key: leaf.keyPem, cert: leaf.certPem, minVersion: "TLSv1.3" })
 * // client: Deno.connectTls({ caCerts: [ca.certPem], unsafelyDisableHostnameVerification: true, … })
 * if (leafNeedsRenewal(leaf)) leaf = await issueLeaf(ca, { sans: ["pi.local"] });
 * ```
 *
 * @module
 */

export { CertError } from "./cert_error.ts";
export {
  CA_NOT_AFTER,
  CA_NOT_BEFORE,
  type CertificateExtension,
  type CertificateRequest,
  CircleCA,
  circleCA,
} from "./circle_ca.ts";
export {
  issueLeaf,
  type IssueLeafOptions,
  type Leaf,
  LEAF_DAYS,
  leafNeedsRenewal,
} from "./leaf.ts";
export {
  type CertDescription,
  describeCert,
  type ExternalCertsOptions,
  loadExternalCerts,
  loadServerCa,
} from "./external.ts";
export {
  type CertsExportOptions,
  type CertsShowOptions,
  type CommandOutput,
  runCertsExport,
  runCertsShow,
} from "./certs_command.ts";
export { RENEWAL_CHECK_MS, ServingCertificate } from "./serving_certificate.ts";
