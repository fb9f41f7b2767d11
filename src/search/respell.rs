//! Heteronyms read otherwise (银行 as yin hang): the spelling of a pinyin key that
//! best holds the query, found in one pass over its readings, and writing it out.

use super::keys::{Key, Side, clamp_u8};
use super::normalise::has_separators;
use super::query::{PartialMatch, Query};
use super::store::{StoredAltReading, StoredKey, TitleIndex};

/// Buffers a scan reuses from one respelled entry to the next.
#[derive(Default)]
pub(super) struct RespellBuffers {
    pub(super) chosen: Vec<StoredAltReading>,
    pub(super) key: Key,
}

impl TitleIndex {
    /// The entry's pinyin respelled with other readings of its heteronyms where that
    /// lets it contain the query (银行 as yin hang); `None` when no spelling contains it.
    pub(super) fn respell<'s>(&self, k: &StoredKey, q: &Query, buffers: &'s mut RespellBuffers) -> Option<&'s Key> {
        let partial = self.match_across_spellings(k, q, &mut buffers.chosen)?;
        if partial.matched < q.len || buffers.chosen.is_empty() {
            return None;
        }
        self.spell_with(k, &buffers.chosen, &mut buffers.key);
        Some(&buffers.key)
    }

    /// One pass over every spelling of pinyin key `k`: chooses at each heteronym the
    /// reading that takes a greedy match of the query furthest (into `chosen`), and
    /// finds whether any spelling holds the query contiguously (see `PartialMatch`).
    /// `None` when the key lacks a char of the query.
    ///
    /// A greedy subsequence match only gains from having matched more, so the
    /// furthest reading at each heteronym is never a worse choice: one pass decides,
    /// instead of one scan per spelling.
    pub(super) fn match_across_spellings(
        &self,
        k: &StoredKey,
        q: &Query,
        chosen: &mut Vec<StoredAltReading>,
    ) -> Option<PartialMatch> {
        if q.mask & !k.mask != 0 {
            return None;
        }
        let text = &self.text.as_bytes()[k.text()];
        let (mut partial, mut from) = (PartialMatch::default(), 0);
        chosen.clear();
        for group in self.alts[k.alts()].chunk_by(|a, b| a.at == b.at) {
            let (at, end) = (usize::from(group[0].at), usize::from(group[0].at) + usize::from(group[0].len));
            let before = q.advance(partial, &text[from..at]);
            partial = q.advance(before, &text[at..end]);
            let mut best = None;
            for alt in group {
                let other = q.advance(before, self.readings[usize::from(alt.reading)].as_bytes());
                if other.matched > partial.matched {
                    best = Some(*alt);
                }
                partial = PartialMatch {
                    matched: partial.matched.max(other.matched),
                    prefix_ends: partial.prefix_ends | other.prefix_ends,
                    prefix_ends_seen: partial.prefix_ends_seen | other.prefix_ends_seen,
                };
            }
            chosen.extend(best);
            from = end;
        }
        Some(q.advance(partial, &text[from..]))
    }

    /// Key `k` with the chosen readings in place of its usual ones, written into `out`
    /// (whose buffers a scan reuses).
    pub(super) fn spell_with(&self, k: &StoredKey, chosen: &[StoredAltReading], out: &mut Key) {
        let text = &self.text[k.text()];
        let (t, runs) = (&mut out.text, &mut out.runs);
        t.clear();
        runs.clear();
        runs.extend_from_slice(k.runs().map_or(&[][..], |r| &self.runs[r]));
        let mut from = 0;
        for alt in chosen {
            let (at, len) = (usize::from(alt.at), usize::from(alt.len));
            let reading = self.readings[usize::from(alt.reading)];
            t.push_str(&text[from..at]);
            t.push_str(reading);
            // The readings are ASCII: bytes are chars.
            if let Some(run) = runs.get_mut(usize::from(alt.title_char)) {
                *run = clamp_u8(usize::from(*run).saturating_sub(len) + reading.len());
            }
            from = at + len;
        }
        t.push_str(&text[from..]);
        out.has_separators = has_separators(&out.text);
        (out.initials, out.side, out.alternate) = (None, Side::Zh, true);
    }

    /// Whether some respelling of pinyin key `k` may begin with `query`: it must agree
    /// with the usual spelling up to the first heteronym, and go on with one of that
    /// heteronym's readings. Unsure (letters other than ASCII before it) counts as may.
    pub(super) fn may_respell_to_begin(&self, k: &StoredKey, query: &[u8]) -> bool {
        let alts = &self.alts[k.alts()];
        let Some(first) = alts.first() else {
            return false;
        };
        let (text, at) = (&self.text.as_bytes()[k.text()], usize::from(first.at));
        if !text[..at].is_ascii() {
            return true;
        }
        let mut rest = query;
        for b in text[..at].iter().filter(|b| b.is_ascii_alphanumeric()) {
            match rest.split_first() {
                None => return true,
                Some((q, after)) if q == b => rest = after,
                Some(_) => return false,
            }
        }
        let usual = &text[at..at + usize::from(first.len)];
        let others =
            alts.iter().take_while(|a| a.at == first.at).map(|a| self.readings[usize::from(a.reading)].as_bytes());
        rest.is_empty() || std::iter::once(usual).chain(others).any(|r| r.starts_with(rest) || rest.starts_with(r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::store::tests::compact;

    /// Every spelling of a key (each heteronym under each of its readings), where
    /// there are few enough to list.
    fn spellings(index: &TitleIndex, k: &StoredKey) -> Option<Vec<String>> {
        let alts = &index.alts[k.alts()];
        let groups: Vec<&[StoredAltReading]> = alts.chunk_by(|a, b| a.at == b.at).collect();
        let count = groups.iter().try_fold(1usize, |n, g| n.checked_mul(g.len() + 1)).filter(|&n| n <= 256)?;
        let mut out = Key::default();
        let spelled = (0..count).map(|mut pick| {
            let chosen: Vec<StoredAltReading> = groups
                .iter()
                .filter_map(|g| {
                    let i = pick % (g.len() + 1);
                    pick /= g.len() + 1;
                    i.checked_sub(1).map(|i| g[i])
                })
                .collect();
            index.spell_with(k, &chosen, &mut out);
            compact(&out.text)
        });
        Some(spelled.collect())
    }

    /// Ruling a respelling out must never miss one the query stands in, and for an
    /// ASCII query the walk's check is exact; the index-wide pairs never rule one out.
    #[test]
    fn contiguous_respellings_are_found_exactly() {
        let data = crate::embedded().unwrap();
        let index = TitleIndex::from_titles(data.records().map(|r| r.name()));
        let (mut checked, mut contiguous) = (0, 0);
        for k in index.keys.iter().filter(|k| k.alts_len > 0) {
            let Some(spellings) = spellings(&index, k) else {
                continue;
            };
            // Pieces of every spelling, and of where two spellings differ.
            let mut queries: Vec<String> = Vec::new();
            for s in &spellings {
                let chars: Vec<char> = s.chars().collect();
                for len in [2, 4, 7] {
                    for start in (0..chars.len().saturating_sub(len)).step_by(3) {
                        queries.push(chars[start..start + len].iter().collect());
                    }
                }
            }
            queries.extend(["zhongqing", "hangye", "xingye", "zz", "qiangshi"].map(String::from));
            for query in queries {
                let q = Query::new(&query).unwrap();
                let truth = spellings.iter().any(|s| s.contains(q.compact.as_str()));
                let partial = index.match_across_spellings(k, &q, &mut Vec::new());
                let found = partial.is_some_and(|p| q.contiguous(&p));
                assert_eq!(found, truth, "{query:?} in {:?}", spellings[0]);
                assert!(
                    index.pinyin_pairs.may_all_stand(&q.compact) || !truth,
                    "{query:?}: its pairs were not all seen"
                );
                checked += 1;
                contiguous += usize::from(truth);
            }
        }
        assert!(checked > 1000 && contiguous > 100, "too few checks: {checked}, {contiguous} contiguous");
    }
}
