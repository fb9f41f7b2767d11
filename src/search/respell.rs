//! Heteronyms read otherwise (银行 as yin hang): the spelling of a pinyin key that
//! best holds the query, found in one pass over its readings, and writing it out.

use super::keys::{Key, Side, clamp_u8, syllable_at};
use super::normalise::has_separators;
use super::query::Query;
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
        let matched = self.match_across_spellings(k, q, &mut buffers.chosen)?;
        if matched < q.len || buffers.chosen.is_empty() {
            return None;
        }
        self.spell_with(k, &buffers.chosen, &mut buffers.key);
        Some(&buffers.key)
    }

    /// One pass over every spelling of pinyin key `k`: chooses at each heteronym the
    /// reading that takes a greedy match of the query furthest (into `chosen`), and how
    /// many of the query's chars it takes. `None` when the key lacks a char of the query.
    ///
    /// A greedy subsequence match only gains from having matched more, so the
    /// furthest reading at each heteronym is never a worse choice: one pass decides,
    /// instead of one scan per spelling.
    pub(super) fn match_across_spellings(
        &self,
        k: &StoredKey,
        q: &Query,
        chosen: &mut Vec<StoredAltReading>,
    ) -> Option<usize> {
        if q.mask & !k.mask != 0 {
            return None;
        }
        let text = &self.text.as_bytes()[k.text()];
        let (mut matched, mut from) = (0, 0);
        chosen.clear();
        for group in self.alts[k.alts()].chunk_by(|a, b| a.at == b.at) {
            let at = usize::from(group[0].at);
            let end = at + syllable_at(text, at).len();
            let before = q.advance(matched, &text[from..at]);
            matched = q.advance(before, &text[at..end]);
            let mut best = None;
            for alt in group {
                let other = q.advance(before, self.readings[usize::from(alt.reading)].as_bytes());
                if other > matched {
                    best = Some(*alt);
                    matched = other;
                }
            }
            chosen.extend(best);
            from = end;
        }
        Some(q.advance(matched, &text[from..]))
    }

    /// Key `k` with the chosen readings in place of its usual ones, written into `out`
    /// (whose buffers a scan reuses).
    pub(super) fn spell_with(&self, k: &StoredKey, chosen: &[StoredAltReading], out: &mut Key) {
        let text = &self.text[k.text()];
        let (t, runs) = (&mut out.text, &mut out.runs);
        t.clear();
        runs.clear();
        // Respelled, a key whose runs are its syllables keeps them so (a reading for a
        // reading); stored runs are copied and changed where the readings differ.
        let stored = k.runs().map(|r| &self.runs[r]);
        out.syllable_runs = stored.is_none();
        runs.extend_from_slice(stored.unwrap_or_default());
        // The title char each heteronym came from: the one whose run holds the
        // heteronym's first char in what is written so far, where the runs before it
        // already count the readings put in.
        let (mut title_char, mut before_title_char, mut written) = (0, 0, 0);
        let mut from = 0;
        for alt in chosen {
            let at = usize::from(alt.at);
            let len = syllable_at(text.as_bytes(), at).len();
            let reading = self.readings[usize::from(alt.reading)];
            t.push_str(&text[from..at]);
            written += text[from..at].chars().count();
            while runs.get(title_char).is_some_and(|&r| before_title_char + usize::from(r) <= written) {
                before_title_char += usize::from(runs[title_char]);
                title_char += 1;
            }
            t.push_str(reading);
            // The readings are ASCII: bytes are chars.
            if let Some(run) = runs.get_mut(title_char) {
                *run = clamp_u8(usize::from(*run).saturating_sub(len) + reading.len());
            }
            written += reading.len();
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
        let usual = syllable_at(text, at);
        let others =
            alts.iter().take_while(|a| a.at == first.at).map(|a| self.readings[usize::from(a.reading)].as_bytes());
        rest.is_empty() || std::iter::once(usual).chain(others).any(|r| r.starts_with(rest) || rest.starts_with(r))
    }
}
