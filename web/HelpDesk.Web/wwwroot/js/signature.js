// Lets the resident sign on the desk screen with a finger, a stylus or the mouse. The drawing goes
// to the server as a PNG once there is enough ink to be a signature; "clear" starts again.
// Without JavaScript the pad stays hidden and the thumbprint method remains.
(function () {
    var pad = document.querySelector("[data-signature]");
    if (!pad) return;
    var canvas = pad.querySelector("canvas");
    var field = pad.querySelector("input[name='Signature']");
    var context = canvas.getContext("2d");
    var minimumInk = 60; // pixels of line: a tap or a stray touch is not a signature
    var ink = 0;
    var last = null;

    pad.hidden = false;

    function blank() {
        context.fillStyle = "#fff";
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.strokeStyle = "#000";
        context.lineWidth = 3;
        context.lineCap = "round";
        context.lineJoin = "round";
        ink = 0;
        field.value = "";
    }

    // The canvas is drawn at its own size whatever size the page shows it at.
    function point(event) {
        var box = canvas.getBoundingClientRect();
        return { x: (event.clientX - box.left) * canvas.width / box.width, y: (event.clientY - box.top) * canvas.height / box.height };
    }

    canvas.addEventListener("pointerdown", function (event) {
        event.preventDefault();
        canvas.setPointerCapture(event.pointerId);
        last = point(event);
    });
    canvas.addEventListener("pointermove", function (event) {
        if (!last) return;
        var next = point(event);
        context.beginPath();
        context.moveTo(last.x, last.y);
        context.lineTo(next.x, next.y);
        context.stroke();
        ink += Math.hypot(next.x - last.x, next.y - last.y);
        last = next;
    });
    function end() {
        if (!last) return;
        last = null;
        if (ink >= minimumInk) field.value = canvas.toDataURL("image/png");
    }
    canvas.addEventListener("pointerup", end);
    canvas.addEventListener("pointercancel", end);
    pad.querySelector("[data-signature-clear]").addEventListener("click", blank);

    blank();
})();
