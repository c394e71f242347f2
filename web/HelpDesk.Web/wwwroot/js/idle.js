// Idle sign-out for shared desk PCs. The server's sliding cookie is the real limit; this
// script only warns a minute before it and lets the volunteer stay signed in.
(function () {
    "use strict";
    var body = document.body;
    var idleSeconds = parseInt(body.dataset.idleSeconds || "0", 10);
    var warningSeconds = parseInt(body.dataset.idleWarningSeconds || "60", 10);
    var dialog = document.getElementById("idle-warning");
    if (!idleSeconds || !dialog) return;

    var countdown = document.getElementById("idle-countdown");
    var keepAlive = document.getElementById("idle-keepalive");
    var signOut = document.getElementById("idle-signout");
    var deadline = Date.now() + idleSeconds * 1000;
    var lastPing = Date.now();

    function secondsLeft() { return Math.max(0, Math.round((deadline - Date.now()) / 1000)); }

    function renew() {
        lastPing = Date.now();
        deadline = Date.now() + idleSeconds * 1000;
        return fetch(keepAlive.action, { method: "POST", body: new FormData(keepAlive), credentials: "same-origin" })
            .then(function (response) { if (response.status !== 204) window.location.reload(); });
    }

    keepAlive.addEventListener("submit", function (event) {
        event.preventDefault();
        renew().finally(function () { if (dialog.open) dialog.close(); });
    });

    // Typing or clicking counts as activity, but renews the session at most once a minute.
    ["keydown", "pointerdown"].forEach(function (type) {
        document.addEventListener(type, function () {
            if (!dialog.open && Date.now() - lastPing > 60000) renew();
        }, { passive: true });
    });

    setInterval(function () {
        var left = secondsLeft();
        if (left <= 0) { signOut.submit(); return; }
        if (left <= warningSeconds && !dialog.open) dialog.showModal();
        if (dialog.open) countdown.textContent = left + " s";
    }, 1000);
})();
