import assert from "node:assert/strict";
import { Directory } from "../../registry/mod.ts";

Deno.test("Directory.register() lists the entry, defaulting host to the address", () => {
  let now = 1_000;
  const directory = new Directory(() => now);
  assert.equal(directory.register(1, "10.0.0.5", { name: "b", port: 5555, users: 2 }), undefined);
  directory.register(2, "10.0.0.6", {
    name: "a",
    host: "pi.local",
    port: 5555,
    users: 0,
    since: 5,
  });
  now = 2_000;
  directory.register(3, "10.0.0.7", { name: "c", port: 1, users: 0, since: 9_999 });
  assert.deepEqual(directory.list(), [
    { name: "a", host: "pi.local", port: 5555, users: 0, since: 5 },
    { name: "b", host: "10.0.0.5", port: 5555, users: 2, since: 1_000 },
    { name: "c", host: "10.0.0.7", port: 1, users: 0, since: 2_000 }, // a future since is capped
  ]);
});

Deno.test("Directory.beat() updates users and refuses the unregistered", () => {
  const directory = new Directory(() => 0);
  assert.equal(directory.beat(1, 3), false);
  directory.register(1, "a", { name: "s", port: 1, users: 0 });
  assert.equal(directory.beat(1, 3), true);
  assert.equal(directory.list()[0]?.users, 3);
});

Deno.test("Directory.expire() drops entries silent past the TTL", () => {
  let now = 0;
  const directory = new Directory(() => now, { ttlMs: 100 });
  directory.register(1, "a", { name: "s", port: 1, users: 0 });
  directory.register(2, "a", { name: "t", port: 2, users: 0 });
  now = 60;
  directory.beat(2, 1);
  now = 100;
  assert.deepEqual(directory.expire(), []);
  now = 101;
  assert.deepEqual(directory.expire(), [1]);
  assert.deepEqual(directory.list().map((e) => e.name), ["t"]);
});

Deno.test("Directory.register() enforces its limits", () => {
  const directory = new Directory(() => 0, { maxEntries: 3, maxPerAddress: 2 });
  assert.equal(directory.register(1, "a", { name: "1", port: 1, users: 0 }), undefined);
  assert.equal(directory.register(2, "a", { name: "2", port: 1, users: 0 }), undefined);
  assert.equal(
    directory.register(3, "a", { name: "3", port: 1, users: 0 }),
    "too-many-from-address",
  );
  assert.equal(directory.register(2, "a", { name: "2b", port: 1, users: 0 }), undefined, "replace");
  assert.equal(directory.register(4, "b", { name: "4", port: 1, users: 0 }), undefined);
  assert.equal(directory.register(5, "c", { name: "5", port: 1, users: 0 }), "full");
  directory.remove(4);
  assert.equal(directory.register(5, "c", { name: "5", port: 1, users: 0 }), undefined);
  assert.equal(directory.size, 3);
  assert.throws(() => new Directory(() => 0, { ttlMs: 0 }), RangeError);
});

Deno.test("Directory.list() returns copies", () => {
  const directory = new Directory(() => 0);
  directory.register(1, "a", { name: "s", port: 1, users: 0 });
  directory.list()[0]!.users = 99;
  assert.equal(directory.list()[0]?.users, 0);
});
