"""Browsers ask every site for /favicon.ico; the portal answers with its icon, not a 404."""

import pytest

pytestmark = pytest.mark.django_db


def test_favicon_is_served_to_anyone(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content).startswith(b"\x00\x00\x01\x00")  # an ICO file
    assert "max-age" in response["Cache-Control"]
    assert "Content-Security-Policy" not in response  # an image runs nothing to restrict
