/* gongshi's search worker, in place of Material's lunr worker.
 *
 * It speaks the messages of Material 9.8.2's bundle (SETUP → READY,
 * QUERY → RESULT) and answers with result items grouped by page, as
 * Material's result list expects. It searches the index that
 * hooks/gongshi/search.py built for the page's language (?lang=), fetching
 * only what a query needs: at the first search the manifest (search/LANG.json:
 * pages, section lengths, the site's Chinese words and their pinyin); for each
 * term the shard with its counts per section (search/LANG/tN.json); and the
 * text of the sections it shows (search/LANG/cN.json), so that a site of a
 * thousand areas does not send its whole text for one search.
 *
 * What matches, in a query's pieces (separated by spaces), all required:
 * - Chinese: the piece as written, anywhere, so a word inside a longer word is
 *   found (廉政 in 党风廉政). A piece that occurs nowhere as written is cut
 *   into the site's own words, each then required; a piece that cannot be
 *   cut into them matches nothing.
 * - Numbers: as whole numbers (56 is not in 56.4; 1720 is in 1,720).
 * - Latin words: by their stem (inspections finds inspection, overloaded
 *   finds overloading); on the Chinese site also by pinyin, full or initials
 *   (wangyueche, wyc → 网约车), the full pinyin of several words typed as
 *   one being cut like Chinese (jiaotongqiangshi → 交通 强市).
 * A page is a result when it holds every piece; pages are ranked by their best
 * section (BM25, a match in a title counting five times). The counts rank
 * every page that may match. The first pages, as many as READ_BYTES of text
 * allow (a screenful on this site), are read: checked (a Chinese piece
 * of three characters or more is counted through its pairs of characters,
 * which may all be in a section without the piece), shown with the text
 * around each match, and ranked again, a section holding the pieces close
 * together as a phrase counting twice. Pages past those are listed by their
 * title, as counted: on a site of a thousand areas, a long Chinese piece may
 * list a page there that holds its pairs but not the piece.
 */
"use strict"

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
const TITLE_WEIGHT = 5
const K1 = 1.2, B = 0.75
const NEAR = 12                        /* characters between terms that still read as one phrase */
const PHRASE_BOOST = 2                 /* for a section that holds the terms as a phrase */
const SNIPPET = 120                    /* characters of text shown with a result */
const SHOWN = 10                       /* pages read at a time: a screen of results, */
const READ_BYTES = 80000               /* while the text read for them stays under this, */
const CHECK_BYTES = 40000              /* and this for learning whether long Chinese pieces occur */
const CHECKED = 3                      /* chunks of text read at a time for that */
const SECTIONS_READ = 6                /* of a page: those it counts best */
const STOP_WORDS = new Set(
  "a an and are as at be by for from has have in is it its of on or that the their this to was were which with"
    .split(" "))
const HAN = /\p{sc=Han}/u
const ALL_HAN = /^\p{sc=Han}+$/u
const RUN = /(\p{sc=Han}+)|(\d+(?:[.,]\d+)*)|(\p{sc=Latin}+)/gu

let index
let answered = Promise.resolve()

addEventListener("message", async ({ data: message }) => {
  if (message.type === SETUP) {
    const lang = new URL(location.href).searchParams.get("lang")
    const base = new URL(`${lang}/`, location.href)
    /* The manifest is asked for again at every page (a 304 when unchanged),
       and names the version of the parts, so that parts kept from an
       earlier build are never read with it. */
    index = prepare(await fetchJSON(new URL(`${lang}.json`, location.href), { cache: "no-cache" }), base)
    postMessage({ type: READY })
  } else if (message.type === QUERY) {
    /* One query after the other, each answered, so that the results of the
       last one typed are the last ones shown. */
    answered = answered.then(() => answer(message.data))
  }
})

async function answer(query) {
  let items = []
  try {
    items = await search(query)
  } catch (error) {
    console.error(error)                 /* a part that could not be fetched: no results, not a hang */
  }
  postMessage({ type: RESULT, data: { items } })
}

async function fetchJSON(url, options) {
  const response = await fetch(url, options)
  if (!response.ok)
    throw new Error(`${url}: ${response.status}`)
  return response.json()
}

