/* policykb site search: the command line's query pipeline in the browser.
 *
 * A port of scripts/policykb/search/engine.py (normalisation, segmentation against the index
 * vocabulary, glossary expansion, typo correction with rapidfuzz's fuzz.ratio, BM25, the phrase
 * bonus on a bounded pool, kind weights, ties by id) over the static index that
 * scripts/policykb/search/static.py writes to <site>/pkb-search/. Change one, change the other:
 * tests/test_search_client.py runs both on the query set and compares.
 *
 * The search page (search/, ?q=…&kind=…&paper=…&topic=…&actor=…) shows the results; paper text
 * is only ever set as textContent. Hand-written, vendored, no dependencies; also runs under Node
 * (module.exports) for the tests.
 */
(function () {
  "use strict";

  function fnv1a(text) {
    const bytes = new TextEncoder().encode(text);
    let h = 0x811c9dc5;
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    return h >>> 0;
  }

  const cps = (s) => Array.from(s);
  const cplen = (s) => cps(s).length;
  const WORD = /[\p{L}\p{N}_]/u;
  const isNonWord = (ch) => !WORD.test(ch);
  const allNonWord = (s) => cps(s).every(isNonWord);
  const dedupe = (xs) => Array.from(new Set(xs));
  const countOf = (text, ph) => (ph ? text.split(ph).length - 1 : 0);
  const replaceAll = (text, a, b) => text.split(a).join(b);
  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

  // rapidfuzz fuzz.ratio: the normalised Indel similarity, 100 * (1 - (|a|+|b|-2·LCS)/(|a|+|b|))
  function lcs(a, b) {
    let prev = new Array(b.length + 1).fill(0);
    for (let i = 1; i <= a.length; i++) {
      const cur = new Array(b.length + 1).fill(0);
      for (let j = 1; j <= b.length; j++) {
        cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
      }
      prev = cur;
    }
    return prev[b.length];
  }

  function simFrom(l, lensum) {
    return 1 - (lensum - 2 * l) / lensum;
  }

  function ratio(s1, s2, cutoff = 0) {
    const a = cps(s1), b = cps(s2);
    const lensum = a.length + b.length;
    if (!lensum) return 100;
    const sim = simFrom(lcs(a, b), lensum);
    return sim >= cutoff / 100 ? sim * 100 : 0;
  }

  // process.extractOne(query, choices, scorer=fuzz.ratio, score_cutoff): the first best choice.
  // A choice whose characters in common with the query (an upper bound of the LCS) cannot beat
  // the cutoff or the best so far is skipped without computing its LCS: same result, faster.
  function extractOne(query, choices, cutoff) {
    const q = cps(query);
    const qcount = new Map();
    for (const ch of q) qcount.set(ch, (qcount.get(ch) || 0) + 1);
    let best = null, bestScore = -1;
    for (const c of choices) {
      const cc = cps(c);
      const lensum = q.length + cc.length;
      if (lensum) {
        const seen = new Map();
        let common = 0;
        for (const ch of cc) {
          const k = (seen.get(ch) || 0) + 1;
          seen.set(ch, k);
          if (k <= (qcount.get(ch) || 0)) common++;
        }
        const bound = simFrom(common, lensum);
        if (bound < cutoff / 100 || bound * 100 <= bestScore) continue;
      }
      const sc = ratio(query, c, cutoff);
      if (sc >= cutoff && sc > bestScore) {
        best = c;
        bestScore = sc;
        if (sc === 100) break;
      }
    }
    return best;
  }

  class Engine {
    constructor(meta, load) {
      this.meta = meta;
      this.load = load; // relative path -> Promise of parsed JSON (cached here)
      this.files = new Map();
      this.n = meta.n;
      this.avglen = meta.total_length / Math.max(meta.n, 1);
      this.names = new Map(meta.names.map(([n, zh]) => [n, zh]));
      this.namesByLen = meta.names_by_len.map((k) => meta.names[k][0]);
      this.spellings = new Map(Object.entries(meta.spellings || {}));
      this.t2s = new Map();
      const [trad, simp] = meta.t2s.map(cps);
      trad.forEach((ch, k) => this.t2s.set(ch, simp[k]));
      const [from, to] = meta.fold.map(cps);
      from.forEach((ch, k) => this.t2s.set(ch, to[k]));
      this.df_ = new Map(); // word -> document frequency (0: looked up, not a word)
      this.lengths = new Map(); // item -> length in words (from the postings)
      this.postingsOf = new Map();
      this.countsOf = new Map(); // word -> how often each item of its postings says it
      this.starts = meta.papers.map((p) => p[1]);
    }

    // ``shared``: the items' meta, whose glossary names and character tables the passage index shares
    static async open(load, shared = null) {
      const meta = await load("meta.json");
      if (shared) for (const k of ["names", "names_by_len", "spellings", "t2s", "fold"]) meta[k] = shared[k];
      return new Engine(meta, load);
    }

    file(rel) {
      if (!this.files.has(rel)) this.files.set(rel, this.load(rel));
      return this.files.get(rel);
    }

    // -- the matching form of a query (normalize.query_norm)
    norm(text) {
      return cps(text).map((ch) => this.t2s.get(ch) || ch).join("").toLowerCase();
    }

    // -- the store
    async df(tokens) {
      const shards = dedupe(tokens.filter((t) => !this.df_.has(t)).map((t) => fnv1a(cps(t)[0]) % this.meta.vocab_shards));
      const loaded = await Promise.all(shards.map((k) => this.file(`v/${k}.json`).catch(() => ({}))));
      for (const part of loaded) for (const [t, d] of Object.entries(part)) this.df_.set(t, d);
      const out = new Map();
      for (const t of tokens) {
        if (!this.df_.has(t)) this.df_.set(t, 0);
        if (this.df_.get(t)) out.set(t, this.df_.get(t));
      }
      return out;
    }

    async postings(t) {
      if (this.postingsOf.has(t)) return this.postingsOf.get(t);
      const shard = await this.file(`p/${fnv1a(t) % this.meta.post_shards}.json`).catch(() => ({}));
      const entry = shard[t];
      const ids = [];
      if (entry) {
        let last = 0;
        entry[0].forEach((gap, k) => {
          last += gap;
          ids.push(last);
          this.lengths.set(last, entry[1][k]);
        });
        this.countsOf.set(t, entry[2]);
      }
      this.postingsOf.set(t, ids);
      return ids;
    }

    async counts(t) {
      await this.postings(t);
      return this.countsOf.get(t) || [];
    }

    async wordsOfLen(n) {
      if (!this.meta.lengths.includes(n)) return [];
      const [words, dfs] = await this.file(`l/${n}.json`);
      words.forEach((w, k) => this.df_.set(w, dfs[k]));
      return words;
    }

    paperOf(i) {
      let lo = 0, hi = this.starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (this.starts[mid] <= i) lo = mid;
        else hi = mid - 1;
      }
      return this.meta.papers[lo];
    }

    kindOf(i) {
      const p = this.paperOf(i);
      let start = p[1];
      for (let k = 0; k < this.meta.kinds.length; k++) {
        start += p[3 + k];
        if (i < start) return this.meta.kinds[k];
      }
      return null;
    }

    async rows(ids) {
      const B = this.meta.block;
      const blocks = dedupe(ids.map((i) => Math.floor(i / B)));
      const loaded = await Promise.all(blocks.map((b) => this.file(`i/${b}.json`)));
      const byBlock = new Map(blocks.map((b, k) => [b, loaded[k]]));
      const out = new Map();
      for (const i of ids) {
        const r = byBlock.get(Math.floor(i / B))[i % B];
        out.set(i, { id: r[0], kind: r[1], paper: r[2], text: r[3], quote: r[4], url: r[5], ntext: r[6] });
      }
      return out;
    }

    async filterSet(prefix, list, name) {
      const k = list.indexOf(name);
      if (k < 0) return new Set();
      const gaps = await this.file(`f/${prefix}${k}.json`);
      const out = new Set();
      let last = 0;
      for (const g of gaps) out.add((last += g));
      return out;
    }

    // -- query analysis (engine.SearchIndex)
    known(w) {
      return (this.df_.get(w) || 0) > 0;
    }

    async learnVocab(text) {
      const ch = cps(text);
      const cands = new Set(ch);
      for (let i = 0; i < ch.length; i++)
        for (let n = 2; n <= this.meta.max_word && i + n <= ch.length; n++) cands.add(ch.slice(i, i + n).join(""));
      await this.df(Array.from(cands));
    }

    async segment(text, names = true) {
      const out = [];
      await this.learnVocab(text);
      for (const chunk of text.match(/[a-z0-9][a-z0-9+/.'\-]*|[^\sa-z0-9]+/g) || []) {
        if (/^[a-z0-9]/.test(chunk)) {
          out.push(chunk);
          continue;
        }
        const ch = cps(chunk);
        let i = 0, pending = "";
        while (i < ch.length) {
          for (let n = Math.min(this.meta.max_word, ch.length - i); n > 0; n--) {
            const w = ch.slice(i, i + n).join("");
            if (n === 1 || this.known(w) || (names && this.names.has(w))) {
              if (n === 1 && !isNonWord(w)) pending += w;
              else {
                if (pending) {
                  out.push(pending);
                  pending = "";
                }
                if (!allNonWord(w)) out.push(w);
              }
              i += n;
              break;
            }
          }
        }
        if (pending) out.push(pending);
      }
      return out;
    }

    async occurs(text) {
      if (!text) return this.n > 0;
      const toks = dedupe(await this.segment(text));
      if (!toks.length || toks.some((t) => !this.known(t))) return false;
      if (toks.length === 1 && toks[0] === text) return true;
      let common = null;
      for (const t of toks) {
        const post = new Set(await this.postings(t));
        common = common === null ? post : new Set([...common].filter((i) => post.has(i)));
        if (!common.size) return false;
      }
      const pool = [...common].sort((a, b) => this.lengths.get(a) - this.lengths.get(b) || a - b).slice(0, this.meta.occurs_pool);
      const texts = await this.rows(pool);
      return pool.some((i) => texts.get(i).ntext.includes(text));
    }

    async correct(word, context = "") {
      const w = cps(word);
      if (w.length === 2) {
        const cands = (await this.wordsOfLen(2)).filter((c) => {
          const x = cps(c);
          return (x[0] === w[0] || x[1] === w[1]) && c !== word;
        });
        cands.sort((a, b) => this.df_.get(b) - this.df_.get(a) || cmp(a, b));
        if (context) {
          for (const c of cands.slice(0, 20)) {
            if (await this.occurs(replaceAll(context, word, c))) return c;
          }
        }
        return cands.length ? cands[0] : null;
      }
      const words = [];
      for (const n of [w.length - 1, w.length, w.length + 1]) words.push(...(await this.wordsOfLen(n)));
      return extractOne(word, words, 70);
    }

    async expand(q) {
      const phrases = [], notes = [], kept = [];
      let rest = q;
      for (const name of this.namesByLen) {
        if (cplen(name) >= 2 && rest.includes(name)) {
          const zhs = this.names.get(name);
          for (const zh of zhs) {
            if (name !== zh) {
              // an English name, abbreviation or alias: search its term, in any spelling
              phrases.push(zh, ...(this.spellings.get(zh) || []));
              notes.push(`${name} → ${zh}`);
            }
          }
          if (zhs.some((zh) => name !== zh)) {
            rest = replaceAll(rest, name, " ");
            if ((await this.df([name])).get(name)) kept.push(name); // printed as such too: a word of its own
          }
        }
      }
      let compact = q.replace(/\s+/g, "");
      if (!phrases.length && !(await this.occurs(compact))) {
        const qlen = cplen(q);
        const names = Array.from(this.names.keys()).filter((n) => Math.abs(cplen(n) - qlen) <= 1);
        let best = extractOne(q, names, 75);
        if (best === null && !q.includes(" ")) {
          const clen = cplen(compact);
          const words = [];
          for (const n of [clen - 1, clen, clen + 1]) if (n >= 2) words.push(...(await this.wordsOfLen(n)));
          best = extractOne(compact, words, 80);
        }
        if (best !== null && best !== q) {
          for (const zh of this.names.get(best) || [best]) phrases.push(zh);
          notes.push(`${q} ≈ ${best}`);
          rest = compact = ""; // the query is a typo: its own text is no phrase to look for
        }
      }
      const tokens = [];
      for (const t of await this.segment(rest)) {
        if (this.known(t)) tokens.push(t);
        else if (cplen(t) >= 2) {
          const fixed = await this.correct(t, compact);
          if (fixed) {
            tokens.push(fixed);
            notes.push(`${t} ≈ ${fixed}`);
          }
        }
      }
      tokens.push(...kept);
      for (const ph of phrases) for (const t of await this.segment(ph, false)) if (this.known(t)) tokens.push(t);
      if (cplen(compact) >= 2 && !/[a-z]/.test(q)) phrases.push(compact);
      return [dedupe(phrases), dedupe(tokens), notes];
    }

    // -- ranking
    async search(query, { kind = null, paper = null, topic = null, actor = null, limit = 10 } = {}) {
      const q = this.norm(query).trim();
      if (!q) return { hits: [], notes: [] };
      let [phrases, tokens, notes] = await this.expand(q);
      const { k1: K1, b: B, phrase_bonus: BONUS, kind_weight: KW } = this.meta;
      const n = this.n;
      const scores = new Map(), matched = new Map();
      const df = await this.df(tokens);
      const order = tokens.slice().sort((a, b) => (df.get(a) || 0) - (df.get(b) || 0));
      const sets = await Promise.all(order.map((t) => (df.get(t) ? this.postings(t) : [])));
      order.forEach((t, k) => {
        const post = sets[k];
        if (!post.length) return;
        const idf = Math.log(1 + (n - post.length + 0.5) / (post.length + 0.5));
        const common = post.length > n / 10 && scores.size > 0;
        const targets = common ? ((s) => Array.from(scores.keys()).filter((i) => s.has(i)))(new Set(post)) : post;
        for (const i of targets) {
          const denom = 1.0 + K1 * (1 - B + (B * this.lengths.get(i)) / this.avglen);
          scores.set(i, (scores.get(i) || 0) + (idf * (K1 + 1)) / denom);
          if (!matched.has(i)) matched.set(i, []);
          matched.get(i).push(t);
        }
      });
      const topicSet = topic ? await this.filterSet("t", this.meta.topics, topic) : null;
      const actorSet = actor ? await this.filterSet("a", this.meta.actors, actor) : null;
      const keep = (i) =>
        !(kind && this.kindOf(i) !== kind) && !(paper && this.paperOf(i)[0] !== paper) &&
        !(topicSet && !topicSet.has(i)) && !(actorSet && !actorSet.has(i));
      const round4 = (x) => Math.round(x * 1e4) / 1e4;
      const ranking = (k, among = null) => {
        const all = [];
        for (const [i, sc] of scores)
          if (keep(i) && (among === null || among.has(i))) all.push([round4(sc * (KW[this.kindOf(i)] || 1.0)), i]);
        all.sort((a, b) => b[0] - a[0] || a[1] - b[1]); // items are in id order: ties by id
        return all.slice(0, k);
      };
      const bonus = (i, c, ph) => {
        if (c) {
          scores.set(i, scores.get(i) + BONUS * (1 + 0.5 * Math.min(c - 1, 4)));
          matched.get(i).push(ph);
        }
      };
      phrases = phrases.filter((ph) => cplen(ph) >= 2);
      const words = await this.df(phrases);
      for (const ph of phrases) {
        if (!words.get(ph)) continue;
        const [ids, counts] = [await this.postings(ph), await this.counts(ph)];
        ids.forEach((i, k) => {
          if (scores.has(i)) bonus(i, counts[k], ph);
        });
      }
      const rest = phrases.filter((ph) => !words.get(ph));
      const pools = new Map();
      for (const ph of rest) {
        const wordsOfPh = dedupe(await this.segment(ph, false));
        if (!wordsOfPh.length || (await Promise.all(wordsOfPh.map(async (w) => (await this.df([w])).get(w)))).some((d) => !d)) continue;
        let among = new Set(await this.postings(wordsOfPh[0]));
        for (const w of wordsOfPh.slice(1)) {
          const post = new Set(await this.postings(w));
          among = new Set([...among].filter((i) => post.has(i)));
        }
        pools.set(ph, ranking(this.meta.phrase_pool, among).map(([, i]) => i));
      }
      const texts = await this.rows(dedupe([...pools.values()].flat()));
      for (const [ph, pool] of pools) for (const i of pool) bonus(i, countOf(texts.get(i).ntext, ph), ph);
      const ranked = ranking(limit);
      const rows = await this.rows(ranked.map(([, i]) => i));
      const hits = ranked.map(([score, i]) => Object.assign(rows.get(i), { score, matched: matched.get(i) || [] }));
      return { hits, notes };
    }
  }

  // engine.search_with_passages: items first; when fewer than ``limit`` match, the papers'
  // passages after them (``passages``: a function giving the passage engine, or null); the
  // notes are the items'
  async function searchWithPassages(engine, passages, query, opts = {}) {
    const limit = opts.limit || 10;
    const res = await engine.search(query, Object.assign({}, opts, { limit }));
    if (res.hits.length < limit && (!opts.kind || opts.kind === "passage") && !opts.topic && !opts.actor) {
      const more = passages ? await passages() : null;
      if (more) {
        const extra = await more.search(query, { paper: opts.paper || null, limit: limit - res.hits.length });
        res.hits = res.hits.concat(extra.hits);
      }
    }
    return res;
  }

  // -- the page (browser only)
  const KIND_LABELS = {
    claim: "论点 Claim", recommendation: "建议 Recommendation", statistic: "数据 Statistic", framework: "框架 Framework",
    passage: "段落 Passage",
  };

  const SNIPPET = 240; // characters of a result's text shown around its first match

  function highlightInto(el, text, words, norm) {
    const orig = cps(text);
    const nt = orig.map((ch) => norm(ch));
    const marks = new Array(orig.length).fill(false);
    if (nt.every((c) => cplen(c) === 1)) {
      const flat = nt;
      for (const w of dedupe(words).sort((a, b) => cplen(b) - cplen(a))) {
        const wc = cps(w);
        if (!wc.length) continue;
        for (let i = 0; i + wc.length <= flat.length; i++) {
          let ok = true;
          for (let j = 0; j < wc.length && ok; j++) ok = flat[i + j] === wc[j];
          if (ok) {
            for (let j = 0; j < wc.length; j++) marks[i + j] = true;
            i += wc.length - 1;
          }
        }
      }
    }
    // a long text is shown as a window of SNIPPET characters from just before its first match
    let from = 0;
    let to = orig.length;
    if (orig.length > SNIPPET) {
      const first = Math.max(0, marks.indexOf(true));
      from = Math.max(0, Math.min(first - 60, orig.length - SNIPPET));
      to = from + SNIPPET;
    }
    if (from > 0) el.appendChild(document.createTextNode("…"));
    let k = from;
    while (k < to) {
      let j = k;
      while (j < to && marks[j] === marks[k]) j++;
      const part = orig.slice(k, j).join("");
      if (marks[k]) {
        const m = document.createElement("mark");
        m.textContent = part;
        el.appendChild(m);
      } else el.appendChild(document.createTextNode(part));
      k = j;
    }
    if (to < orig.length) el.appendChild(document.createTextNode("…"));
  }

  function siteRoot() {
    const script = document.querySelector('script[src*="javascripts/pkb-search.js"]');
    return new URL("../", script ? script.src : location.href);
  }

  async function page(form) {
    const root = siteRoot();
    const stats = (window.pkbSearchStats = { bytes: 0, files: 0 });
    const load = async (rel) => {
      const r = await fetch(new URL("pkb-search/" + rel, root));
      if (!r.ok) throw new Error(rel + ": " + r.status);
      const text = await r.text();
      stats.bytes += new TextEncoder().encode(text).length;
      stats.files += 1;
      return JSON.parse(text);
    };
    const out = document.getElementById("pkb-search-results");
    const status = document.getElementById("pkb-search-status");
    const params = new URLSearchParams(location.search);
    const field = (name) => form.elements[name];
    for (const name of ["q", "kind", "paper", "topic", "actor"]) if (params.get(name) && field(name)) field(name).value = params.get(name);
    let engine;
    try {
      engine = await Engine.open(load);
    } catch (e) {
      status.textContent = "搜索索引无法加载 The search index could not be loaded.";
      return;
    }
    const fill = (sel, values, label) => {
      const want = params.get(sel.name) || sel.value;
      for (const v of values) {
        const o = document.createElement("option");
        o.value = Array.isArray(v) ? v[0] : v;
        o.textContent = label ? label(v) : o.value;
        sel.appendChild(o);
      }
      sel.value = want || "";
    };
    fill(field("kind"), engine.meta.kinds.concat(engine.meta.passages ? ["passage"] : []), (k) => KIND_LABELS[k] || k);
    fill(field("paper"), engine.meta.papers, (p) => (p[2] ? `${p[2]} (${p[0]})` : p[0]));
    fill(field("topic"), engine.meta.topics);
    fill(field("actor"), engine.meta.actors);
    const titles = new Map(engine.meta.papers.map((p) => [p[0], p[2] || p[0]]));
    let passageEngine = null;
    const passages = engine.meta.passages
      ? () => (passageEngine = passageEngine || Engine.open((rel) => load("passages/" + rel), engine.meta).catch(() => null))
      : null;
    const more = document.getElementById("pkb-search-more");
    let seq = 0, timer = null, limit = Math.max(10, Math.min(100, Number(params.get("n")) || 10));
    async function run() {
      const mine = ++seq;
      const q = field("q").value;
      const opts = { limit };
      const url = new URL(location.href);
      for (const name of ["q", "kind", "paper", "topic", "actor"]) {
        const v = field(name).value;
        if (name !== "q") opts[name] = v || null;
        if (v) url.searchParams.set(name, v);
        else url.searchParams.delete(name);
      }
      history.replaceState(null, "", url);
      if (more) more.hidden = true;
      if (!q.trim()) {
        out.replaceChildren();
        status.textContent = "";
        form.dataset.state = "idle";
        return;
      }
      form.dataset.state = "busy";
      const t0 = performance.now();
      const { hits, notes } = await searchWithPassages(engine, passages, q, opts);
      if (mine !== seq) return;
      const items = hits.map((h) => {
        const li = document.createElement("li");
        li.className = "pkb-hit";
        li.dataset.id = h.id;
        const head = document.createElement("div");
        head.className = "pkb-hit__head";
        const kind = document.createElement("span");
        kind.className = "pkb-hit__kind";
        kind.textContent = KIND_LABELS[h.kind] || h.kind;
        const link = document.createElement("a");
        link.className = "pkb-hit__link";
        const target = new URL(h.url, root);
        if (["http:", "https:", "file:"].includes(target.protocol)) link.href = target.href; // never a javascript: link
        link.textContent = h.kind === "passage" ? `${h.paper} § ${h.id.slice(h.paper.length + 1).replace(/\.p\d+$/, "")}` : h.id;
        const paper = document.createElement("span");
        paper.className = "pkb-hit__paper";
        paper.textContent = titles.get(h.paper) || h.paper;
        head.append(kind, " ", link, " · ", paper);
        const text = document.createElement("p");
        text.className = "pkb-hit__text";
        highlightInto(text, h.text, h.matched, (ch) => engine.norm(ch));
        li.append(head, text);
        return li;
      });
      out.replaceChildren(...items);
      const parts = [];
      if (notes.length) parts.push("查询 Query: " + notes.join("; "));
      parts.push(hits.length ? `${hits.length} 条结果 results` : "无结果 No results");
      status.textContent = parts.join(" · ");
      if (more) more.hidden = hits.length < limit;
      form.dataset.ms = String(Math.round(performance.now() - t0));
      form.dataset.doneAt = String(performance.now());
      form.dataset.state = "done";
    }
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      clearTimeout(timer);
      run();
    });
    if (more)
      more.addEventListener("click", () => {
        limit += 10;
        run();
      });
    form.addEventListener("input", () => {
      clearTimeout(timer);
      limit = 10;
      timer = setTimeout(run, 30);
    });
    form.addEventListener("change", () => {
      clearTimeout(timer);
      limit = 10;
      run();
    });
    run();
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { Engine, ratio, extractOne, fnv1a, searchWithPassages };
  } else if (typeof document !== "undefined") {
    const start = () => {
      const form = document.getElementById("pkb-search-form");
      if (form && !form.dataset.ready) {
        form.dataset.ready = "1";
        page(form);
      }
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
    // Material's instant navigation (if enabled) swaps pages without reloading scripts
    if (typeof document$ !== "undefined") document$.subscribe(start);
  }
})();
