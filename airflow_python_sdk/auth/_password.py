"""A username and password: HTTP Basic on Airflow 2, exchanged for a JWT on Airflow 3."""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping

from airflow_python_sdk.auth._base import RequestInfo, Token, TokenCache, jwt_lifetime, token_from_answer
from airflow_python_sdk.exceptions import ApiValueError, NotFoundException

__all__ = ["BasicAuth", "UsernamePassword", "TOKEN_PATH", "basic"]

TOKEN_PATH = "/auth/token"
"""Where Airflow 3 hands out tokens, at the server's root (beside ``/api/v2``)."""


def basic(username: str, password: str) -> str:
    """The ``Authorization`` value of HTTP Basic."""
    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode("ascii")


class BasicAuth:
    """HTTP Basic on every request, whatever the server: Airflow 2's ``basic_auth`` backend, or a proxy
    in front of Airflow that asks for it. Cannot renew."""

    def __init__(self, username: str, password: str) -> None:
        self._headers = {"Authorization": basic(username, password)}
        self.username = username

    def __repr__(self) -> str:
        return f"BasicAuth({self.username!r}, '***')"

    def headers(self, request: RequestInfo) -> Mapping[str, str]:
        return self._headers

    def renew(self, rejected: Mapping[str, str]) -> bool:
        return False


class UsernamePassword:
    """A user's name and password, as each Airflow generation takes them: HTTP Basic on Airflow 2 (``/api/v1``),
    a JWT from ``POST {server}/auth/token`` on Airflow 3 (``/api/v2``), fetched on first use, again shortly
    before its ``exp`` and after a 401; many threads cause one login. For a self-hosted Airflow with its own
    users (Airflow 2's FAB, Airflow 3's simple or FAB auth manager); ``Configuration(username=..., password=...)``
    makes one of these::

        Configuration(host="http://127.0.0.1:8080/api/v2", auth=UsernamePassword("admin", "admin"))
    """

    def __init__(self, username: str, password: str) -> None:
        self.username, self._password = username, password
        self._basic = {"Authorization": basic(username, password)}
        self._jwt = TokenCache(self._login)

    def __repr__(self) -> str:
        return f"UsernamePassword({self.username!r}, '***')"

    @property
    def logins(self) -> int:
        """How many times this provider logged in for a JWT (Airflow 3)."""
        return self._jwt.fetches

    def _login(self, request: RequestInfo) -> Token:
        body = json.dumps({"username": self.username, "password": self._password}).encode()
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        try:
            answer = request.send("POST", request.server_root + TOKEN_PATH, headers, body)
        except NotFoundException as exc:  # no token endpoint: not Airflow 3
            root = request.server_root
            exc.reason = f"{root} has no Airflow 3 login at {TOKEN_PATH}: if Airflow 2, use {root}/api/v1 or {root}"
            raise
        token = token_from_answer(answer, what=f"the answer of POST {TOKEN_PATH}")
        return Token(f"Bearer {token}", jwt_lifetime(token))

    def headers(self, request: RequestInfo) -> Mapping[str, str]:
        if request.api_version != "v2":
            return self._basic
        return {"Authorization": self._jwt.get(request)}

    def renew(self, rejected: Mapping[str, str]) -> bool:
        sent = rejected.get("Authorization", "")
        return sent.startswith("Bearer ") and self._jwt.renew(sent)


def check_pair(username: str | None, password: str | None, names: tuple[str, str], envs: tuple[str, str]) -> None:
    """:class:`ApiValueError` when only one of a username and a password is given, naming the other
    setting and its environment variable; nothing when both or neither are."""
    if (username is None) == (password is None):
        return
    missing, env = (names[1], envs[1]) if password is None else (names[0], envs[0])
    given = names[0] if password is None else names[1]
    said = f"{given} is set but {missing} is not: give {missing}= (or set {env}), or use a token instead"
    raise ApiValueError(said, [missing])
