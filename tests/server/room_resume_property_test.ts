import assert from "node:assert/strict";
import fc from "fast-check";
import { Room, type RoomMember } from "../../server/room.ts";
import type { RingOptions } from "../../server/ring.ts";
import { decodeFrame, FakeClock, FakeLink, INFO, sessionIds, token } from "./_room_fakes.ts";

/** One session of one client, as the client sees it. */
interface Incarnation {
  member: RoomMember;
  link: FakeLink;
  session: string;
  nick: string;
  joinSeq: number;
  endSeq?: number;
  connected: boolean;
  awayByChoice: boolean;
  /** Seq of the last event the client has, which it resumes after. */
  last: number;
  /** Seqs of the events the client accepted, in order. */
  stream: number[];
  /** The current connection's welcome seq and the number of replayed frames ahead of live ones. */
  welcomeSeq: number;
  replayCount: number;
}

type Op =
  | { kind: "join"; i: number }
  | { kind: "say"; i: number; to: number | undefined }
  | { kind: "drop"; i: number; lose: number }
  | { kind: "resume"; i: number; lose: number }
  | { kind: "away"; i: number; away: boolean }
  | { kind: "nick"; i: number }
  | { kind: "leave"; i: number };

const SLOTS = 4;
const slot = fc.nat(SLOTS - 1);
const lose = fc.nat(4);
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("join" as const), i: slot }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant("say" as const),
      i: slot,
      to: fc.option(slot, { nil: undefined }),
    }),
    weight: 6,
  },
  { arbitrary: fc.record({ kind: fc.constant("drop" as const), i: slot, lose }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("resume" as const), i: slot, lose }), weight: 2 },
  {
    arbitrary: fc.record({ kind: fc.constant("away" as const), i: slot, away: fc.boolean() }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant("nick" as const), i: slot }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("leave" as const), i: slot }), weight: 1 },
);

/** The client reads what reached it, except the last `lose` frames (in flight when the link died). */
function consume(inc: Incarnation, lose: number): void {
  const kept = inc.link.frames.slice(0, Math.max(0, inc.link.frames.length - lose));
  for (const frame of kept) {
    const message = decodeFrame(frame);
    if (!("seq" in message) || !("ts" in message)) continue;
    const seq = message.seq as number;
    inc.stream.push(seq);
    inc.last = seq;
  }
  // Once the replay is in, the welcome's seq is a safe place to resume from.
  if (kept.length >= inc.replayCount) inc.last = Math.max(inc.last, inc.welcomeSeq);
  inc.link.frames = [];
  inc.replayCount = 0;
  inc.welcomeSeq = 0; // the welcome's seq speaks only for the frames right after it
}

interface Outcome {
  incarnations: Incarnation[];
  expected: (inc: Incarnation) => number[];
  missedAny: boolean;
}

