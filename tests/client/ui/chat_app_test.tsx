/**
 * The whole terminal client as a component: a real ChatConnection over the
 * fake dialer of the client tests, keys through ink-testing-library.
 */

import assert from "node:assert/strict";
import { render } from "ink-testing-library";
import { ChatConnection, type ClientSettings, DEFAULT_BACKOFF_MS } from "../../../client/mod.ts";
import { ChatApp, type ChatAppProps, type ChatExit } from "../../../client/ui/chat_app.tsx";
import { PLAIN_THEME } from "../../../client/ui/theme.ts";
import { DialError, HandshakeError } from "../../../net/mod.ts";
import type { ServerEntry, ServerMessage } from "../../../protocol/mod.ts";
import { waitFor } from "../../support/wait_for.ts";
import { copyOf, type DialScript, FakeDialer, seal, sessionId } from "../_fakes.ts";
import { KEY as SECRET } from "../_fakes.ts";
import { frame, frameMatching, KEY, press, type Rendered, typeLine } from "./_ink.ts";

const TS = 1_700_000_000_000;
const MEMBERS = [
  { nick: "alice", away: false, since: TS },
  { nick: "bob", away: false, since: TS },
];

/** A fake server that answers joins and resumes, and knows the room's seq. */
function room(): { script: DialScript; seq: () => number } {
  let seq = 1;
  return {
    seq: () => ++seq,
    script: (request) => ({
      ok: request.resume === undefined
        ? { session: sessionId(1), seq, members: MEMBERS }
        : { session: sessionId(1), seq, members: MEMBERS, resumed: true },
    }),
  };
}

interface Setup extends AsyncDisposable {
  app: Rendered;
  dialer: FakeDialer;
  exits: ChatExit[];
  remembered: ClientSettings[];
  debug: boolean[];
  rings: () => number;
  seq: () => number;
  chats: ChatConnection[];
}

function start(
  props: Partial<ChatAppProps> = {},
  options: { script?: DialScript; backoffMs?: number[]; keepTryingMs?: number[]; rows?: number } =
    {},
): Setup {
  const fake = room();
  const dialer = new FakeDialer(options.script ?? fake.script);
  const exits: ChatExit[] = [];
  const remembered: ClientSettings[] = [];
  const debug: boolean[] = [];
  const chats: ChatConnection[] = [];
  let rings = 0;
  const app = render(
    <ChatApp
      theme={PLAIN_THEME}
      server="127.0.0.1:5555"
      nick="alice"
      registry="localhost:5556"
      listServers={() => Promise.resolve([])}
      openChat={(address, nick) => {
        const chat = new ChatConnection({
          key: SECRET,
          hostname: address.hostname,
          port: address.port,
          nick,
          dial: dialer.dial,
          backoffMs: options.backoffMs ?? [10, 10, 10],
          ...(options.keepTryingMs === undefined ? {} : { keepTryingMs: options.keepTryingMs }),
        });
        chats.push(chat);
        return chat;
      }}
      ring={() => rings++}
      setDebug={(on) => {
        debug.push(on);
        return Promise.resolve(on ? "debug trace on — writing to test.log" : "debug trace off");
      }}
      remember={(change) => remembered.push(change)}
      onExit={(exit) => exits.push(exit)}
      closeTimeoutMs={300}
      size={{ columns: 80, rows: options.rows ?? 24 }}
      time={() => "12:00"}
      {...props}
    />,
  );
  return {
    app,
    dialer,
    exits,
    remembered,
    debug,
    rings: () => rings,
    seq: fake.seq,
    chats,
    async [Symbol.asyncDispose]() {
      app.unmount();
      await Promise.all(chats.map((chat) => chat.close(0)));
    },
  };
}

/** A message from bob. */
function fromBob(seq: number, text: string, id = `bob-${seq}`): ServerMessage {
  return { t: "msg", seq, ts: TS, from: "bob", id, body: seal({ kind: "text", text }) };
}

async function connected(t: Setup): Promise<void> {
  await frameMatching(t.app, /connected to kitchen as alice/);
  await frameMatching(t.app, /kitchen │ 2 online │ connected │ alice/);
}

Deno.test("ChatApp joins the server named, shows the pane, status bar and input", async () => {
  await using t = start();
  await connected(t);
  const text = frame(t.app);
  const rows = text.split("\n");
  assert.equal(rows.length, 24, "fills the screen");
  assert.match(rows.at(-2)!, /^ kitchen │ 2 online │ connected │ alice/);
  assert.match(rows.at(-1)!, /^> /);
  assert.match(text, /\[12:00\] -- 2 here: alice, bob/);
  assert.deepEqual(t.remembered, [{ nick: "alice" }]);
});

