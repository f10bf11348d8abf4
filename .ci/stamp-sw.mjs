// Build step (`make dist`, after both wings are built): stamps the
// service worker with this build's id and its two asset lists, the
// village app's (precached) and the office workspace's under kantor/
// (kept once opened), so each deploy is a new worker and the old cache is
// dropped when it takes over. Also writes 404.html, the page a web host
// answers unknown addresses with.
//
//   node .ci/stamp-sw.mjs <dist>
import { readFileSync, writeFileSync, readdirSync, statSync, copyFileSync, rmSync } from "node:fs";
import { createHash } from "node:crypto";
import { join, relative, sep } from "node:path";

const dist = process.argv[2];
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(relative(dist, path).split(sep).join("/"));
  }
})(dist);

// A host's 404 page is the village app's (its first script hands office
// addresses on); the office folder needs none.
copyFileSync(join(dist, "index.html"), join(dist, "404.html"));
rmSync(join(dist, "kantor", "404.html"), { force: true });

const kept = files
  .filter((f) => !["sw.js", "404.html", "kantor/404.html", ".trunk-lock"].includes(f) && !/\.(br|gz)$/.test(f))
  .sort();
const office = kept.filter((f) => f.startsWith("kantor/"));
const village = kept.filter((f) => !f.startsWith("kantor/"));
if (!village.includes("index.html") || !office.includes("kantor/index.html")) {
  console.error("stamp-sw: both wings must be built first");
  process.exit(1);
}
const hash = createHash("sha256");
for (const f of kept) hash.update(f).update(readFileSync(join(dist, f)));
const id = hash.digest("hex").slice(0, 16);
const list = (xs) => xs.map((x) => JSON.stringify(x)).join(",");
const swPath = join(dist, "sw.js");
let sw = readFileSync(swPath, "utf8");
for (const [mark, value] of [
  ['"__PANDU_ASSETS__"', list(village)],
  ['"__PANDU_OFFICE_ASSETS__"', list(office)],
  ["__PANDU_BUILD_ID__", id],
]) {
  if (!sw.includes(mark)) {
    console.error(`stamp-sw: ${mark} missing from sw.js (stamped twice?)`);
    process.exit(1);
  }
  sw = sw.replace(mark, value);
}
writeFileSync(swPath, sw);
console.log(`stamp-sw: build ${id}, ${village.length} village and ${office.length} office files`);
