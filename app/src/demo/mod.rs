//! The demo circle, loaded on first start of a non-production server with an empty
//! database. Names and texts are realistic and respectful.

mod conferences;
mod contacts;
mod plans;

use crate::access::Category;
use crate::accounts::{passwords, storage as accounts};
use crate::circle::{service::grant_consent_in, storage as circle, CaseRole, MemberKind, Relationship};
use crate::db::now;
use crate::error::AppError;
use crate::state::AppState;
use crate::trajectory::{storage as trajectory, Date, MilestoneStatus, NewMilestone, Phase};

pub const DEMO_PASSWORD: &str = "brug-demo-2026";

/// (username, display name, account role, organisation index)
const PEOPLE: &[(&str, &str, &str, Option<usize>)] = &[
    ("sarah", "Sarah", "participant", None),
    ("marleen", "Marleen", "family", None),
    ("yusuf", "Yusuf", "family", None),
    ("lotte", "Lotte", "worker", Some(0)),
    ("ahmed", "Ahmed", "worker", Some(1)),
    ("karim", "Karim", "worker", Some(2)),
    ("youssef", "Youssef", "participant", None),
    ("hanane", "Hanane", "family", None),
    ("pieter", "Pieter", "worker", Some(0)),
    ("coordinator", "Nadia (coördinatie)", "coordinator", Some(3)),
];

const ORGANISATIONS: &[&str] = &[
    "Justitiehuis Antwerpen",
    "Jeugdhulp Antwerpen",
    "Buddywerking Antwerpen",
    "Brug coördinatie regio Antwerpen",
];

/// Demo accounts for the README and the start-up message: (username, what they are).
pub const DEMO_ACCOUNTS: &[(&str, &str)] = &[
    ("sarah", "participant, mother of two children in youth care"),
    ("marleen", "Sarah's mother (shares reunification and appointments)"),
    ("yusuf", "Sarah's brother (nothing shared yet)"),
    ("lotte", "justice assistant for Sarah"),
    ("ahmed", "youth care for Sarah's children"),
    ("karim", "buddy for Sarah"),
    ("youssef", "participant"),
    ("hanane", "Youssef's wife"),
    ("pieter", "justice assistant for Youssef"),
    ("coordinator", "coordinator"),
];

/// The demo accounts in the database that still have the demo's public password, which
/// nobody can choose (`NewPassword::parse`): production refuses to start while there is
/// one, since anyone who read the README could sign in as it.
pub async fn accounts_with_public_password(state: &AppState) -> Result<Vec<&'static str>, AppError> {
    let mut tx = state.read().await?;
    let mut present = Vec::new();
    for (username, _) in DEMO_ACCOUNTS {
        if let Some(user) = accounts::user_by_username(&mut tx, username).await? {
            present.push((*username, user.password_hash));
        }
    }
    tx.commit().await?;
    let mut public = Vec::new();
    for (username, hash) in present {
        if passwords::verify(DEMO_PASSWORD.to_string().into(), Some(hash)).await? {
            public.push(username);
        }
    }
    Ok(public)
}