Deno.test("ChatApp shows a typed message pending, then once, confirmed by the server's copy", async () => {
  await using t = start();
  await connected(t);
  await typeLine(t.app, "hello bob");
  await frameMatching(t.app, /<alice> hello bob {2}⋯ sending/);
  assert.match(frame(t.app), /1 pending/);
  const say = t.dialer.conn.sentOf("say")[0]!;
  t.dialer.conn.deliver(fromBob(t.seq(), "hi alice"));
  t.dialer.conn.deliver(copyOf(say, "alice", t.seq()));
  const text = await frameMatching(t.app, /<alice> hello bob\s*\n/);
  assert.ok(!text.includes("sending"));
  assert.equal(text.match(/hello bob/g)!.length, 1);
  assert.ok(text.indexOf("<bob> hi alice") < text.indexOf("<alice> hello bob"), "room order");
  assert.ok(!/pending/.test(text));
});

Deno.test("ChatApp queues what is typed while reconnecting and sends it once after the resume", async () => {
  let down = false;
  const fake = room();
  await using t = start({}, {
    script: (request) =>
      down ? new DialError("refused", "127.0.0.1", 5555, "refused") : fake.script(request),
    backoffMs: [10, 300, 300],
  });
  await connected(t);
  down = true;
  t.dialer.conn.drop();
  await frameMatching(t.app, /reconnecting, attempt 2 of 3/);
  await typeLine(t.app, "are you there?");
  await frameMatching(t.app, /<alice> are you there\? {2}⋯ sending/);
  down = false;
  await frameMatching(t.app, /│ connected │/);
  await waitFor(() => t.dialer.conn.sentOf("say").length === 1, "the queued message sent");
  const say = t.dialer.conn.sentOf("say")[0]!;
  assert.ok(t.dialer.requests.at(-1)!.resume, "a resume");
  t.dialer.conn.deliver(copyOf(say, "alice", fake.seq()));
  const text = await frameMatching(t.app, /<alice> are you there\?\s*\n/);
  assert.equal(text.match(/are you there/g)!.length, 1);
});

Deno.test("ChatApp says offline after the last attempt, and /reconnect brings it back", async () => {
  let down = false;
  const fake = room();
  await using t = start({}, {
    script: (request) =>
      down ? new DialError("refused", "127.0.0.1", 5555, "refused") : fake.script(request),
  });
  await connected(t);
  await typeLine(t.app, "/reconnect");
  await frameMatching(t.app, /!! \/reconnect: the chat is not offline/);
  down = true;
  t.dialer.conn.drop();
  await frameMatching(t.app, /│ offline — \/reconnect │/);
  await typeLine(t.app, "kept for later");
  await frameMatching(t.app, /kept for later {2}⋯ sending/);
  down = false;
  await typeLine(t.app, "/reconnect");
  await frameMatching(t.app, /│ connected │/);
  await waitFor(() => t.dialer.conn.sentOf("say").length === 1, "the kept message sent");
});

Deno.test("ChatApp keeps trying after going offline and comes back by itself", async () => {
  let down = false;
  const fake = room();
  await using t = start({}, {
    script: (request) =>
      down ? new DialError("refused", "127.0.0.1", 5555, "refused") : fake.script(request),
    keepTryingMs: [40],
  });
  await connected(t);
  down = true;
  t.dialer.conn.drop();
  const offline = await frameMatching(t.app, /│ offline — retrying soon │/);
  assert.match(offline, /stealth keeps trying by itself; \/reconnect tries now/);
  await typeLine(t.app, "sent when the host is back");
  down = false;
  await frameMatching(t.app, /│ connected │/);
  await waitFor(() => t.dialer.conn.sentOf("say").length === 1, "the kept message sent");
});