/* ----------------------------------------------------------------------------
 * Text
 * ------------------------------------------------------------------------- */

/* Lower case, full-width letters and digits as ASCII: one character for one,
   so that a position in folded text is a position in the text shown. */
function fold(text) {
  return text
    .replace(/[\uff01-\uff5e]/g, c => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\p{Lu}/gu, c => {
      const lower = c.toLowerCase()
      return lower.length === c.length ? lower : c
    })
}

/* Latin words with where they are and their stem. */
function words(folded) {
  return Array.from(folded.matchAll(/\p{sc=Latin}+/gu), m => ({
    start: m.index, end: m.index + m[0].length, stem: stem(m[0])
  }))
}

function escapeHTML(text) {
  return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)
}

/* ----------------------------------------------------------------------------
 * Index
 * ------------------------------------------------------------------------- */

function prepare({ pages, lengths, chunks, shards, words: vocabulary, pinyin, version }, base) {
  /* Pinyin, full and initials (of words of three syllables or more: shorter
     ones would stand for too many words), to the words read so. */
  const readings = new Map()
  const read = (key, word) => readings.set(key, [...readings.get(key) || [], word])
  vocabulary.forEach((word, i) => {
    const syllables = pinyin[i].split(" ")
    read(syllables.join(""), word)
    if (syllables.length > 2)
      read(syllables.map(s => s[0]).join(""), word)
  })

  /* Sections are numbered in page order: a page's run from its first. */
  const pageOf = new Int32Array(lengths.length)
  const chunkOf = new Int32Array(lengths.length)
  const pageList = pages.map(([location, title, first], p) => {
    const end = p + 1 < pages.length ? pages[p + 1][2] : lengths.length
    pageOf.fill(p, first, end)
    return { location, title, first, end, length: lengths.slice(first, end).reduce((a, b) => a + b, 0) }
  })
  chunks.forEach(([first], c) => chunkOf.fill(c, first, c + 1 < chunks.length ? chunks[c + 1][0] : lengths.length))

  return {
    base,
    version,
    pages: pageList,
    pageOf,
    chunkOf,
    chunkFirst: chunks.map(([first]) => first),
    chunkBytes: chunks.map(([, bytes]) => bytes),
    lengths,
    shardCount: shards,
    vocabulary: new Set(vocabulary),
    readings,
    average: lengths.reduce((sum, n) => sum + n, 0) / Math.max(1, lengths.length),
    shards: new Map(),                 /* shard number → its keys, fetched once */
    postings: new Map(),               /* key → Map(section → [in title, in text]) */
    chunks: new Map(),                 /* chunk number → its sections, fetched once */
    sections: new Map()                /* section number → the section, read */
  }
}

function part(name) {
  const url = new URL(name, index.base)
  url.searchParams.set("v", index.version)
  return url
}

/* Which shard holds a key: FNV-1a over its UTF-16 code units, or over its
   first character if it is Chinese (gongshi.terms.shard). */
function shardOf(key) {
  const first = String.fromCodePoint(key.codePointAt(0))
  const hashed = HAN.test(first) ? first : key
  let h = 0x811c9dc5
  for (let i = 0; i < hashed.length; i++)
    h = Math.imul(h ^ hashed.charCodeAt(i), 0x01000193) >>> 0
  return h % index.shardCount
}

function shard(n) {
  if (!index.shards.has(n))
    index.shards.set(n, fetchJSON(part(`t${n}.json`)))
  return index.shards.get(n)
}

/* A key's counts: Map(section → [in title, in text]). */
async function postings(key) {
  if (!index.postings.has(key))
    index.postings.set(key, decode((await shard(shardOf(key)))[key]))
  return index.postings.get(key)
}

function decode(flat) {
  const counts = new Map()
  let section = 0
  for (let i = 0; flat && i < flat.length; i += 3) {
    section += flat[i]
    counts.set(section, [flat[i + 1], flat[i + 2]])
  }
  return counts
}

/* A Chinese character alone: the keys that begin with it, all in its shard. */
async function character(c) {
  const keys = Object.keys(await shard(shardOf(c))).filter(key => key.startsWith(c))
  return sum(await Promise.all(keys.map(postings)))
}

