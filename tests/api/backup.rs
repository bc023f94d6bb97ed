//! Backup and restore: a backup taken while messages arrive, restored into an empty
//! database, holds every message acknowledged before the backup started, and a server on
//! it shows them. A backup never overwrites a file; a restore never goes over data.

use app::db::backup::{backup, restore, BackupError};
use integration::{empty_database, TestApp};
use reqwest::StatusCode;
use serde_json::json;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Waits until at least `count` messages were acknowledged.
async fn until_acknowledged(acknowledged: &Mutex<Vec<String>>, count: usize) {
    for _ in 0..400 {
        if acknowledged.lock().unwrap().len() >= count {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("messages were not acknowledged");
}

#[tokio::test]
async fn a_backup_taken_while_messages_arrive_restores_every_message_acknowledged_before_it() {
    let app = TestApp::spawn().await;
    let lotte = app.token("lotte").await;
    let conversation = app.conversation_with(&lotte, "sarah").await;
    let path = format!("/api/v1/conversations/{conversation}/messages");
    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let sending = Arc::new(AtomicBool::new(true));
    let sender = {
        let (http, url, token) = (app.http.clone(), app.url(&path), lotte.clone());
        let (acknowledged, sending) = (acknowledged.clone(), sending.clone());
        tokio::spawn(async move {
            let mut number = 0;
            while sending.load(Ordering::Relaxed) {
                number += 1;
                let body = format!("Bericht {number} tijdens de back-up");
                let sent = http
                    .post(&url)
                    .bearer_auth(&token)
                    .json(&json!({ "body": body, "client_id": format!("backup-{number}") }))
                    .send()
                    .await;
                if sent.is_ok_and(|r| r.status() == StatusCode::CREATED) {
                    acknowledged.lock().unwrap().push(body);
                }
            }
        })
    };
    until_acknowledged(&acknowledged, 20).await;
    let before: Vec<String> = acknowledged.lock().unwrap().clone();
    let folder = std::env::temp_dir().join(format!("brug-backup-{:016x}", rand::random::<u64>()));
    std::fs::create_dir_all(&folder).unwrap();
    let file = folder.join("brug.backup");
    backup(&app.database_url, &file)
        .await
        .expect("a backup while messages arrive");
    until_acknowledged(&acknowledged, before.len() + 10).await;
    sending.store(false, Ordering::Relaxed);
    sender.await.unwrap();

    let empty = empty_database().await;
    restore(&empty.url, &file)
        .await
        .expect("restored into an empty database");
    let restored = TestApp::spawn_on(&empty).await;
    let sarah = restored.token("sarah").await;
    let mut shown = Vec::new();
    let mut page = format!("{path}?limit=100");
    loop {
        let answer: serde_json::Value = restored.get(&page, &sarah).await.json().await.unwrap();
        shown.extend(
            answer["messages"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["body"].as_str().unwrap().to_string()),
        );
        match answer["older_cursor"].as_str() {
            Some(cursor) => page = format!("{path}?limit=100&before={cursor}"),
            None => break,
        }
    }
    for body in &before {
        assert!(
            shown.contains(body),
            "{body} was acknowledged before the backup and is restored"
        );
    }

    assert!(matches!(
        backup(&app.database_url, &file).await,
        Err(BackupError::Exists(_))
    ));
    assert!(matches!(
        restore(&restored.database_url, &file).await,
        Err(BackupError::NotEmpty)
    ));
    let not_a_backup = folder.join("notes.txt");
    std::fs::write(&not_a_backup, "boodschappen: melk, brood").unwrap();
    let another = empty_database().await;
    assert!(matches!(
        restore(&another.url, &not_a_backup).await,
        Err(BackupError::NotABackup(_)) | Err(BackupError::Tool(_))
    ));
    std::fs::remove_dir_all(&folder).unwrap();
}
