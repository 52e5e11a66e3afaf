"""Amazon MWAA: a web login token from AWS, exchanged at the environment's web server for a session.

``MwaaAuth`` asks MWAA's ``CreateWebLoginToken`` (boto3, the ``aws`` extra; the caller's AWS credentials
need ``airflow:CreateWebLoginToken``) for a web token, valid 60 seconds, and posts it as the form field
``token`` to the web server: Airflow 2 environments at ``/aws_mwaa/login``, whose answer sets the ``session``
cookie sent on ``/api/v1`` calls; Airflow 3 environments at ``/pluginsv2/aws_mwaa/login``, whose answer sets
the ``_token`` cookie, a JWT sent as ``Authorization: Bearer`` on ``/api/v2``. It logs in on first use, again
when the JWT nears its ``exp`` and after a 401 (the session ended); many threads cause one login.

Private web servers (``WebserverAccessMode`` ``PRIVATE_ONLY``): ``MwaaAuth`` works wherever the VPC endpoint
is reachable (inside the VPC, a VPN, a bastion). AWS's ``InvokeRestApi`` (Airflow 2.4.3+) is a transport, not a
credential (one signed call relays one request: JSON only, paths of at most 64 characters after ``/api/vN``, a
10-second timeout, 6 MB answers), so the SDK does not use it; call boto3's ``invoke_rest_api`` for that.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from airflow_python_sdk.auth._base import RequestInfo, Token, TokenCache, jwt_lifetime
from airflow_python_sdk.exceptions import ApiConnectionError, ApiValueError, UnauthorizedException, exception_for_status

if TYPE_CHECKING:
    from airflow_python_sdk.configuration import Configuration

__all__ = ["MwaaAuth", "LOGIN_PATHS"]

LOGIN_PATHS = {"v1": ("/aws_mwaa/login", "session"), "v2": ("/pluginsv2/aws_mwaa/login", "_token")}
"""By API generation: the web server's login path and the cookie its answer sets."""
_HINTS = {
    "AccessDeniedException": "grant the caller airflow:CreateWebLoginToken on the environment",
    "ResourceNotFoundException": "check the environment's name and region",
    "ValidationException": "check the environment's name",
}
_WEB_TOKEN = re.compile(rb'"WebToken"\s*:\s*"[^"]*"')


