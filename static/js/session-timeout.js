/* The warning before an idle staff session ends (portal/staff_sessions.py).
 *
 * The server ends a session after ``data-idle-seconds`` without a request. Five minutes
 * before that, a notice says so and offers to stay logged in, which is one request to
 * ``data-keep-alive``; typing in a form is not a request, so a long edit needs it.
 */
"use strict";
{
    const script = document.querySelector("script[data-idle-seconds]");
    const idle = Number(script.dataset.idleSeconds) * 1000;
    const warnBefore = Number(script.dataset.warnSeconds) * 1000;
    const keepAliveUrl = script.dataset.keepAlive;
    let timer;

    function notice() {
        let box = document.getElementById("session-timeout");
        if (!box) {
            box = document.createElement("div");
            box.id = "session-timeout";
            box.className = "session-timeout";
            box.setAttribute("role", "alert");
            const text = document.createElement("p");
            text.textContent = script.dataset.message;
            const button = document.createElement("button");
            button.type = "button";
            button.className = "button";
            button.textContent = script.dataset.button;
            button.addEventListener("click", stayLoggedIn);
            box.append(text, button);
            document.body.prepend(box);
        }
        box.hidden = false;
    }

    function stayLoggedIn() {
        fetch(keepAliveUrl, {credentials: "same-origin"}).then((response) => {
            if (response.ok) {
                document.getElementById("session-timeout").hidden = true;
                schedule();
            }
        });
    }

    function schedule() {
        clearTimeout(timer);
        timer = setTimeout(notice, Math.max(idle - warnBefore, 0));
    }

    schedule();
}
