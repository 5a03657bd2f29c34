"""Input validation, errors and the schema of the HTTP API, on the tiny corpus (no model is loaded)."""

import json

import pytest
from fastapi.testclient import TestClient

from qa.serve.api import create_app


@pytest.fixture
def client(tiny_pipeline):
    return TestClient(create_app(tiny_pipeline), raise_server_exceptions=False)


def test_openapi_schema_is_complete(client):
    schema = client.get("/openapi.json").json()
    assert {"/ask", "/health", "/documents"} <= set(schema["paths"])
    assert "AskResponse" in schema["components"]["schemas"]


@pytest.mark.parametrize(
    ("request_kwargs", "status"),
    [
        ({"json": {}}, 422),
        ({"json": {"question": ""}}, 400),
        ({"json": {"question": "   "}}, 400),
        ({"json": {"question": "x" * 1001}}, 400),
        ({"json": {"question": "Who?", "top_n": 0}}, 400),
        ({"json": {"question": "Who?", "top_n": 99}}, 400),
        ({"json": {"question": "Who?", "top_n": "many"}}, 422),
        ({"json": {"question": 42}}, 422),
        ({"json": {"question": "Who?", "surprise": 1}}, 422),
        ({"content": "Who is Eric Chan?", "headers": {"content-type": "text/plain"}}, 422),
        ({"content": "{not json", "headers": {"content-type": "application/json"}}, 422),
    ],
)
def test_bad_input_gets_a_clear_4xx(client, request_kwargs, status):
    response = client.post("/ask", **request_kwargs)
    assert response.status_code == status
    assert response.json()["error"]


def test_get_without_question_and_unknown_routes(client):
    assert client.get("/ask").status_code == 422
    assert client.get("/ask", params={"q": ""}).status_code == 400
    assert client.get("/nowhere").status_code == 404
    assert client.get("/documents/..%2F..%2Fetc%2Fpasswd").status_code == 404


def test_a_lone_surrogate_or_control_characters_get_an_answer_not_a_500(client):
    body = '{"question": "Who cut the ribbon? \\ud800"}'
    response = client.post("/ask", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 200 and response.json()["question"] == "Who cut the ribbon?"
    response = client.post("/ask", json={"question": "Who cut\u0000 the ribbon?\u200b"})
    assert response.status_code == 200 and response.json()["question"] == "Who cut the ribbon?"


def test_an_unexpected_error_is_a_json_500_with_a_request_id(client, tiny_pipeline, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("something nobody foresaw")

    monkeypatch.setattr(tiny_pipeline.reader, "read", broken)
    response = client.post("/ask", json={"question": "Who cut the ribbon?"})
    assert response.status_code == 500
    body = response.json()
    assert body["error"] and len(body["request_id"]) == 12 and "foresaw" not in json.dumps(body)
    assert any(body["request_id"] in record.getMessage() for record in caplog.records)


def test_a_huge_unknown_id_is_not_echoed_back(client):
    response = client.get("/documents/" + "x" * 30_000)
    assert response.status_code == 404 and len(response.text) < 1000


def test_documents_list_ids_never_server_paths(client, tiny_pipeline):
    listed = client.get("/documents").json()
    assert sorted(d["doc_id"] for d in listed) == ["garden.txt", "harbour.txt", "museum.md"]
    assert str(tiny_pipeline.settings.seeds_dir) not in json.dumps(listed)


def test_an_admin_token_in_the_query_string_is_refused(tiny_pipeline):
    from qa.serve.service import Service

    service = Service(tiny_pipeline)
    service.settings = tiny_pipeline.settings.with_(admin_token="t" * 32)
    client = TestClient(create_app(service))
    response = client.post("/index/rebuild", params={"token": "t" * 32})
    assert response.status_code == 400 and "Authorization header" in response.json()["error"]


def test_questions_beyond_capacity_get_an_immediate_503(tiny_pipeline):
    tiny_pipeline.settings = tiny_pipeline.settings.with_(max_pending=2)
    app = create_app(tiny_pipeline)
    client = TestClient(app)
    slots = app.state.ask_slots
    assert slots.acquire(blocking=False) and slots.acquire(blocking=False)  # two questions in flight
    try:
        response = client.post("/ask", json={"question": "Who cut the ribbon?"})
        assert response.status_code == 503 and response.headers["retry-after"] == "1"
        assert "2 questions" in response.json()["error"]
        assert client.get("/health").status_code == 200  # other routes are not shed
    finally:
        slots.release()
        slots.release()
    assert client.post("/ask", json={"question": "Who cut the ribbon?"}).status_code == 200


def test_cancelling_needs_the_token_and_a_running_rebuild(tiny_pipeline):
    from qa.serve.service import Service

    service = Service(tiny_pipeline)
    service.settings = tiny_pipeline.settings.with_(admin_token="t" * 32)
    client = TestClient(create_app(service))
    assert client.delete("/index/rebuild").status_code == 401
    assert client.delete("/index/rebuild", headers={"Authorization": "Bearer " + "x" * 32}).status_code == 403
    response = client.delete("/index/rebuild", headers={"Authorization": "Bearer " + "t" * 32})
    assert response.status_code == 409 and "no rebuild" in response.json()["error"]
