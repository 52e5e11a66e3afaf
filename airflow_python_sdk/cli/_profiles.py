"""``airflow-sdk profiles`` (list, show, add, remove the config file's deployments) and ``airflow-sdk auth login``
(keep a profile's secret where its reference says). See :mod:`airflow_python_sdk.profiles`."""

from __future__ import annotations

import os
import sys

import click

from airflow_python_sdk import profiles as p
from airflow_python_sdk.cli._app import PROG, Group, _output, _settings, note, show

__all__ = ["groups"]

_REF = "A reference (auth {}): env:VAR, file:PATH or keyring:; never the secret itself (see auth login)."
_ADD_OPTIONS: list[tuple[str, str]] = [
    ("username", "User to log in as (auth password)."),
    ("password", _REF.format("password")),
    ("token", _REF.format("token")),
    ("token_file", "A file holding a bearer token another process keeps fresh (auth token_file)."),
    ("token_url", "The OAuth 2 token endpoint (auth oauth2)."),
    ("client_id", "The OAuth 2 client id (auth oauth2)."),
    ("client_secret", _REF.format("oauth2")),
    ("scope", "OAuth 2 scopes, space-separated (auth oauth2)."),
    ("audience", "The OAuth 2 audience (auth oauth2)."),
    ("environment", "The MWAA environment's name (auth mwaa)."),
    ("region", "The MWAA environment's AWS region (auth mwaa; default: the AWS configuration's)."),
    ("ca_bundle", "CA bundle to verify the server with."),
    ("timeout", "Seconds to wait for each answer: 30, or connect,read like 10,60."),
    ("airflow_version", "The server's Airflow version (spares asking it)."),
]


def _name() -> str:
    """The profile ``AIRFLOW_PROFILE`` (or ``--profile`` before the command) names, else ``default``."""
    return str(_settings().get("profile") or os.environ.get(p.ENV_PROFILE) or p.DEFAULT_PROFILE)


def _list() -> None:
    path, default = p.config_path(), _name()
    if not (found := p.load_profiles(path)):
        note(f"no profiles in {path}; add one with: {PROG} profiles add NAME --url URL --auth KIND")
        if _output() == "table":
            return  # JSON and YAML say []
    rows = [{"profile": n, "url": f.url, "auth": f.auth, "default": n == default} for n, f in found.items()]
    show(rows, "profile url auth default")


def _show(name: str) -> None:
    profile = p.find_profile(name, p.config_path())
    shown = {"profile": name, "file": str(profile.path), "url": profile.url, "auth": profile.auth}
    show({**shown, **{key: profile.reference(key) for key in profile.settings}})


def _add(name: str, url: str, auth: str, no_verify_ssl: bool, **settings: str | None) -> None:
    for key in p.SECRET_KEYS:
        ref = settings.get(key)
        if ref is not None and not ref.startswith(p._REFERENCES):
            raise click.BadParameter(
                f"takes a reference (env:VAR, file:PATH or keyring:), not the secret (others see command lines); "
                f"then store the secret with: {PROG} auth login --profile {name}",
                param_hint="--" + key.replace("_", "-"),
            )
    if no_verify_ssl:
        settings["verify_ssl"] = "false"
    profile = p.save_profile(name, url, auth, p.config_path(), **settings)
    note(f"saved profile {name!r} in {profile.path}")
    if any((profile.settings.get(k) or "").startswith(("keyring:", "file:")) for k in p.SECRET_KEYS):
        note(f"store its secret with: {PROG} auth login --profile {name}")


def _remove(name: str) -> None:
    note(f"removed profile {name!r} from {p.remove_profile(name, p.config_path()).path}")


def _login(profile: str | None) -> None:
    """Ask for the secret (hidden, on a terminal; else the first line of stdin) and keep it where the profile says."""
    kind = (found := p.find_profile(name := profile or _name(), p.config_path())).auth
    what = {"password": f"password of {found.settings.get('username')}", "token": "token",
            "oauth2": "client secret"}.get(kind)  # fmt: skip
    if what is None:
        raise click.UsageError(f"profile {name!r} has auth = {kind}: it keeps no secret to log in with")
    if sys.stdin.isatty():
        value = click.prompt(f"{what.capitalize()} for profile {name!r}", hide_input=True, err=True)
    else:
        value = sys.stdin.readline().rstrip("\r\n")
    note(f"stored the {what} of profile {name!r} in {p.store_secret(name, value, p.config_path())}")


def groups() -> list[Group]:
    """The ``profiles`` and ``auth`` groups."""
    where = (
        "Named deployments in the config file (AIRFLOW_SDK_CONFIG, else airflow-sdk/config.ini in your config folder)."
    )
    profiles = Group("profiles", help=where, short_help="Named deployments (profiles)")
    profiles.add_command(click.Command("list", callback=_list, help="List the profiles (default: AIRFLOW_PROFILE)."))
    name = click.Argument(["name"])
    profiles.add_command(click.Command("show", callback=_show, params=[name],
                                       help="Show a profile; a secret only by its reference."))  # fmt: skip
    options: list[click.Parameter] = [
        name,
        click.Option(["--url"], required=True, help="The server's URL, or its API's (.../api/v2, .../api/v1)."),
        click.Option(["--auth"], required=True, type=click.Choice(list(p.AUTH_KINDS)), help="The kind of credential."),
        click.Option(["--no-verify-ssl"], is_flag=True, help="Do not verify TLS certificates."),
        *(click.Option(["--" + k.replace("_", "-"), k], help=text) for k, text in _ADD_OPTIONS),
    ]
    profiles.add_command(click.Command("add", callback=_add, params=options,
                                       help="Add a profile, or replace the one of that name."))  # fmt: skip
    profiles.add_command(click.Command("remove", callback=_remove, params=[name],
                                       help="Remove a profile (and its secret from the system keyring)."))  # fmt: skip
    auth = Group("auth", help="Credentials of profiles.", short_help="Credentials of profiles")
    login = click.Option(["--profile"], help="The profile (default: AIRFLOW_PROFILE, else default).")
    auth.add_command(click.Command("login", callback=_login, params=[login],
                                   help="Ask for a profile's password, token or client secret and store it where the "
                                   "profile's reference says: the system keyring (keyring:) or a file (file:PATH, "
                                   "mode 0600). Off a terminal, the first line of stdin is read."))  # fmt: skip
    return [profiles, auth]
