/* gongshi's search worker, in place of Material's lunr worker.
 *
 * It speaks the messages of Material 9.8.2's bundle (SETUP → READY,
 * QUERY → RESULT) and answers with result items grouped by page, as
 * Material's result list expects. It searches the index that
 * hooks/gongshi/search.py built for the page's language (?lang=), fetching
 * only what a query needs: at the first search the manifest (search/LANG.json:
 * pages, section lengths, the site's Chinese words and their pinyin, the
 * traditional characters its text may be typed in); for each term the shard
 * with its counts per section (search/LANG/tN.json); and the text of the
 * sections it shows (search/LANG/cN.json), so that a site of a thousand areas
 * does not send its whole text for one search.
 *
 * What matches, in a query's pieces (separated by spaces), all required:
 * - Chinese: traditional characters first converted to the site's simplified
 *   ones (交通運輸 → 交通运输; gongshi.traditional). Then the piece as written,
 *   anywhere, so a word inside a longer word is found (廉政 in 党风廉政). A
 *   piece that occurs nowhere as written is cut into the site's own words,
 *   each then required; a piece that cannot be cut into them matches nothing.
 * - Numbers: as whole numbers (56 is not in 56.4; 1720 is in 1,720), written
 *   in digits or in Chinese numerals either side (二十九 finds 29, 117 finds
 *   一百一十七). Chinese and numbers side by side (二十九个问题, 2024年) are
 *   looked for so; where they occur nowhere so, each apart.
 * - Latin words: by their stem (inspections finds inspection, overloaded
 *   finds overloading); on the Chinese site also by pinyin, full or initials
 *   (wangyueche, wyc → 网约车), full pinyin also with the fuzzy sounds of
 *   Chinese input methods (模糊音: shasi → 砂石 sha shi, lianzhen → 廉政), the
 *   full pinyin of several words typed as one being cut like Chinese
 *   (jiaotongqiangshi → 交通 强市). Pages that hold a word as typed come
 *   before those that hold it only with fuzzy sounds.
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
 *
 * Every step takes time in proportion to the query's length, so that a page
 * of text pasted into the box is answered at once; and the last query typed
 * is the one answered: one still being answered when another comes stops at
 * its next fetch, and its answer is never sent.
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
const PAIRS = 32                       /* pairs of characters counted at a time */
const PASTED = 100                     /* characters of a query that was pasted, not typed, */
const PREFETCHED = 16                  /* and the shards fetched at once for its characters */
const STOP_WORDS = new Set(
  "a an and are as at be by for from has have in is it its of on or that the their this to was were which with"
    .split(" "))
const HAN = /\p{sc=Han}/u
const RUN = /(\p{sc=Han}+)|(\d+(?:[.,]\d+)*)|(\p{sc=Latin}+)/gu
/* Fuzzy sounds (模糊音), each folded to one: z/zh, c/ch, s/sh, n/l, r/l, f/h;
   an/ang, en/eng, in/ing, and so ian/iang, uan/uang. */
const FUZZY_INITIALS = { zh: "z", ch: "c", sh: "s", n: "l", r: "l", f: "h" }
const CONSONANTS = "bcdfghjklmnpqrstwxyz"
const LONGEST_SYLLABLE = 6             /* zhuang */

let index
let answered = Promise.resolve()
let received = 0                       /* queries received so far */
let asking = 0                         /* the one being answered */
const STALE = Symbol("a newer query came")

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
    /* One query after the other, so that a part of the index is fetched
       once; each answer says which query, by number, it answers. */
    const query = ++received
    answered = answered.then(() => answer(message.data, query))
  }
})

async function answer(text, query) {
  if (query !== received)
    return                               /* another came while it waited */
  asking = query
  let items = []
  try {
    items = await search(text)
  } catch (error) {
    if (error === STALE)
      return
    console.error(error)                 /* a part that could not be fetched: no results, not a hang */
  }
  if (query === received)
    postMessage({ type: RESULT, data: { items, query } })
}

