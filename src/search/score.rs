//! The second pass: the matcher's full score and the chars to highlight, for the few
//! candidates the scan kept, over each key and the respellings that may fit better.

use super::keys::{Key, KeyView, title_chars};
use super::query::Query;
use super::rank::bonus;
use super::respell::RespellBuffers;
use super::scan::leftmost_match_span;
use super::store::{StoredAltReading, TitleHit, TitleIndex};

impl TitleIndex {
    /// The full score, and the highlights: the matcher runs on the best key of each
    /// side by cheap score, so at most twice per entry.
    pub(super) fn score(&self, entry: usize, q: &Query) -> Option<TitleHit> {
        // Other spellings may fit better even when the usual one matches (行业标准 as
        // hang ye for "hangyebiaozhun", which "he xing ye" also scatters over): each
        // heteronym respelled on its own, and the spelling `respell` finds.
        let mut respelled = Vec::new();
        if let Some(k) = self.heteronym_key(entry) {
            // Only readings sharing two adjacent letters with the query (or their one
            // letter) are tried: the others seldom make the match more contiguous.
            let useful = |alt: &&StoredAltReading| {
                let reading = self.readings[usize::from(alt.reading)].as_bytes();
                let query = q.compact.as_bytes();
                match reading {
                    [one] => query.contains(one),
                    _ => reading.windows(2).any(|pair| query.windows(2).any(|w| w == pair)),
                }
            };
            for alt in self.alts[k.alts()].iter().filter(useful) {
                let mut key = Key::default();
                self.spell_with(k, &[*alt], &mut key);
                respelled.push(key);
            }
            let mut buffers = RespellBuffers::default();
            if self.respell(k, q, &mut buffers).is_some() {
                respelled.push(buffers.key);
            }
        }
        let mut chosen: [Option<(i64, usize, KeyView)>; 2] = [None, None];
        for k in self.keys(entry).iter().filter(|k| q.mask & !k.mask == 0) {
            keep_if_better(&mut chosen, self.view(k), q, self.en_word_bits[entry]);
        }
        for key in &respelled {
            keep_if_better(&mut chosen, key.view(), q, self.en_word_bits[entry]);
        }
        let mut best: [Option<(i64, Vec<usize>)>; 2] = [None, None];
        for (slot, choice) in best.iter_mut().zip(chosen) {
            let Some((bonus, _, key)) = choice else {
                continue;
            };
            let text = std::str::from_utf8(key.text).unwrap_or_default();
            let Some((score, idx)) = self.matcher.indices(text, &q.compact) else {
                continue;
            };
            *slot = Some((score + bonus, title_chars(key.runs, text, idx)));
        }
        let [zh, en] = best;
        let score = zh.iter().chain(en.iter()).map(|(s, _)| *s).max()?;
        Some(TitleHit {
            entry,
            score,
            zh: zh.map(|(_, i)| i).unwrap_or_default(),
            en: en.map(|(_, i)| i).unwrap_or_default(),
        })
    }
}

/// Keeps `key` in its side's slot if it matches with a better bonus less span.
fn keep_if_better<'a>(chosen: &mut [Option<(i64, usize, KeyView<'a>)>; 2], key: KeyView<'a>, q: &Query, en_words: u64) {
    let Some(span) = leftmost_match_span(q, &key) else {
        return;
    };
    let bonus = bonus(&key, q, span, en_words);
    let slot = &mut chosen[key.side as usize];
    if slot.as_ref().is_none_or(|(b, s, _)| bonus - span as i64 > b - *s as i64) {
        *slot = Some((bonus, span, key));
    }
}
