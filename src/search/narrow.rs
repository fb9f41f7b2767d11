//! Typing, one keystroke at a time: a query that goes on from the last one is decided
//! among the last one's matches, and only for what changed.
//!
//! Every entry the last query matched holds each of its groups, so a group the new
//! query shares with it needs no test there. A query that narrows the last one (see
//! `Parsed::narrows`) tests only its new or grown group among the last one's matches.
//! One whose last term has just grown long enough to be sought in the body (see
//! `Parsed::newly_in_body`) tests that term among the last one's matches, and its other
//! groups only among the entries whose text newly holds it; a group that was a query
//! of its own before (typing its first term, then the next) is not tested at all, as
//! what it matched then is kept. A last term sought in the body keeps where it first
//! stood in each match's text: grown, it can stand only from there on, and not at all
//! in a text that lacked it, so the text is not searched again from its beginning.

use memchr::memmem;

use super::SearchIndex;
use super::engine::{NOWHERE, Ready, Term, ready};
use super::parts::in_parts;
use super::syntax::Parsed;

/// A query and every entry it matched, in order, kept for the next keystroke.
pub(super) struct Matches {
    pub(super) parsed: Parsed,
    pub(super) entries: Vec<u32>,
    /// When the last group is one term sought in the body: where it first stands in
    /// each entry's text (`NOWHERE`: in a text it shares or its titles only), so that
    /// the term grown is sought from there.
    at: Option<Vec<u32>>,
}

impl SearchIndex {
    /// Every entry `parsed` matches, in order, and when `keep` is given the best `keep`
    /// by cheap score (see `best`); among the last query's entries when this one
    /// narrows it.
    pub(super) fn matching(&mut self, parsed: Parsed, keep: Option<usize>) -> (Matches, Vec<(u32, u32)>) {
        if parsed.groups.is_empty() {
            return (Matches { parsed, entries: Vec::new(), at: None }, Vec::new());
        }
        let groups = ready(&parsed);
        let (entries, at) = match self.last.take() {
            Some(prev) if parsed.narrows(&prev.parsed) => {
                let known = |g| prev.parsed.groups.contains(&parsed.groups[g]);
                match (last_term(&groups), &prev.at) {
                    // Only the last term has grown: sought from where the shorter one stood.
                    (Some(t), Some(from))
                        if parsed.groups.len() == prev.parsed.groups.len() && !known(groups.len() - 1) =>
                    {
                        self.term_holding(t, prev.entries, Some(from))
                    }
                    _ => (self.holding_all(&parsed, &groups, prev.entries, known), None),
                }
            }
            Some(prev) if parsed.newly_in_body(&prev.parsed).is_some() => {
                let known = |g| prev.parsed.groups.contains(&parsed.groups[g]);
                self.grown_into_body(&parsed, &groups, prev.entries, known)
            }
            _ => match (last_term(&groups), &groups[..]) {
                (Some(t), [_]) => self.term_holding(t, self.all(), None),
                _ => (self.holding_all(&parsed, &groups, self.all(), |_| false), None),
            },
        };
        if let [group] = &parsed.groups[..] {
            self.alone = Some((group.clone(), entries.clone()));
        }
        let top = keep.map_or_else(Vec::new, |keep| self.best(&groups, &entries, at.as_deref(), keep));
        (Matches { parsed, entries, at }, top)
    }

    /// The candidates positive term `t`, sought in the body, holds in, and where it
    /// first stands in each one's text (see `mark_text`).
    fn term_holding(&self, t: &Term, candidates: Vec<u32>, from: Option<&[u32]>) -> (Vec<u32>, Option<Vec<u32>>) {
        let mut holds = vec![false; candidates.len()];
        let at = self.mark_text(t, t.op, &candidates, &mut holds, from).unwrap_or_default();
        let (entries, at) = candidates.iter().zip(at).zip(holds).filter(|&(_, h)| h).map(|(pair, _)| pair).unzip();
        (entries, Some(at))
    }

