/**
 * The `stealth` command: parses argv, dispatches to the folders that do the
 * work, and exits. Nothing else lives here; only this file reads `Deno.args`
 * or exits. Command modules are loaded on demand so `--help` and `--version`
 * stay fast.
 *
 * @module
 */

import { versionLine } from "./version.ts";

// `stealth --version` answers before the CLI parser is even loaded.
if (Deno.args.length === 1 && Deno.args[0] === "--version") {
  console.log(versionLine());
  Deno.exit(0);
}

const [
  { run },
  { merge, object, or },
  { message },
  { multiple, optional, withDefault },
  { argument, command, constant, flag, option },
  { choice, integer, string },
] = await Promise.all([
  import("@optique/run"),
  import("@optique/core/constructs"),
  import("@optique/core/message"),
  import("@optique/core/modifiers"),
  import("@optique/core/primitives"),
  import("@optique/core/valueparser"),
]);

const file = (metavar: "FILE" | "DIR" = "FILE") => string({ metavar });
const portNumber = () => integer({ min: 0, max: 65535, metavar: "PORT" });
const hostPortText = () => string({ metavar: "HOST[:PORT]" });

const listenOptions = (defaultPort: number) =>
  object({
    host: withDefault(
      option("--host", string({ metavar: "ADDRESS" }), {
        description: message`Address to listen on (default: every interface).`,
      }),
      "0.0.0.0",
    ),
    port: withDefault(
      option("--port", portNumber(), { description: message`Port to listen on.` }),
      defaultPort,
    ),
  });

const serverOptions = object({
  name: optional(option("--name", string({ metavar: "NAME" }), {
    description: message`Server name shown to members (default: this machine's name).`,
  })),
  advertise: multiple(option("--advertise", string({ metavar: "HOST" }), {
    description: message`A name or address members reach the server by (repeatable).`,
  })),
  rate: optional(
    option("--rate", string({ metavar: "BURST/PER_S" }), {
      description: message`Messages a member may send at once / per second after (default 30/5).`,
    }),
  ),
  bans: optional(option("--bans", file(), {
    description: message`Keep bans in this file across restarts (mode 0600); default: memory only.`,
  })),
  motd: optional(option("--motd", string({ metavar: "TEXT" }), {
    description: message`Welcome text shown to members when they join.`,
  })),
  console: optional(flag("--console", {
    description: message`Read host commands from stdin even when it is not a terminal.`,
  })),
  cert: optional(option("--cert", file(), {
    description: message`An external certificate (PEM) instead of the circle's own.`,
  })),
  certKey: optional(option("--cert-key", file(), {
    description: message`The external certificate's private key (PEM).`,
  })),
  ca: optional(option("--ca", file(), {
    description: message`The CA that signed the external certificate (PEM).`,
  })),
});

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

const up = command(
  "up",
  merge(
    object({
      cmd: constant("up"),
      registryPort: withDefault(
        option("--registry-port", portNumber(), {
          description: message`Port of the registry (default 5556).`,
        }),
        5556,
      ),
    }),
    listenOptions(5555),
    serverOptions,
  ),
  {
    brief: message`Host a circle: registry and chat server in one process.`,
    description:
      message`Start a registry (5556) and a chat server (5555) on every interface, with a host console. Makes a circle key first if the home has none.`,
    footer: message`Example: stealth up --name "Kitchen Pi"`,
  },
);

const serverCommand = command(
  "server",
  merge(
    object({
      cmd: constant("server"),
      registry: optional(option("--registry", hostPortText(), {
        description: message`Register with this registry (default port 5556).`,
      })),
    }),
    listenOptions(5555),
    serverOptions,
  ),
  {
    brief: message`Run one chat server.`,
    footer: message`Example: stealth server --port 5555 --registry pi.local --name Attic`,
  },
);

const registryCommand = command(
  "registry",
  merge(object({ cmd: constant("registry") }), listenOptions(5556)),
  {
    brief: message`Run the registry alone.`,
    footer: message`Example: stealth registry --port 5556`,
  },
);

const list = command(
  "list",
  object({
    cmd: constant("list"),
    registry: withDefault(
      option("--registry", hostPortText(), {
        description: message`The registry to ask (default localhost:5556).`,
      }),
      "localhost:5556",
    ),
    json: withDefault(flag("--json", { description: message`Print one JSON array.` }), false),
  }),
  {
    brief: message`List the registry's servers.`,
    footer: message`Example: stealth list --registry pi.local --json`,
  },
);