/* Counts of several terms added up. */
function sum(maps) {
  const counts = new Map()
  for (const map of maps)
    for (const [section, [title, text]] of map) {
      const [t, x] = counts.get(section) || [0, 0]
      counts.set(section, [t + title, x + text])
    }
  return counts
}

/* Read the sections given by number (their chunks), once. */
async function read(numbers) {
  for (const c of unfetched(numbers))
    index.chunks.set(c, fetchJSON(part(`c${c}.json`)).then(entries => {
      let number = index.chunkFirst[c]
      for (const [location, title, text, continued] of entries)
        index.sections.set(number++, loadedSection(location, title, text, continued))
    }))
  await Promise.all(numbers.map(s => index.chunks.get(index.chunkOf[s])))
}

/* A section as read: its fields folded, their Latin words. A long section
   comes in parts; a part after the first is searched for its text only. */
function loadedSection(location, title, text, continued) {
  const fields = [continued ? "" : fold(title), fold(text)]
  return {
    location, title, text, fields, words: fields.map(words),
    page: location.split("#")[0], length: fields[0].length + text.length
  }
}

/* The chunks of these sections not yet fetched. */
function unfetched(numbers) {
  return [...new Set(numbers.map(s => index.chunkOf[s]))].filter(c => !index.chunks.has(c))
}

function chunkSize(numbers) {
  return unfetched(numbers).reduce((sum, c) => sum + index.chunkBytes[c], 0)
}

/* ----------------------------------------------------------------------------
 * Query
 * ------------------------------------------------------------------------- */

/* What a query asks for: a list of terms, each of which a page must hold.
   A term counts its occurrences per section (count), and finds its ranges in
   one field of a section that has been read (find). */
async function parse(query) {
  const pieces = fold(query.normalize("NFKC")).split(/\s+/).filter(Boolean)

  /* Pinyin typed in syllables: wang yue che */
  const joined = pieces.join("")
  if (pieces.length > 1 && /^[a-z]+$/.test(joined) && index.readings.has(joined))
    return [word(joined)]

  const terms = []
  for (const piece of pieces) {
    const phrase = piece.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")
    for (const [, han, number, run] of ALL_HAN.test(phrase) ? [[phrase, phrase]] : phrase.matchAll(RUN))
      if (han)
        terms.push(...await chinese(han))
      else if (number)
        terms.push(whole(number))
      else
        terms.push(...await latin(run))
  }

  /* Little words count only in a query of nothing else. */
  const content = terms.filter(term => !STOP_WORDS.has(term.key))
  return content.length ? content : terms
}

/* Chinese as written when it occurs; else cut into the site's words. A
   single character typed alone is looked for as it is. A run the site's
   words cannot cover becomes a term that matches nothing. */
async function chinese(run) {
  if ([...run].length === 1 || await occurs(text(run)))
    return [text(run)]
  const words = cut(run, piece => index.vocabulary.has(piece))
  return words ? words.map(text) : [nothing(run)]
}

/* Whether a term occurs anywhere. Counts through pairs of characters may
   promise more than there is: then the sections most likely to hold the term
   are read, as much as one search may read; if that is not enough to tell,
   the term is taken as written. */
async function occurs(term) {
  const counts = await term.count()
  if (term.exact || !counts.size)
    return counts.size > 0
  const density = ([s, [title, text]]) => (title + text) / index.lengths[s]
  const likely = [...counts].sort((a, b) => density(b) - density(a)).map(([s]) => s)
  const chunks = [...new Set(likely.map(s => index.chunkOf[s]))]
  let fetched = 0
  for (let start = 0; start < chunks.length; start += CHECKED) {
    const group = chunks.slice(start, start + CHECKED)
    const sections = likely.filter(s => group.includes(index.chunkOf[s]))
    const size = chunkSize(sections)
    if (fetched && fetched + size > CHECK_BYTES)
      return true
    fetched += size
    await read(sections)
    if (sections.some(s => term.find(index.sections.get(s), 0).length || term.find(index.sections.get(s), 1).length))
      return true
  }
  return false
}