class _HideWebToken(logging.Filter):
    """botocore logs each AWS answer's body at DEBUG (``botocore.parsers``): the web token is shown as ``***``."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and any(isinstance(a, bytes) and b'"WebToken"' in a for a in record.args):
            record.args = tuple(
                _WEB_TOKEN.sub(b'"WebToken": "***"', a) if isinstance(a, bytes) else a for a in record.args
            )
        return True


_HIDE_WEB_TOKEN = _HideWebToken()


class MwaaAuth:
    """An Amazon MWAA environment's web session, got with the caller's AWS credentials (boto3's chain, or
    ``session``, a ``boto3.Session``); ``region`` defaults to boto3's (``AWS_DEFAULT_REGION``, the profile)::

        configuration = MwaaAuth.configuration("my-environment", "eu-west-1")

    AWS errors are raised as :class:`UnauthorizedException` (no credentials, access denied) or :class:`ApiValueError`
    (no such environment, no region), naming the environment; :class:`ImportError` without boto3.
    """

    def __init__(self, environment_name: str, region: str | None = None, *, session: Any = None) -> None:
        try:
            import boto3  # type: ignore[import-untyped]
            from botocore.exceptions import NoRegionError  # type: ignore[import-untyped]
        except ImportError:
            raise ImportError("MwaaAuth needs the aws extra: pip install '.[aws]' (boto3)") from None
        self.environment_name = environment_name
        try:
            self._mwaa = (session or boto3.session.Session()).client("mwaa", region_name=region)
        except NoRegionError:
            needs = f"MwaaAuth({environment_name!r}) needs a region: give region= or set AWS_DEFAULT_REGION"
            raise ApiValueError(needs, ["region"]) from None
        self.region: str = self._mwaa.meta.region_name
        logging.getLogger("botocore.parsers").addFilter(_HIDE_WEB_TOKEN)  # added once, however many providers
        self._session = TokenCache(self._login)

    def __repr__(self) -> str:
        return f"MwaaAuth({self.environment_name!r}, {self.region!r})"  # never a token

    @property
    def logins(self) -> int:
        """How many times this provider logged in at the web server."""
        return self._session.fetches

    def _aws(self, operation: str) -> dict[str, Any]:
        """The answer of MWAA's ``operation`` for this environment; AWS errors as the SDK's, naming it."""
        from botocore.exceptions import BotoCoreError, ClientError, NoCredentialsError, PartialCredentialsError

        where = f"MwaaAuth({self.environment_name!r}, {self.region!r})"
        try:
            answer: dict[str, Any] = getattr(self._mwaa, operation)(Name=self.environment_name)
            return answer
        except (NoCredentialsError, PartialCredentialsError) as exc:
            hint = f"{where}: {exc}: configure AWS credentials (AWS_PROFILE, aws sso login, a role)"
            raise UnauthorizedException(reason=hint) from exc
        except ClientError as exc:
            error, status = exc.response.get("Error", {}), exc.response.get("ResponseMetadata", {})
            code, message = error.get("Code", "Error"), error.get("Message", "")
            text = f"{where}: {operation} refused ({code}: {message}): {_HINTS.get(code, 'see the AWS error')}"
            if code in ("ResourceNotFoundException", "ValidationException"):
                raise ApiValueError(text, ["environment_name"]) from exc
            code_status = status.get("HTTPStatusCode") or 500
            kind = UnauthorizedException if code == "AccessDeniedException" else exception_for_status(code_status)
            raise kind(code_status, text) from exc
        except BotoCoreError as exc:
            raise ApiConnectionError(f"{where}: {operation} failed: {exc}") from exc

    def _login(self, request: RequestInfo) -> Token:
        login = LOGIN_PATHS.get(request.api_version or "")
        if login is None:
            needs = "MwaaAuth needs a host ending in /api/v1 or /api/v2: use MwaaAuth.configuration()"
            raise ApiValueError(needs, ["host"])
        path, cookie = login
        web_token = self._aws("create_web_login_token")["WebToken"]
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/html,application/json"}
        body = urlencode({"token": web_token}).encode()  # the cookie is on the login's own answer, not its redirect's
        answer = request.send("POST", request.server_root + path, headers, body, redirect=False)
        value = next((v for k, v in _cookies(answer.headers) if k == cookie and v), None)
        if value is None:
            raise UnauthorizedException(
                answer.status,
                f"MwaaAuth({self.environment_name!r}): POST {path} set no {cookie!r} cookie: the web server did not "
                "take the web login token (is the host's /api/v1 or /api/v2 the environment's Airflow generation?)",
            )
        if cookie == "session":
            return Token(f"session={value}")
        return Token(f"Bearer {value}", jwt_lifetime(value))

    def headers(self, request: RequestInfo) -> Mapping[str, str]:
        value = self._session.get(request)
        return {"Authorization": value} if value.startswith("Bearer ") else {"Cookie": value}

    def renew(self, rejected: Mapping[str, str]) -> bool:
        sent = rejected.get("Authorization") or rejected.get("Cookie")
        return sent is not None and self._session.renew(sent)

    @classmethod
    def configuration(
        cls, environment_name: str, region: str | None = None, session: Any = None, **options: Any
    ) -> Configuration:
        """A :class:`Configuration` for the environment: its web server (``GetEnvironment``'s ``WebserverUrl``)
        and API (``/api/v1`` for Airflow 2, ``/api/v2`` for Airflow 3, by ``AirflowVersion``), and a new
        :class:`MwaaAuth`; ``options`` go to the configuration. Errors as :class:`MwaaAuth`'s, and
        :class:`ApiValueError` when the environment has no web server yet."""
        from airflow_python_sdk.configuration import Configuration

        auth = cls(environment_name, region, session=session)
        environment = auth._aws("get_environment").get("Environment", {})
        url, version = environment.get("WebserverUrl"), environment.get("AirflowVersion") or ""
        if not url or not version[:1].isdigit():
            raise ApiValueError(
                f"MwaaAuth({environment_name!r}): the environment has no web server yet "
                f"(Status {environment.get('Status')!r}): wait until it is AVAILABLE",
                ["environment_name"],
            )
        root = url.rstrip("/") if "://" in url else f"https://{url.rstrip('/')}"
        options.setdefault("airflow_version", version)
        api = "v1" if int(version.split(".")[0]) < 3 else "v2"
        return Configuration(host=f"{root}/api/{api}", auth=auth, **options)


def _cookies(headers: Any) -> list[tuple[str, str]]:
    """The ``(name, value)`` of each ``Set-Cookie`` of an answer."""
    found = headers.getlist("Set-Cookie") if hasattr(headers, "getlist") else [headers.get("Set-Cookie", "")]
    pairs = [line.split(";", 1)[0].partition("=") for line in found if line]
    return [(name.strip(), value.strip().strip('"')) for name, _, value in pairs]
