use server::{config::Settings, Application};

#[tokio::main]
async fn main() {
    let settings = match Settings::load() {
        Ok(settings) => settings,
        Err(error) => {
            eprintln!("brug: {error}");
            std::process::exit(2);
        }
    };
    server::telemetry::init(&settings);
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        [] => {}
        ["backup", path] => finish(
            app::db::backup::backup(settings.database_url(), path.as_ref()).await,
            "backed up to",
            path,
        ),
        ["restore", path] => finish(
            app::db::backup::restore(settings.database_url(), path.as_ref()).await,
            "restored from",
            path,
        ),
        ["create-coordinator", username, display_name] => {
            let password = read_password();
            match app::accounts::first_coordinator::create_coordinator(
                settings.database_url(),
                username,
                display_name,
                &password,
            )
            .await
            {
                Ok(_) => {
                    println!("brug: {username} can now sign in as a coordinator");
                    std::process::exit(0);
                }
                Err(error) => {
                    eprintln!(
                        "brug: no coordinator made: {} ({})",
                        app::i18n::Lang::En.t(error.code.message()),
                        error.code.as_str()
                    );
                    std::process::exit(1);
                }
            }
        }
        _ => {
            eprintln!("usage: server [backup PATH | restore PATH | create-coordinator USERNAME \"DISPLAY NAME\"]");
            std::process::exit(2);
        }
    }
    let demo = settings.demo_data;
    let result = async {
        let app = Application::build(settings).await?;
        print_banner(&app, demo);
        app.run_until_stopped().await
    }
    .await;
    if let Err(error) = result {
        tracing::error!(%error, "brug stopped");
        eprintln!("brug: {error}");
        std::process::exit(1);
    }
}

/// Ends a backup or restore command: what was done, or why not.
fn finish(result: Result<(), app::db::backup::BackupError>, done: &str, path: &str) -> ! {
    match result {
        Ok(()) => {
            println!("brug: {done} {path}");
            std::process::exit(0);
        }
        Err(error) => {
            eprintln!("brug: {error}");
            std::process::exit(1);
        }
    }
}

/// The new coordinator's password, one line from standard input: typed without being shown
/// on a terminal, or piped in by a deployment script. Never an argument, which other
/// users of the machine could read in the process list.
fn read_password() -> String {
    use std::io::IsTerminal;
    let terminal = std::io::stdin().is_terminal();
    let echo = |on: bool| {
        if terminal {
            let _ = std::process::Command::new("stty")
                .arg(if on { "echo" } else { "-echo" })
                .status();
        }
    };
    if terminal {
        eprint!("Password for the new coordinator (not shown): ");
    }
    echo(false);
    let mut line = String::new();
    let read = std::io::stdin().read_line(&mut line);
    echo(true);
    if terminal {
        eprintln!();
    }
    if read.is_err() {
        eprintln!("brug: no password could be read");
        std::process::exit(2);
    }
    line.trim_end_matches(['\r', '\n']).to_string()
}

fn print_banner(app: &Application, demo: bool) {
    println!("\nBrug is running at http://{}\n", app.address);
    if demo {
        println!("Demo sign-ins (password for all: {}):", app::demo::DEMO_PASSWORD);
        for (username, who) in app::demo::DEMO_ACCOUNTS {
            println!("  {username:<12} {who}");
        }
        println!();
    }
    println!("Stop with Ctrl+C. Your data stays in the database for the next start.\n");
}
