//! Parses the command line and dispatches; everything else lives in the library.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use liuzhou_tui::cli::{self, Cli, Command, Outcome};
use liuzhou_tui::data::Dataset;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match real_main(&cli) {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::NotFound(why)) => {
            eprintln!("liuzhou-tui: {why}");
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("liuzhou-tui: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn real_main(cli: &Cli) -> anyhow::Result<Outcome> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let outcome = match &cli.command {
        Some(Command::Completions { shell }) => {
            clap_complete::generate(*shell, &mut Cli::command(), "liuzhou-tui", &mut out);
            Outcome::Done
        }
        Some(Command::Validate { dir }) => {
            Dataset::from_dir(dir)?;
            writeln!(out, "{}: ok", dir.display())?;
            Outcome::Done
        }
        Some(command) => cli::run(command, &cli.dataset()?, &mut out)?,
        None => {
            let data = cli.dataset()?;
            if !(io::stdin().is_terminal() && io::stdout().is_terminal()) {
                anyhow::bail!(
                    "the browser needs a terminal (stdin and stdout are not both one); \
                     for scripts use a subcommand: show, list, export, validate (see --help)"
                );
            }
            drop(out);
            liuzhou_tui::tui::run(data, cli.language())?;
            return Ok(Outcome::Done);
        }
    };
    out.flush()?;
    Ok(outcome)
}
