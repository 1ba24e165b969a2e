import assert from "node:assert/strict";
import { ChatError, Outbox, type OutgoingMessage } from "../../client/mod.ts";

function message(id: string, bytes = 10): OutgoingMessage {
  return { id, kind: "text", text: id, frame: new Uint8Array(bytes), queuedAt: 0 };
}

function ids(outbox: Outbox): string[] {
  return [...outbox.messages()].map((m) => m.id);
}

Deno.test("Outbox.add() refuses past the message bound with a clear error", () => {
  const outbox = new Outbox({ maxMessages: 3 });
  for (const id of ["a", "b", "c"]) outbox.add(message(id));
  assert.throws(() => outbox.add(message("d")), (error) => {
    assert.ok(error instanceof ChatError);
    assert.equal(error.code, "outbox-full");
    assert.match(error.message, /^Cannot send: 3 messages are already waiting/);
    return true;
  });
  assert.deepEqual(ids(outbox), ["a", "b", "c"]);
});

Deno.test("Outbox.add() refuses past the byte bound, but one message always fits", () => {
  const outbox = new Outbox({ maxBytes: 100 });
  outbox.add(message("huge", 500)); // alone: accepted
  assert.throws(() => outbox.add(message("b", 1)), ChatError);
  outbox.remove("huge");
  outbox.add(message("a", 60));
  outbox.add(message("b", 40));
  assert.throws(() => outbox.add(message("c", 1)), /KiB of messages are already waiting/);
  assert.equal(outbox.bytes, 100);
  assert.equal(outbox.size, 2);
});

Deno.test("Outbox() refuses bounds below one", () => {
  assert.throws(() => new Outbox({ maxMessages: 0 }), RangeError);
  assert.throws(() => new Outbox({ maxBytes: 1.5 }), RangeError);
});

Deno.test("Outbox.takeNext() sends in order and keeps the in-flight prefix", () => {
  const outbox = new Outbox();
  for (const id of ["a", "b", "c"]) outbox.add(message(id));
  assert.equal(outbox.takeNext()?.id, "a");
  assert.equal(outbox.takeNext()?.id, "b");
  assert.equal(outbox.inFlight, 2);
  assert.equal(outbox.remove("a")?.id, "a"); // acknowledged
  assert.equal(outbox.inFlight, 1);
  assert.equal(outbox.takeNext()?.id, "c");
  assert.equal(outbox.takeNext(), undefined);
  assert.equal(outbox.inFlight, 2);
});

Deno.test("Outbox.requeueAll() sends everything again from the start", () => {
  const outbox = new Outbox();
  for (const id of ["a", "b", "c"]) outbox.add(message(id));
  outbox.takeNext();
  outbox.takeNext();
  outbox.requeueAll();
  assert.equal(outbox.inFlight, 0);
  assert.deepEqual([outbox.takeNext()?.id, outbox.takeNext()?.id], ["a", "b"]);
});

Deno.test("Outbox.requeueFrom() sends the refused message and those after it again", () => {
  const outbox = new Outbox();
  for (const id of ["a", "b", "c", "d"]) outbox.add(message(id));
  for (let i = 0; i < 4; i++) outbox.takeNext();
  assert.equal(outbox.requeueFrom("c"), true);
  assert.equal(outbox.inFlight, 2);
  assert.equal(outbox.takeNext()?.id, "c");
  assert.equal(outbox.requeueFrom("zz"), false);
});

Deno.test("Outbox.remove() of an unknown id changes nothing", () => {
  const outbox = new Outbox();
  outbox.add(message("a", 5));
  assert.equal(outbox.remove("b"), undefined);
  assert.equal(outbox.bytes, 5);
  assert.equal(outbox.has("a"), true);
  assert.equal(outbox.get("a")?.text, "a");
});
