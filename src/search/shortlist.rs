//! The shortlist: the best few of every match by cheap score, skipping each entry
//! whose upper bound cannot beat the best so far, as most cannot.
//!
//! An entry's groups are scored one at a time, each exact score taking its bound's
//! place, and the entry is left as soon as what is known of it cannot beat the best:
//! a term that turns out to stand in none of its titles (where the bound had to allow
//! for one) leaves the entry before its other groups are scored or its body searched.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};

use super::SearchIndex;
use super::engine::{BODY, NOWHERE, Ready, Term, WORD_START, title_term};
use super::parts::in_parts;
use super::rank::{Rank, entry_of, rank, score_of};
use super::respell::RespellBuffers;

impl SearchIndex {
    /// The best `keep` entries by cheap score, best first. `at`, when given, is where
    /// the last group's one term first stands in each entry's text (see `mark_text`),
    /// which is then not searched again.
    pub(super) fn best(
        &self,
        groups: &[Vec<Ready>],
        entries: &[u32],
        at: Option<&[u32]>,
        keep: usize,
    ) -> Vec<(u32, u32)> {
        let ranked = groups.iter().flatten().any(|a| matches!(a, Ready::Text(t) if !t.negated));
        if !ranked || keep == 0 {
            return Vec::new();
        }
        // A group that is one positive term holds in every match: in its titles when
        // the term is not sought in the body, or stands in no text of the entry.
        let in_titles: Vec<Option<bool>> = groups
            .iter()
            .enumerate()
            .map(|(g, group)| match &group[..] {
                [Ready::Text(t)] if !t.negated && !t.in_body(t.op) => Some(true),
                [Ready::Text(t)] if !t.negated && at.is_some() && g == groups.len() - 1 => {
                    self.shared_holding(&t.finder).is_none().then_some(false)
                }
                _ => None,
            })
            .collect();
        // One heap for every part, and its lowest rank once full as the bar below which
        // an entry is skipped. Ranks are a total order, so the best are the same however
        // the parts were shared out.
        let heap: Mutex<BinaryHeap<Reverse<Rank>>> = Mutex::new(BinaryHeap::with_capacity(keep + 1));
        let shared_bar = AtomicU64::new(0);
        let best_of = |part: Range<usize>| {
            let mut buffers = RespellBuffers::default();
            let mut bounds = Vec::with_capacity(groups.len());
            for i in part {
                let (e, entry) = (entries[i], entries[i] as usize);
                let bar = shared_bar.load(Ordering::Relaxed);
                let reaches = |most: u32| rank(i64::from(most), e) >= bar;
                // The entry's bits alone rule most out; the keys are read for the rest.
                if !reaches(groups.iter().map(|g| self.group_bound(entry, g, true)).sum()) {
                    continue;
                }
                bounds.clear();
                bounds.extend(groups.iter().map(|g| self.group_bound(entry, g, false)));
                let most: u32 = bounds.iter().sum();
                if !reaches(most) {
                    continue;
                }
                // The last group first: where its term stands in the body is known.
                let score = (0..groups.len()).rev().try_fold(most, |most, g| {
                    let known = at.filter(|_| g == groups.len() - 1).map(|at| at[i]);
                    let in_title = in_titles[g].is_some_and(|always| always || known == Some(NOWHERE));
                    let rest = most - bounds[g];
                    let score =
                        self.group_score(entry, &groups[g], known, in_title, &mut buffers, |s| reaches(rest + s));
                    score.map(|s| rest + s).filter(|&most| reaches(most))
                });
                let Some(score) = score else {
                    continue;
                };
                let mut heap = heap.lock().unwrap_or_else(PoisonError::into_inner);
                heap.push(Reverse(rank(i64::from(score), e)));
                if heap.len() > keep {
                    heap.pop();
                }
                if heap.len() == keep {
                    shared_bar.store(heap.peek().map_or(0, |r| r.0), Ordering::Relaxed);
                }
            }
        };
        in_parts(entries.len(), best_of);
        let heap = heap.into_inner().unwrap_or_else(PoisonError::into_inner);
        let mut top: Vec<Rank> = heap.into_iter().map(|r| r.0).collect();
        top.sort_unstable_by(|a, b| b.cmp(a));
        top.into_iter().map(|r| (entry_of(r) as u32, score_of(r))).collect()
    }

