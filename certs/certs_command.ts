/**
 * `stealth certs show` and `stealth certs export`: what the circle key yields as
 * TLS material, for people to compare and for external tools to trust.
 *
 * @module
 */

import { join } from "node:path";
import { KeyError, readKeyFile } from "../crypto/mod.ts";
import { t } from "../i18n/mod.ts";
import { CertError } from "./cert_error.ts";
import { type CircleCA, circleCA } from "./circle_ca.ts";
import { issueLeaf } from "./leaf.ts";
import { formatDate } from "./_format.ts";

/** Where a command writes: one call per line (default: `console.log` / `console.error`). */
export interface CommandOutput {
  /** Normal output. */
  stdout?: (line: string) => void;
  /** The one line of an error. */
  stderr?: (line: string) => void;
}

/** Options for {@linkcode runCertsShow}. */
export interface CertsShowOptions extends CommandOutput {
  /** The circle key file. */
  keyPath: string;
  /** One JSON object instead of text. */
  json: boolean;
  /** Extra names for the sample leaf, like a server's `--advertise`. */
  sans?: string[];
}

/** Options for {@linkcode runCertsExport}. */
export interface CertsExportOptions extends CommandOutput {
  /** The circle key file. */
  keyPath: string;
  /** Folder to write `ca.pem` into (made if missing). */
  outDir: string;
}

/**
 * Prints the circle CA's public-key fingerprint and a freshly issued leaf's
 * subject, SANs and validity, as text or as one JSON object.
 *
 * @returns the exit code: 0, or 1 after one `stealth: …` line on stderr.
 */
export async function runCertsShow(options: CertsShowOptions): Promise<number> {
  const stdout = options.stdout ?? console.log;
  return await reportingErrors(options, async () => {
    const ca = await keyCA(options);
    const leaf = await issueLeaf(ca, { sans: options.sans ?? [] });
    if (options.json) {
      stdout(JSON.stringify({
        ca: {
          subject: ca.subject,
          fingerprint: ca.publicKeyFingerprint,
          notBefore: ca.notBefore.toISOString(),
          notAfter: ca.notAfter.toISOString(),
        },
        leaf: {
          subject: leaf.subject,
          sans: leaf.sans,
          notBefore: leaf.notBefore.toISOString(),
          notAfter: leaf.notAfter.toISOString(),
        },
      }));
      return;
    }
    const rows: [string, string][] = [
      [t("certs.show_ca"), ca.subject],
      [t("certs.show_fingerprint"), ca.publicKeyFingerprint],
      [t("certs.show_leaf"), t("certs.show_leaf_sample", { subject: leaf.subject })],
      [t("certs.show_sans"), leaf.sans.join(", ")],
      [
        t("certs.show_valid"),
        `${formatDate(leaf.notBefore)} → ${formatDate(leaf.notAfter)}`,
      ],
    ];
    const width = Math.max(...rows.map(([label]) => label.length)) + 2;
    for (const [label, value] of rows) stdout(`${label.padEnd(width)}${value}`);
  });
}

/**
 * Writes the circle CA certificate to `<outDir>/ca.pem` (mode 0644, replacing an
 * older copy: it is public and always the same for one key), for tools outside
 * stealth that should trust the circle's servers.
 *
 * @returns the exit code: 0, or 1 after one `stealth: …` line on stderr.
 */
export async function runCertsExport(options: CertsExportOptions): Promise<number> {
  const stdout = options.stdout ?? console.log;
  return await reportingErrors(options, async () => {
    const ca = await keyCA(options);
    const path = join(options.outDir, "ca.pem");
    try {
      await Deno.mkdir(options.outDir, { recursive: true });
      await Deno.writeTextFile(path, ca.certPem, { mode: 0o644 });
      if (Deno.build.os !== "windows") await Deno.chmod(path, 0o644);
    } catch (error) {
      const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
      throw new CertError(t("certs.export_failed", { path, reason: reason ?? "" }), {
        cause: error,
      });
    }
    stdout(
      t("certs.exported", { path, subject: ca.subject, fingerprint: ca.publicKeyFingerprint }),
    );
  });
}

async function keyCA(options: CommandOutput & { keyPath: string }): Promise<CircleCA> {
  return await circleCA(
    await readKeyFile(options.keyPath, { warn: options.stderr ?? console.error }),
  );
}

async function reportingErrors(output: CommandOutput, run: () => Promise<void>): Promise<number> {
  try {
    await run();
    return 0;
  } catch (error) {
    if (error instanceof KeyError || error instanceof CertError) {
      (output.stderr ?? console.error)(`stealth: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
