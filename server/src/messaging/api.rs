use crate::http::RequestState;
use crate::http::{ApiJson, ApiQuery, ApiViewer, Ctx, ListPage, Paging};
use app::error::AppError;
use app::messaging::{
    away, inbox, service, AwayRequest, Conversation, ConversationList, Inbox, Message, MessagePage, NewGroup,
    NewMember, NewMessage, OverdueNotice, ReadReceiptSetting, ReadUpTo, ResponsePromise,
};
use axum::extract::Path;
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;
use utoipa::IntoParams;

/// The viewer's conversations: one with each of their workers (or, for a worker, with each
/// person of their cases), and any groups they are in.
#[utoipa::path(get, path = "/api/v1/conversations", tag = "messaging", security(("bearer" = [])), params(ListPage),
    responses((status = 200, body = ConversationList), (status = 401)))]
pub async fn list_conversations(
    RequestState(state): RequestState,
    ApiViewer(viewer): ApiViewer,
    Paging(page): Paging,
) -> Result<Json<ConversationList>, AppError> {
    Ok(Json(service::conversations(&state, &viewer, &page).await?))
}

/// The participant starts a group conversation with two or more of their workers.
#[utoipa::path(post, path = "/api/v1/conversations", tag = "messaging", security(("bearer" = [])), request_body = NewGroup,
    responses((status = 201, body = Conversation), (status = 403, description = "not_permitted"), (status = 404), (status = 422, description = "invalid_input")))]
pub async fn start_group(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    ApiJson(body): ApiJson<NewGroup>,
) -> Result<(StatusCode, Json<Conversation>), AppError> {
    Ok((
        StatusCode::CREATED,
        Json(service::start_group(&state, &ctx, &viewer, body).await?),
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MessageWindow {
    /// The `older_cursor` of a page: the messages just before it.
    before: Option<String>,
    /// The `newer_cursor` of a page (or the newest id you hold): the messages after it.
    after: Option<String>,
    /// At most 200; 50 by default.
    limit: Option<i64>,
}

/// A stretch of the conversation, oldest first: the newest messages, or those before or
/// after a cursor. Reading is recorded (never the text).
#[utoipa::path(get, path = "/api/v1/conversations/{conversation_id}/messages", tag = "messaging", security(("bearer" = [])),
    params(("conversation_id" = i64, Path), MessageWindow),
    responses((status = 200, body = MessagePage), (status = 404, description = "not a conversation you are in"), (status = 422)))]
pub async fn list_messages(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path(conversation_id): Path<i64>,
    ApiQuery(window): ApiQuery<MessageWindow>,
) -> Result<Json<MessagePage>, AppError> {
    let page = service::messages(
        &state,
        &ctx,
        &viewer,
        conversation_id,
        window.before.as_deref(),
        window.after.as_deref(),
        window.limit,
    )
    .await?;
    Ok(Json(page))
}

/// Sends a message. 201 once it is stored; the same `client_id` again answers with the
/// message already sent, never a second one.
#[utoipa::path(post, path = "/api/v1/conversations/{conversation_id}/messages", tag = "messaging", security(("bearer" = [])),
    params(("conversation_id" = i64, Path)), request_body = NewMessage,
    responses((status = 201, body = Message), (status = 404), (status = 422, description = "invalid_input")))]
pub async fn send_message(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path(conversation_id): Path<i64>,
    ApiJson(body): ApiJson<NewMessage>,
) -> Result<(StatusCode, Json<Message>), AppError> {
    Ok((
        StatusCode::CREATED,
        Json(service::send(&state, &ctx, &viewer, conversation_id, body).await?),
    ))
}

/// Marks the conversation read up to a message.
#[utoipa::path(post, path = "/api/v1/conversations/{conversation_id}/read", tag = "messaging", security(("bearer" = [])),
    params(("conversation_id" = i64, Path)), request_body = ReadUpTo,
    responses((status = 204), (status = 404), (status = 422)))]
pub async fn mark_read(
    RequestState(state): RequestState,
    ApiViewer(viewer): ApiViewer,
    Path(conversation_id): Path<i64>,
    ApiJson(body): ApiJson<ReadUpTo>,
) -> Result<StatusCode, AppError> {
    service::mark_read(&state, &viewer, conversation_id, body).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Whether others see when you read their messages (participants and family members).
#[utoipa::path(put, path = "/api/v1/me/read-receipts", tag = "messaging", security(("bearer" = [])),
    request_body = ReadReceiptSetting, responses((status = 204), (status = 403, description = "not_permitted")))]
