"""Profiles: named deployments in one INI file, like ``~/.aws/config``; each names its URL, its kind of
credential and where its secret lives::

    [prod]
    url = https://airflow.example.com
    auth = password
    username = deployer
    password = keyring:

    [staging]
    url = https://staging.example.com/api/v2
    auth = token
    token = env:STAGING_AIRFLOW_TOKEN
    verify_ssl = false

The file is :func:`config_path`; ``AIRFLOW_PROFILE`` names the profile used when none is named, else
``default``. A secret (``password``, ``token``, ``client_secret``) is a reference: ``env:VAR``, ``file:PATH``,
``keyring:`` (the system keyring, service ``airflow-sdk``, user the profile's name; the ``keyring`` extra), or
the secret itself -- then the config file must be private to its owner. A :class:`UserWarning` says when a file
holding a secret can be read by group or others (as ssh does for keys).
"""

from __future__ import annotations

import configparser
import contextlib
import os
import sys
import tempfile
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from airflow_python_sdk.exceptions import ApiValueError

if TYPE_CHECKING:
    from airflow_python_sdk.auth import AuthProvider
    from airflow_python_sdk.configuration import Configuration

__all__ = [
    "Profile", "config_path", "find_profile", "load_profiles", "profile_configuration", "save_profile",
    "remove_profile", "store_secret", "AUTH_KINDS", "SECRET_KEYS", "ENV_CONFIG", "ENV_PROFILE", "DEFAULT_PROFILE",
    "KEYRING_SERVICE",
]  # fmt: skip

ENV_CONFIG = "AIRFLOW_SDK_CONFIG"
ENV_PROFILE = "AIRFLOW_PROFILE"
DEFAULT_PROFILE = "default"
KEYRING_SERVICE = "airflow-sdk"
AUTH_KINDS: dict[str, tuple[str, ...]] = {
    "password": ("username", "password"),
    "token": ("token",),
    "token_file": ("token_file",),
    "oauth2": ("token_url", "client_id", "client_secret", "scope", "audience"),
    "google": (),
    "mwaa": ("environment", "region"),
    "none": (),
}
"""Each ``auth`` kind and its settings; all but ``scope``, ``audience`` and ``region`` are required."""
OPTIONAL = frozenset({"scope", "audience", "region"})
COMMON = ("url", "auth", "verify_ssl", "ca_bundle", "timeout", "airflow_version")
SECRET_KEYS = ("password", "token", "client_secret")
KEYS = frozenset(COMMON).union(*AUTH_KINDS.values())
_REFERENCES = ("env:", "file:", "keyring:")
_CREDENTIALS = frozenset({"auth", "access_token", "username", "password"})