Deno.test("ChatApp answers /me, /msg, /nick, /who and /away in the pane", async () => {
  await using t = start();
  await connected(t);
  const conn = () => t.dialer.conn;

  await typeLine(t.app, "/me waves");
  await frameMatching(t.app, /\* alice waves {2}⋯ sending/);
  conn().deliver(copyOf(conn().sentOf("say")[0]!, "alice", t.seq()));
  await frameMatching(t.app, /\* alice waves\s*\n/);

  await typeLine(t.app, "/msg bob psst");
  await frameMatching(t.app, /\[private\] <you → bob> psst {2}⋯ sending/);
  assert.equal(conn().sentOf("say")[1]!.to, "bob");
  conn().deliver(copyOf(conn().sentOf("say")[1]!, "alice", t.seq()));
  await frameMatching(t.app, /\[private\] <you → bob> psst\s*\n/);

  conn().deliver({
    t: "msg",
    seq: t.seq(),
    ts: TS,
    from: "bob",
    to: "alice",
    id: "p1",
    body: seal({ kind: "text", text: "back at you" }),
  });
  await frameMatching(t.app, /\[private\] <bob → you> back at you/);

  await typeLine(t.app, "/nick ally");
  assert.deepEqual(conn().sentOf("nick"), [{ t: "nick", nick: "ally" }]);
  conn().deliver({ t: "nick", seq: t.seq(), ts: TS, old: "alice", new: "ally" });
  await frameMatching(t.app, /-- you are now ally/);
  await frameMatching(t.app, /│ connected │ ally/);
  assert.deepEqual(t.remembered.at(-1), { nick: "ally" });

  await typeLine(t.app, "/who");
  assert.equal(conn().sentOf("who").length, 1);
  conn().deliver({
    t: "members",
    list: [{ nick: "ally", away: false, since: TS }, { nick: "bob", away: true, since: TS }],
  });
  await frameMatching(t.app, /-- 2 here: ally, bob \(away\)/);

  await typeLine(t.app, "/away");
  assert.deepEqual(conn().sentOf("away"), [{ t: "away", away: true }]);
  conn().deliver({ t: "away", seq: t.seq(), ts: TS, nick: "ally", away: true });
  await frameMatching(t.app, /-- you are away/);
  await frameMatching(t.app, /ally \(away\)/);
});

Deno.test("ChatApp answers /help, /clear, /bell and /debug in the pane", async () => {
  await using t = start({}, { rows: 60 });
  await connected(t);
  await typeLine(t.app, "/help");
  const help = await frameMatching(t.app, /a line starting with \/\/ is said as is/);
  for (const name of ["me", "msg", "nick", "who", "away", "clear", "bell", "debug", "quit"]) {
    assert.match(help, new RegExp(`-- /${name}\\b`), name);
  }

  await typeLine(t.app, "/clear");
  await waitFor(() => !/connected to kitchen|-- \/me/.test(frame(t.app)), "an empty pane");

  await typeLine(t.app, "/bell off");
  await frameMatching(t.app, /-- bell off/);
  await frameMatching(t.app, /│ bell off/);
  assert.deepEqual(t.remembered.at(-1), { bell: false });
  await typeLine(t.app, "/bell");
  await frameMatching(t.app, /-- bell on: a beep when someone says your nick/);
  await typeLine(t.app, "/bell loud");
  await frameMatching(t.app, /!! \/bell takes "on" or "off", not "loud"/);

  await typeLine(t.app, "/debug on");
  await frameMatching(t.app, /-- debug trace on — writing to test\.log/);
  await typeLine(t.app, "/debug off");
  await frameMatching(t.app, /-- debug trace off/);
  assert.deepEqual(t.debug, [true, false]);
  await typeLine(t.app, "/debug");
  await frameMatching(t.app, /!! usage: \/debug on\|off/);
});

Deno.test("ChatApp answers unknown commands and bad arguments in the pane, and goes on", async () => {
  await using t = start();
  await connected(t);
  await typeLine(t.app, "/frobnicate now");
  await frameMatching(t.app, /!! unknown command \/frobnicate — try \/help/);
  await typeLine(t.app, "/msg");
  await frameMatching(t.app, /!! usage: \/msg NICK TEXT/);
  await typeLine(t.app, "/nick not a nick");
  await frameMatching(t.app, /!! usage: \/nick NEW/);
  await typeLine(t.app, "/nick bad!nick");
  await frameMatching(t.app, /!! Cannot change nick: "bad!nick" is not a nick/);
  await typeLine(t.app, "/away maybe");
  await frameMatching(t.app, /!! \/away takes "on" or "off", not "maybe"/);
  await typeLine(t.app, "still here");
  await frameMatching(t.app, /<alice> still here/);
});

Deno.test("ChatApp leaves with /quit: bye to the server, exit 0, a goodbye line", async () => {
  await using t = start();
  await connected(t);
  await typeLine(t.app, "/quit");
  await waitFor(() => t.exits.length === 1, "the exit");
  assert.deepEqual(t.exits[0], { code: 0, lines: ["left kitchen — bye"] });
  assert.equal(t.dialer.conn.sentOf("bye").length, 1);
});

