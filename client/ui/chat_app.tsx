/**
 * The terminal client's screens and the way between them: the server
 * browser (when no server was named), the nick prompt (when no nick was
 * given or remembered, or the server refused it), connecting, the chat
 * screen, and a failure screen with what to do. Ctrl+C or `/quit` leaves:
 * pending messages get their chance, then `bye`.
 *
 * Everything outside the screen comes in through props (the registry
 * question, the connection factory, settings, bell, debug switch), so
 * tests render it with fakes.
 *
 * @module
 */

import { Box, Text, useInput } from "ink";
import { t } from "../../i18n/mod.ts";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ChatConnection } from "../chat_connection.ts";
import type { ChatEvent } from "../chat_event.ts";
import { DirectChat, type DirectMode } from "../direct_chat.ts";
import { parseServerAddress, type ServerAddress } from "../parse_server_address.ts";
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from "../plain_chat.ts";
import type { ClientSettings } from "../settings.ts";
import { type CommandContext, handleInput } from "../slash_commands.ts";
import { hostPort } from "../../net/mod.ts";
import type { ServerEntry } from "../../protocol/mod.ts";
import { ChatScreen } from "./chat_screen.tsx";
import { ChatStore } from "./chat_store.ts";
import { type Problem, registryProblem, serverProblem } from "./describe_problem.ts";
import { InputHistory } from "./input_history.ts";
import { nickProblem, NickPrompt } from "./nick_prompt.tsx";
import { type BrowserState, ServerBrowser } from "./server_browser.tsx";
import type { Theme } from "./theme.ts";
import { type TerminalSize, useTerminalSize } from "./use_terminal_size.ts";

/** How the client ended. */
export interface ChatExit {
  /** The exit code: 0 ok, 1 failure, 2 bad address, 3 not in the circle. */
  code: number;
  /** Lines to print once the screen is given back (goodbye, what was not sent). */
  lines: string[];
}

/** Where log warnings reach the UI from. */
export interface LogFeed {
  /** Calls `show` with each warning line from now on (and those waiting); returns a detach. */
  attach(show: (line: string) => void): () => void;
}

/** Props of {@linkcode ChatApp}. */
export interface ChatAppProps {
  /** Colours. */
  theme: Theme;
  /** `HOST[:PORT]` to go straight to; without it, the server browser. */
  server?: string;
  /** The nick to join with (from `--nick` or remembered); without it, a prompt. */
  nick?: string;
  /** What the nick prompt starts with. */
  suggestedNick?: string;
  /** The registry, `HOST:PORT`, for the browser's title and hints. */
  registry: string;
  /** Asks the registry for its servers. */
  listServers: () => Promise<ServerEntry[]>;
  /** Makes a connection (not yet connected) to a server. */
  openChat: (address: ServerAddress, nick: string) => ChatConnection;
  /** Whether mentions ring at start (default true). */
  bell?: boolean;
  /** Rings the terminal bell. */
  ring?: () => void;
  /** Switches the debug trace; resolves to the line to show. */
  setDebug?: (on: boolean) => Promise<string>;
  /** Remembers settings (nick, registry, bell). */
  remember?: (change: ClientSettings) => void;
  /** Log warnings to show in the pane. */
  logs?: LogFeed;
  /** Told once when the client ends. */
  onExit: (exit: ChatExit) => void;
  /** Aborting leaves, as `/quit` does (signals). */
  signal?: AbortSignal;
  /** How long leaving waits for pending messages (default 5 s). */
  closeTimeoutMs?: number;
  /** Lines kept in the pane (default 5,000). */
  scrollback?: number;
  /** A fixed size instead of the terminal's (tests). */
  size?: TerminalSize;
  /** The clock, ms. */
  now?: () => number;
  /** Formats the time of pane lines (default local `HH:MM`). */
  time?: (ts: number) => string;
  /** Direct (p2p) mode: the status bar says "direct", the lines speak of the one peer. */
  direct?: DirectMode;
  /** The port when `server` names none (default 5555). */
  defaultPort?: number;
}

/** Where we are going. */
interface Target {
  address: ServerAddress;
  /** `HOST:PORT`, or the server's name and address when picked from the list. */
  label: string;
}

interface Session {
  chat: ChatConnection;
  store: ChatStore;
}

type Screen =
  | { kind: "browser"; state: BrowserState; problem?: string }
  | { kind: "nick"; target: Target; problem?: string; initial: string }
  | { kind: "connecting"; target: Target; nick: string }
  | { kind: "chat"; target: Target; session: Session }
  | { kind: "failed"; target?: Target; nick?: string; problem: Problem };

