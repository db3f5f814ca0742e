"""The shared helpers for asynchronous operations (`apis.jobs`) and served documents (`apis.documents`)."""

from __future__ import annotations

import gzip

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from emulator import downloads
from emulator.apis import documents, jobs
from emulator.apis.documents.records import DOCUMENTS, LINKS
from emulator.apis.jobs.records import JOBS, Severity
from emulator.context import Call, Caller
from emulator.registry import registry
from emulator.state import Clock, IdFactory, Store
from emulator.state.records import Schema

SCHEMA = Schema([JOBS, DOCUMENTS, LINKS])
KIND = "tests.jobs.finish"
FINISHED: list[str] = []


@jobs.finishes(KIND)
def _finish(tenant, job, due):
    FINISHED.append(job.subject)
    if job.params.get("fail"):
        return jobs.Outcome("FAILED", (jobs.Problem(code="X", message="broken", severity=Severity.ERROR),))
    return jobs.Outcome("SUCCESS")


def _call(store: Store, clock: Clock, seller: str = "S1") -> Call:
    caller = Caller(client_id="c", application_id="a", seller_id=seller)
    return Call(None, {}, None, caller, store, clock, IdFactory(7), "r", origin="http://127.0.0.1:9")  # type: ignore[arg-type]


@pytest.fixture
def world():
    FINISHED.clear()
    return Store(SCHEMA), Clock()


def _settle(store: Store, clock: Clock) -> None:
    store.scheduler.run_due(clock.timestamp(), store, registry.transitions)


def test_a_job_walks_its_phases_then_its_finisher_decides_once(world):
    store, clock = world
    clock.freeze()
    call = _call(store, clock)
    job = jobs.start(call, KIND, "plan-1", [("IN_QUEUE", 0), ("IN_PROGRESS", 5)], duration=30)
    now = clock.timestamp()
    assert job.status_at(now) == "IN_QUEUE"
    assert job.status_at(now + 5) == "IN_PROGRESS"
    clock.advance(29)
    _settle(store, clock)
    assert FINISHED == [] and not jobs.find(call.tenant, job.job_id).finished
    clock.advance(1)
    _settle(store, clock)
    done = jobs.find(call.tenant, job.job_id)
    assert (done.final_status, done.finished_at, FINISHED) == ("SUCCESS", now + 30, ["plan-1"])
    assert done.status_at(now) == "SUCCESS"


def test_a_failing_job_keeps_its_problems_and_a_cancelled_one_never_finishes(world):
    store, clock = world
    clock.freeze()
    call = _call(store, clock)
    failing = jobs.start(call, KIND, "a", [("IN_PROGRESS", 0)], duration=1, params={"fail": "yes"})
    cancelled = jobs.start(call, KIND, "b", [("IN_QUEUE", 0)], duration=1)
    jobs.cancel(call.tenant, cancelled, clock.timestamp(), "CANCELLED")
    clock.advance(2)
    _settle(store, clock)
    assert FINISHED == ["a"]
    assert jobs.find(call.tenant, failing.job_id).problems[0].code == "X"
    assert jobs.find(call.tenant, cancelled.job_id).final_status == "CANCELLED"


def test_a_link_serves_its_document_until_it_expires(world):
    store, clock = world
    clock.freeze()
    call = _call(store, clock)
    packed = gzip.compress(b"a\tb\n")
    document = documents.publish(call, packed, "text/tab-separated-values; charset=UTF-8", "r.tsv", "gzip")
    url, expires_at = documents.link(call, document, 300)
    assert url.startswith("http://127.0.0.1:9/_documents/") and expires_at == clock.timestamp() + 300
    token = url.rsplit("/", 1)[1]
    found = documents.resolve(store, token, clock.timestamp())
    assert found.resolution is documents.Resolution.FOUND and found.document.content == packed
    assert documents.resolve(store, token, expires_at).resolution is documents.Resolution.EXPIRED
    assert documents.resolve(store, "nope", 0).resolution is documents.Resolution.UNKNOWN


def test_the_download_route_answers_like_presigned_storage(world):

    store, clock = world
    clock.freeze()
    call = _call(store, clock)
    document = documents.publish(call, gzip.compress(b"x"), "text/plain; charset=UTF-8", "x.txt", "gzip")
    plain_url, _ = documents.link(call, document, 300)
    encoded_url, _ = documents.link(call, document, 300, encoding_header=True)
    app = Starlette(routes=downloads.routes(store, clock))
    with TestClient(app, base_url="http://127.0.0.1:9") as client:
        plain = client.get(plain_url)
        assert plain.status_code == 200 and plain.headers["content-encoding"] == "identity"
        assert gzip.decompress(plain.content) == b"x"
        assert plain.headers["content-type"] == "text/plain; charset=UTF-8"
        assert client.get(encoded_url).content == b"x"  # the client decompressed it
        assert client.get("/_documents/unknown").status_code == 404
        clock.advance(300)
        expired = client.get(plain_url)
        assert expired.status_code == 403 and b"Request has expired" in expired.content