/* A Latin word; on the Chinese site, pinyin of several words typed as one
   (jiaotongqiangshi) when the word itself is found nowhere. */
async function latin(run) {
  const term = word(run)
  if (index.readings.size && !(await term.count()).size) {
    const keys = cut(run, piece => index.readings.has(piece))
    if (keys)
      return keys.map(word)
  }
  return [term]
}

/* `run` as the fewest known pieces of two characters or more, or null. */
function cut(run, known) {
  const best = [[]]
  for (let end = 2; end <= run.length; end++)
    for (let start = 0; start <= end - 2; start++)
      if (best[start] && known(run.slice(start, end))
        && (!best[end] || best[start].length + 1 < best[end].length))
        best[end] = [...best[start], run.slice(start, end)]
  return best[run.length] || null
}

/* Chinese as written, anywhere. Counted exactly for one or two characters;
   for more, at most the fewest of its pairs. */
function text(needle) {
  const characters = [...needle]
  let counted
  return {
    key: needle,
    exact: characters.length < 3,
    count: () => counted = counted || (async () => {
      if (characters.length === 1)
        return character(needle)
      const pairs = await Promise.all(characters.slice(1).map((c, i) => postings(characters[i] + c)))
      const counts = new Map()
      for (const section of pairs[0].keys()) {
        const all = pairs.map(pair => pair.get(section))
        if (all.every(Boolean))
          counts.set(section, [0, 1].map(f => Math.min(...all.map(c => c[f]))))
      }
      return counts
    })(),
    find: (section, field) => {
      const ranges = []
      for (let i = section.fields[field].indexOf(needle); i >= 0;
        i = section.fields[field].indexOf(needle, i + needle.length))
        ranges.push([i, i + needle.length])
      return ranges
    }
  }
}

/* A number as a whole number, with or without thousands separators. */
function whole(number) {
  const [integer, fraction] = number.replace(/,/g, "").split(".")
  const pattern = integer.split("").join(",?") + (fraction ? `\\.${fraction}` : "")
  const regex = new RegExp(`(?<![\\d.,])${pattern}(?![\\d]|[.,]\\d)`, "g")
  return {
    key: number,
    exact: true,
    count: () => postings("#" + number.replace(/,/g, "")),
    find: (section, field) =>
      Array.from(section.fields[field].matchAll(regex), m => [m.index, m.index + m[0].length])
  }
}

/* A Latin word by its stem, or the Chinese words it is the pinyin of. */
function word(latin) {
  const root = stem(latin)
  const chinese = (index.readings.get(latin) || []).map(text)
  let counted
  return {
    key: latin,
    exact: chinese.every(term => term.exact),
    count: () => counted = counted || Promise.all([postings(root), ...chinese.map(term => term.count())]).then(sum),
    find: (section, field) => [
      ...section.words[field].filter(w => w.stem === root).map(w => [w.start, w.end]),
      ...chinese.flatMap(term => term.find(section, field))
    ]
  }
}

function nothing(key) {
  return { key, exact: true, count: async () => new Map(), find: () => [] }
}

/* ----------------------------------------------------------------------------
 * Search
 * ------------------------------------------------------------------------- */