/** Plays the ops against a room and, alongside, against a model of which events exist and who may see them. */
function play(ops: Op[], ring: RingOptions): Outcome {
  const clock = new FakeClock();
  const room = new Room({
    name: "prop",
    clock: clock.read,
    newSessionId: sessionIds(),
    rate: { burst: 1_000_000 },
    ring,
  });
  const slots: (Incarnation | undefined)[] = Array(SLOTS).fill(undefined);
  const incarnations: Incarnation[] = [];
  const events: { seq: number; audience?: Incarnation[] }[] = [];
  let names = 0;
  let ids = 0;
  let missedAny = false;
  const event = (audience?: Incarnation[]) => {
    const seq = events.length + 1;
    events.push({ seq, audience });
    return seq;
  };

  const resume = (inc: Incarnation, lost: number) => {
    const wasConnected = inc.connected;
    const oldLink = inc.link;
    consume(inc, lost);
    oldLink.alive = false;
    const link = new FakeLink();
    const result = room.resume(inc.session, inc.last, link, INFO);
    assert.ok(result.ok);
    if (wasConnected) assert.equal(oldLink.closed?.code, "replaced");
    else if (!inc.awayByChoice) event();
    assert.equal(result.welcome.seq, events.length);
    if (result.welcome.missed !== undefined) {
      missedAny = true;
      assert.notEqual(ring.maxEvents, undefined, "the default ring never misses here");
    }
    inc.link = link;
    inc.member = result.member;
    inc.connected = true;
    inc.welcomeSeq = result.welcome.seq;
    inc.replayCount = result.replay.length;
    for (const frame of result.replay) link.deliver(frame);
  };

  for (const o of ops) {
    clock.advance(7);
    const inc = slots[o.i];
    const live = inc !== undefined && inc.endSeq === undefined ? inc : undefined;
    switch (o.kind) {
      case "join": {
        if (live) break;
        const link = new FakeLink();
        const nick = `n${++names}`;
        const result = room.join(nick, link, INFO);
        assert.ok(result.ok);
        const joinSeq = event();
        assert.equal(result.welcome.seq, joinSeq);
        const fresh: Incarnation = {
          member: result.member,
          link,
          session: result.welcome.session,
          nick,
          joinSeq,
          connected: true,
          awayByChoice: false,
          last: joinSeq,
          stream: [],
          welcomeSeq: joinSeq,
          replayCount: 0,
        };
        slots[o.i] = fresh;
        incarnations.push(fresh);
        break;
      }
      case "say": {
        if (!live?.connected) break;
        const id = `m${++ids}`;
        if (o.to === undefined) {
          assert.deepEqual(room.say(live.member, { id, body: token(ids) }), {
            ok: true,
            seq: event(),
            duplicate: false,
          });
          break;
        }
        const target = slots[o.to];
        if (target === undefined || target.endSeq !== undefined) {
          const nick = target?.nick ?? "nobody";
          assert.deepEqual(room.say(live.member, { id, to: nick, body: token(ids) }), {
            ok: false,
            code: "no-such-nick",
          });
          break;
        }
        const audience = target === live ? [live] : [live, target];
        assert.deepEqual(room.say(live.member, { id, to: target.nick, body: token(ids) }), {
          ok: true,
          seq: event(audience),
          duplicate: false,
        });
        // The client resends it after a resume: never said twice.
        assert.equal(room.say(live.member, { id, body: token(ids) }).ok, true);
        break;
      }
      case "drop": {
        if (!live?.connected) break;
        consume(live, o.lose);
        live.link.alive = false;
        assert.equal(room.drop(live.member), true);
        live.connected = false;
        if (!live.awayByChoice) event();
        break;
      }
      case "resume":
        if (live) resume(live, o.lose);
        break;
      case "away": {
        if (!live?.connected) break;
        const result = room.setAway(live.member, o.away);
        assert.ok(result.ok);
        if (o.away !== live.awayByChoice) assert.equal(result.seq, event());
        live.awayByChoice = o.away;
        break;
      }
      case "nick": {
        if (!live?.connected) break;
        live.nick = `n${++names}`;
        const result = room.changeNick(live.member, live.nick);
        assert.deepEqual(result, { ok: true, seq: event() });
        break;
      }
      case "leave": {
        if (!live?.connected) break;
        consume(live, 0);
        assert.deepEqual(room.leave(live.member), { ok: true });
        live.endSeq = event();
        live.connected = false;
        break;
      }
    }
    assert.equal(room.seq, events.length, `after ${o.kind}`);
  }
  // Everyone still in the room comes back, then reads everything.
  for (const inc of incarnations) if (inc.endSeq === undefined && !inc.connected) resume(inc, 0);
  for (const inc of incarnations) if (inc.endSeq === undefined) consume(inc, 0);

  const expected = (inc: Incarnation) =>
    events
      .filter((e) =>
        e.seq > inc.joinSeq && (inc.endSeq === undefined || e.seq < inc.endSeq) &&
        (e.audience === undefined || e.audience.includes(inc))
      )
      .map((e) => e.seq);
  return { incarnations, expected, missedAny };
}

Deno.test("Room.resume() gives each member every event it may see, once, in order", () => {
  fc.assert(
    fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
      const { incarnations, expected } = play(ops, {});
      for (const inc of incarnations) assert.deepEqual(inc.stream, expected(inc));
    }),
    { numRuns: 300 },
  );
});

Deno.test("Room.resume() with a small ring never repeats or reorders, and reports what it lost", () => {
  fc.assert(
    fc.property(
      fc.array(op, { maxLength: 120 }),
      fc.integer({ min: 1, max: 8 }),
      (ops, maxEvents) => {
        const { incarnations, expected, missedAny } = play(ops, { maxEvents });
        for (const inc of incarnations) {
          const want = new Set(expected(inc));
          for (let k = 0; k < inc.stream.length; k++) {
            assert.ok(want.has(inc.stream[k]!), "only events it may see");
            if (k > 0) assert.ok(inc.stream[k]! > inc.stream[k - 1]!, "strictly increasing");
          }
          if (!missedAny) assert.deepEqual(inc.stream, expected(inc));
        }
      },
    ),
    { numRuns: 300 },
  );
});
