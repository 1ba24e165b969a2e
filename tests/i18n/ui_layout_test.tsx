/**
 * The terminal client in every language at 80 columns: no rendered line is
 * wider than the terminal, the status bar stays one row with every label
 * whole, and the screens' key lines are not cut. German runs long, so each
 * language is drawn with a crowded status bar.
 */

import assert from "node:assert/strict";
import { render } from "ink-testing-library";
import { ChatConnection } from "../../client/mod.ts";
import { ChatApp, type ChatAppProps } from "../../client/ui/chat_app.tsx";
import type { ChatView } from "../../client/ui/chat_store.ts";
import { statusText } from "../../client/ui/status_bar.tsx";
import { PLAIN_THEME } from "../../client/ui/theme.ts";
import { DialError } from "../../net/mod.ts";
import { type Language, LANGUAGES, setLanguage, t } from "../../i18n/mod.ts";
import type { Member, ServerEntry } from "../../protocol/mod.ts";
import { FakeDialer, KEY, sessionId } from "../client/_fakes.ts";
import { frame, frameMatching, press, type Rendered, typeLine } from "../client/ui/_ink.ts";

const COLUMNS = 80;
const TS = 1_700_000_000_000;
const MEMBERS: Member[] = [
  { nick: "alice", away: false, since: TS, host: true },
  { nick: "bob", away: true, since: TS },
  { nick: "carol", away: false, since: TS },
];

