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
