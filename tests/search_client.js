// Run the site's search client (items, then passages) (docs/javascripts/pkb-search.js) under Node on a written static
// index: node tests/search_client.js INDEX_DIR < [{query, kind?, paper?, topic?, actor?, limit?}]
// prints [{ids, scores, notes}] (tests/test_search_client.py compares it with the Python engine).
const fs = require("fs");
const path = require("path");
const { Engine, searchWithPassages } = require(path.join(__dirname, "..", "docs", "javascripts", "pkb-search.js"));

async function main() {
  const dir = process.argv[2];
  const load = async (rel) => JSON.parse(fs.readFileSync(path.join(dir, rel), "utf8"));
  const queries = JSON.parse(fs.readFileSync(0, "utf8"));
  const out = [];
  for (const q of queries) {
    const engine = await Engine.open(load); // a fresh engine per query, as a page load
    const passages = engine.meta.passages ? () => Engine.open((rel) => load("passages/" + rel), engine.meta) : null;
    const { hits, notes } = await searchWithPassages(engine, passages, q.query, q);
    out.push({ ids: hits.map((h) => h.id), scores: hits.map((h) => h.score), notes, files: engine.files.size });
  }
  process.stdout.write(JSON.stringify(out));
}
main().catch((e) => {
  console.error(e.stack || String(e));
  process.exit(1);
});
