//! The workload the speed figures use, shared by `benches/speed.rs` and
//! `examples/search_keystrokes.rs` (which runs it once, for `perf` or callgrind).

use liuzhou_tui::data::{Dataset, Text};

/// What people type, one keystroke at a time: Hanzi, pinyin, initials, English, words
/// in another order, words of a summary in both scripts, and qualifiers.
pub const TYPED: &[&str] = &[
    "zhiliangqiangshi",
    "zlqs",
    "luosifen",
    "lsf",
    "xinnengyuan",
    "quality city",
    "bauhinia",
    "螺蛳粉",
    "质量强市",
    "revenue luosifen",
    "excavator",
    "挖掘机",
    "tab:ecology",
    "year:2021 nev",
];

/// Every query `TYPED` passes through: "z", "zh", "zhi", …
pub fn keystrokes() -> Vec<String> {
    TYPED.iter().flat_map(|q| q.char_indices().map(move |(i, c)| q[..i + c.len_utf8()].to_owned())).collect()
}

/// A dataset of `n` indicators made from the real ones: each name joins two real
/// names, and each summary two real summaries (about 50 Hanzi and 160 English chars),
/// so the text is realistic Chinese and English, and no two are alike.
pub fn synthetic(n: usize) -> Dataset {
    let mut data = liuzhou_tui::embedded().unwrap();
    let base = data.industry.clone();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed as usize
    };
    data.industry = (0..n)
        .map(|k| {
            let a = &base[next() % base.len()];
            let b = &base[next() % base.len()];
            let mut ind = a.clone();
            ind.id = format!("{}-{k}", a.id).into();
            let tail: String = b.name.zh().chars().take(3).collect();
            let word = b.name.en().split_whitespace().last().unwrap_or("");
            ind.name = Text::new(&format!("{}{tail}", a.name.zh()), &format!("{} {word}", a.name.en()));
            let (sa, sb) = (&a.summary, &b.summary);
            ind.summary = Text::new(&format!("{}{}", sa.zh(), sb.zh()), &format!("{} {}", sa.en(), sb.en()));
            ind
        })
        .collect();
    data
}
