"""What the Meta clients (Instagram, Facebook Page, Threads) share: Graph API errors, limits and two-step posts.

Meta answers every problem as ``{"error": {"message", "type", "code",
"error_subcode", "error_user_msg", "fbtrace_id"}}``, usually with HTTP 400
whatever the cause, so the code says what happened: 190 a token that is
expired or revoked, 10 and 200-299 a missing permission, 4, 17, 32, 613 and
80001-80002 rate limiting (the ``X-Business-Use-Case-Usage`` header then says
how many minutes until access returns). Instagram and Threads publish in two
steps: a media container, whose status is polled until it is FINISHED, then
``*_publish``; a container that is never published does nothing and expires
after 24 hours, so only the publish call is "sent once".
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

import httpx

from podium.plugins.i18n import _

from .base import Channel, ChannelError, LimitReached, PermanentError, Posted, TransientError

log = logging.getLogger("podium.publish.channels")

GRAPH = "https://graph.facebook.com"
GRAPH_VERSION = "v25.0"
THROTTLED = frozenset({4, 17, 32, 613, 80001, 80002})
TOKEN_INVALID = 190
#: Instagram's "maximum number of posts that is allowed to be published by Content Publishing API"
IG_PUBLISH_LIMIT = (9, 2207042)
#: container polling: Meta asks to query status at most once per minute, for no more than five minutes
POLL_EVERY = 60.0
POLL_TIMES = 5


def graph_error(response: httpx.Response) -> dict:
    try:
        body = response.json()
    except ValueError:
        return {}
    error = body.get("error") if isinstance(body, dict) else None
    return error if isinstance(error, dict) else {}


def regain_minutes(headers: httpx.Headers) -> int | None:
    """The longest 'estimated_time_to_regain_access' in X-Business-Use-Case-Usage, in minutes."""
    try:
        usage = json.loads(headers.get("x-business-use-case-usage", "") or "{}")
    except ValueError:
        return None
    found = [
        int(item.get("estimated_time_to_regain_access") or 0)
        for items in (usage.values() if isinstance(usage, dict) else ())
        if isinstance(items, list)
        for item in items
        if isinstance(item, dict)
    ]
    return max(found) if found else None


class MetaChannel(Channel):
    """A Graph API client: form-encoded calls carrying the access token, Meta's errors read and explained."""

    token_var: str = ""
    permissions: str = ""

    def __init__(self, token: str, *, base_url: str, version: str, **kwargs: Any):
        super().__init__(base_url=base_url, secrets=[token], **kwargs)
        self._token = token
        self.version = version

    def path(self, *parts: str) -> str:
        return "/" + "/".join((self.version, *parts))

    def call(self, method: str, *parts: str, what: str, once: bool = False, **params: Any) -> dict:
        """One Graph call and its JSON answer.

        The token goes in the form body of a POST, and in the Authorization
        header of a GET, never in a query string, which HTTP libraries log.
        """
        values = {k: v for k, v in params.items() if v not in (None, "")}
        if method == "POST":
            where = {"data": {**values, "access_token": self._token}}
        else:
            where = {"params": values, "headers": {"Authorization": f"Bearer {self._token}"}}
        response = self.send(method, self.path(*parts), what=what, once=once, **where)
        try:
            body = response.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            raise PermanentError(
                self.redact(
                    _(
                        "{network} answered {what} with HTTP {status} but no JSON object",
                        network=self.label,
                        what=what,
                        status=response.status_code,
                    )
                ),
                network=self.name,
                status=response.status_code,
            )
        return body

    def error_detail(self, response: httpx.Response) -> tuple[str, str | None]:
        error = graph_error(response)
        if not error:
            return response.text[:200], None
        text = str(error.get("error_user_msg") or error.get("message") or "")
        code = error.get("code")
        sub = error.get("error_subcode")
        label = f"code {code}" + (f"/{sub}" if sub else "") if code is not None else ""
        return (f"{text} ({label})" if label else text), (f"{code}/{sub}" if sub else str(code) if code else None)

    def refusal(self, response: httpx.Response, what: str) -> ChannelError:
        error = graph_error(response)
        code, sub = error.get("code"), error.get("error_subcode")
        detail, key = self.error_detail(response)
        if code in THROTTLED:
            minutes = regain_minutes(response.headers)
            when = (
                _("access returns in about {minutes} minutes", minutes=minutes)
                if minutes
                else _("access returns within the hour")
            )
            return TransientError(
                self.redact(
                    _(
                        "{network} is rate limiting this account ({detail}); {when}, "
                        "so the share stays due and a later run sends it",
                        network=self.label,
                        detail=detail,
                        when=when,
                    )
                ),
                network=self.name,
                status=response.status_code,
                code=key,
            )
        if (code, sub) == IG_PUBLISH_LIMIT:
            return LimitReached(
                self.redact(
                    _(
                        "{network}'s daily publishing limit is reached ({detail}); the share waits for a later run",
                        network=self.label,
                        detail=detail,
                    )
                ),
                network=self.name,
                code=key,
            )
        return super().refusal(response, what)

    def advice(self, status: int, code: str | None) -> str:
        number = int(code.split("/")[0]) if code and code.split("/")[0].lstrip("-").isdigit() else None
        if number == TOKEN_INVALID or status == 401:
            return _(
                "{variable} is expired or was revoked (Meta tokens expire; a password change "
                "revokes them): make a new long-lived token and update the variable",
                variable=self.token_var,
            )
        if number == 10 or (number is not None and 200 <= number <= 299) or status == 403:
            return _(
                "the token lacks a permission ({permissions}); if the Page asks for Page Publishing "
                "Authorization, complete it in the Page's settings, then try again",
                permissions=self.permissions,
            )
        return _("fix the share or the account settings; podium will not retry it")

    def wait_until_finished(self, container: str, field: str, what: str, problem: Callable[[dict], str]) -> None:
        """Poll a media container until it is FINISHED; its ERROR or EXPIRED status is a refusal."""
        for attempt in range(POLL_TIMES + 1):
            body = self.call(
                "GET",
                container,
                what=_("the status of {what}", what=what),
                fields=f"{field},error_message" if field == "status" else field,
            )
            status = str(body.get(field) or "")
            if status == "FINISHED":
                return
            if status in ("ERROR", "EXPIRED"):
                raise PermanentError(
                    self.redact(
                        _(
                            "{network} could not prepare {what} ({status}: {problem}); check that the image is "
                            "online at its address and in a format {network} accepts",
                            network=self.label,
                            what=what,
                            status=status,
                            problem=problem(body),
                        )
                    ),
                    network=self.name,
                )
            if status == "PUBLISHED":
                return
            if attempt < POLL_TIMES:
                self._sleep(POLL_EVERY)
        raise TransientError(
            self.redact(
                _(
                    "{network} was still preparing {what} after {minutes} minutes; nothing was published, "
                    "the share stays due and the next run tries again",
                    network=self.label,
                    what=what,
                    minutes=POLL_TIMES,
                )
            ),
            network=self.name,
        )

    def quota(self, *parts: str, what: str) -> None:
        """Raise LimitReached when the account's rolling 24-hour publishing quota is used up."""
        body = self.call("GET", *parts, what=what, fields="quota_usage,config")
        try:
            entry = body["data"][0]
            used, total = int(entry["quota_usage"]), int(entry["config"]["quota_total"])
            hours = int(entry["config"].get("quota_duration", 86400)) / 3600
        except (KeyError, IndexError, TypeError, ValueError):
            return  # an answer podium cannot read: the publish call itself will say if the limit is hit
        if used >= total:
            raise LimitReached(
                self.redact(
                    _(
                        "{network} allows {total} posts per {hours:g} hours through its API and {used} are used; "
                        "the share waits for a later run",
                        network=self.label,
                        total=total,
                        hours=hours,
                        used=used,
                    )
                ),
                network=self.name,
            )

    def publish_container(
        self,
        edges: tuple[str, str],
        fields: dict[str, Any],
        status: tuple[str, str, Callable],
        refusals: tuple[str, str],
    ) -> Posted:
        """Meta's two steps: a media container, waited for until finished, then published once.

        ``edges``: the container's and the publish edge; ``status``: the container field to poll, what is
        waited for, and how its failure reads; ``refusals``: an answer without the container's id (nothing
        is out), and a publish answer without the post's id (it may be out: held for a person).
        """
        body = self.call("POST", self.user_id, edges[0], what=_("the media container"), **fields)
        container = str(body.get("id") or "")
        if not container:
            raise PermanentError(refusals[0], network=self.name)
        self.wait_until_finished(container, *status)
        published = self.call("POST", self.user_id, edges[1], what=_("the post"), once=True, creation_id=container)
        media = str(published.get("id") or "")
        if not media:
            raise PermanentError(refusals[1], network=self.name, uncertain=True)
        return Posted(media, self._permalink(media))

    def _permalink(self, media: str) -> str:
        """The post's address; the post is out whatever happens here, so a failure only loses the link."""
        try:
            return str(self.call("GET", media, what=_("the post's address"), fields="permalink").get("permalink") or "")
        except ChannelError as exc:
            log.warning(
                "%s",
                self.redact(
                    _(
                        "{network}: the post {media} is out but its address is unknown ({exc})",
                        network=self.label,
                        media=media,
                        exc=exc,
                    )
                ),
            )
            return ""