const chat = command(
  "chat",
  object({
    cmd: constant("chat"),
    server: optional(argument(hostPortText(), {
      description: message`The chat server (default port 5555).`,
    })),
    nick: optional(option("--nick", string({ metavar: "NAME" }), {
      description:
        message`Your nick (default: the last one used, else a prompt; in line mode your user name).`,
    })),
    plain: withDefault(
      flag("--plain", { description: message`Line mode: one line per event, for scripts.` }),
      false,
    ),
    json: withDefault(
      flag("--json", { description: message`Line mode with one JSON object per event.` }),
      false,
    ),
    registry: optional(option("--registry", hostPortText(), {
      description:
        message`The registry to list servers from (default: the last one used, else localhost:5556).`,
    })),
    theme: withDefault(
      option("--theme", choice(["matrix", "plain"]), {
        description: message`matrix (green on black) or plain; NO_COLOR means plain.`,
      }),
      "matrix",
    ),
    hostKey: optional(option("--host-key", file(), {
      description: message`Prove the host key (host.key) for host powers.`,
    })),
  }),
  {
    brief: message`Chat.`,
    description: message`Join a chat server of your circle.`,
    footer: message`Example: stealth chat pi.local --plain --nick alice`,
  },
);

const p2p = command(
  "p2p",
  object({
    cmd: constant("p2p"),
    listen: withDefault(
      flag("--listen", {
        description: message`Wait for one peer, on PORT (default 5557; 0 picks a free one).`,
      }),
      false,
    ),
    target: optional(argument(string({ metavar: "HOST[:PORT]|PORT" }), {
      description: message`The peer to dial (default port 5557); with --listen, the port.`,
    })),
    nick: optional(option("--nick", string({ metavar: "NAME" }), {
      description: message`Your nick (default: the last one used, else your user name).`,
    })),
    plain: withDefault(
      flag("--plain", { description: message`Line mode: one line per event, for scripts.` }),
      false,
    ),
    json: withDefault(
      flag("--json", { description: message`Line mode with one JSON object per event.` }),
      false,
    ),
    theme: withDefault(
      option("--theme", choice(["matrix", "plain"]), {
        description: message`matrix (green on black) or plain; NO_COLOR means plain.`,
      }),
      "matrix",
    ),
  }),
  {
    brief: message`Talk with one other member directly: no registry, no server.`,
    description:
      message`One side waits with --listen and shows its addresses and the key's fingerprint to read aloud; the other dials it. One peer at a time; a dropped link resumes; nothing is written to disk.`,
    footer:
      message`Example: stealth p2p --listen, then on the other machine: stealth p2p 192.168.1.5`,
  },
);

const doctor = command(
  "doctor",
  object({
    cmd: constant("doctor"),
    registry: optional(option("--registry", hostPortText(), {
      description: message`A registry to check (default port 5556).`,
    })),
    server: optional(option("--server", hostPortText(), {
      description: message`A chat server to check (default port 5555).`,
    })),
    port: multiple(option("--port", portNumber(), {
      description: message`A local port to check (default 5555 and 5556).`,
    })),
    json: withDefault(flag("--json", { description: message`Print one JSON object.` }), false),
  }),
  {
    brief: message`Check key, clock, addresses and ports; say what to fix.`,
    footer: message`Example: stealth doctor --registry pi.local`,
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
    doctor,
    keygen,
    fingerprintCommand,
    certs,
  ),
  globalOptions,
);

const options = run(parser, {
  programName: "stealth",
  args: Deno.args,
  brief: message`stealth — end-to-end encrypted group chat for a small circle.`,
  description:
    message`One secret.key, handed over in person, lets members chat; the host runs the server.`,
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
          server: options.server,
          nick: options.nick,
          registry: options.registry,
          theme: options.theme,
          homeDir: home.dir,
          logFile: options.logFile,
          debug: options.debug || isDebugFromEnv(),
        });
      }
      if (options.server === undefined) {
        console.error("stealth: name a server: stealth chat HOST[:PORT] --plain");
        return 2;
      }
      const settings = await readSettings(home.settings).catch(() => undefined);
      return runPlainChat({
        keyPath: home.key,
        hostKeyPath: options.hostKey,
        server: options.server,
        nick: options.nick ?? settings?.nick ?? Deno.env.get("USER") ?? "member",
        json: options.json,
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
      });
    }
    case "doctor": {
      const { runDoctor } = await import("./doctor/mod.ts");
      return runDoctor({
        keyPath: home.key,
        hostKeyPath: home.hostKey,
        registry: options.registry,
        server: options.server,
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
