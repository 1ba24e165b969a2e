import assert from "node:assert/strict";
import { InputHistory } from "../../../client/ui/input_history.ts";

Deno.test("InputHistory walks back and forth and returns the draft past the newest", () => {
  const history = new InputHistory();
  history.push("one");
  history.push("two");
  assert.equal(history.previous("typing"), "two");
  assert.equal(history.previous("two"), "one");
  assert.equal(history.previous("one"), undefined, "at the oldest");
  assert.equal(history.next(), "two");
  assert.equal(history.next(), "typing", "the draft comes back");
  assert.equal(history.next(), undefined, "not browsing");
});

Deno.test("InputHistory skips blanks and repeats, and keeps at most its limit", () => {
  const history = new InputHistory(3);
  for (const line of ["a", "a", "  ", "", "b", "c", "d"]) history.push(line);
  assert.deepEqual(history.lines, ["b", "c", "d"]);
  assert.throws(() => new InputHistory(0), RangeError);
});

Deno.test("InputHistory.push() stops browsing", () => {
  const history = new InputHistory();
  history.push("one");
  history.push("two");
  history.previous("");
  history.previous("");
  history.push("three");
  assert.equal(history.previous(""), "three");
});
