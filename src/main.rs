//! Parses the command line and dispatches; everything else lives in the library.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::{CommandFactory, Parser};
use liuzhou_tui::cli::{self, Cli, Command, Outcome};
use liuzhou_tui::data::Dataset;

const STDOUT: &str = "cannot write standard output";

fn main() -> ExitCode {
    // The shell asking for completions: its words are not a command line to parse.
    let outcome = match cli::complete::requested(Cli::command) {
        Some(answer) => answer.map_err(anyhow::Error::from).and_then(|a| print(&a)),
        None => real_main(&Cli::parse()),
    };
    // A closed stderr is no reason to abort; the exit status still says how it went.
    let mut stderr = io::stderr();
    match outcome {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::NotFound(why)) => {
            let _ = writeln!(stderr, "liuzhou-tui: {why}");
            ExitCode::from(1)
        }
        // The reader stopped reading (`| head`): what it took is all it wanted.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(stderr, "liuzhou-tui: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe))
}

fn print(bytes: &[u8]) -> anyhow::Result<Outcome> {
    io::stdout().lock().write_all(bytes).context(STDOUT)?;
    Ok(Outcome::Done)
}

fn real_main(cli: &Cli) -> anyhow::Result<Outcome> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let outcome = match &cli.command {
        Some(Command::Completions { shell }) => {
            out.write_all(&cli::complete::registration(*shell)?).context(STDOUT)?;
            Outcome::Done
        }
        Some(Command::Man) => {
            out.write_all(&cli::man_page(Cli::command())?).context(STDOUT)?;
            Outcome::Done
        }
        Some(Command::Validate { dir }) => {
            let Some(dir) = dir.as_ref().or(cli.data.as_ref()) else {
                anyhow::bail!(
                    "validate needs the dataset directory to check: `validate DIR` (or `--data DIR validate`)"
                );
            };
            Dataset::from_dir(dir)?;
            writeln!(out, "{}: ok", dir.display()).context(STDOUT)?;
            Outcome::Done
        }
        Some(command) => cli::run(command, &Arc::new(cli.dataset()?), cli.language(), cli.docs(), &mut out)?,
        None => {
            let data = cli.dataset()?;
            if !(io::stdin().is_terminal() && io::stdout().is_terminal()) {
                anyhow::bail!(
                    "the browser needs a terminal (stdin and stdout are not both one); \
                     for scripts use a subcommand: show, list, export, validate (see --help)"
                );
            }
            // A dumb terminal cannot move the cursor: the screen would be garbage.
            if std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
                anyhow::bail!(
                    "the browser needs a terminal that can move the cursor (TERM is dumb); \
                     use a subcommand instead: show, list, export, validate (see --help)"
                );
            }
            drop(out);
            liuzhou_tui::tui::run(data, cli.language(), cli.docs())?;
            return Ok(Outcome::Done);
        }
    };
    out.flush().context(STDOUT)?;
    Ok(outcome)
}
