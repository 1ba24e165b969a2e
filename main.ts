/**
 * The `stealth` command: parses argv, dispatches to the folders that do the
 * work, and exits. Nothing else lives here; only this file reads `Deno.args`
 * or exits. Command modules are loaded on demand so `--help` and `--version`
 * stay fast.
 *
 * @module
 */

import { LANGUAGES, type PlainKey, resolveLanguage, setLanguage, t } from "./i18n/mod.ts";
import { versionLine } from "./version.ts";

// `stealth --version` answers before the CLI parser is even loaded.
if (Deno.args.length === 1 && Deno.args[0] === "--version") {
  console.log(versionLine());
  Deno.exit(0);
}

// The language is decided once, before the parser is built: its help and
// errors speak it too. `--lang` is also a real option below, so help lists
// it and a wrong value is refused there.
setLanguage(resolveLanguage(langFlag(Deno.args)));

const [
  { run },
  { merge, object, or },
  { text },
  { multiple, optional, withDefault },
  { argument, command, constant, flag, option },
  { choice, integer, string },
  { optiqueMessageFormatter, optiqueTheme },
] = await Promise.all([
  import("@optique/run"),
  import("@optique/core/constructs"),
  import("@optique/core/message"),
  import("@optique/core/modifiers"),
  import("@optique/core/primitives"),
  import("@optique/core/valueparser"),
  import("./cli/mod.ts"),
]);

/** A help text from the catalogue, as optique takes it. */
const m = (key: PlainKey) => [text(t(key))];
/** "Example: stealth …", in the reader's language. */
const example = (line: string) => [text(t("cli.example", { command: line }))];

const file = (metavar: "FILE" | "DIR" = "FILE") => string({ metavar });
const portNumber = () => integer({ min: 0, max: 65535, metavar: "PORT" });
const hostPortText = () => string({ metavar: "HOST[:PORT]" });

const listenOptions = (defaultPort: number) =>
  object({
    host: withDefault(
      option("--host", string({ metavar: "ADDRESS" }), {
        description: m("cli.opt_host"),
      }),
      "0.0.0.0",
    ),
    port: withDefault(
      option("--port", portNumber(), { description: m("cli.opt_port") }),
      defaultPort,
    ),
  });

const serverOptions = object({
  name: optional(option("--name", string({ metavar: "NAME" }), {
    description: m("cli.opt_name"),
  })),
  advertise: multiple(option("--advertise", string({ metavar: "HOST" }), {
    description: m("cli.opt_advertise"),
  })),
  rate: optional(
    option("--rate", string({ metavar: "BURST/PER_S" }), {
      description: m("cli.opt_rate"),
    }),
  ),
  bans: optional(option("--bans", file(), {
    description: m("cli.opt_bans"),
  })),
  fileRate: optional(option("--file-rate", string({ metavar: "MIB/S" }), {
    description: m("file.opt_file_rate"),
  })),
  maxFileSize: optional(option("--max-file-size", string({ metavar: "MIB" }), {
    description: m("file.opt_server_max_file_size"),
  })),
  motd: optional(option("--motd", string({ metavar: "TEXT" }), {
    description: m("cli.opt_motd"),
  })),
  console: optional(flag("--console", {
    description: m("cli.opt_console"),
  })),
  cert: optional(option("--cert", file(), {
    description: m("cli.opt_cert"),
  })),
  certKey: optional(option("--cert-key", file(), {
    description: m("cli.opt_cert_key"),
  })),
  ca: optional(option("--ca", file(), {
    description: m("cli.opt_ca"),
  })),
});

/** File sharing on the member's side: `chat` and `p2p`. */
/** How a chat shows itself: the screen (and its theme), or line mode (`--plain`, `--json`). */
const screenFlags = () => ({
  plain: withDefault(flag("--plain", { description: m("cli.opt_plain") }), false),
  json: withDefault(flag("--json", { description: m("cli.opt_json_lines") }), false),
  theme: withDefault(
    option("--theme", choice(["matrix", "plain"]), { description: m("cli.opt_theme") }),
    "matrix",
  ),
});