/* Called after each wait: stops the query being answered when a newer one has come. */
function live() {
  if (asking !== received)
    throw STALE
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

/* Numbers with where they are and their key: digits without their thousands
   separators, and Chinese numerals by their value (gongshi.terms.counts). */
function numbers(folded) {
  const found = Array.from(folded.matchAll(/\d+(?:[.,]\d+)*/g), m => ({
    start: m.index, end: m.index + m[0].length, key: m[0].replace(/,/g, "")
  }))
  for (const m of folded.matchAll(/\p{sc=Han}+/gu))
    for (const { start, end, key } of numerals(m[0]))
      found.push({ start: m.index + start, end: m.index + end, key })
  return found
}

/* Where a run of Chinese characters writes a number in Chinese numerals, as
   gongshi.terms.numerals: a run of them that holds a unit and is two
   characters or more (二十九, 两千, 十一), digits before 年 (二〇二四年), or
   one digit before a measure word (三年, 两个); not a digit alone elsewhere
   (一岗双责) nor other digits without a unit (一一对应). */
const NUMERAL_RUN = /[零〇一二三四五六七八九十百千万亿两]+/g
const DIGIT_ALONE = "一二三四五六七八九十两"
const MEASURE_WORDS = "个项次名人件条家起批份处辆艘座台户所类种期级年月天日周轮本篇场元位支套张块"
const LARGEST = 1e15                   /* past this, numbers are not whole one for one */

function numerals(run) {
  const found = []
  for (const m of run.matchAll(NUMERAL_RUN)) {
    const numeral = m[0], after = run[m.index + numeral.length]
    if (numeral.length > 1 ? /[十百千万亿]/.test(numeral) || after === "年"
      : DIGIT_ALONE.includes(numeral) && after !== undefined && MEASURE_WORDS.includes(after)) {
      const value = numeralValue(numeral)
      if (value !== null)
        found.push({ start: m.index, end: m.index + numeral.length, key: String(value) })
    }
  }
  return found
}

/* The value of Chinese numerals as cn2an's "normal" mode reads them (the
   build's reader, whose answers a test holds this to): its written forms,
   with 两 and 〇, zeros left out (一万二十), spoken ones (一万二, 两千五), and
   digits alone (二〇二四). */
const DIGITS = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const UNITS = { 十: 10, 百: 100, 千: 1000, 万: 1e4, 亿: 1e8 }
const WRITTEN_NUMERAL = (() => {
  const zero = "[零〇]", digit = "[一二两三四五六七八九]"
  const to99 = `(${digit}?十${digit}?|${digit})`
  const to999 = `(${digit}百(${zero}${digit})?|${digit}百${digit}十${digit}?|${to99})`
  const thousands = `(${digit}千(${zero}${to99})?|${digit}千${digit}百(${zero}${digit})?|${digit}千${digit}百${digit}十${digit}?)`
  const to9999 = `(${thousands}|${to999})`
  const tenThousands = `(${to9999}万(${zero}${to999})?|${to9999}万${thousands})`
  const to1e8 = `(${tenThousands}|${to9999})`
  return new RegExp(`^(${zero}|${to1e8}亿(${zero}${to1e8})?|${to1e8}亿${tenThousands}|${to1e8})$`)
})()
const SPOKEN_NUMERAL = /^([零〇一二两三四五六七八九]{0,2}[十百千万亿])+[零〇一二两三四五六七八九]$/
const NEXT_UNIT = { 万: "千", 千: "百", 百: "十" }

function numeralValue(numeral) {
  const value = /[十百千万亿]/.test(numeral) ? withUnits(numeral) : Number(Array.from(numeral, c => DIGITS[c]).join(""))
  return value !== null && value < LARGEST ? value : null
}

/* Numerals with a unit, after cn2an's normalising of left-out zeros and ones. */
function withUnits(numeral) {
  let written = numeral.replace(/零十/g, "零一十").replace(/零百/g, "零一百")
    .replace(/万零(?=[零〇一二两三四五六七八九]千)/g, "万")
    .replace(/([万亿])([零〇一二两三四五六七八九][十百])/g, "$1零$2")
    .replace(/千([零〇一二两三四五六七八九]?十)/g, "千零$1")
    .replace(/百十/g, "百一十")
    .replace(/零十/g, "零一十")
  if (!WRITTEN_NUMERAL.test(written)) {
    const spoken = SPOKEN_NUMERAL.exec(written)
    const unit = spoken && NEXT_UNIT[spoken[1].slice(-1)]
    if (written.length < 3 || !unit)
      return null
    written += unit                      /* 一万二 is 一万二千 */
  }
  let value = 0, unit = 1, large = 1
  Array.from(written).reverse().forEach((c, i, all) => {
    if (c in DIGITS)
      value += DIGITS[c] * unit
    else {
      unit = UNITS[c]
      if (unit % 1e4 === 0) {
        if (unit > large)
          large = unit
        else
          unit = large = unit * large
      }
      if (unit < large)
        unit *= large
      if (i === all.length - 1)
        value += unit                    /* 十五 */
    }
  })
  return value
}

/* A syllable of pinyin with its fuzzy sounds folded: zhang → zan, neng → len.
   Any letters are folded as if they were one, so that what is typed can be
   tried against the site's syllables. */
function fuzzy(syllable) {
  const two = syllable.slice(0, 2)
  const initial = two === "zh" || two === "ch" || two === "sh" ? two
    : CONSONANTS.includes(syllable[0]) ? syllable[0] : ""
  const final = syllable.slice(initial.length)
  const n = final.length
  return (FUZZY_INITIALS[initial] || initial)
    + (n > 2 && final.endsWith("ng") && "aei".includes(final[n - 3]) ? final.slice(0, -1) : final)
}

/* ----------------------------------------------------------------------------
 * Index
 * ------------------------------------------------------------------------- */

function prepare({ pages, lengths, chunks, shards, words: vocabulary, pinyin, simplified, version }, base) {
  /* Pinyin, full and initials (of words of three syllables or more: shorter
     ones would stand for too many words), to the words read so; and the
     syllables of every word with their fuzzy sounds folded, as a tree. */
  const readings = new Map(), heard = syllable()
  const read = (key, word) => readings.set(key, [...readings.get(key) || [], word])
  let longestInitials = 0
  vocabulary.forEach((word, i) => {
    const syllables = pinyin[i].split(" ")
    read(syllables.join(""), word)
    if (syllables.length > 2) {
      read(syllables.map(s => s[0]).join(""), word)
      longestInitials = Math.max(longestInitials, syllables.length)
    }
    let node = heard
    for (const key of syllables.map(fuzzy))
      node = node.next.get(key) || node.next.set(key, syllable()).get(key)
    node.words.push(word)
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
    longestWord: vocabulary.reduce((most, word) => Math.max(most, word.length), 0),  /* as cut() slices */
    readings,
    longestInitials,
    heard,
    simplified: new Map(Object.entries(simplified)),
    simplifiedStarts: new Set(Object.keys(simplified).map(key => key[0])),  /* UTF-16 units, as toSimplified() looks */
    longestSimplified: Object.keys(simplified).reduce((most, key) => Math.max(most, [...key].length), 0),
    average: lengths.reduce((sum, n) => sum + n, 0) / Math.max(1, lengths.length),
    shards: new Map(),                 /* shard number → its keys, fetched once */
    starts: new Map(),                 /* shard number → its keys by their first character */
    postings: new Map(),               /* key → Map(section → [in title, in text]) */
    chunks: new Map(),                 /* chunk number → its sections, fetched once */
    sections: new Map()                /* section number → the section, read */
  }
}

function syllable() {
  return { next: new Map(), words: [] }
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

/* A key's counts: Map(section → [in title, in text]); once its shard is
   fetched, the Map itself, not a promise of it. */
function postings(key) {
  if (!index.postings.has(key))
    index.postings.set(key, shard(shardOf(key)).then(keys => {
      const counts = decode(keys[key])
      index.postings.set(key, counts)
      return counts
    }))
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
  const n = shardOf(c)
  if (!index.starts.has(n)) {
    const starts = new Map()             /* of a shard: its keys by their first character */
    for (const key of Object.keys(await shard(n))) {
      const first = String.fromCodePoint(key.codePointAt(0))
      starts.has(first) ? starts.get(first).push(key) : starts.set(first, [key])
    }
    index.starts.set(n, starts)
  }
  return sum(await Promise.all((index.starts.get(n).get(c) || []).map(postings)))
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

/* Counts of the sections that every map counts: the least of each. */
function common(maps) {
  const counts = new Map()
  const fewest = maps.reduce((a, b) => a.size <= b.size ? a : b)
  for (const section of fewest.keys()) {
    const all = maps.map(map => map.get(section))
    if (all.every(Boolean))
      counts.set(section, [0, 1].map(f => Math.min(...all.map(c => c[f]))))
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
    location, title, text, fields, words: fields.map(words), numbers: [null, null],
    page: location.split("#")[0], length: fields[0].length + text.length
  }
}

/* A field's numbers (numbers()), found when first asked for. */
function numbersIn(section, field) {
  return section.numbers[field] ??= numbers(section.fields[field])
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
  if (pieces.length > 1 && /^[a-z]+$/.test(joined) && spoken(joined).some(words => words.length))
    return [word(joined)]

  if (query.length > PASTED)
    await prefetch(pieces)

  const terms = new Map()                /* by key: a term typed twice is one */
  for (const piece of new Set(pieces)) {
    for (const group of await groups(piece))
      for (const term of await (group.latin ? latin(group.latin) : written(group.segments))) {
        /* Found nowhere: no page holds the query, whatever follows it. */
        if (!STOP_WORDS.has(term.key) && !(await term.count()).size)
          return [term]
        terms.set(term.key, term)
      }
    live()
  }

  /* Little words count only in a query of nothing else. */
  const all = [...terms.values()]
  const content = all.filter(term => !STOP_WORDS.has(term.key))
  return content.length ? content : all
}

/* Text pasted: what its pieces will need, fetched together rather than one
   after the other as they come. First the shards its Chinese characters are
   counted in (the first PREFETCHED, so that text found nowhere does not fetch
   them all); then, once its pieces of Chinese are counted, the text of the
   section each most likely holds it in, as much as one search reads. */
async function prefetch(pieces) {
  const wanted = new Set(Array.from(pieces.join(""), c => HAN.test(c) ? shardOf(c) : -1))
  wanted.delete(-1)
  for (const n of [...wanted].filter(n => !index.shards.has(n)).slice(0, PREFETCHED))
    shard(n)
  const runs = new Set(pieces.flatMap(piece => piece.match(/\p{sc=Han}{3,}/gu) || []))
  const counted = await Promise.all([...runs].map(run => text(toSimplified(run)).count()))
  live()
  const chunks = new Set(counted.filter(counts => counts.size).map(counts => index.chunkOf[mostLikely(counts)[0]]))
  let bytes = 0
  read([...chunks].filter(c => (bytes += index.chunkBytes[c]) <= READ_BYTES).map(c => index.chunkFirst[c]))
    .catch(() => {})                     /* a part that could not be fetched fails where it is read */
}

/* Sections by how densely they hold a term, as counted: the likeliest first. */
function mostLikely(counts) {
  const density = ([s, [title, text]]) => (title + text) / index.lengths[s]
  return [...counts].sort((a, b) => density(b) - density(a)).map(([s]) => s)
}

/* A piece's Latin words, each apart, and its Chinese and numbers, those side
   by side together: Chinese in the site's simplified characters, cut at its
   numerals, as segments ({text} or {number}, a number by its key). */
async function groups(piece) {
  const found = []
  let end = -1
  for (const m of piece.matchAll(RUN)) {
    const [, han, number, latin] = m
    if (latin) {
      found.push({ latin })
      continue
    }
    if (m.index !== end || !found.length || found[found.length - 1].latin)
      found.push({ segments: [] })
    const { segments } = found[found.length - 1]
    if (number)
      segments.push({ number: number.replace(/,/g, "") })
    else
      segments.push(...numbered(await simplified(han)))
    end = m.index + m[0].length
  }
  return found
}

/* A run of Chinese in the site's characters: traditional ones as simplified,
   but a character typed alone that the site has as it is stays. */
async function simplified(run) {
  const converted = toSimplified(run)
  if (converted === run || [...run].length > 1)
    return converted
  return (await text(run).count()).size ? run : converted
}

/* The longest key of the map (gongshi.traditional) at each place, else the character. */
function toSimplified(run) {
  if (!Array.prototype.some.call(run, c => index.simplifiedStarts.has(c)))
    return run                           /* as is, most often */
  const characters = Array.from(run)
  let converted = ""
  for (let at = 0; at < characters.length;) {
    let length = Math.min(index.longestSimplified, characters.length - at)
    while (length > 0 && !index.simplified.has(characters.slice(at, at + length).join("")))
      length--
    converted += length ? index.simplified.get(characters.slice(at, at + length).join("")) : characters[at]
    at += Math.max(length, 1)
  }
  return converted
}

/* A run of Chinese as text and the numbers its numerals write. */
function numbered(run) {
  const segments = []
  let at = 0
  for (const { start, end, key } of numerals(run)) {
    if (start > at)
      segments.push({ text: run.slice(at, start) })
    segments.push({ number: key })
    at = end
  }
  if (at < run.length)
    segments.push({ text: run.slice(at) })
  return segments
}

/* Chinese and numbers: one of them as below; several side by side
   (二十九个问题) as a sequence when it occurs, else each apart. */
async function written(segments) {
  if (segments.length > 1) {
    const term = sequence(segments)
    if (await occurs(term))
      return [term]
  }
  const terms = []
  for (const { text, number } of segments)
    terms.push(...(number === undefined ? await chinese(text) : [whole(number)]))
  return terms
}

/* Chinese as written when it occurs; else cut into the site's words. A
   single character typed alone is looked for as it is. A run the site's
   words cannot cover becomes a term that matches nothing. */
async function chinese(run) {
  if ([...run].length === 1 || await occurs(text(run)))
    return [text(run)]
  const words = cut(run, start => known(run, start, index.longestWord, piece => index.vocabulary.has(piece)))
  return words ? words.map(text) : [nothing(run)]
}

/* Whether a term occurs anywhere. Counts through pairs of characters may
   promise more than there is: then the sections most likely to hold the term
   are read, as much as one search may read; if that is not enough to tell,
   the term is taken as written. */
async function occurs(term) {
  const counts = await term.count()
  live()
  if (term.exact || !counts.size)
    return counts.size > 0
  const likely = mostLikely(counts)
  const chunks = [...new Set(likely.map(s => index.chunkOf[s]))]
  let fetched = 0
  for (let start = 0; start < chunks.length; start += CHECKED) {
    const group = new Set(chunks.slice(start, start + CHECKED))
    const sections = likely.filter(s => group.has(index.chunkOf[s]))
    const size = chunkSize(sections)
    if (fetched && fetched + size > CHECK_BYTES)
      return true
    fetched += size
    await read(sections)
    live()
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
    live()
    const heard = syllables(run)
    const keys = cut(run, start => [
      ...heardFrom(run, start, heard).map(([end]) => end),
      ...known(run, start, index.longestInitials, piece => index.readings.has(piece))
    ])
    if (keys)
      return keys.map(word)
  }
  return [term]
}

/* The words that `latin` is the pinyin of: [as read, only with fuzzy sounds]. */
function spoken(latin) {
  const read = index.readings.get(latin) || []
  const heard = heardFrom(latin, 0).filter(([end]) => end === latin.length).flatMap(([, node]) => node.words)
  return [read, [...new Set(heard)].filter(word => !read.includes(word))]
}

/* Where the pinyin of a word may end when it starts at `start`, with fuzzy
   sounds: [end, the node of the tree of syllables that holds the words].
   As deep as the longest word, whatever the length of what was typed.
   `heard(at, end)`: the fuzzy key of the letters from at to end. */
function heardFrom(latin, start, heard = syllables(latin)) {
  const found = [], ats = [start], nodes = [index.heard]
  while (ats.length) {
    const at = ats.pop(), node = nodes.pop()
    if (node.words.length && at > start)
      found.push([at, node])
    for (let end = at + 1; end <= Math.min(latin.length, at + LONGEST_SYLLABLE); end++) {
      const next = node.next.get(heard(at, end))
      if (next) {
        ats.push(end)
        nodes.push(next)
      }
    }
  }
  return found
}

/* The fuzzy keys of a run of letters' pieces of one syllable's length at
   most, each folded once however many words are tried from it. */
function syllables(latin) {
  const keys = []
  return (at, end) => keys[at * LONGEST_SYLLABLE + end - at - 1] ??= fuzzy(latin.slice(at, end))
}

/* Where a known piece of two characters or more that starts at `start` ends. */
function known(run, start, longest, isKnown) {
  const ends = []
  for (let end = start + 2; end <= Math.min(run.length, start + longest); end++)
    if (isKnown(run.slice(start, end)))
      ends.push(end)
  return ends
}

/* `run` as the fewest known pieces, or null: ends(start) says where the
   known pieces that start there end. Of as many pieces, the longest last. */
function cut(run, ends) {
  const pieces = new Array(run.length + 1).fill(Infinity)
  const from = new Int32Array(run.length + 1)
  pieces[0] = 0
  for (let start = 0; start < run.length; start++)
    if (pieces[start] < Infinity)
      for (const end of ends(start))
        if (pieces[start] + 1 < pieces[end]) {
          pieces[end] = pieces[start] + 1
          from[end] = start
        }
  if (pieces[run.length] === Infinity)
    return null
  const cuts = []
  for (let end = run.length; end > 0; end = from[end])
    cuts.push(run.slice(from[end], end))
  return cuts.reverse()
}

/* Chinese as written, anywhere. Counted exactly for one or two characters;
   for more, at most the fewest of its pairs, PAIRS at a time, until a
   section holds them all (a long piece found nowhere fetches few shards). */
function text(needle) {
  const characters = [...needle]
  let counted
  return {
    key: needle,
    exact: characters.length < 3,
    count: () => counted = counted || (async () => {
      if (characters.length === 1)
        return character(needle)
      let counts = null
      for (let i = 1; i < characters.length && (!counts || counts.size); i += PAIRS) {
        const pairs = await Promise.all(characters.slice(i, i + PAIRS).map((c, j) => postings(characters[i + j - 1] + c)))
        counts = common(counts ? [counts, ...pairs] : pairs)
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

/* A number as a whole number, in digits with or without thousands
   separators, or in Chinese numerals: by its key (numbers()). */
function whole(number) {
  return {
    key: number,
    exact: true,
    count: () => postings("#" + number),
    find: (section, field) => numbersIn(section, field).filter(n => n.key === number).map(n => [n.start, n.end])
  }
}

/* Chinese and numbers side by side, the numbers written either way
   (二十九个问题 as 29个问题). Counted as its parts all in one section, at
   most the fewest of them; found where they follow each other, spaces
   between a number and its words allowed (29 个问题, as a page may set it). */
function sequence(segments) {
  const parts = segments.map(({ text: written, number }) => number === undefined ? text(written) : whole(number))
  let counted
  return {
    key: segments.map(({ text, number }) => number === undefined ? text : `#${number}`).join(""),
    exact: false,
    count: () => counted = counted || Promise.all(parts.map(part => part.count())).then(common),
    find: (section, field) => {
      const folded = section.fields[field], numbers = numbersIn(section, field)
      const ranges = []
      for (const [start, end] of parts[0].find(section, field)) {
        let at = end
        for (const { text, number } of segments.slice(1)) {
          while (folded[at] === " ")
            at++
          if (number === undefined)
            at = folded.startsWith(text, at) ? at + text.length : -1
          else
            at = (numbers.find(n => n.start === at && n.key === number) || { end: -1 }).end
          if (at < 0)
            break
        }
        if (at >= 0)
          ranges.push([start, at])
      }
      return ranges
    }
  }
}

/* A Latin word by its stem, or the Chinese words it is the pinyin of: read
   so, or only with fuzzy sounds (strict() counts the former alone). */
function word(latin) {
  const root = stem(latin)
  const [read, heard] = spoken(latin).map(words => words.map(text))
  const all = [...read, ...heard]
  let counted, strictly
  return {
    key: latin,
    exact: all.every(term => term.exact),
    count: () => counted = counted || Promise.all([postings(root), ...all.map(term => term.count())]).then(sum),
    strict: heard.length
      ? () => strictly = strictly || Promise.all([postings(root), ...read.map(term => term.count())]).then(sum)
      : undefined,
    find: (section, field) => [
      ...section.words[field].filter(w => w.stem === root).map(w => [w.start, w.end]),
      ...all.flatMap(term => term.find(section, field))
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
  live()
  if (counts.some(c => !c.size))
    return []
  const strict = await Promise.all(terms.map(term => term.strict && term.strict()))
  live()
  const total = index.lengths.length
  const idf = counts.map(c => Math.log(1 + (total - c.size + 0.5) / (c.size + 0.5)))

  /* Every page that may hold every term, ranked by its counts, those that
     hold a term only with fuzzy sounds after the others */
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
  ranked.forEach(page => {
    page.score = Math.max(...page.scores.values())
    page.fuzzy = strict.some(exact => exact && ![...page.scores.keys()].some(s => exact.has(s)))
  })
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
    live()
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
  return a.fuzzy - b.fuzzy || b.score - a.score || index.pages[a.index].length - index.pages[b.index].length
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
  return { index: page.index, sections, score: Math.max(...sections.map(s => s.score)), fuzzy: page.fuzzy }
}

/* A page past those read: its title, as counted. */
function listed(page) {
  const { location, title } = index.pages[page.index]
  return [{ location, title: escapeHTML(title), text: "", score: page.score, terms: {} }]
}

/* Whether two terms or more are all found close together in one field: the
   shortest stretch that ends at each match and holds every term, from the
   first match whose term does not come again before that end. */
function near(ranges) {
  if (ranges.length < 2 || ranges.some(list => !list.length))
    return false
  const length = ranges.reduce((sum, list) => sum + list[0][1] - list[0][0], 0)
  const found = ranges.flatMap((list, term) => list.map(([start, end]) => ({ start, end, term })))
    .sort((a, b) => a.start - b.start)
  const held = new Int32Array(ranges.length)
  let missing = ranges.length, first = 0
  for (const { end, term } of found) {
    if (held[term]++ === 0)
      missing--
    while (held[found[first].term] > 1)
      held[found[first++].term]--
    if (!missing && end - found[first].start <= length + NEAR * (ranges.length - 1))
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