async function search(query) {
  const terms = await parse(query)
  if (!terms.length)
    return []
  const counts = await Promise.all(terms.map(term => term.count()))
  const total = index.lengths.length
  const idf = counts.map(c => Math.log(1 + (total - c.size + 0.5) / (c.size + 0.5)))

  /* Every page that may hold every term, ranked by its counts */
  const pages = new Map()
  counts.forEach((map, t) => {
    for (const [s, [title, text]] of map) {
      const p = index.pageOf[s]
      const page = pages.get(p) || { index: p, held: new Set(), scores: new Map(), score: 0 }
      page.held.add(t)
      page.scores.set(s, (page.scores.get(s) || 0) + idf[t] * bm25(TITLE_WEIGHT * title + text, index.lengths[s]))
      pages.set(p, page)
    }
  })
  const ranked = [...pages.values()].filter(page => page.held.size === terms.length)
  ranked.forEach(page => page.score = Math.max(...page.scores.values()))
  ranked.sort(byScore)

  /* The first pages read: checked, and ranked on what they hold */
  const shown = [], unread = []
  let fetched = 0
  while (ranked.length) {
    let batch = ranked.slice(0, SHOWN), wanted = batch.flatMap(toRead)
    while (batch.length > 1 && fetched + chunkSize(wanted) > READ_BYTES) {
      batch = batch.slice(0, -1)
      wanted = batch.flatMap(toRead)
    }
    const size = chunkSize(wanted)
    if (fetched && fetched + size > READ_BYTES)
      break
    fetched += size
    await read(wanted)
    ranked.splice(0, batch.length)
    for (const page of batch) {
      const found = check(page, terms, idf)
      if (found)
        shown.push(found)
      else if (toRead(page).length < page.scores.size)
        unread.push(page)              /* not found in what was read, but may be in the rest */
    }
  }
  ranked.unshift(...unread)
  shown.sort(byScore)
  return [...shown.map(result), ...ranked.map(listed)]
}

/* What is read of a page: the sections it counts best. */
function toRead(page) {
  return [...page.scores].sort((a, b) => b[1] - a[1]).slice(0, SECTIONS_READ).map(([s]) => s)
}

/* A page's own section when it is not read (the terms are only in sections
   below it): its title, without its text. */
function heading(p) {
  const { location, title } = index.pages[p]
  return loadedSection(location, title, "", false)
}

function bm25(tf, length) {
  return tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / index.average))
}

function byScore(a, b) {
  return b.score - a.score || index.pages[a.index].length - index.pages[b.index].length
}

/* A page read: where each term is in the sections read, and its score;
   null if it does not hold every term (a term that is not counted exactly
   must be found in the sections read). */
function check(page, terms, idf) {
  const held = new Set(terms.flatMap((term, t) => term.exact ? [t] : []))
  const numbers = toRead(page)
  const read = numbers.map(s => index.sections.get(s))
  if (!numbers.includes(index.pages[page.index].first))
    read.unshift(heading(page.index))
  const sections = read.map(section => {
    const ranges = terms.map(term => [term.find(section, 0), term.find(section, 1)])
    let score = 0
    ranges.forEach(([title, text], t) => {
      if (title.length + text.length)
        held.add(t)
      score += idf[t] * bm25(TITLE_WEIGHT * title.length + text.length, section.length)
    })
    if (near(ranges.map(f => f[0])) || near(ranges.map(f => f[1])))
      score *= PHRASE_BOOST
    return { section, score, ranges }
  })
  if (held.size < terms.length)
    return null
  return { index: page.index, sections, score: Math.max(...sections.map(s => s.score)) }
}

/* A page past those read: its title, as counted. */
function listed(page) {
  const { location, title } = index.pages[page.index]
  return [{ location, title: escapeHTML(title), text: "", score: page.score, terms: {} }]
}

/* Whether two terms or more are all found close together in one field. */
function near(ranges) {
  if (ranges.length < 2 || ranges.some(list => !list.length))
    return false
  const length = ranges.reduce((sum, list) => sum + list[0][1] - list[0][0], 0)
  const found = ranges.flatMap((list, term) => list.map(([start, end]) => ({ start, end, term })))
    .sort((a, b) => a.start - b.start)
  const seen = new Map()
  for (const { start, end, term } of found) {
    seen.set(term, start)
    if (seen.size === ranges.length && end - Math.min(...seen.values()) <= length + NEAR * (ranges.length - 1))
      return true
  }
  return false
}

/* One page's items: its matching sections, best first, and the page itself. */
function result(page) {
  const terms = {}
  const items = page.sections
    .filter(({ section, score }) => score > 0 || section.location === section.page)
    .sort((a, b) => b.score - a.score)
    /* The best part of a section read in parts */
    .filter(({ section }, i, all) => all.findIndex(other => other.section.location === section.location) === i)
    .map(({ section, score, ranges }) => {
      const [title, text] = [0, 1].map(field => merge(ranges.flatMap(r => r[field])))
      const matched = {}
      for (const [field, spans] of [[section.title, title], [section.text, text]])
        for (const [start, end] of spans)
          matched[field.slice(start, end)] = terms[field.slice(start, end)] = true
      return {
        location: section.location,
        title: mark(section.title, title, 0, section.title.length),
        text: snippet(section.text, text),
        score,
        terms: matched
      }
    })
  /* The page's own link highlights everything found on the page. */
  items.find(item => item.location === index.pages[page.index].location).terms = terms
  return items
}

