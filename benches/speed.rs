//! Speed: loading the embedded data, one search keystroke (embedded and 100,000
//! records), a keystroke with its redraw, and a full frame of each tab (embedded and
//! 100,000 records).
//!
//! `cargo bench` prints criterion's estimates; the keystroke groups also print the
//! p50/p95/max over a realistic run of keystrokes.

use std::cell::RefCell;
use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use liuzhou_tui::data::Lang;
use liuzhou_tui::search::SearchIndex;
use liuzhou_tui::tui::action::{Edit, Msg};
use liuzhou_tui::tui::app::App;
use liuzhou_tui::tui::tabs::Tab;
use liuzhou_tui::tui::theme::Theme;
use liuzhou_tui::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use synthetic::{TYPED, keystrokes, synthetic};

#[path = "common/synthetic.rs"]
mod synthetic;

fn percentiles(name: &str, mut samples: Vec<Duration>) {
    if samples.is_empty() {
        return; // filtered out on the command line
    }
    samples.sort();
    let at = |p: f64| samples[((samples.len() - 1) as f64 * p).round() as usize];
    println!(
        "{name}: {} keystrokes: p50 {:.3?}  p95 {:.3?}  max {:.3?}",
        samples.len(),
        at(0.5),
        at(0.95),
        samples[samples.len() - 1]
    );
}

fn load(c: &mut Criterion) {
    c.bench_function("load/embedded (decode)", |b| b.iter(|| black_box(liuzhou_tui::embedded().unwrap())));
    let data = Arc::new(liuzhou_tui::embedded().unwrap());
    c.bench_function("load/search index (pinyin)", |b| b.iter(|| black_box(SearchIndex::new(Arc::clone(&data)))));
}

fn search(c: &mut Criterion) {
    let strokes = keystrokes();
    for (name, data) in [("embedded", liuzhou_tui::embedded().unwrap()), ("100k", synthetic(100_000))] {
        let mut index = SearchIndex::new(data);
        let samples = RefCell::new(Vec::new());
        // Where the workload goes on from: each call would otherwise begin again at its
        // first keystroke, and the few keystrokes a sample takes would all be those.
        let mut next = 0;
        c.bench_function(&format!("search/{name}/keystroke"), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let q = &strokes[next % strokes.len()];
                    next += 1;
                    let t = Instant::now();
                    black_box(index.search(q, liuzhou_tui::tui::app::FINDER_LIMIT).ok());
                    let d = t.elapsed();
                    samples.borrow_mut().push(d);
                    total += d;
                }
                total
            })
        });
        percentiles(&format!("search/{name}"), samples.into_inner());
        // A one-letter query matches nearly every record: the worst case.
        c.bench_function(&format!("search/{name}/matches everything"), |b| {
            b.iter(|| black_box(index.search("i", liuzhou_tui::tui::app::FINDER_LIMIT).ok()))
        });
    }
}

fn keystroke_and_redraw(c: &mut Criterion) {
    for (name, data) in [("embedded", liuzhou_tui::embedded().unwrap()), ("100k", synthetic(100_000))] {
        let mut app = App::new(data, Lang::En, Theme::monochrome(), Rect::new(0, 0, 100, 30));
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        // As the event loop draws: the finder's first frame keeps what lies under it.
        let mut painter = ui::Painter::default();
        let samples = RefCell::new(Vec::new());
        // As in `search`: every query in turn, not the first one again in each sample.
        let mut next = 0;
        c.bench_function(&format!("keystroke+redraw/{name}"), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let query = TYPED[next % TYPED.len()];
                    next += 1;
                    app.update(Msg::OpenFinder);
                    terminal.draw(|f| painter.draw(&app, f)).unwrap();
                    for ch in query.chars() {
                        let t = Instant::now();
                        app.update(Msg::Edit(Edit::Insert(ch)));
                        terminal.draw(|f| painter.draw(&app, f)).unwrap();
                        let d = t.elapsed();
                        samples.borrow_mut().push(d);
                        total += d;
                    }
                    app.update(Msg::Back);
                }
                total
            })
        });
        percentiles(&format!("keystroke+redraw/{name}"), samples.into_inner());
    }
}

fn draw(c: &mut Criterion) {
    for (name, data) in [("embedded", liuzhou_tui::embedded().unwrap()), ("100k", synthetic(100_000))] {
        let mut app = App::new(data, Lang::Zh, Theme::colour(), Rect::new(0, 0, 200, 60));
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
        for tab in Tab::ALL {
            app.update(Msg::GoTo(tab));
            app.update(Msg::Down);
            c.bench_function(&format!("draw/{name}/{tab:?} 200x60"), |b| {
                b.iter(|| terminal.draw(|f| ui::draw(&app, f)).unwrap().area)
            });
        }
        // Scrolled to the end: rows above the screen must cost nothing.
        app.update(Msg::GoTo(Tab::Industry));
        app.update(Msg::Bottom);
        c.bench_function(&format!("draw/{name}/Industry at its end 200x60"), |b| {
            b.iter(|| terminal.draw(|f| ui::draw(&app, f)).unwrap().area)
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_millis(500));
    targets = load, search, keystroke_and_redraw, draw
}
criterion_main!(benches);