def config_path(environ: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    """The config file: ``AIRFLOW_SDK_CONFIG``, else ``airflow-sdk/config.ini`` in the user's config folder --
    ``$XDG_CONFIG_HOME`` (default ``~/.config``) on Linux and BSD, ``~/Library/Application Support`` on macOS,
    ``%APPDATA%`` on Windows. ``environ`` and ``platform`` (``sys.platform``'s values) default to this process's."""
    env = os.environ if environ is None else environ
    if env.get(ENV_CONFIG):
        return Path(env[ENV_CONFIG]).expanduser()
    platform = platform or sys.platform
    home = Path(env.get("USERPROFILE" if platform == "win32" else "HOME") or Path.home())
    if platform == "win32":
        folder = Path(env["APPDATA"]) if env.get("APPDATA") else home / "AppData" / "Roaming"
    elif platform == "darwin":
        folder = home / "Library" / "Application Support"
    else:  # the XDG spec: a relative XDG_CONFIG_HOME is ignored
        xdg = env.get("XDG_CONFIG_HOME", "")
        folder = Path(xdg) if os.path.isabs(xdg) else home / ".config"
    return folder / "airflow-sdk" / "config.ini"


def _file(path: str | os.PathLike[str] | None) -> Path:
    return Path(path).expanduser() if path is not None else config_path()


def _warn_if_shared(path: Path, what: str) -> None:
    """A :class:`UserWarning` when ``path`` (holding a secret) can be read by group or others (not on Windows)."""
    with contextlib.suppress(OSError):
        if os.name != "nt" and (mode := path.stat().st_mode) & 0o044:
            shared = f"{what} {path} can be read by others (mode {mode & 0o777:o}): chmod 600 {path}"
            warnings.warn(shared, UserWarning, stacklevel=4)


@dataclass(frozen=True)
class Profile:
    """One section of the config file: ``name``, ``url``, ``auth`` (a key of :data:`AUTH_KINDS`), its other
    ``settings`` as written (secrets as their references) and the ``path`` of the file it came from."""

    name: str
    url: str
    auth: str
    settings: Mapping[str, str] = field(default_factory=dict)
    path: Path = field(default_factory=config_path)

    def __repr__(self) -> str:
        shown = {k: self.reference(k) for k in self.settings}
        return f"Profile({self.name!r}, url={self.url!r}, auth={self.auth!r}, settings={shown!r})"

    def error(self, key: str, problem: str) -> ApiValueError:
        """:class:`ApiValueError` naming this profile, ``key`` and the file."""
        return ApiValueError(f"profile {self.name!r} in {self.path}: {key} {problem}")

    def setting(self, key: str) -> str:
        """A setting the profile's ``auth`` kind needs; :class:`ApiValueError` when the profile lacks it."""
        if value := self.settings.get(key):
            return value
        needs = " and ".join(k for k in AUTH_KINDS[self.auth] if k not in OPTIONAL)
        raise self.error(key, f"is missing: auth = {self.auth} needs {needs}")

    @property
    def _secret_key(self) -> str | None:
        return next((k for k in AUTH_KINDS[self.auth] if k in SECRET_KEYS), None)

    def reference(self, key: str) -> str | None:
        """How a setting is written, a literal secret shown as ``***``: safe to print."""
        value = self.settings.get(key)
        if key in SECRET_KEYS and value is not None and not value.startswith(_REFERENCES):
            return "*** (in the config file)"
        return value

    def secret(self, key: str) -> str:
        """The secret ``key`` refers to, read now; :class:`ApiValueError` naming the variable, file or
        keyring entry when it cannot be read or is empty."""
        ref = self.setting(key)
        kind, _, rest = ref.partition(":")
        if kind == "env":
            value = os.environ.get(rest)
            if not value:
                raise self.error(key, f"= {ref}, but the environment variable {rest} is not set")
        elif kind == "file":
            try:
                value = Path(rest).expanduser().read_text(encoding="utf-8")
            except OSError as exc:
                raise self.error(key, f"= {ref}, but the file cannot be read: {exc.strerror}") from None
        elif kind == "keyring":
            value = _keyring(self, key)
            if not value:
                raise self.error(key, f"= keyring:, but the system keyring has no {KEYRING_SERVICE}/{self.name}: "
                                 f"run airflow-sdk auth login --profile {self.name}")  # fmt: skip
        else:
            value = ref
        value = value.strip("\r\n") if key == "password" else value.strip()
        if not value:
            raise self.error(key, f"= {ref} is empty")
        return value

    def provider(self) -> AuthProvider | None:
        """The provider of :mod:`airflow_python_sdk.auth` the profile describes (None for ``auth = none``); a
        ``token`` is read at each fetch (first use, after a 401), other secrets now. Warns when a file
        holding the secret can be read by group or others."""
        from airflow_python_sdk import auth

        kind, get, secret = self.auth, self.setting, self._secret_key
        if secret is not None:
            ref = get(secret)
            if ref.startswith("file:"):
                _warn_if_shared(Path(ref[5:]).expanduser(), f"profile {self.name!r}: the {secret} file")
            elif not ref.startswith(_REFERENCES):
                _warn_if_shared(self.path, f"profile {self.name!r} holds its {secret} in the config file, but")
        if kind == "password":
            return auth.UsernamePassword(get("username"), self.secret("password"))
        if kind == "token":
            return auth.BearerToken(lambda: self.secret("token"))
        if kind == "token_file":
            return auth.TokenFile(get("token_file"))
        if kind == "oauth2":
            s = self.settings
            return auth.OAuth2ClientCredentials(get("token_url"), get("client_id"), self.secret("client_secret"),
                                                scope=s.get("scope"), audience=s.get("audience"))  # fmt: skip
        if kind == "google":
            return auth.GoogleAuth()
        if kind == "mwaa":
            return auth.MwaaAuth(get("environment"), region=self.settings.get("region"))
        return None

    def options(self) -> dict[str, Any]:
        """The :class:`~airflow_python_sdk.Configuration` keywords of the profile's plain settings."""
        s = self.settings
        options: dict[str, Any] = {"host": self.url}
        if "verify_ssl" in s:
            value = s["verify_ssl"].strip().lower()
            if value not in configparser.ConfigParser.BOOLEAN_STATES:
                raise self.error("verify_ssl", f"must be true or false, not {s['verify_ssl']!r}")
            options["verify_ssl"] = configparser.ConfigParser.BOOLEAN_STATES[value]
        if s.get("ca_bundle"):
            options["ssl_ca_cert"] = str(Path(s["ca_bundle"]).expanduser())
        if text := s.get("timeout"):
            try:
                seconds = tuple(float(part) for part in text.split(","))
            except ValueError:
                seconds = ()
            if len(seconds) not in (1, 2) or min(seconds) <= 0:
                raise self.error("timeout", f"must be seconds (30) or connect,read seconds (10,60), not {text!r}")
            options["timeout"] = seconds[0] if len(seconds) == 1 else seconds
        if s.get("airflow_version"):
            options["airflow_version"] = s["airflow_version"]
        return options


def _keyring(profile: Profile, key: str, store: str | None = None) -> str | None:
    """The profile's secret in the system keyring (None: it has none), or, given ``store``, that kept there."""
    try:
        import keyring
        import keyring.errors
    except ImportError:
        raise profile.error(key, "= keyring: needs the keyring extra: pip install '.[keyring]' (keyring)") from None
    try:
        if store is None:
            return keyring.get_password(KEYRING_SERVICE, profile.name)
        keyring.set_password(KEYRING_SERVICE, profile.name, store)
    except keyring.errors.KeyringError as exc:  # no backend on this machine, a locked keychain, ...
        raise profile.error(key, f"= keyring:, but the system keyring failed: {' '.join(str(exc).split())}") from None
    return None


def _parser(path: Path) -> configparser.ConfigParser:
    """The file read (nothing when it does not exist); no interpolation (a ``%`` in a password is a ``%``)."""
    parser, invalid = configparser.ConfigParser(interpolation=None, default_section="\0"), f"the config file {path}"
    try:
        parser.read(path, encoding="utf-8")
    except configparser.ParsingError as exc:  # its text quotes the line: maybe a secret
        lines = getattr(exc, "lineno", None) or ", ".join(str(n) for n, _ in exc.errors)
        raise ApiValueError(f"{invalid} is not valid INI: line {lines} is no [section] nor key = value") from None
    except configparser.Error as exc:  # a duplicate section or key: named, no value
        raise ApiValueError(f"{invalid} is not valid INI: {' '.join(str(exc).split())}") from None
    return parser


def _profile(name: str, values: Mapping[str, str], path: Path) -> Profile:
    settings = {k: v.strip() for k, v in values.items() if k not in ("url", "auth")}
    profile = Profile(name, values.get("url", "").strip(), values.get("auth", "").strip().lower(), settings, path)
    if not profile.url:
        raise profile.error("url", "is missing: the server's URL, e.g. https://airflow.example.com")
    if profile.auth not in AUTH_KINDS:
        raise profile.error("auth", f"must be one of {', '.join(AUTH_KINDS)}, not {profile.auth or 'empty'!r}")
    if unknown := [k for k in settings if k not in KEYS]:
        raise profile.error(unknown[0], f"is no setting of a profile; they are {', '.join(sorted(KEYS))}")
    return profile


def load_profiles(path: str | os.PathLike[str] | None = None) -> dict[str, Profile]:
    """Every profile of the config file (``path``, default :func:`config_path`) by name; ``{}`` when the file
    does not exist. :class:`ApiValueError` naming the file, profile and key when one is malformed."""
    parser = _parser(file := _file(path))
    return {name: _profile(name, parser[name], file) for name in parser.sections()}


def find_profile(name: str | None = None, path: str | os.PathLike[str] | None = None) -> Profile:
    """Profile ``name`` (default ``AIRFLOW_PROFILE``, else ``default``) of the config file; :class:`ApiValueError`
    naming the file and listing its profiles when it has none of that name."""
    named = name or os.environ.get(ENV_PROFILE)
    name, profiles = named or DEFAULT_PROFILE, load_profiles(file := _file(path))
    if name not in profiles:
        there = f"the profiles there: {', '.join(profiles)}" if profiles else "it has none"
        there += "" if named else f" ({ENV_PROFILE} names the one used when none is named)"
        if not file.exists():
            there = "it does not exist; add one with: airflow-sdk profiles add NAME --url URL --auth KIND"
        raise ApiValueError(f"no profile {name!r} in {file}: {there}")
    return profiles[name]


def profile_configuration(
    name: str | None = None, path: str | os.PathLike[str] | None = None, **overrides: Any
) -> Configuration:
    """The :class:`~airflow_python_sdk.Configuration` of :func:`find_profile`'s profile; keyword ``overrides``
    (``Configuration``'s) win. A credential among them (``auth``, ``access_token``, ``username``, ``password``; not
    None) replaces the profile's, whose secret is then not read -- but for ``auth = password``, a ``username`` or
    ``password`` alone takes the other from the profile. :class:`ApiValueError` naming the profile, key and file
    when the profile is unknown (listing those there are), malformed, or its secret cannot be read."""
    from airflow_python_sdk.configuration import Configuration

    options = (profile := find_profile(name, path)).options()
    given = {k for k in _CREDENTIALS & overrides.keys() if overrides[k] is not None}
    if not given:
        options["auth"] = profile.provider()
    elif profile.auth == "password" and given <= {"username", "password"}:
        options["username"] = profile.setting("username")
        if "password" not in given:
            options["password"] = profile.secret("password")
    options.update(overrides)
    return Configuration(**options)


def _write(parser: configparser.ConfigParser, file: Path) -> None:
    """Write the file whole, private to its owner (0600, its folder 0700 when made), replacing it atomically."""
    file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=file.parent, prefix=".config-", suffix=".ini")  # mkstemp: mode 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            parser.write(out)
        os.replace(temp, file)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def save_profile(
    name: str, url: str, auth: str, path: str | os.PathLike[str] | None = None, **settings: str | None
) -> Profile:
    """Add profile ``name`` to the config file (made if missing, 0600), or replace it; ``settings`` are those
    of :data:`AUTH_KINDS`'s ``auth`` and :data:`COMMON` (None: left out), secrets as references. Returns the
    profile as saved; :class:`ApiValueError` naming the key when one is unknown or a required one is missing.
    Comments in the file are not kept."""
    file = _file(path)
    if not name or name != name.strip() or any(c in name for c in "[]\n\r"):
        raise ApiValueError(f"{name!r} is no profile name: a name has no brackets, line breaks or edge spaces")
    values = {"url": url, "auth": auth, **{k: v for k, v in settings.items() if v is not None}}
    profile = _profile(name, values, file)
    for key in (k for k in AUTH_KINDS[profile.auth] if k not in OPTIONAL):
        profile.setting(key)  # raises for a required one missing
    parser = _parser(file)
    parser[name] = {"url": profile.url, "auth": profile.auth, **profile.settings}
    _write(parser, file)
    return profile