    /// The candidates every group holds in but those `known` to hold in all of them,
    /// qualifier groups first: they are cheap, and narrow what the terms are sought in.
    fn holding_all(
        &self,
        parsed: &Parsed,
        groups: &[Vec<Ready>],
        mut candidates: Vec<u32>,
        known: impl Fn(usize) -> bool,
    ) -> Vec<u32> {
        let mut order: Vec<usize> = (0..groups.len()).filter(|&g| !known(g)).collect();
        order.sort_by_key(|&g| groups[g].iter().any(|a| matches!(a, Ready::Text(_))));
        for g in order {
            candidates = match &self.alone {
                Some((group, held)) if *group == parsed.groups[g] => common(&candidates, held),
                _ => self.holding(&groups[g], candidates),
            };
        }
        candidates
    }

    /// Every entry the query matches when its last group, one term, has just grown long
    /// enough to be sought in the body (see the module's doc): `entries` are the last
    /// query's matches, which hold the groups `known` to hold.
    fn grown_into_body(
        &self,
        parsed: &Parsed,
        groups: &[Vec<Ready>],
        entries: Vec<u32>,
        known: impl Fn(usize) -> bool,
    ) -> (Vec<u32>, Option<Vec<u32>>) {
        let last = groups.len() - 1;
        let t = match last_term(groups) {
            Some(t) => t,
            // Not sought in the body after all: a term grown in the titles only narrows.
            None => return (self.holding_all(parsed, groups, entries, |g| g != last && known(g)), None),
        };
        let found = self.text_holding(&t.finder);
        // The last query's matches hold the term where their text does, else perhaps in
        // a title; the entries found anew hold it, and are tested for the other groups.
        let mut fresh = Vec::new();
        let mut in_text = vec![None; entries.len()];
        let mut j = 0;
        for &(e, at) in &found {
            while j < entries.len() && entries[j] < e {
                j += 1;
            }
            match entries.get(j) {
                Some(&p) if p == e => in_text[j] = Some(at),
                _ => fresh.push((e, at)),
            }
        }
        let fits = |e: u32| t.q.as_ref().is_some_and(|q| self.titles.term_fits(e as usize, q, t.op));
        let kept = in_parts(entries.len(), |part| {
            let kept = |i: usize| in_text[i].or_else(|| fits(entries[i]).then_some(NOWHERE)).map(|at| (entries[i], at));
            part.filter_map(kept).collect::<Vec<(u32, u32)>>()
        })
        .concat();
        let held = self.holding_all(parsed, groups, fresh.iter().map(|&(e, _)| e).collect(), |g| g == last);
        // Both ascending: read side by side rather than searched.
        let mut j = 0;
        let fresh: Vec<(u32, u32)> = fresh
            .into_iter()
            .filter(|&(e, _)| {
                while held.get(j).is_some_and(|&h| h < e) {
                    j += 1;
                }
                held.get(j) == Some(&e)
            })
            .collect();
        let (entries, at) = merge(&kept, &fresh).into_iter().unzip();
        (entries, Some(at))
    }

    /// Every entry whose text, or a text it shares, holds the term, in order, with
    /// where it first stands in the entry's text (`NOWHERE`: in a text it shares only).
    fn text_holding(&self, finder: &memmem::Finder) -> Vec<(u32, u32)> {
        let all = self.all();
        let found = self.text_among(&all, finder);
        let Some(held) = self.shared_holding(finder) else {
            return found;
        };
        let mut at = vec![NOWHERE; all.len()];
        found.into_iter().for_each(|(e, p)| at[e as usize] = p);
        all.into_iter()
            .filter(|&e| at[e as usize] != NOWHERE || self.refers_to(e, &held))
            .map(|e| (e, at[e as usize]))
            .collect()
    }

    /// Every entry, in order.
    fn all(&self) -> Vec<u32> {
        (0..self.len() as u32).collect()
    }
}

/// What two ascending lists have in common.
fn common(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    let mut j = 0;
    for &e in a {
        while j < b.len() && b[j] < e {
            j += 1;
        }
        if b.get(j) == Some(&e) {
            out.push(e);
        }
    }
    out
}

/// Two lists ascending by entry with no entry in common, as one.
fn merge(a: &[(u32, u32)], b: &[(u32, u32)]) -> Vec<(u32, u32)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i].0 < b[j].0 {
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// The last group's term when the group is that one positive term, sought in the body.
fn last_term<'g>(groups: &'g [Vec<Ready>]) -> Option<&'g Term> {
    match groups.last().map(Vec::as_slice) {
        Some([Ready::Text(t)]) if !t.negated && t.in_body(t.op) => Some(t),
        _ => None,
    }
}