/// (case, username, how they belong, role in the case, relationship to the participant)
type DemoMember = (i64, &'static str, MemberKind, Option<CaseRole>, Option<Relationship>);

/// Loads the demo circle when the database has no accounts. Returns whether it did.
pub async fn load_if_empty(state: &AppState) -> Result<bool, AppError> {
    // Every demo account shares one public password, so one hash serves them all.
    let hash = passwords::hash_blocking(DEMO_PASSWORD)?;
    let now = now();
    let mut tx = state.begin().await?;
    let existing: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&mut *tx)
        .await?;
    if existing > 0 {
        return Ok(false);
    }
    let mut organisation_ids = Vec::new();
    for name in ORGANISATIONS {
        organisation_ids.push(circle::insert_organisation(&mut tx, name, now).await?);
    }
    let mut ids = std::collections::HashMap::new();
    for (username, display_name, role, organisation) in PEOPLE {
        let user = accounts::NewUser {
            username,
            display_name,
            password_hash: &hash,
            role,
            organisation_id: organisation.map(|i| organisation_ids[i]),
            now,
        };
        ids.insert(*username, accounts::insert_user(&mut tx, user).await?);
    }
    // Opened by the demo's coordinator, so they belong to her organisation.
    let coordination = Some(organisation_ids[3]);
    let case_a = circle::insert_case(&mut tx, "Sarah", coordination, now).await?;
    let case_b = circle::insert_case(&mut tx, "Youssef", coordination, now).await?;
    let members: &[DemoMember] = &[
        (case_a, "sarah", MemberKind::Participant, None, None),
        (case_a, "marleen", MemberKind::Family, None, Some(Relationship::Mother)),
        (case_a, "yusuf", MemberKind::Family, None, Some(Relationship::Brother)),
        (
            case_a,
            "lotte",
            MemberKind::Worker,
            Some(CaseRole::JusticeAssistant),
            None,
        ),
        (case_a, "ahmed", MemberKind::Worker, Some(CaseRole::YouthCare), None),
        (case_a, "karim", MemberKind::Worker, Some(CaseRole::Buddy), None),
        (case_b, "youssef", MemberKind::Participant, None, None),
        (case_b, "hanane", MemberKind::Family, None, Some(Relationship::Partner)),
        (
            case_b,
            "pieter",
            MemberKind::Worker,
            Some(CaseRole::JusticeAssistant),
            None,
        ),
    ];
    for (case_id, username, kind, case_role, relationship) in members {
        let membership = circle::NewMembership {
            case_id: *case_id,
            user_id: ids[username],
            kind: *kind,
            case_role: *case_role,
            relationship: *relationship,
            now,
        };
        circle::insert_membership(&mut tx, membership).await?;
    }
    for category in [Category::Reunification, Category::Appointments] {
        grant_consent_in(&mut tx, case_a, ids["marleen"], category).await?;
    }
    for category in [Category::Circle, Category::Appointments] {
        grant_consent_in(&mut tx, case_b, ids["hanane"], category).await?;
    }
    load_trajectories(&mut tx, case_a, case_b, ids["lotte"], ids["pieter"], now).await?;
    load_reunification(&mut tx, case_a, ids["ahmed"], now).await?;
    load_appointments(&mut tx, case_a, case_b, ids["lotte"], now).await?;
    contacts::load(&mut tx, case_a, &ids, ids["lotte"]).await?;
    plans::load(&mut tx, case_a, &ids).await?;
    conferences::load(&mut tx, case_a, &ids).await?;
    tx.commit().await?;
    Ok(true)
}

/// (phase, title, explanation, why it matters, who decides, what is needed, date, status)
type DemoMilestone = (
    Phase,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    MilestoneStatus,
);

const SARAH_MILESTONES: &[DemoMilestone] = &[
    (
        Phase::ConditionalRelease,
        "Gesprek over je voorwaarden",
        "Lotte legt samen met jou de voorwaarden van je vrijlating uit, één voor één.",
        "Zo weet je precies wat er van je verwacht wordt, en wat niet.",
        "De strafuitvoeringsrechtbank",
        "Identiteitskaart.",
        Some("2026-10-05"),
        MilestoneStatus::Done,
    ),
    (
        Phase::ConditionalRelease,
        "Evaluatie van je voorwaarden",
        "De strafuitvoeringsrechtbank bekijkt hoe het gaat en of de voorwaarden kunnen veranderen.",
        "Minder voorwaarden geeft je meer ruimte voor werk en voor je kinderen.",
        "De strafuitvoeringsrechtbank",
        "Een kort verslag van Lotte. Je mag ook zelf opschrijven hoe het gaat.",
        Some("2026-12-15"),
        MilestoneStatus::Planned,
    ),
    (
        Phase::ConditionalRelease,
        "Starten met een opleiding",
        "Je begint aan een opleiding logistiek bij het centrum voor volwassenenonderwijs.",
        "Een opleiding opent de weg naar werk dat bij je past.",
        "Jij, samen met Karim",
        "Inschrijven vóór 15 januari.",
        Some("2027-02-01"),
        MilestoneStatus::InProgress,
    ),
    (
        Phase::AfterCare,
        "Steun na het einde van je voorwaarden",
        "Ook als je voorwaarden aflopen, blijft Karim je buddy en kan je terecht bij het welzijnswerk in je buurt.",
        "De begeleiding stopt niet aan de poort en ook niet op de laatste dag van je voorwaarden.",
        "Jij",
        "",
        None,
        MilestoneStatus::Planned,
    ),
];