/** Terminal columns of a frame line: ANSI styles take none, and none of our texts is wide. */
function columns(line: string): number {
  // deno-lint-ignore no-control-regex
  return [...line.replace(/\x1b\[[0-9;]*m/g, "")].length;
}

function assertFits(app: Rendered, what: string): void {
  const rows = frame(app).split("\n");
  for (const row of rows) {
    assert.ok(columns(row) <= COLUMNS, `${what}: a line of ${columns(row)} columns:\n${row}`);
  }
}

/** Runs `fn` with the process speaking `language`, and English again after. */
async function speaking(language: Language, fn: () => Promise<void>): Promise<void> {
  setLanguage(language);
  try {
    await fn();
  } finally {
    setLanguage("en");
  }
}

function app(props: Partial<ChatAppProps>, dialer: FakeDialer): Rendered {
  return render(
    <ChatApp
      theme={PLAIN_THEME}
      server="127.0.0.1:5555"
      nick="alice"
      registry="pi.local:5556"
      listServers={() => Promise.resolve([])}
      openChat={(address, nick) =>
        new ChatConnection({
          key: KEY,
          hostname: address.hostname,
          port: address.port,
          nick,
          dial: dialer.dial,
          backoffMs: [10, 10, 10],
        })}
      onExit={() => {}}
      closeTimeoutMs={50}
      size={{ columns: COLUMNS, rows: 24 }}
      {...props}
    />,
  );
}

function view(change: Partial<ChatView>): ChatView {
  return {
    version: 1,
    state: "connected",
    server: "kitchen",
    nick: "alice",
    members: MEMBERS,
    host: false,
    away: false,
    count: 0,
    pending: 0,
    offset: 0,
    unread: 0,
    bell: true,
    leaving: false,
    direct: false,
    ...change,
  };
}

for (const language of LANGUAGES) {
  Deno.test(`statusText() fits one row of 80 columns in ${language}, crowded or reconnecting`, async () => {
    await speaking(language, () => {
      const views = [
        view({ host: true, away: true, pending: 12, bell: false }),
        view({ state: "reconnecting", attempt: 2, attempts: 3, pending: 3 }),
        view({ state: "offline", host: true, bell: false }),
        view({ direct: true, peer: "bob", members: MEMBERS.slice(0, 2), away: true, pending: 2 }),
        view({ leaving: true, host: true, pending: 5 }),
      ];
      for (const v of views) {
        const text = statusText(v, COLUMNS);
        assert.ok(columns(text) <= COLUMNS, `${columns(text)} columns: ${text}`);
        // What the bar keeps is whole: where we are, our nick, what is pending.
        assert.ok(
          text.includes(v.direct ? t("p2p.direct_with", { nick: "bob" }) : "kitchen"),
          text,
        );
        assert.ok(text.includes(`│ alice`), text);
        if (v.pending > 0) assert.ok(text.includes(t("ui.pending", { count: v.pending })), text);
      }
      return Promise.resolve();
    });
  });

  Deno.test(`ChatApp draws the chat screen in ${language} within 80 columns`, async () => {
    await speaking(language, async () => {
      const dialer = new FakeDialer(() => ({
        ok: { session: sessionId(1), seq: 1, members: MEMBERS, host: true },
      }));
      const ui = app({}, dialer);
      try {
        await frameMatching(
          ui,
          new RegExp(escape(t("chat.connected", { server: "kitchen", nick: "alice" }))),
        );
        // A crowded bar: host, away, a message pending (the fake server never confirms it), bell off.
        await typeLine(ui, "/away");
        dialer.conn.deliver({ t: "away", seq: 2, ts: TS, nick: "alice", away: true });
        await typeLine(ui, "/bell off");
        await typeLine(ui, "hello, is the kettle on?");
        await typeLine(ui, "/help");
        const pending = t("ui.pending", { count: 1 });
        await frameMatching(ui, new RegExp(escape(pending)));
        const rows = frame(ui).split("\n");
        assert.equal(rows.length, 24);
        assertFits(ui, "chat screen");
        // The bar is the row above the input; each of its parts is a whole label, and what
        // matters most (where, state, nick, pending) is there.
        const parts = rows.at(-2)!.trim().split(" │ ");
        const whole = new Set([
          "kitchen",
          t("ui.online_away", { count: 3, away: 2 }),
          t("ui.online", { count: 3 }),
          t("ui.connected"),
          `alice ${t("ui.mark_host")} ${t("ui.mark_away")}`,
          `alice ${t("ui.mark_host")}`,
          pending,
          t("ui.bell_off"),
        ]);
        for (const part of parts) assert.ok(whole.has(part), `a cut label "${part}" in ${parts}`);
        for (const must of ["kitchen", t("ui.connected"), pending]) {
          assert.ok(parts.includes(must), `${must} in ${parts}`);
        }
        assert.match(rows.at(-1)!, /^> /);
      } finally {
        ui.unmount();
      }
    });
  });

  Deno.test(`ChatApp draws the server browser, nick prompt and failure screen in ${language}`, async () => {
    await speaking(language, async () => {
      const servers: ServerEntry[] = [
        {
          name: "Küchen-Pi im zweiten Stock",
          host: "192.168.178.20",
          port: 5555,
          users: 12,
          since: 0,
        },
        { name: "attic", host: "fd00::1234:5678:9abc", port: 5555, users: 1, since: Date.now() },
      ];
      const browser = app(
        { server: undefined, listServers: () => Promise.resolve(servers) },
        new FakeDialer(),
      );
      try {
        await frameMatching(browser, /attic/);
        assertFits(browser, "server browser");
        const text = frame(browser);
        assert.ok(text.includes(t("ui.keys_refresh")), text);
        assert.ok(text.includes(t("ui.column_users")), text);
      } finally {
        browser.unmount();
      }

      const empty = app({ server: undefined }, new FakeDialer());
      try {
        await frameMatching(
          empty,
          new RegExp(escape(t("ui.no_servers", { registry: "pi.local:5556" }))),
        );
        assertFits(empty, "empty browser");
      } finally {
        empty.unmount();
      }

      const prompt = app({ nick: undefined }, new FakeDialer());
      try {
        await frameMatching(prompt, new RegExp(escape(t("ui.your_nick"))));
        await typeLine(prompt, "not a nick!");
        await frameMatching(prompt, /"not a nick!"/);
        assertFits(prompt, "nick prompt");
        assert.ok(frame(prompt).includes(t("ui.keys_join")));
      } finally {
        prompt.unmount();
      }

      const failed = app(
        { server: undefined, listServers: () => Promise.resolve(servers.slice(1)) },
        new FakeDialer(() => new DialError("refused", "fd00::1234:5678:9abc", 5555, "refused")),
      );
      try {
        await frameMatching(failed, /attic/);
        await press(failed, "\r");
        await frameMatching(failed, new RegExp(escape(t("ui.key_quit"))));
        assertFits(failed, "failure screen");
        const keys = frame(failed).split("\n").find((row) => row.includes(t("ui.key_quit")))!;
        for (const key of ["ui.key_retry", "ui.key_nick", "ui.key_back"] as const) {
          assert.ok(keys.includes(t(key)), `${t(key)} in:\n${keys}`);
        }
      } finally {
        failed.unmount();
      }
    });
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