    /// The most `group_score` can give the entry for a group, from its titles' upper
    /// bounds (see `rank`; `coarse`: from the entry's bits alone) and whether each term
    /// stands in its body.
    fn group_bound(&self, entry: usize, group: &[Ready], coarse: bool) -> u32 {
        let mut most = 0;
        for atom in group {
            let Ready::Text(t) = atom else { continue };
            if t.negated {
                continue;
            }
            // The cheap score of a body match leaves out its field's weight.
            let mut bound = BODY + WORD_START;
            if let Some(q) = t.q.as_ref().filter(|q| q.mask & !self.titles.masks[entry] == 0) {
                let scattered = self.titles.cannot_be_contiguous(entry, q);
                let title = match coarse {
                    true => self.titles.coarse_bound(entry, q, scattered),
                    false => self.titles.upper_bound(entry, q, scattered),
                };
                bound = bound.max(title_term(title));
            }
            most = most.max(bound);
        }
        most
    }

    /// A group's cheap score in the entry: its best term's, in a title or the body;
    /// none once it is known to be at most a body match's and `reaches` says that is
    /// too little. `at`: where the group's one term first stands in the entry's text,
    /// when known; `in_title`: the group is one term known to stand in the entry's titles.
    fn group_score(
        &self,
        entry: usize,
        group: &[Ready],
        at: Option<u32>,
        in_title: bool,
        buffers: &mut RespellBuffers,
        reaches: impl Fn(u32) -> bool,
    ) -> Option<u32> {
        let terms = group.iter().filter_map(|a| match a {
            Ready::Text(t) if !t.negated => Some(t.as_ref()),
            _ => None,
        });
        let mut title = None;
        for t in terms.clone() {
            if let Some(q) = &t.q
                && (in_title || self.titles.term_fits(entry, q, t.op))
            {
                title = title.max(Some(title_term(self.titles.fitting_score(entry, q, buffers))));
            }
        }
        // A term in a title outweighs any in the body: the body is searched only when
        // the titles lack every term, and only if a match there would be enough.
        if title.is_some() || !reaches(BODY + WORD_START) {
            return title;
        }
        let body = |t: &Term| {
            let found = match at {
                Some(at) => (at != NOWHERE).then_some(at as usize),
                None => t.in_body(t.op).then(|| self.body.find_in(entry, &t.finder)).flatten(),
            };
            found.map_or(0, |at| self.body_score(entry, at, &t.finder, None))
        };
        Some(terms.map(body).max().unwrap_or(0))
    }
}

#[cfg(test)]
mod tests {
    use std::cmp::Reverse;

    use super::*;
    use crate::search::{engine, syntax};

    /// An entry scored a group at a time, and left once it cannot beat the best so far,
    /// ranks as if scored in full: among every match, including those where some words
    /// of the query stand in no title but in the text, the shortlist is the best of all.
    #[test]
    fn entries_left_early_rank_as_scored_in_full() {
        let mut index = SearchIndex::new(crate::embedded().unwrap());
        let mut buffers = RespellBuffers::default();
        let mut left_out = 0;
        let queries = [
            "quality city",
            "质量 city",
            "liuzhou steel output",
            "nev output",
            "steel ou",
            "zl qs",
            "water rate",
            "质量",
            "柳州 rate",
        ];
        for query in queries {
            let entries: Vec<u32> = index.select(query).unwrap().into_iter().map(|e| e as u32).collect();
            let parsed = syntax::parse(query, &index.facets).unwrap();
            let groups = engine::ready(&parsed);
            let mut all: Vec<(u32, u32)> = entries
                .iter()
                .map(|&e| {
                    let entry = e as usize;
                    let mut score = |g: &Vec<Ready>| {
                        let [Ready::Text(t)] = &g[..] else { unreachable!("one term a group") };
                        let title = t.q.as_ref().and_then(|q| index.titles.term_score(entry, q, t.op, &mut buffers));
                        let body = t.in_body(t.op).then(|| index.body.find_in(entry, &t.finder)).flatten();
                        let body = body.map_or(0, |at| index.body_score(entry, at, &t.finder, None));
                        (title.map(title_term), body)
                    };
                    let scores: Vec<(Option<u32>, u32)> = groups.iter().map(&mut score).collect();
                    left_out +=
                        usize::from(scores.iter().any(|s| s.0.is_none()) && scores.iter().any(|s| s.0.is_some()));
                    (e, scores.into_iter().map(|(title, body)| title.unwrap_or(body)).sum())
                })
                .collect();
            all.sort_by_key(|&(e, score)| Reverse(rank(i64::from(score), e)));
            // Every size of shortlist, so that its bar falls between every two scores.
            for keep in 1..=all.len() {
                let best: Vec<(u32, u32)> = all.iter().copied().take(keep).collect();
                assert_eq!(index.best(&groups, &entries, None, keep), best, "{query}, best {keep}");
            }
        }
        assert!(left_out > 20, "too few matches hold some words in a title and others in the text: {left_out}");
    }
}
