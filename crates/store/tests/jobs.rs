//! The jobs table on either backend: several workers (each with its own connection pool, as
//! separate nodes have) race for jobs and each job runs once; an expired lease hands a job to
//! another worker; failures wait for their retry time; failed jobs can be retried.

use std::collections::BTreeMap;

use dateline_testing::store::TestStore;

/// A fixed clock, in Unix milliseconds.
const T0: i64 = 1_800_000_000_000;

/// Jobs in the queue besides the ones a test adds: the recurring scheduler job.
async fn queued_scheduler(store: &dateline_store::Store) -> i64 {
    let jobs = store.jobs(Some("queued"), 10).await.unwrap();
    let scheduler = jobs.iter().find(|j| j.kind == "publish_due").expect("the migration queues the scheduler job");
    scheduler.id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn racing_workers_run_each_job_once() {
    let dir = tempfile::tempdir().unwrap();
    let store = TestStore::open(dir.path()).await;
    // Out of the way: the scheduler job is due far in the future for this test.
    let scheduler = queued_scheduler(&store).await;
    assert!(store.claim_job("setup", T0, T0 + 1000).await.unwrap().is_some_and(|j| j.id == scheduler));
    assert!(store.requeue_job(scheduler, "setup", i64::MAX / 2, None).await.unwrap());

    let mut expected = Vec::new();
    for n in 0..60 {
        let id = store.enqueue_job("renditions", n, None, T0, T0).await.unwrap().unwrap();
        expected.push(id);
    }
    let mut workers = Vec::new();
    for w in 0..6 {
        let node = store.reopen().await;
        workers.push(tokio::spawn(async move {
            let name = format!("worker-{w}");
            let mut ran = Vec::new();
            while let Some(job) = node.claim_job(&name, T0 + 10, T0 + 60_000).await.unwrap() {
                assert_eq!(job.attempts, 1, "nobody claimed job {} before", job.id);
                ran.push(job.id);
                tokio::task::yield_now().await;
                assert!(node.finish_job(job.id, &name, T0 + 20).await.unwrap(), "{name} still holds job {}", job.id);
            }
            node.close().await;
            ran
        }));
    }
    let mut runs: BTreeMap<i64, usize> = BTreeMap::new();
    let mut busy_workers = 0;
    for worker in workers {
        let ran = worker.await.unwrap();
        busy_workers += usize::from(!ran.is_empty());
        for id in ran {
            *runs.entry(id).or_default() += 1;
        }
    }
    assert_eq!(runs.keys().copied().collect::<Vec<_>>(), expected, "every job ran");
    assert!(runs.values().all(|&n| n == 1), "no job ran twice: {runs:?}");
    assert!(busy_workers > 1, "the work was shared");
    let counts = store.job_counts().await.unwrap();
    assert!(counts.contains(&("done".to_owned(), 60)), "{counts:?}");
}

#[tokio::test]
async fn leases_retries_and_failures() {
    let dir = tempfile::tempdir().unwrap();
    let store = TestStore::open(dir.path()).await;
    let scheduler = queued_scheduler(&store).await;
    let job = store.enqueue_job("renditions", 7, Some("renditions:7"), T0, T0).await.unwrap().unwrap();
    assert_eq!(store.enqueue_job("renditions", 7, Some("renditions:7"), T0, T0).await.unwrap(), None, "deduplicated");

    // The scheduler job, due since the migration, comes first (sent far ahead here); then ours.
    assert_eq!(store.claim_job("a", T0, T0 + 100).await.unwrap().unwrap().id, scheduler);
    assert!(store.requeue_job(scheduler, "a", i64::MAX / 2, None).await.unwrap());
    let claimed = store.claim_job("a", T0, T0 + 100).await.unwrap().unwrap();
    assert_eq!((claimed.id, claimed.kind.as_str(), claimed.subject_id, claimed.attempts), (job, "renditions", 7, 1));
    assert!(store.claim_job("b", T0 + 50, T0 + 150).await.unwrap().is_none(), "leased to a");

    // Worker a dies; once its lease expires, b takes the job over and a can no longer finish it.
    let taken = store.claim_job("b", T0 + 101, T0 + 1000).await.unwrap().unwrap();
    assert_eq!((taken.id, taken.attempts), (job, 2));
    assert!(!store.finish_job(job, "a", T0 + 102).await.unwrap(), "a lost the job");
    assert!(store.extend_job_lease(job, "b", T0 + 5000).await.unwrap());
    assert!(store.claim_job("c", T0 + 2000, T0 + 3000).await.unwrap().is_none(), "b's lease was extended");

    // A failure waits for its retry time, with its error kept.
    assert!(store.requeue_job(job, "b", T0 + 10_000, Some("bucket unreachable")).await.unwrap());
    assert!(store.claim_job("c", T0 + 9_999, T0 + 20_000).await.unwrap().is_none(), "not before its time");
    let retried = store.claim_job("c", T0 + 10_000, T0 + 20_000).await.unwrap().unwrap();
    assert_eq!((retried.id, retried.attempts), (job, 3));
    let listed = store.job(job).await.unwrap().unwrap();
    assert_eq!((listed.status.as_str(), listed.last_error.as_deref()), ("running", Some("bucket unreachable")));

    // The last attempt fails: the job stays failed, listed, until retried.
    assert!(store.fail_job(job, "c", "still unreachable", T0 + 10_500).await.unwrap());
    assert!(store.claim_job("c", T0 + 99_999_999, T0 + 100_000_000).await.unwrap().is_none());
    let failed = store.jobs(Some("failed"), 10).await.unwrap();
    assert_eq!(failed.len(), 1);
    assert_eq!((failed[0].id, failed[0].last_error.as_deref()), (job, Some("still unreachable")));
    store.retry_job(job, T0 + 20_000).await.unwrap();
    assert!(store.retry_job(job, T0 + 20_000).await.unwrap_err().to_string().contains("failed job"));
    let again = store.jobs(None, 10).await.unwrap().into_iter().find(|j| j.id == job).unwrap();
    assert_eq!((again.status.as_str(), again.attempts), ("queued", 0));

    // Finished jobs are purged after a while; failed ones stay.
    let claimed = store.claim_job("d", T0 + 20_000, T0 + 30_000).await.unwrap().unwrap();
    assert!(store.finish_job(claimed.id, "d", T0 + 21_000).await.unwrap());
    assert_eq!(store.purge_done_jobs(T0 + 21_000).await.unwrap(), 0);
    assert_eq!(store.purge_done_jobs(T0 + 21_001).await.unwrap(), 1);
}