def remove_profile(name: str, path: str | os.PathLike[str] | None = None) -> Profile:
    """Remove profile ``name`` from the config file, and its secret from the system keyring when it was
    kept there; returns the profile removed. :class:`ApiValueError` listing the profiles when it is unknown."""
    profile = find_profile(name, path)
    parser = _parser(profile.path)
    parser.remove_section(name)
    _write(parser, profile.path)
    if any(profile.settings.get(k) == "keyring:" for k in SECRET_KEYS):
        try:
            import keyring
        except ImportError:
            return profile  # no keyring: nothing kept there
        with contextlib.suppress(keyring.errors.KeyringError):  # not stored: nothing to forget
            keyring.delete_password(KEYRING_SERVICE, name)
    return profile


def store_secret(name: str | None, value: str, path: str | os.PathLike[str] | None = None) -> str:
    """Keep ``value`` as profile ``name``'s secret where its reference says: the system keyring
    (``keyring:``), a file (``file:PATH``, written 0600) or the config file (a literal); returns where it
    went. :class:`ApiValueError` for ``env:`` (a variable is the shell's: export it) and for kinds without
    a secret."""
    profile = find_profile(name, path)
    if (key := profile._secret_key) is None:
        raise profile.error("auth", f"= {profile.auth} has no secret to store")
    kind, _, rest = (ref := profile.settings.get(key) or "").partition(":")
    if not value.strip():
        raise profile.error(key, "cannot be empty")
    if kind == "env":
        raise profile.error(key, f"= {ref}: a variable cannot be stored; export {rest}=... in your shell instead")
    if kind == "keyring":
        _keyring(profile, key, store=value)
        return f"the system keyring ({KEYRING_SERVICE}/{profile.name})"
    if kind == "file":
        target = Path(rest).expanduser()
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            if hasattr(os, "fchmod"):  # a file that was there keeps its mode through O_CREAT
                os.fchmod(out.fileno(), 0o600)
            out.write(value + "\n")
        return str(target)
    save_profile(profile.name, profile.url, profile.auth, profile.path, **{**profile.settings, key: value})
    return str(profile.path)