Deno.test("ChatApp leaves with Ctrl+C, waiting for what is pending, and says what was not sent", async () => {
  await using t = start();
  await connected(t);
  await typeLine(t.app, "last words");
  await press(t.app, KEY.ctrlC);
  await frameMatching(t.app, /│ leaving… │/);
  await waitFor(() => t.exits.length === 1, "the exit", 2_000);
  assert.equal(t.exits[0]!.code, 1);
  assert.deepEqual(t.exits[0]!.lines, ["1 message was not sent", "left kitchen"]);
  assert.equal(t.dialer.conn.sentOf("bye").length, 1);
});

Deno.test("ChatApp leaves on its abort signal (SIGTERM, SIGHUP)", async () => {
  const stop = new AbortController();
  await using t = start({ signal: stop.signal });
  await connected(t);
  stop.abort();
  await waitFor(() => t.exits.length === 1, "the exit");
  assert.equal(t.exits[0]!.code, 0);
  assert.equal(t.dialer.conn.sentOf("bye").length, 1);
});

Deno.test("ChatApp scrolls back with PageUp, marks new messages, and End jumps back", async () => {
  await using t = start();
  await connected(t);
  for (let i = 1; i <= 60; i++) t.dialer.conn.deliver(fromBob(t.seq(), `line ${i}`));
  await frameMatching(t.app, /<bob> line 60/);
  await press(t.app, KEY.pageUp);
  let text = await frameMatching(t.app, /scrolled up · End to jump back/);
  assert.ok(!text.includes("line 60"));
  t.dialer.conn.deliver(fromBob(t.seq(), "line 61"));
  t.dialer.conn.deliver(fromBob(t.seq(), "line 62"));
  text = await frameMatching(t.app, /2 new messages · End to jump back/);
  assert.ok(!text.includes("line 62"));
  await press(t.app, KEY.pageUp, KEY.pageDown);
  await press(t.app, KEY.end);
  text = await frameMatching(t.app, /<bob> line 62/);
  assert.ok(!/new messages|scrolled up/.test(text));
});

Deno.test("ChatApp recalls input with Up and completes nicks and commands with Tab", async () => {
  await using t = start();
  await connected(t);
  await typeLine(t.app, "first line");
  await press(t.app, KEY.up);
  await frameMatching(t.app, /\n> first line\s*$/);
  await press(t.app, KEY.down);
  await press(t.app, "/wh", KEY.tab);
  await frameMatching(t.app, /\n> \/who\s*$/);
  await typeLine(t.app, "");
  await press(t.app, "b", KEY.tab);
  await frameMatching(t.app, /\n> bob:\s*$/);
});

Deno.test("ChatApp rings the bell when someone says our nick", async () => {
  await using t = start();
  await connected(t);
  t.dialer.conn.deliver(fromBob(t.seq(), "nothing for you"));
  t.dialer.conn.deliver(fromBob(t.seq(), "alice: lunch?"));
  await frameMatching(t.app, /alice: lunch\?/);
  assert.equal(t.rings(), 1);
  await typeLine(t.app, "/bell off");
  t.dialer.conn.deliver(fromBob(t.seq(), "ALICE!"));
  await frameMatching(t.app, /ALICE!/);
  assert.equal(t.rings(), 1);
});

Deno.test("ChatApp shows the host's announcements as from Server, and presence dimmed", async () => {
  await using t = start();
  await connected(t);
  t.dialer.conn.deliver({
    t: "notice",
    seq: t.seq(),
    ts: TS,
    body: seal({ kind: "announce", text: "pizza at 8" }),
  });
  t.dialer.conn.deliver({ t: "join", seq: t.seq(), ts: TS, nick: "carol" });
  t.dialer.conn.deliver({ t: "leave", seq: t.seq(), ts: TS, nick: "bob", reason: "quit" });
  await frameMatching(t.app, /<Server> pizza at 8/);
  await frameMatching(t.app, /-- carol joined/);
  await frameMatching(t.app, /-- bob left \(quit\)/);
  await frameMatching(t.app, /│ 2 online │/);
});

Deno.test("ChatApp asks for another nick when the server says it is taken", async () => {
  const fake = room();
  await using t = start({}, {
    script: (request) =>
      request.nick === "alice"
        ? new HandshakeError("nick-taken", "that nick is taken — pick another with --nick")
        : fake.script(request),
  });
  await frameMatching(t.app, /That nick is taken on this server — pick another\./);
  await frameMatching(t.app, /Your nick: alice/);
  await press(t.app, KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace);
  await typeLine(t.app, "al2");
  await frameMatching(t.app, /connected to kitchen as al2/);
  assert.deepEqual(t.remembered, [{ nick: "al2" }]);
});

