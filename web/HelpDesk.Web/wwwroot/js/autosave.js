// Keeps what is typed on a filing screen on the server, unchecked, a moment after each change and
// when the tab is hidden or closed: a dropped connection or a closed tab loses at most seconds.
// Nothing is kept in the browser itself, because desk computers are shared.
(function () {
    var form = document.querySelector("form[data-autosave]");
    if (!form) return;
    var url = form.getAttribute("data-autosave");
    var timer = null;
    var changed = false;

    function keep(leaving) {
        clearTimeout(timer);
        if (!changed) return;
        changed = false;
        var data = new FormData(form);
        if (leaving && navigator.sendBeacon && navigator.sendBeacon(url, data)) return;
        fetch(url, { method: "POST", body: data, credentials: "same-origin", keepalive: leaving })
            .then(function (response) { if (!response.ok) changed = true; })
            .catch(function () { changed = true; });
    }

    function later() {
        changed = true;
        clearTimeout(timer);
        timer = setTimeout(function () { keep(false); }, 1500);
    }

    form.addEventListener("input", later);
    form.addEventListener("change", later);
    form.addEventListener("focusout", function () { keep(false); });
    form.addEventListener("submit", function () { clearTimeout(timer); changed = false; });
    document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") keep(true); });
    window.addEventListener("pagehide", function () { keep(true); });
})();
