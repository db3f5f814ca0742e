"""Smoke: the app starts from the models and answers health."""


def test_health_reports_all_operations(client):
    response = client.get("/_emulator/health")
    assert response.status_code == 200
    assert response.json()["operations"] == 102
