//! Background jobs in the admin: the recent ones with their state and last error, and a retry
//! for those that failed. Editors and admins only.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use dateline_core::Msg;
use dateline_render::admin_views::{JobRow, JobsPage};
use dateline_store::Job;
use serde::Deserialize;
use serde_json::{Value, json};

use super::api_error::{AdminApiError, ApiQuery};
use super::auth::Caller;
use super::frame::{Editor, FormFields, clock, page_error, render, see_other, time_text};
use crate::AppState;

/// Jobs listed at most.
const LISTED: u32 = 200;
const STATUSES: [&str; 4] = ["queued", "running", "done", "failed"];

/// `GET /admin/api/jobs`, `POST /admin/api/jobs/{id}/retry`, documented.
pub(crate) fn operations() -> utoipa_axum::router::OpenApiRouter<AppState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(api_list))
        .routes(utoipa_axum::routes!(api_retry))
}

/// `GET /admin/jobs`, `POST /admin/jobs/{id}/retry`.
pub(crate) fn page_routes() -> axum::Router<AppState> {
    axum::Router::new().route("/jobs", get(jobs_page)).route("/jobs/{id}/retry", post(retry_page))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct JobQuery {
    /// Only the jobs in this state; all when absent.
    #[param(value_type = Option<super::answers::JobStatus>)]
    status: Option<String>,
}

fn check_role(user: &dateline_core::User) -> Result<(), AdminApiError> {
    if user.role.is_editor() { Ok(()) } else { Err(AdminApiError::forbidden(Msg::new("editors-only"))) }
}

fn check_status(status: Option<&str>) -> Result<(), AdminApiError> {
    match status {
        Some(status) if !STATUSES.contains(&status) => Err(AdminApiError::new(
            StatusCode::BAD_REQUEST,
            "bad_request",
            Msg::new("job-status-unknown").with("status", status),
        )),
        _ => Ok(()),
    }
}

/// Background jobs, newest first (at most 200), with counts by state (editors).
#[utoipa::path(get, path = "/jobs", tag = "jobs", params(JobQuery),
    responses(super::CommonAnswers, (status = 200, description = "The jobs", body = super::answers::JobList)))]
async fn api_list(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<JobQuery>,
) -> Result<Json<Value>, AdminApiError> {
    check_role(&caller.user)?;
    check_status(query.status.as_deref())?;
    let jobs = state.store().jobs(query.status.as_deref(), LISTED).await?;
    let counts: serde_json::Map<String, Value> =
        state.store().job_counts().await?.into_iter().map(|(status, count)| (status, json!(count))).collect();
    Ok(Json(json!({ "jobs": jobs, "counts": counts })))
}

/// Queues a failed job again, its attempts counted afresh (editors).
#[utoipa::path(post, path = "/jobs/{id}/retry", tag = "jobs", params(("id" = i64, Path)),
    responses(
        super::CommonAnswers,
        (status = 200, description = "Queued", body = super::answers::Job),
        (status = 404, description = "No failed job with this id", body = super::api_types::ErrorBody),
    ))]
async fn api_retry(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<Json<Job>, AdminApiError> {
    check_role(&caller.user)?;
    retry(&state, id).await.map(Json)
}

async fn retry(state: &AppState, id: i64) -> Result<Job, AdminApiError> {
    state.store().retry_job(id, jiff::Timestamp::now().as_millisecond()).await?;
    state.newsroom().wake_job_worker();
    state.store().job(id).await?.ok_or_else(|| AdminApiError::not_found("job"))
}

/// `GET /admin/jobs`.
async fn jobs_page(
    State(state): State<AppState>,
    editor: Editor,
    query: Result<Query<JobQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let Ok(Query(query)) = query else {
        let error = AdminApiError::new(StatusCode::BAD_REQUEST, "bad_request", Msg::new("filter-malformed"));
        return page_error(&state, &error, Some(&editor));
    };
    let result = async {
        check_role(&editor.user)?;
        check_status(query.status.as_deref())?;
        let clock = clock(&state).await;
        let when = |ms: i64| jiff::Timestamp::from_millisecond(ms).map(|t| time_text(&clock, t).0).unwrap_or_default();
        let jobs: Vec<JobRow> = state
            .store()
            .jobs(query.status.as_deref(), LISTED)
            .await?
            .into_iter()
            .map(|job| JobRow {
                run_at: when(job.run_at_ms),
                finished: job.finished_at_ms.map(when),
                id: job.id,
                kind: job.kind,
                subject_id: job.subject_id,
                status: job.status,
                attempts: job.attempts,
                max_attempts: job.max_attempts,
                worker: job.worker,
                last_error: job.last_error,
            })
            .collect();
        let counts = state.store().job_counts().await?;
        Ok::<_, AdminApiError>(JobsPage {
            frame: editor.titled(&state, "title-jobs", "jobs"),
            jobs,
            counts,
            status: query.status,
            statuses: &STATUSES,
        })
    };
    match result.await {
        Ok(page) => render(&state, StatusCode::OK, &page),
        Err(error) => page_error(&state, &error, Some(&editor)),
    }
}

/// `POST /admin/jobs/{id}/retry` (a form).
async fn retry_page(State(state): State<AppState>, editor: Editor, Path(id): Path<i64>, body: Bytes) -> Response {
    let result = async {
        FormFields::parse(&body).check_csrf(&editor.csrf_token)?;
        check_role(&editor.user)?;
        retry(&state, id).await
    };
    match result.await {
        Ok(_) => see_other("/admin/jobs?status=failed"),
        Err(error) => page_error(&state, &error, Some(&editor)),
    }
}