const fileFlags = () => ({
  downloads: optional(option("--downloads", file("DIR"), {
    description: m("file.opt_downloads"),
  })),
  autoAccept: withDefault(flag("--auto-accept", { description: m("file.opt_auto_accept") }), false),
  maxFileSize: optional(
    option("--max-file-size", integer({ min: 1, max: 1_048_576, metavar: "MIB" }), {
      description: m("file.opt_max_file_size"),
    }),
  ),
});

const globalOptions = object(t("cli.global_options"), {
  key: optional(option("--key", file(), {
    description: m("cli.opt_key"),
  })),
  home: optional(option("--home", file("DIR"), {
    description: m("cli.opt_home"),
  })),
  debug: withDefault(
    flag("--debug", { description: m("cli.opt_debug") }),
    false,
  ),
  logFile: optional(option("--log-file", file(), {
    description: m("cli.opt_log_file"),
  })),
  // Read by hand above (it must come before the help is built); here so help shows it.
  lang: optional(
    option("--lang", choice(LANGUAGES, { metavar: "LANG" }), { description: m("cli.opt_lang") }),
  ),
});

const keygen = command(
  "keygen",
  object({
    cmd: constant("keygen"),
    out: optional(option("--out", file(), {
      description: m("cli.keygen_out"),
    })),
    force: withDefault(
      flag("--force", { description: m("cli.keygen_force") }),
      false,
    ),
    hostKey: withDefault(
      flag("--host-key", {
        description: m("cli.keygen_host_key"),
      }),
      false,
    ),
  }),
  {
    brief: m("cli.keygen_brief"),
    description: m("cli.keygen_description"),
    footer: example("stealth keygen --out /media/usb/secret.key"),
  },
);

const fingerprintCommand = command(
  "fingerprint",
  object({ cmd: constant("fingerprint") }),
  {
    brief: m("cli.fingerprint_brief"),
    description: m("cli.fingerprint_description"),
    footer: example("stealth fingerprint --key /media/usb/secret.key"),
  },
);

const certs = command(
  "certs",
  or(
    command(
      "show",
      object({
        cmd: constant("certs-show"),
        json: withDefault(flag("--json", { description: m("cli.opt_json_object") }), false),
      }),
      {
        brief: m("cli.certs_show_brief"),
        footer: example("stealth certs show --json"),
      },
    ),
    command(
      "export",
      object({
        cmd: constant("certs-export"),
        out: withDefault(
          option("--out", file("DIR"), {
            description: m("cli.certs_export_out"),
          }),
          ".",
        ),
      }),
      {
        brief: m("cli.certs_export_brief"),
        footer: example("stealth certs export --out ./ca"),
      },
    ),
  ),
  {
    brief: m("cli.certs_brief"),
    footer: example("stealth certs show"),
  },
);

const up = command(
  "up",
  merge(
    object({
      cmd: constant("up"),
      registryPort: withDefault(
        option("--registry-port", portNumber(), {
          description: m("cli.up_registry_port"),
        }),
        5556,
      ),
    }),
    listenOptions(5555),
    serverOptions,
  ),
  {
    brief: m("cli.up_brief"),
    description: m("cli.up_description"),
    footer: example('stealth up --name "Kitchen Pi"'),
  },
);

const serverCommand = command(
  "server",
  merge(
    object({
      cmd: constant("server"),
      registry: optional(option("--registry", hostPortText(), {
        description: m("cli.server_registry"),
      })),
    }),
    listenOptions(5555),
    serverOptions,
  ),
  {
    brief: m("cli.server_brief"),
    footer: example("stealth server --port 5555 --registry pi.local --name Attic"),
  },
);

const registryCommand = command(
  "registry",
  merge(object({ cmd: constant("registry") }), listenOptions(5556)),
  {
    brief: m("cli.registry_brief"),
    footer: example("stealth registry --port 5556"),
  },
);

const list = command(
  "list",
  object({
    cmd: constant("list"),
    registry: withDefault(
      option("--registry", hostPortText(), {
        description: m("cli.list_registry"),
      }),
      "localhost:5556",
    ),
    json: withDefault(flag("--json", { description: m("cli.opt_json_array") }), false),
  }),
  {
    brief: m("cli.list_brief"),
    footer: example("stealth list --registry pi.local --json"),
  },
);

