import assert from "node:assert/strict";
import { type ChatServer, CONSOLE_COMMANDS, Room, runConsoleLine } from "../../server/mod.ts";

function context(room: Room) {
  const lines: string[] = [];
  let quits = 0;
  return {
    lines,
    quits: () => quits,
    ctx: {
      server: { room } as unknown as ChatServer,
      print: (line: string) => lines.push(line),
      quit: () => quits++,
      clock: () => 125_000,
    },
  };
}

const link = { deliver: () => true, disconnect() {} };

Deno.test("runConsoleLine() /who lists members with addresses and time here", () => {
  const room = new Room({ name: "r", clock: () => 5_000 });
  room.join("alice", link, { host: false, address: "192.168.1.7" });
  room.join("bob", link, { host: true, address: "10.0.0.2" });
  const { lines, ctx } = context(room);
  runConsoleLine(ctx, "/who");
  assert.equal(lines[0], "2 members:");
  assert.match(lines[1]!, /alice\s+192\.168\.1\.7\s+2 min/);
  assert.match(lines[2]!, /bob\s+10\.0\.0\.2\s+2 min\s+\(host\)/);
});

Deno.test("runConsoleLine() /who on an empty room says so", () => {
  const { lines, ctx } = context(new Room({ name: "r", clock: () => 0 }));
  runConsoleLine(ctx, "/who");
  assert.deepEqual(lines, ["nobody is here yet"]);
});

Deno.test("runConsoleLine() /quit asks to shut down; unknown commands answer", () => {
  const { lines, ctx, quits } = context(new Room({ name: "r", clock: () => 0 }));
  runConsoleLine(ctx, "/frobnicate now");
  runConsoleLine(ctx, "hello");
  runConsoleLine(ctx, "");
  assert.deepEqual(lines, [
    "unknown command /frobnicate — type /help",
    "commands start with / — type /help",
  ]);
  assert.equal(quits(), 0);
  runConsoleLine(ctx, "/QUIT");
  assert.equal(quits(), 1);
});

Deno.test("runConsoleLine() /help lists every command of the table", () => {
  const { lines, ctx } = context(new Room({ name: "r", clock: () => 0 }));
  runConsoleLine(ctx, "/help");
  assert.equal(lines.length, CONSOLE_COMMANDS.length);
  for (const c of CONSOLE_COMMANDS) assert.ok(lines.some((l) => l.includes(`/${c.name}`)), c.name);
});