pub async fn set_read_receipts(
    RequestState(state): RequestState,
    ApiViewer(viewer): ApiViewer,
    ApiJson(body): ApiJson<ReadReceiptSetting>,
) -> Result<StatusCode, AppError> {
    service::set_read_receipts(&state, &viewer, body).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A worker's inbox across their caseload: conversations waiting for a worker's answer
/// first (longest wait on top, marked overdue past the organisation's promise), then the
/// rest; and colleagues' overdue conversations in the same cases, without content.
#[utoipa::path(get, path = "/api/v1/inbox", tag = "messaging", security(("bearer" = [])),
    responses((status = 200, body = Inbox), (status = 403, description = "not_permitted: workers only")))]
pub async fn inbox(RequestState(state): RequestState, ApiViewer(viewer): ApiViewer) -> Result<Json<Inbox>, AppError> {
    Ok(Json(inbox::inbox(&state, &viewer).await?))
}

/// For coordinators: every conversation past its response promise, without content.
#[utoipa::path(get, path = "/api/v1/overdue", tag = "messaging", security(("bearer" = [])),
    responses((status = 200, body = [OverdueNotice]), (status = 403, description = "not_permitted: coordinators only")))]
pub async fn overdue(
    RequestState(state): RequestState,
    ApiViewer(viewer): ApiViewer,
) -> Result<Json<Vec<OverdueNotice>>, AppError> {
    Ok(Json(inbox::overdue_everywhere(&state, &viewer).await?))
}

/// A worker goes away until a day and names a colleague of their organisation to stand
/// in: the colleague reads and answers their conversations meanwhile, and the people
/// writing see who stands in.
#[utoipa::path(put, path = "/api/v1/me/away", tag = "messaging", security(("bearer" = [])), request_body = AwayRequest,
    responses((status = 204), (status = 403, description = "not_permitted: workers only"), (status = 422, description = "invalid_input")))]
pub async fn set_away(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    ApiJson(body): ApiJson<AwayRequest>,
) -> Result<StatusCode, AppError> {
    away::set_away(&state, &ctx, &viewer, body).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Back at work: the stand-in leaves the conversations.
#[utoipa::path(delete, path = "/api/v1/me/away", tag = "messaging", security(("bearer" = [])),
    responses((status = 204), (status = 403, description = "not_permitted: workers only")))]
pub async fn end_away(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
) -> Result<StatusCode, AppError> {
    away::end_away(&state, &ctx, &viewer).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A member adds a worker of the same case to the conversation, which becomes a group.
#[utoipa::path(post, path = "/api/v1/conversations/{conversation_id}/members", tag = "messaging", security(("bearer" = [])),
    params(("conversation_id" = i64, Path)), request_body = NewMember,
    responses((status = 200, body = Conversation), (status = 404), (status = 422, description = "invalid_input: not a worker of the case, or already in it")))]
pub async fn add_member(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path(conversation_id): Path<i64>,
    ApiJson(body): ApiJson<NewMember>,
) -> Result<Json<Conversation>, AppError> {
    Ok(Json(
        service::add_member(&state, &ctx, &viewer, conversation_id, body).await?,
    ))
}

/// A coordinator sets the organisation's response promise, in working days (1 to 10).
#[utoipa::path(put, path = "/api/v1/organisations/{organisation_id}/response-promise", tag = "messaging", security(("bearer" = [])),
    params(("organisation_id" = i64, Path)), request_body = ResponsePromise,
    responses((status = 204), (status = 403, description = "not_permitted: coordinators only"), (status = 404), (status = 422)))]
pub async fn set_response_promise(
    RequestState(state): RequestState,
    ApiViewer(viewer): ApiViewer,
    Path(organisation_id): Path<i64>,
    ApiJson(body): ApiJson<ResponsePromise>,
) -> Result<StatusCode, AppError> {
    service::set_response_promise(&state, &viewer, organisation_id, body).await?;
    Ok(StatusCode::NO_CONTENT)
}