const chat = command(
  "chat",
  object({
    cmd: constant("chat"),
    server: optional(argument(hostPortText(), {
      description: m("cli.chat_server"),
    })),
    nick: optional(option("--nick", string({ metavar: "NAME" }), {
      description: m("cli.chat_nick"),
    })),
    registry: optional(option("--registry", hostPortText(), {
      description: m("cli.chat_registry"),
    })),
    hostKey: optional(option("--host-key", file(), {
      description: m("cli.chat_host_key"),
    })),
    ca: optional(option("--ca", file(), { description: m("cli.chat_ca") })),
    ...screenFlags(),
    ...fileFlags(),
  }),
  {
    brief: m("cli.chat_brief"),
    description: m("cli.chat_description"),
    footer: example("stealth chat pi.local --plain --nick alice"),
  },
);

const p2p = command(
  "p2p",
  object({
    cmd: constant("p2p"),
    listen: withDefault(
      flag("--listen", {
        description: m("cli.p2p_listen"),
      }),
      false,
    ),
    target: optional(argument(string({ metavar: "HOST[:PORT]|PORT" }), {
      description: m("cli.p2p_target"),
    })),
    nick: optional(option("--nick", string({ metavar: "NAME" }), {
      description: m("cli.p2p_nick"),
    })),
    ...screenFlags(),
    ...fileFlags(),
  }),
  {
    brief: m("cli.p2p_brief"),
    description: m("cli.p2p_description"),
    footer: m("cli.p2p_example"),
  },
);

const send = command(
  "send",
  object({
    cmd: constant("send"),
    to: option("--to", hostPortText(), { description: m("file.send_to") }),
    nick: optional(option("--nick", string({ metavar: "NICK" }), {
      description: m("file.send_nick"),
    })),
    as: optional(option("--as", string({ metavar: "NAME" }), {
      description: m("file.send_as"),
    })),
    timeout: withDefault(
      option("--timeout", integer({ min: 1, max: 86_400, metavar: "SECONDS" }), {
        description: m("file.send_timeout"),
      }),
      120,
    ),
    json: withDefault(flag("--json", { description: m("cli.opt_json_lines") }), false),
    ca: optional(option("--ca", file(), { description: m("cli.chat_ca") })),
    path: argument(string({ metavar: "PATH" }), { description: m("file.send_path") }),
  }),
  {
    brief: m("file.send_brief"),
    description: m("file.send_description"),
    footer: example("stealth send --to pi.local --nick bob photo.jpg"),
  },
);

const doctor = command(
  "doctor",
  object({
    cmd: constant("doctor"),
    registry: optional(option("--registry", hostPortText(), {
      description: m("cli.doctor_registry"),
    })),
    server: optional(option("--server", hostPortText(), {
      description: m("cli.doctor_server"),
    })),
    ca: optional(option("--ca", file(), { description: m("cli.doctor_ca") })),
    port: multiple(option("--port", portNumber(), {
      description: m("cli.doctor_port"),
    })),
    json: withDefault(flag("--json", { description: m("cli.opt_json_object") }), false),
  }),
  {
    brief: m("cli.doctor_brief"),
    footer: example("stealth doctor --registry pi.local"),
  },
);

const parser = merge(
  or(
    up,
    serverCommand,
    registryCommand,
    list,
    chat,
    p2p,
    send,
    doctor,
    keygen,
    fingerprintCommand,
    certs,
  ),
  globalOptions,
);