/** The terminal client. */
export function ChatApp(props: ChatAppProps) {
  const size = useTerminalSize(props.size);
  const now = props.now ?? Date.now;
  const [screen, setScreen] = useState<Screen>(() => firstScreen(props));
  const history = useRef(new InputHistory()).current;
  const bell = useRef(props.bell ?? true);
  /** The exit code if the client ends now: the last failure's. */
  const lastCode = useRef<number>(screen.kind === "failed" ? screen.problem.code : EXIT_OK);
  const ending = useRef<"no" | "leaving" | "done">("no");
  const session = useRef<Session | undefined>(undefined);
  const listing = useRef(0);

  const finish = useCallback((exit: ChatExit) => {
    if (ending.current === "done") return;
    ending.current = "done";
    props.onExit(exit);
  }, [props.onExit]);

  /** Leaves: from the chat with bye after pending messages; from elsewhere at once. */
  const quit = useCallback(() => {
    const current = session.current;
    if (ending.current === "leaving" && current !== undefined) {
      // A second Ctrl+C: do not wait for the outbox any longer.
      void current.chat.close(0);
      finish(leaveResult(current, lastCode.current));
      return;
    }
    if (ending.current !== "no") return;
    if (current === undefined) {
      finish({ code: lastCode.current, lines: [] });
      return;
    }
    ending.current = "leaving";
    current.store.setLeaving();
    const wasOffline = current.chat.state === "offline";
    void current.chat.close(props.closeTimeoutMs).then(() => {
      finish(leaveResult(current, wasOffline ? EXIT_FAILURE : EXIT_OK));
    });
  }, [finish, props.closeTimeoutMs]);

  useInput((input, key) => {
    if (key.ctrl && input === "c") quit();
  });

  useEffect(() => {
    const signal = props.signal;
    if (signal === undefined) return;
    if (signal.aborted) quit();
    signal.addEventListener("abort", quit);
    return () => signal.removeEventListener("abort", quit);
  }, [props.signal, quit]);

  // ---- the browser -------------------------------------------------------

  const refresh = useCallback((problem?: string) => {
    const ticket = ++listing.current;
    setScreen({ kind: "browser", state: { kind: "loading" }, ...(problem ? { problem } : {}) });
    props.listServers().then(
      (servers) => {
        if (ticket !== listing.current) return;
        lastCode.current = EXIT_OK;
        props.remember?.({ registry: props.registry });
        setScreen((old) =>
          old.kind === "browser"
            ? { ...old, state: { kind: "list", servers: sortServers(servers) } }
            : old
        );
      },
      (error) => {
        if (ticket !== listing.current) return;
        const told = registryProblem(error, props.registry);
        lastCode.current = told.code;
        setScreen((old) =>
          old.kind === "browser"
            ? {
              ...old,
              state: {
                kind: "error",
                text: told.text,
                ...(told.hint === undefined ? {} : { hint: told.hint }),
              },
            }
            : old
        );
      },
    );
  }, [props.listServers, props.registry, props.remember]);

  useEffect(() => {
    if (props.server === undefined) refresh();
  }, []);

  const goTo = useCallback((target: Target, problem?: string) => {
    const nick = props.nick;
    if (problem === undefined && nick !== undefined && nickProblem(nick) === undefined) {
      setScreen({ kind: "connecting", target, nick });
    } else {
      setScreen({
        kind: "nick",
        target,
        initial: nick ?? props.suggestedNick ?? "",
        ...(problem !== undefined
          ? { problem }
          : nick !== undefined
          ? { problem: nickProblem(nick)! }
          : {}),
      });
    }
  }, [props.nick, props.suggestedNick]);

  // ---- connecting --------------------------------------------------------

  useEffect(() => {
    if (screen.kind !== "connecting") return;
    const { target, nick } = screen;
    const store = new ChatStore({
      bell: bell.current,
      direct: props.direct !== undefined,
      ...(props.scrollback === undefined ? {} : { scrollback: props.scrollback }),
      ...(props.ring === undefined ? {} : { ring: props.ring }),
    });
    let chat: ChatConnection;
    try {
      chat = props.openChat(target.address, nick);
    } catch (error) {
      // The constructor refuses only a bad nick.
      setScreen({
        kind: "nick",
        target,
        initial: nick,
        problem: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    store.attach(chat);
    const direct = props.direct === undefined ? undefined : new DirectChat(props.direct);
    chat.onEvent = (event) => {
      if (direct !== undefined && event.kind === "chat") {
        for (const line of direct.present(event.event, chat.nick)) {
          store.handle({ kind: "chat", event: line });
        }
        store.setPeer(direct.peer);
        // The listener left on purpose: no reconnecting to nobody; the lines stay to read.
        if (direct.ended) void chat.close(0);
      } else {
        store.handle(event);
      }
      if (
        event.kind === "chat" && event.event.type === "nick" && event.event.self
      ) {
        props.remember?.({ nick: event.event.newNick });
      }
    };
    let cancelled = false;
    chat.connect().then(
      () => {
        if (cancelled || ending.current !== "no") {
          void chat.close(0);
          return;
        }
        lastCode.current = EXIT_OK;
        props.remember?.({ nick: chat.nick });
        session.current = { chat, store };
        setScreen({ kind: "chat", target, session: session.current });
      },
      (error) => {
        if (cancelled) return;
        const where = hostPort(target.address.hostname, target.address.port);
        const told = serverProblem(error, where, props.direct !== undefined);
        lastCode.current = told.code;
        if (told.badNick) setScreen({ kind: "nick", target, initial: nick, problem: told.text });
        else setScreen({ kind: "failed", target, nick, problem: told });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [screen.kind === "connecting" ? screen : undefined]);

  // ---- log warnings go to the pane ---------------------------------------

  const chatStore = screen.kind === "chat" ? screen.session.store : undefined;
  useEffect(() => {
    if (chatStore === undefined || props.logs === undefined) return;
    return props.logs.attach((line) =>
      chatStore.show({ type: "error", code: "log", ts: now(), self: false, text: line })
    );
  }, [chatStore, props.logs]);

  // ---- drawing -----------------------------------------------------------

  const { columns, rows } = size;
  const focus = ending.current === "no";
  let body;
  switch (screen.kind) {
    case "browser":
      body = (
        <ServerBrowser
          registry={props.registry}
          state={screen.state}
          {...(screen.problem === undefined ? {} : { problem: screen.problem })}
          onPick={(entry) =>
            goTo({
              address: { hostname: entry.host, port: entry.port },
              label: `${entry.name} (${hostPort(entry.host, entry.port)})`,
            })}
          onRefresh={() => refresh()}
          onQuit={quit}
          now={now}
          width={columns}
          height={rows}
          theme={props.theme}
          focus={focus}
        />
      );
      break;
    case "nick":
      body = (
        <NickPrompt
          key={`${screen.target.label}:${screen.problem ?? ""}`}
          server={screen.target.label}
          initial={screen.initial}
          {...(screen.problem === undefined ? {} : { problem: screen.problem })}
          onSubmit={(nick) => setScreen({ kind: "connecting", target: screen.target, nick })}
          width={columns}
          theme={props.theme}
          focus={focus}
        />
      );
      break;
    case "connecting":
      body = (
        <Box flexDirection="column" paddingX={1}>
          <Text bold {...accentOf(props.theme)}>stealth</Text>
          <Text></Text>
          <Text wrap="wrap">
            {t("ui.connecting_to", { server: screen.target.label, nick: screen.nick })}
          </Text>
        </Box>
      );
      break;
    case "failed":
      body = (
        <FailedScreen
          screen={screen}
          theme={props.theme}
          width={columns}
          focus={focus}
          onRetry={() => {
            if (screen.target !== undefined) goTo(screen.target);
          }}
          onBack={() => refresh()}
          onNick={() => {
            if (screen.target !== undefined) {
              setScreen({
                kind: "nick",
                target: screen.target,
                initial: screen.nick ?? props.nick ?? props.suggestedNick ?? "",
              });
            }
          }}
          onQuit={quit}
          canGoBack={props.server === undefined}
        />
      );
      break;
    case "chat": {
      const { chat, store } = screen.session;
      const show = (event: ChatEvent) => store.show(event);
      const context: CommandContext = {
        chat,
        show,
        quit,
        now,
        ui: {
          clear: () => store.clear(),
          get bell() {
            return bell.current;
          },
          setBell(on) {
            bell.current = on;
            store.setBell(on);
            props.remember?.({ bell: on });
          },
          setDebug(on) {
            const done = props.setDebug?.(on) ??
              Promise.reject(new Error(t("ui.debug_not_here")));
            done.then(
              (text) => show({ type: "info", code: "setting", ts: now(), self: true, text }),
              (error) =>
                show({
                  type: "error",
                  code: "command",
                  ts: now(),
                  self: true,
                  text: t("ui.debug_failed", {
                    reason: error instanceof Error ? error.message : String(error),
                  }),
                }),
            );
          },
          reconnect() {
            if (chat.state !== "offline") {
              throw new SyntaxError(t("ui.reconnect_not_offline"));
            }
            chat.reconnect().catch(() => {}); // its outcome shows as state and info events
          },
        },
      };
      body = (
        <ChatScreen
          store={store}
          history={history}
          onLine={(line) => handleInput(line, context)}
          width={columns}
          height={rows}
          theme={props.theme}
          focus={focus}
          {...(props.time === undefined ? {} : { time: props.time })}
        />
      );
      break;
    }
  }
  return (
    <Box
      flexDirection="column"
      width={columns}
      height={rows}
      {...(props.theme.background === undefined ? {} : { backgroundColor: props.theme.background })}
    >
      {body}
    </Box>
  );
}

function FailedScreen(props: {
  screen: Extract<Screen, { kind: "failed" }>;
  theme: Theme;
  width: number;
  focus: boolean;
  canGoBack: boolean;
  onRetry: () => void;
  onBack: () => void;
  onNick: () => void;
  onQuit: () => void;
}) {
  const { screen, theme } = props;
  const retry = screen.target !== undefined;
  const back = props.canGoBack;
  useInput((input, key) => {
    if (input === "r" && retry) props.onRetry();
    else if (input === "b" && back) props.onBack();
    else if (input === "n" && retry) props.onNick();
    else if (input === "q" || key.escape) props.onQuit();
  }, { isActive: props.focus });
  const keys = [
    retry ? t("ui.key_retry") : "",
    retry ? t("ui.key_nick") : "",
    back ? t("ui.key_back") : "",
    t("ui.key_quit"),
  ].filter(Boolean);
  return (
    <Box flexDirection="column" width={props.width} paddingX={1}>
      <Text bold {...accentOf(theme)}>
        stealth{screen.target === undefined ? "" : ` — ${screen.target.label}`}
      </Text>
      <Text></Text>
      <Text bold {...(theme.error ? { color: theme.error } : {})} wrap="wrap">
        {screen.problem.text}
      </Text>
      {screen.problem.hint === undefined ? null : <Text wrap="wrap">{screen.problem.hint}</Text>}
      <Text></Text>
      <Text dimColor wrap="truncate">{keys.join(" · ")}</Text>
    </Box>
  );
}

function accentOf(theme: Theme): { color?: string } {
  return theme.accent === undefined ? {} : { color: theme.accent };
}

function firstScreen(props: ChatAppProps): Screen {
  if (props.server === undefined) return { kind: "browser", state: { kind: "loading" } };
  let address: ServerAddress;
  try {
    address = parseServerAddress(props.server, props.defaultPort);
  } catch (error) {
    return {
      kind: "failed",
      problem: { text: (error as Error).message, code: EXIT_USAGE },
    };
  }
  const target: Target = {
    address,
    label: hostPort(address.hostname, address.port),
  };
  const nick = props.nick;
  if (nick !== undefined && nickProblem(nick) === undefined) {
    return { kind: "connecting", target, nick: nick.trim().normalize("NFC") };
  }
  return {
    kind: "nick",
    target,
    initial: nick ?? props.suggestedNick ?? "",
    ...(nick === undefined ? {} : { problem: nickProblem(nick)! }),
  };
}

/** Most members first, then by name. */
function sortServers(servers: readonly ServerEntry[]): ServerEntry[] {
  return [...servers].sort((a, b) => b.users - a.users || a.name.localeCompare(b.name));
}

/** The exit after leaving a chat: unsent messages or an offline end are a failure. */
function leaveResult(session: Session, code: number): ChatExit {
  const { chat, store } = session;
  const lines: string[] = [];
  const unsent = chat.pending;
  const bye = code === EXIT_OK && unsent === 0;
  const server = store.view.server;
  if (unsent > 0) {
    lines.push(t("chat.unsent", { count: unsent }));
    code = EXIT_FAILURE;
  }
  if (store.view.direct) {
    lines.push(bye ? t("ui.left_direct_bye") : t("ui.left_direct"));
  } else if (server === "") {
    lines.push(bye ? t("ui.left_chat_bye") : t("ui.left_chat"));
  } else {
    lines.push(bye ? t("ui.left_server_bye", { server }) : t("ui.left_server", { server }));
  }
  return { code, lines };
}
