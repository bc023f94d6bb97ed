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
        _ => {
            eprintln!("usage: server [backup PATH | restore PATH]");
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
