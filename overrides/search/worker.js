/* gongshi's search worker, in place of Material's lunr worker.
 *
 * It speaks the messages of Material 9.8.2's bundle (SETUP → READY,
 * QUERY → RESULT) and answers with result items grouped by page, as
 * Material's result list expects. It searches search/LANG.json, the index
 * that hooks/gongshi/search.py built for the page's language (?lang=).
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
 * section (BM25, a match in a title counting five times, a section holding
 * the pieces close together as a phrase counting twice).
 */
"use strict"

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
const TITLE_WEIGHT = 5
const K1 = 1.2, B = 0.75
const NEAR = 12                        /* characters between terms that still read as one phrase */
const PHRASE_BOOST = 2                 /* for a section that holds the terms as a phrase */
const SNIPPET = 120                    /* characters of text shown with a result */
const STOP_WORDS = new Set(
  "a an and are as at be by for from has have in is it its of on or that the their this to was were which with"
    .split(" "))
const HAN = /\p{sc=Han}/u
const RUN = /(\p{sc=Han}+)|(\d+(?:[.,]\d+)*)|(\p{sc=Latin}+)/gu

let index

addEventListener("message", async ({ data: message }) => {
  if (message.type === SETUP) {
    const lang = new URL(location.href).searchParams.get("lang")
    const response = await fetch(new URL(`${lang}.json`, location.href))
    index = prepare(await response.json())
    postMessage({ type: READY })
  } else if (message.type === QUERY) {
    postMessage({ type: RESULT, data: { items: search(message.data) } })
  }
})

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

function prepare({ docs, words: vocabulary, pinyin }) {
  const sections = docs.map(doc => {
    const fields = [doc.title, doc.text].map(fold)
    return {
      ...doc,
      page: doc.location.split("#")[0],
      fields,
      words: fields.map(words),
      length: doc.title.length + doc.text.length
    }
  })

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

  const pages = new Map()
  for (const section of sections)
    pages.set(section.page, (pages.get(section.page) || 0) + section.length)
  return {
    sections,
    pages,
    vocabulary: new Set(vocabulary),
    readings,
    average: sections.reduce((sum, s) => sum + s.length, 0) / Math.max(1, sections.length)
  }
}

/* ----------------------------------------------------------------------------
 * Query
 * ------------------------------------------------------------------------- */

/* What a query asks for: a list of terms, each of which a page must hold.
   A term finds its ranges in one field of a section. */
function parse(query) {
  const pieces = fold(query.normalize("NFKC")).split(/\s+/).filter(Boolean)

  /* Pinyin typed in syllables: wang yue che */
  const joined = pieces.join("")
  if (pieces.length > 1 && /^[a-z]+$/.test(joined) && index.readings.has(joined))
    return [word(joined)]

  const terms = []
  for (const piece of pieces) {
    const phrase = piece.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")
    if (HAN.test(phrase) && occurs(phrase)) {
      terms.push(text(phrase))
      continue
    }
    for (const [, han, number, run] of phrase.matchAll(RUN))
      if (han)
        terms.push(...chinese(han))
      else if (number)
        terms.push(whole(number))
      else
        terms.push(...latin(run))
  }

  /* Little words count only in a query of nothing else. */
  const content = terms.filter(term => !STOP_WORDS.has(term.key))
  return content.length ? content : terms
}

function occurs(phrase) {
  return index.sections.some(section => section.fields.some(field => field.includes(phrase)))
}

/* Chinese that occurs nowhere as written, cut into the site's words; a
   single character typed alone is looked for as it is. A run the site's
   words cannot cover becomes a term that matches nothing. */
function chinese(run) {
  if (run.length === 1)
    return [text(run)]
  const words = cut(run, piece => index.vocabulary.has(piece))
  return words ? words.map(text) : [nothing(run)]
}

/* A Latin word; on the Chinese site, pinyin of several words typed as one
   (jiaotongqiangshi) when the word itself is found nowhere. */
function latin(run) {
  const term = word(run)
  if (index.readings.size && !index.sections.some(s => term.find(s, 0).length || term.find(s, 1).length)) {
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

/* Text as written, anywhere. */
function text(needle) {
  return {
    key: needle,
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
    find: (section, field) =>
      Array.from(section.fields[field].matchAll(regex), m => [m.index, m.index + m[0].length])
  }
}

/* A Latin word by its stem, or the Chinese words it is the pinyin of. */
function word(latin) {
  const root = stem(latin)
  const chinese = (index.readings.get(latin) || []).map(text)
  return {
    key: latin,
    find: (section, field) => [
      ...section.words[field].filter(w => w.stem === root).map(w => [w.start, w.end]),
      ...chinese.flatMap(term => term.find(section, field))
    ]
  }
}

function nothing(key) {
  return { key, find: () => [] }
}

/* ----------------------------------------------------------------------------
 * Search
 * ------------------------------------------------------------------------- */

function search(query) {
  const terms = parse(query)
  if (!terms.length)
    return []

  /* Where each term is, in each section */
  const found = index.sections.map(section =>
    terms.map(term => [term.find(section, 0), term.find(section, 1)]))
  const total = index.sections.length
  const idf = terms.map((_, t) => {
    const n = found.filter(f => f[t][0].length + f[t][1].length).length
    return Math.log(1 + (total - n + 0.5) / (n + 0.5))
  })

  /* Pages that hold every term, and their sections that hold any */
  const pages = new Map()
  index.sections.forEach((section, s) => {
    let score = 0
    terms.forEach((_, t) => {
      const tf = TITLE_WEIGHT * found[s][t][0].length + found[s][t][1].length
      const norm = K1 * (1 - B + B * section.length / index.average)
      score += idf[t] * tf * (K1 + 1) / (tf + norm)
    })
    if (near(found[s].map(f => f[0])) || near(found[s].map(f => f[1])))
      score *= PHRASE_BOOST
    const page = pages.get(section.page) || { held: new Set(), sections: [], score: 0 }
    terms.forEach((_, t) => found[s][t][0].length + found[s][t][1].length && page.held.add(t))
    page.sections.push({ section, score, ranges: found[s] })
    page.score = Math.max(page.score, score)
    pages.set(section.page, page)
  })

  return [...pages]
    .filter(([, page]) => page.held.size === terms.length)
    .sort(([a, x], [b, y]) => y.score - x.score || index.pages.get(a) - index.pages.get(b))
    .map(([, page]) => result(page))
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
  items.find(item => item.location === page.sections[0].section.page).terms = terms
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