const theme = optiqueTheme();
const options = run(parser, {
  programName: "stealth",
  args: Deno.args,
  theme,
  messageFormatter: optiqueMessageFormatter(theme),
  brief: m("cli.brief"),
  description: m("cli.description"),
  help: "both",
  version: { value: versionLine(), option: true },
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
    case "up":
    case "server": {
      const { runHost } = await import("./server/mod.ts");
      return runHost({
        keyPath: home.key,
        hostKeyPath: home.hostKey,
        createKey: options.cmd === "up",
        hostname: options.host,
        port: options.port,
        name: options.name,
        ...(options.cmd === "up"
          ? { registryPort: options.registryPort }
          : { registry: options.registry }),
        advertise: [...options.advertise],
        console: options.console,
        motd: options.motd,
        bansFile: options.bans,
        rate: options.rate,
        fileRate: options.fileRate,
        maxFileSize: options.maxFileSize,
        certFile: options.cert,
        certKeyFile: options.certKey,
        caFile: options.ca,
      });
    }
    case "registry": {
      const { runRegistry } = await import("./registry/mod.ts");
      return runRegistry({ keyPath: home.key, hostname: options.host, port: options.port });
    }
    case "list": {
      const { runList } = await import("./registry/mod.ts");
      return runList({ keyPath: home.key, registry: options.registry, json: options.json });
    }
    case "chat": {
      const { readSettings, runChatUi, runPlainChat } = await import("./client/mod.ts");
      if (!options.plain && !options.json) {
        return runChatUi({
          keyPath: home.key,
          hostKeyPath: options.hostKey,
          caFile: options.ca,
          server: options.server,
          nick: options.nick,
          registry: options.registry,
          theme: options.theme,
          homeDir: home.dir,
          logFile: options.logFile,
          debug: options.debug || isDebugFromEnv(),
          files: filesOf(options),
        });
      }
      if (options.server === undefined) {
        console.error(`stealth: ${t("cli.name_a_server")}`);
        return 2;
      }
      const settings = await readSettings(home.settings).catch(() => undefined);
      return runPlainChat({
        keyPath: home.key,
        hostKeyPath: options.hostKey,
        caFile: options.ca,
        server: options.server,
        nick: options.nick ?? settings?.nick ?? Deno.env.get("USER") ?? "member",
        json: options.json,
        files: filesOf(options),
      });
    }
    case "p2p": {
      const { runP2p } = await import("./p2p/mod.ts");
      return runP2p({
        keyPath: home.key,
        listen: options.listen,
        target: options.target,
        nick: options.nick,
        settingsPath: home.settings,
        mode: options.json ? "json" : options.plain ? "plain" : "ui",
        theme: options.theme,
        homeDir: home.dir,
        logFile: options.logFile,
        debug: options.debug || isDebugFromEnv(),
        files: filesOf(options),
      });
    }
    case "send": {
      const { readSettings, runSendFile } = await import("./client/mod.ts");
      const settings = await readSettings(home.settings).catch(() => undefined);
      // Its own nick beside the person's chat client, which may be connected as the plain nick.
      const own = (settings?.nick ?? Deno.env.get("USER") ?? "member").slice(0, 19);
      return runSendFile({
        keyPath: home.key,
        server: options.to,
        nick: options.as ?? `${own}-send`,
        ...(options.nick === undefined ? {} : { to: options.nick }),
        path: options.path,
        timeoutMs: options.timeout * 1000,
        json: options.json,
        caFile: options.ca,
      });
    }
    case "doctor": {
      const { runDoctor } = await import("./doctor/mod.ts");
      return runDoctor({
        keyPath: home.key,
        hostKeyPath: home.hostKey,
        registry: options.registry,
        server: options.server,
        ...(options.ca === undefined ? {} : { caFile: options.ca }),
        json: options.json,
        ...(options.port.length > 0 ? { ports: [...options.port] } : {}),
      });
    }
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

/** File sharing settings of `chat` and `p2p`: the home's downloads/ unless `--downloads`. */
function filesOf(
  flags: { downloads?: string; autoAccept: boolean; maxFileSize?: number },
): { downloads: string; autoAccept: boolean; maxFileBytes?: number } {
  return {
    downloads: flags.downloads ?? home.downloads,
    autoAccept: flags.autoAccept,
    ...(flags.maxFileSize === undefined ? {} : { maxFileBytes: flags.maxFileSize * 1024 * 1024 }),
  };
}

/**
 * The value of `--lang X` or `--lang=X` in `args`, read by hand: the
 * language must be known before the parser (and its help) is built.
 * Stops at `--`, after which words are not options.
 */
function langFlag(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") return undefined;
    if (arg === "--lang") return args[i + 1];
    if (arg.startsWith("--lang=")) return arg.slice("--lang=".length);
  }
  return undefined;
}
