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
    let result = async {
        let app = Application::build(settings).await?;
        app.run_until_stopped().await
    }
    .await;
    if let Err(error) = result {
        tracing::error!(%error, "brug stopped");
        eprintln!("brug: {error}");
        std::process::exit(1);
    }
}
