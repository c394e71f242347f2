// Zoom and rotate for a scanned page, so a small stamp or a page photographed sideways can be read
// without downloading it. Zoom is in percent of the scan's own pixels; "fit" (the default) follows
// the width of the frame. Paging is done by the server's links. Without JavaScript the toolbar stays
// hidden and the scan shows at the width of the frame.
(function () {
    var steps = [25, 33, 50, 67, 75, 100, 125, 150, 200, 300, 400];
    var maxZoom = 400;

    function setUp(viewer) {
        function part(name) { return viewer.querySelector("[data-viewer-" + name + "]"); }
        var frame = part("frame"), image = part("image"), level = part("zoom-level"), fitButton = part("fit");
        var zoom = 100, rotation = 0, fitting = true;

        // The image turns inside a box sized to the turned image, so the frame scrolls over all of it.
        var stage = document.createElement("div");
        stage.className = "scan-viewer-stage";
        image.parentNode.insertBefore(stage, image);
        stage.appendChild(image);

        function turned() { return rotation % 180 !== 0; }
        function fitZoom() {
            var across = turned() ? image.naturalHeight : image.naturalWidth;
            return across ? frame.clientWidth / across * 100 : 100;
        }
        function minZoom() { return Math.min(steps[0], fitZoom()); }

        // anchorX/Y: the point of the frame (in its own pixels) that stays put, the centre by default.
        function render(anchorX, anchorY) {
            if (!image.naturalWidth) return;
            if (anchorX === undefined) { anchorX = frame.clientWidth / 2; anchorY = frame.clientHeight / 2; }
            var before = { width: stage.offsetWidth, height: stage.offsetHeight, left: stage.offsetLeft, top: stage.offsetTop };
            var x = before.width ? (frame.scrollLeft + anchorX - before.left) / before.width : 0.5;
            var y = before.height ? (frame.scrollTop + anchorY - before.top) / before.height : 0;
            if (fitting) zoom = fitZoom();
            var width = image.naturalWidth * zoom / 100, height = image.naturalHeight * zoom / 100;
            image.style.width = width + "px";
            image.style.height = height + "px";
            image.style.transform = "translate(-50%, -50%) rotate(" + rotation + "deg)";
            stage.style.width = (turned() ? height : width) + "px";
            stage.style.height = (turned() ? width : height) + "px";
            frame.scrollLeft = x * stage.offsetWidth + stage.offsetLeft - anchorX;
            frame.scrollTop = y * stage.offsetHeight + stage.offsetTop - anchorY;
            level.textContent = Math.round(zoom) + "%";
            fitButton.setAttribute("aria-pressed", fitting ? "true" : "false");
            viewer.setAttribute("data-zoom", String(Math.round(zoom)));
            viewer.setAttribute("data-rotation", String(rotation));
        }

        function zoomTo(value, anchorX, anchorY) {
            fitting = false;
            zoom = Math.max(minZoom(), Math.min(maxZoom, value));
            render(anchorX, anchorY);
        }
        // The next step strictly above or below the current zoom, which after "fit" is rarely a step.
        function zoomIn() { zoomTo(steps.filter(function (s) { return s > zoom + 0.5; })[0] || maxZoom); }
        function zoomOut() { zoomTo(steps.filter(function (s) { return s < zoom - 0.5; }).pop() || minZoom()); }
        function fit() { fitting = true; render(); }
        function rotate(by) { rotation = (rotation + by + 360) % 360; render(); }

        part("zoom-in").addEventListener("click", zoomIn);
        part("zoom-out").addEventListener("click", zoomOut);
        fitButton.addEventListener("click", fit);
        part("rotate-left").addEventListener("click", function () { rotate(-90); });
        part("rotate-right").addEventListener("click", function () { rotate(90); });

        frame.addEventListener("keydown", function (event) {
            if (event.ctrlKey || event.metaKey || event.altKey) return; // leave the browser's own zoom alone
            var action = { "+": zoomIn, "=": zoomIn, "-": zoomOut, "0": fit, "r": function () { rotate(90); }, "R": function () { rotate(-90); } }[event.key];
            if (!action) return;
            event.preventDefault();
            action();
        });

        // Ctrl+wheel, and a trackpad pinch (which Chromium reports as one), zooms about the pointer.
        frame.addEventListener("wheel", function (event) {
            if (!event.ctrlKey) return;
            event.preventDefault();
            var delta = event.deltaY * (event.deltaMode === 1 ? 16 : 1);
            var box = frame.getBoundingClientRect();
            zoomTo(zoom * Math.exp(-delta / 500), event.clientX - box.left - frame.clientLeft, event.clientY - box.top - frame.clientTop);
        }, { passive: false });

        var refit = function () { if (fitting) render(); };
        if (window.ResizeObserver) new ResizeObserver(refit).observe(frame);
        else window.addEventListener("resize", refit);

        viewer.classList.add("scan-viewer-ready");
        part("tools").hidden = false;
        if (image.complete) render(); else image.addEventListener("load", function () { render(); });
    }

    Array.prototype.forEach.call(document.querySelectorAll("[data-viewer]"), setUp);
})();
