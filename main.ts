/**
 * The `stealth` command: parses argv, dispatches to the folders that do the
 * work, and exits. Nothing else lives here; only this file reads `Deno.args`
 * or exits. Command modules are loaded on demand so `--help` and `--version`
 * stay fast.
 *
 * @module
 */

import { run } from "@optique/run";
import { merge, object, or } from "@optique/core/constructs";
import { message } from "@optique/core/message";
import { optional, withDefault } from "@optique/core/modifiers";
import { command, constant, flag, option } from "@optique/core/primitives";
import { string } from "@optique/core/valueparser";
import denoJson from "./deno.json" with { type: "json" };

const file = (metavar: "FILE" | "DIR" = "FILE") => string({ metavar });

const globalOptions = object("Global options", {
  key: optional(option("--key", file(), {
    description: message`The circle key (default: secret.key in the home folder).`,
  })),
  home: optional(option("--home", file("DIR"), {
    description: message`The home folder (default: $STEALTH_HOME, else the config folder/stealth).`,
  })),
  debug: withDefault(
    flag("--debug", { description: message`Trace what each part does (also STEALTH_DEBUG=1).` }),
    false,
  ),
  logFile: optional(option("--log-file", file(), {
    description: message`Write the --debug trace to this file instead of stderr.`,
  })),
});

const keygen = command(
  "keygen",
  object({
    cmd: constant("keygen"),
    out: optional(option("--out", file(), {
      description: message`Where to write it (default: secret.key, or host.key, in the home).`,
    })),
    force: withDefault(
      flag("--force", { description: message`Replace an existing key file.` }),
      false,
    ),
    hostKey: withDefault(
      flag("--host-key", {
        description: message`Write host.key, the host's own second secret, instead.`,
      }),
      false,
    ),
  }),
  {
    brief: message`Write a new circle key.`,
    description: message`Write a new secret.key (mode 0600) and print its fingerprint.`,
    footer: message`Example: stealth keygen --out /media/usb/secret.key`,
  },
);

const fingerprintCommand = command(
  "fingerprint",
  object({ cmd: constant("fingerprint") }),
  {
    brief: message`Print the key's fingerprint, to read aloud.`,
    description:
      message`Print the fingerprint of the circle key. Two members whose fingerprints match hold the same key.`,
    footer: message`Example: stealth fingerprint --key /media/usb/secret.key`,
  },
);

const certs = command(
  "certs",
  or(
    command(
      "show",
      object({
        cmd: constant("certs-show"),
        json: withDefault(flag("--json", { description: message`Print one JSON object.` }), false),
      }),
      {
        brief: message`Show the circle CA and a fresh server certificate.`,
        footer: message`Example: stealth certs show --json`,
      },
    ),
    command(
      "export",
      object({
        cmd: constant("certs-export"),
        out: withDefault(
          option("--out", file("DIR"), {
            description: message`Folder to write ca.pem into (default: .).`,
          }),
          ".",
        ),
      }),
      {
        brief: message`Write the circle CA certificate (ca.pem) for other tools.`,
        footer: message`Example: stealth certs export --out ./ca`,
      },
    ),
  ),
  {
    brief: message`Show or export the circle's certificates.`,
    footer: message`Example: stealth certs show`,
  },
);

const parser = merge(or(keygen, fingerprintCommand, certs), globalOptions);

const options = run(parser, {
  programName: "stealth",
  args: Deno.args,
  brief: message`stealth — end-to-end encrypted group chat for a small circle.`,
  description:
    message`One secret.key, handed over in person, lets members chat; the host runs the server.`,
  help: "both",
  version: { value: denoJson.version, option: true },
  completion: "both",
  aboveError: "none",
  errorExitCode: 2,
  commandList: "top-level",
});

const { homePaths, resolveHome } = await import("./home/mod.ts");
const home = homePaths(resolveHome(options.home), options.key);
const { flushLogging, isDebugFromEnv, setupLogging } = await import("./log/mod.ts");
await setupLogging({ debug: options.debug || isDebugFromEnv(), logFile: options.logFile });

let code = 1;
try {
  code = await dispatch();
} finally {
  await flushLogging();
}
Deno.exit(code);

async function dispatch(): Promise<number> {
  switch (options.cmd) {
    case "keygen": {
      const { runKeygen } = await import("./crypto/mod.ts");
      const out = options.out ?? (options.hostKey ? home.hostKey : home.key);
      return runKeygen({ out, force: options.force, hostKey: options.hostKey });
    }
    case "fingerprint": {
      const { runFingerprint } = await import("./crypto/mod.ts");
      return runFingerprint({ keyPath: home.key });
    }
    case "certs-show": {
      const { runCertsShow } = await import("./certs/mod.ts");
      return runCertsShow({ keyPath: home.key, json: options.json });
    }
    case "certs-export": {
      const { runCertsExport } = await import("./certs/mod.ts");
      return runCertsExport({ keyPath: home.key, outDir: options.out });
    }
  }
}