const YOUSSEF_MILESTONES: &[DemoMilestone] = &[(
    Phase::Leave,
    "Aanvraag uitgangsvergunning",
    "Je vraagt toestemming om een dag de gevangenis te verlaten, om je gezin te zien.",
    "Een eerste dag buiten bereidt je voor op de terugkeer naar huis.",
    "De gevangenisdirecteur",
    "Een plan voor de dag, samen met Pieter.",
    Some("2027-01-10"),
    MilestoneStatus::Planned,
)];

async fn load_trajectories(
    tx: &mut crate::db::Tx<'_>,
    case_a: i64,
    case_b: i64,
    lotte: i64,
    pieter: i64,
    now: i64,
) -> Result<(), AppError> {
    for (case_id, phase) in [(case_a, Phase::ConditionalRelease), (case_b, Phase::InDetention)] {
        sqlx::query("UPDATE cases SET phase = $1 WHERE id = $2")
            .bind(phase.as_str())
            .bind(case_id)
            .execute(&mut **tx)
            .await?;
    }
    // How Sarah's case came to its phase: the history she reads on her trajectory.
    sqlx::query(
        "INSERT INTO phase_changes (case_id, phase, effective_on, decided_by, reason, changed_by, changed_at) \
         VALUES ($1, 'conditional_release', '2026-09-15', 'De strafuitvoeringsrechtbank', \
         'Je kreeg voorwaardelijke vrijlating. Je voorwaarden volg je samen met Lotte op.', $2, $3)",
    )
    .bind(case_a)
    .bind(lotte)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    for (case_id, author, milestones) in [(case_a, lotte, SARAH_MILESTONES), (case_b, pieter, YOUSSEF_MILESTONES)] {
        for (phase, title, explanation, why, decides, needed, date, status) in milestones {
            let new = NewMilestone {
                phase: *phase,
                title: title.to_string(),
                explanation: explanation.to_string(),
                why_it_matters: why.to_string(),
                decided_by: decides.to_string(),
                what_is_needed: needed.to_string(),
                expected_date: date.and_then(|d| Date::parse(d).ok()),
                status: Some(*status),
                lang: Some(crate::i18n::Lang::Nl),
            };
            let id = trajectory::insert_milestone(tx, case_id, &new, author, now).await?;
            if *title == "Evaluatie van je voorwaarden" {
                let change = trajectory::NewChange {
                    milestone_id: id,
                    changed_by: lotte,
                    now,
                    field: "expected_date",
                    old_value: Some("2026-11-20"),
                    new_value: Some("2026-12-15"),
                    reason: "De rechtbank heeft de zitting verplaatst; dat ligt niet aan jou.",
                };
                trajectory::insert_change(tx, change).await?;
            }
        }
    }
    Ok(())
}

