// The JSON Schema in docs/ describes the shipped packs: every pack passes,
// and shapes the Rust reader refuses are refused by the schema too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";

const root = resolve(import.meta.dirname, "../..");
const schema = JSON.parse(readFileSync(resolve(root, "docs/procedure-pack.schema.json"), "utf8"));
const validate = new Ajv2020({ allErrors: true }).compile(schema);
const packsDir = resolve(root, "public/packs");
const index = JSON.parse(readFileSync(resolve(packsDir, "index.json"), "utf8"));
const load = (name) => JSON.parse(readFileSync(resolve(packsDir, name), "utf8"));

for (const file of index.packs) {
  test(`${file} matches the pack schema`, () => {
    const ok = validate(load(file));
    assert.ok(ok, JSON.stringify(validate.errors, null, 2));
  });
}

test("the schema refuses what the reader refuses", () => {
  const broken = [
    (p) => delete p.version,
    (p) => (p.colour = "red"),
    (p) => (p.procedures[0].nodes[1].time = { kind: "fortnight" }),
    (p) => (p.procedures[0].nodes[1].waktu = "10 menit"),
    (p) => (p.procedures[0].nodes[1].time = { kind: "month_window", from_day: 0, to_day: 15 }),
    (p) => (p.procedures[0].roles[0].side = "province"),
    (p) => (p.procedures[0].nodes.find((n) => n.kind === "decision").answers.length = 1),
    (p) => (p.procedures[0].nodes.find((n) => n.kind === "end").outcome = "lost"),
  ];
  for (const edit of broken) {
    const pack = load("purwakarta.json");
    edit(pack);
    assert.equal(validate(pack), false, `schema accepted: ${edit}`);
  }
});
