"""Mail backends for the sending tests: count connections, fail or die on cue."""

from django.core.mail.backends.locmem import EmailBackend


class WorkerDied(BaseException):  # noqa: N818 - named for what it simulates
    """The worker process is killed: nothing in the sending code may catch this."""


class ScriptedBackend(EmailBackend):
    """Delivers to the outbox; counts connections; ``script`` maps the n-th attempted
    message (counting from 1) to ("before" | "after", exception): raised before the message
    is delivered (it never went out) or after (it went out, then the worker died)."""

    opened = 0
    attempts = 0
    script = {}
    failing_opens = 0

    @classmethod
    def reset(cls, script=None, failing_opens=0):
        cls.opened = cls.attempts = 0
        cls.script = script or {}
        cls.failing_opens = failing_opens

    def open(self):
        if ScriptedBackend.failing_opens:
            ScriptedBackend.failing_opens -= 1
            raise ConnectionRefusedError("SMTP server down")
        ScriptedBackend.opened += 1
        return True

    def send_messages(self, messages):
        for message in messages:
            ScriptedBackend.attempts += 1
            when, error = ScriptedBackend.script.get(ScriptedBackend.attempts, (None, None))
            if when == "before":
                raise error
            super().send_messages([message])
            if when == "after":
                raise error
        return len(messages)