Deno.test("ChatApp prompts for a nick when none is known, refusing what cannot be one", async () => {
  await using t = start({ nick: undefined, suggestedNick: "" });
  await frameMatching(t.app, /joining 127\.0\.0\.1:5555/);
  await typeLine(t.app, "no way");
  await frameMatching(t.app, /"no way" cannot be a nick/);
  await press(t.app, ...Array(6).fill(KEY.backspace));
  await typeLine(t.app, "zed");
  await frameMatching(t.app, /connected to kitchen as zed/);
});

Deno.test("ChatApp says a server of another circle is not ours, and exits 3", async () => {
  await using t = start({}, {
    script: () =>
      new HandshakeError("not-in-circle", "this server is not in your circle — check secret.key"),
  });
  await frameMatching(
    t.app,
    /127\.0\.0\.1:5555: this server is not in your circle — check secret\.key/,
  );
  await frameMatching(t.app, /r retry · n change nick · q quit/);
  await press(t.app, "q");
  assert.deepEqual(t.exits, [{ code: 3, lines: [] }]);
});

Deno.test("ChatApp says an unreachable server cannot be reached, retries with r, exits 1 on q", async () => {
  let down = true;
  const fake = room();
  await using t = start({}, {
    script: (request) =>
      down ? new DialError("refused", "127.0.0.1", 5555, "refused") : fake.script(request),
  });
  await frameMatching(t.app, /Cannot reach 127\.0\.0\.1:5555 — is the server running\?/);
  await press(t.app, "r");
  await frameMatching(t.app, /Cannot reach/);
  down = false;
  await press(t.app, "r");
  await connected(t);
  await typeLine(t.app, "/quit");
  await waitFor(() => t.exits.length === 1, "the exit");
  assert.equal(t.exits[0]!.code, 0);
});

Deno.test("ChatApp refuses a bad server address with exit 2", async () => {
  await using t = start({ server: "[::1" });
  await frameMatching(t.app, /is not closed/);
  await press(t.app, KEY.ctrlC);
  assert.deepEqual(t.exits, [{ code: 2, lines: [] }]);
});

const SERVERS: ServerEntry[] = [
  { name: "kitchen", host: "127.0.0.1", port: 5555, users: 1, since: TS },
];

Deno.test("ChatApp without a server lists the registry's, and Enter joins one", async () => {
  let asked = 0;
  await using t = start({
    server: undefined,
    listServers: () => {
      asked++;
      return Promise.resolve(SERVERS);
    },
  });
  await frameMatching(t.app, /servers at localhost:5556/);
  await frameMatching(t.app, /▸ kitchen\s+127\.0\.0\.1:5555\s+1 online/);
  await press(t.app, "r");
  await waitFor(() => asked === 2, "a second question");
  await frameMatching(t.app, /▸ kitchen/);
  await press(t.app, KEY.enter);
  await connected(t);
  assert.equal(t.dialer.requests[0]!.nick, "alice");
  assert.deepEqual(t.remembered[0], { registry: "localhost:5556" });
});

Deno.test("ChatApp says an unreachable registry cannot be reached, how to fix it, and exits 1", async () => {
  await using t = start({
    server: undefined,
    listServers: () =>
      Promise.reject(new DialError("refused", "localhost", 5556, "cannot reach localhost:5556")),
  });
  await frameMatching(t.app, /Cannot reach the registry at localhost:5556 — is it running\?/);
  await frameMatching(t.app, /stealth up/);
  await press(t.app, "q");
  assert.deepEqual(t.exits, [{ code: 1, lines: [] }]);
});

Deno.test("ChatApp with an empty registry says so, and q quits with 0", async () => {
  await using t = start({ server: undefined });
  await frameMatching(t.app, /No servers are registered at localhost:5556\./);
  await press(t.app, "q");
  assert.deepEqual(t.exits, [{ code: 0, lines: [] }]);
});

Deno.test("ChatApp redraws for a new terminal size", async () => {
  await using t = start({ size: undefined });
  await connected(t);
  Object.defineProperty(t.app.stdout, "columns", { value: 50, configurable: true });
  Object.defineProperty(t.app.stdout, "rows", { value: 10, configurable: true });
  t.app.stdout.emit("resize");
  await waitFor(() => frame(t.app).split("\n").length === 10, "ten rows");
  for (const row of frame(t.app).split("\n")) assert.ok(row.length <= 50, row);
  assert.ok(DEFAULT_BACKOFF_MS.length === 3);
});