function merge(ranges) {
  const merged = []
  for (const [start, end] of ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]))
    if (!merged.length || start >= merged[merged.length - 1][1])
      merged.push([start, end])
  return merged
}

/* The text around the first match, as HTML, with the matches marked. */
function snippet(text, ranges) {
  let start = ranges.length ? Math.max(0, ranges[0][0] - SNIPPET / 3) : 0
  if (start > 0) {
    const space = text.indexOf(" ", start)
    if (space >= 0 && space < ranges[0][0] && space - start < 20)
      start = space + 1
  }
  const end = Math.min(text.length, start + SNIPPET)
  return text ? `<p>${start > 0 ? "…" : ""}${mark(text, ranges, start, end)}${end < text.length ? "…" : ""}</p>` : ""
}

function mark(text, ranges, start, end) {
  let html = "", at = start
  for (const [from, to] of ranges) {
    if (to <= at || from >= end)
      continue
    html += escapeHTML(text.slice(at, Math.max(at, from)))
    html += `<mark>${escapeHTML(text.slice(Math.max(at, from), Math.min(to, end)))}</mark>`
    at = Math.min(to, end)
  }
  return html + escapeHTML(text.slice(at, end))
}

/* ----------------------------------------------------------------------------
 * English stems: the inflectional steps of Porter's algorithm (1a–c and 5),
 * after spelling -ise as -ize. Without its derivational steps, which would
 * take integrity for integration, or policy for police.
 * ------------------------------------------------------------------------- */

const c = "[^aeiou]", v = "[aeiouy]", C = `${c}[^aeiouy]*`, V = `${v}[aeiou]*`
const M_GT_0 = new RegExp(`^(${C})?${V}${C}`)
const M_EQ_1 = new RegExp(`^(${C})?${V}${C}(${V})?$`)
const M_GT_1 = new RegExp(`^(${C})?${V}${C}${V}${C}`)
const HAS_VOWEL = new RegExp(`^(${C})?${v}`)
const CVC = new RegExp(`^${C}${v}[^aeiouwxy]$`)

function stem(word) {
  word = word.replace(/([iy])s(e|es|ed|ing)$/, "$1z$2")
  if (word.length < 3)
    return word
  const y = word[0] === "y"
  if (y)
    word = "Y" + word.slice(1)
  let m

  /* Step 1a: plurals */
  if ((m = /^(.+?)(ss|i)es$/.exec(word)))
    word = m[1] + m[2]
  else if ((m = /^(.+?)([^s])s$/.exec(word)))
    word = m[1] + m[2]

  /* Step 1b: -ed, -ing */
  if ((m = /^(.+?)eed$/.exec(word))) {
    if (M_GT_0.test(m[1]))
      word = word.slice(0, -1)
  } else if ((m = /^(.+?)(ed|ing)$/.exec(word)) && HAS_VOWEL.test(m[1])) {
    word = m[1]
    if (/(at|bl|iz)$/.test(word))
      word += "e"
    else if (/([^aeiouylsz])\1$/.test(word))
      word = word.slice(0, -1)
    else if (CVC.test(word))
      word += "e"
  }

  /* Step 1c: -y */
  if ((m = /^(.+?)y$/.exec(word)) && HAS_VOWEL.test(m[1]))
    word = m[1] + "i"

  /* Step 5: a final -e, and -ll */
  if ((m = /^(.+?)e$/.exec(word))
    && (M_GT_1.test(m[1]) || (M_EQ_1.test(m[1]) && !CVC.test(m[1]))))
    word = m[1]
  if (/ll$/.test(word) && M_GT_1.test(word))
    word = word.slice(0, -1)

  return y ? "y" + word.slice(1) : word
}