/// (step kind, status, conditions, next date)
type DemoStep = (&'static str, MilestoneStatus, &'static str, Option<&'static str>);

/// Sarah's two children in youth care: an alias and an age band only.
const CHILDREN: &[(&str, &str, &[DemoStep])] = &[
    (
        "Amira",
        "8_11",
        &[
            (
                "contact_by_phone_or_video",
                MilestoneStatus::Done,
                "Elke woensdag een videogesprek.",
                None,
            ),
            (
                "supervised_visit",
                MilestoneStatus::Done,
                "In het bezoekcentrum van jeugdhulp, met Ahmed erbij.",
                None,
            ),
            (
                "unsupervised_visit",
                MilestoneStatus::InProgress,
                "Twee uur samen in het bezoekcentrum, zonder begeleiding.",
                Some("2026-12-06"),
            ),
            (
                "day_visit",
                MilestoneStatus::Planned,
                "Een zaterdag samen bij Marleen thuis.",
                None,
            ),
            ("overnight_stay", MilestoneStatus::Planned, "", None),
            ("living_together", MilestoneStatus::Planned, "", None),
        ],
    ),
    (
        "Noah",
        "4_7",
        &[
            (
                "contact_by_phone_or_video",
                MilestoneStatus::Done,
                "Korte videogesprekken, samen met zijn pleegmoeder.",
                None,
            ),
            (
                "supervised_visit",
                MilestoneStatus::InProgress,
                "Een uur spelen in het bezoekcentrum, met Ahmed erbij.",
                Some("2026-12-04"),
            ),
        ],
    ),
];

async fn load_reunification(
    tx: &mut crate::db::Tx<'_>,
    case_id: i64,
    youth_care: i64,
    now: i64,
) -> Result<(), AppError> {
    for (alias, band, steps) in CHILDREN {
        let child: i64 = sqlx::query_scalar(
            "INSERT INTO children (case_id, alias, age_band, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(case_id)
        .bind(*alias)
        .bind(*band)
        .bind(now)
        .fetch_one(&mut **tx)
        .await?;
        for (position, (kind, status, conditions, date)) in steps.iter().enumerate() {
            sqlx::query(
                "INSERT INTO reunification_steps (child_id, position, kind, status, conditions, next_date, contact_user_id, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(child)
            .bind(position as i64 + 1)
            .bind(*kind)
            .bind(status.as_str())
            .bind(tx.text_keys().seal(crate::sealing::text::Column::ReunificationConditions, conditions))
            .bind(*date)
            .bind(youth_care)
            .bind(now)
            .execute(&mut **tx)
            .await?;
        }
    }
    Ok(())
}

/// (case: 0 for Sarah, 1 for Youssef; days from the day the demo is loaded; time; minutes;
/// mode; place; with whom; what for; what to bring). Relative days keep them upcoming.
type DemoAppointment = (
    usize,
    i64,
    &'static str,
    i64,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const APPOINTMENTS: &[DemoAppointment] = &[
    (
        0,
        6,
        "10:00",
        60,
        "in_person",
        "Justitiehuis Antwerpen, Bolivarplaats 20",
        "Lotte",
        "Gesprek over hoe het gaat",
        "Identiteitskaart",
    ),
    (
        0,
        8,
        "14:00",
        120,
        "in_person",
        "Bezoekcentrum jeugdhulp, Antwerpen",
        "Ahmed",
        "Bezoek met Amira",
        "",
    ),
    (
        0,
        17,
        "09:30",
        60,
        "in_person",
        "Strafuitvoeringsrechtbank Antwerpen",
        "Lotte",
        "Evaluatie van je voorwaarden",
        "Je oproepingsbrief",
    ),
    (
        1,
        10,
        "11:00",
        45,
        "video",
        "De link staat in je gevangenisagenda",
        "Pieter",
        "Voorbereiding van je uitgangsvergunning",
        "",
    ),
];

async fn load_appointments(
    tx: &mut crate::db::Tx<'_>,
    case_a: i64,
    case_b: i64,
    author: i64,
    now: i64,
) -> Result<(), AppError> {
    for (case, days, time, minutes, mode, place, with_whom, purpose, bring) in APPOINTMENTS {
        let day: String = crate::accounts::format_time(now + days * 86_400)
            .chars()
            .take(10)
            .collect();
        let starts_at = format!("{day}T{time}");
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO appointments (case_id, starts_at, duration_minutes, mode, place, with_whom, purpose, what_to_bring, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(if *case == 0 { case_a } else { case_b })
        .bind(&starts_at)
        .bind(*minutes)
        .bind(*mode)
        .bind(*place)
        .bind(*with_whom)
        .bind(*purpose)
        .bind(*bring)
        .bind(author)
        .bind(now)
        .fetch_one(&mut **tx)
        .await?;
        crate::reminders::service::schedule_in(tx, id, &starts_at, now).await?;
    }
    Ok(())
}
