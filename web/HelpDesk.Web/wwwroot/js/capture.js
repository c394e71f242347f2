// Adds a page to a required document from a file, the phone camera or the desk camera. Photos are
// straightened, shrunk and re-encoded here so a 12-megapixel phone photo leaves as a JPEG under
// 600 KB over a weak connection, and a blurred or dark photo is caught while the resident is still
// at the desk. PDFs and anything else go up as they are; the server has the last word on what it
// accepts. Photos live in memory only (never localStorage or IndexedDB): desk computers are shared.
// Without JavaScript the form posts the chosen file as an ordinary upload.
(function () {
    var longEdge = 2000;          // px: an A4 page at about 170 dpi, enough to read a stamp
    var maxBytes = 600 * 1024;
    var analysisEdge = 768;       // px: see blurredBelow
    var darkBelow = 60;           // mean luma 0..255
    // Variance of the Laplacian on the copy shrunk to analysisEdge. Calibrated in Chromium 156 on
    // synthetic pages (black text of several sizes on off-white, a stamp, uneven light, sensor noise,
    // JPEG at 0.92) as 4000×3000, 3000×4000, 4032×3024 phone photos and 2560×1440, 1920×1080,
    // 1280×720 webcam frames. Sharp: 3490–5580 for full pages, 1640–1900 for a page filling 60 % of
    // the frame, 990 for a page with three lines. The same under blur(6px): 27–250; under blur(3px):
    // about 860, still readable and not flagged. 500 sits a factor of two from both 250 and 990.
    // On a 512 px copy blur(6px) on a 12-megapixel photo shrinks below a pixel and still scores 530,
    // too close to the sparse sharp page; hence 768. A dark photo has less contrast and scores low
    // too (190 at mean luma 36), so it may get both warnings; both are advice, not refusals.
    var blurredBelow = 500;

    function canvasOf(width, height) {
        var canvas = document.createElement("canvas");
        canvas.width = width;
        canvas.height = height;
        return canvas;
    }

    // Mobile Safari keeps a canvas's memory until its size is zero, and a few 2000 px canvases
    // are enough to make it refuse the next one.
    function release(canvas) { canvas.width = 0; canvas.height = 0; }

    // Decodes with the camera's EXIF rotation applied, or a phone's portrait photo arrives sideways.
    // createImageBitmap decodes off the main thread; a browser without it, or one that refuses the
    // option (Safari before 17 named the same behaviour "none"), gets an <img>, which applies the
    // EXIF orientation as well.
    function decode(blob) {
        function withImage() {
            return new Promise(function (resolve, reject) {
                var url = URL.createObjectURL(blob);
                var image = new Image();
                image.onload = function () {
                    resolve({ source: image, width: image.naturalWidth, height: image.naturalHeight, close: function () { URL.revokeObjectURL(url); } });
                };
                image.onerror = function () { URL.revokeObjectURL(url); reject(new Error("decode")); };
                image.src = url;
            });
        }
        if (!window.createImageBitmap) return withImage();
        try {
            return createImageBitmap(blob, { imageOrientation: "from-image" }).then(function (bitmap) {
                return { source: bitmap, width: bitmap.width, height: bitmap.height, close: function () { bitmap.close(); } };
            }, withImage);
        } catch (e) {
            return withImage();
        }
    }

    // One smoothed reduction of more than 2× drops thin strokes of text; halving in steps keeps them.
    function draw(source, width, height, targetWidth, targetHeight) {
        while (width > targetWidth * 2) {
            var half = canvasOf(Math.round(width / 2), Math.round(height / 2));
            paint(half, source, width, height);
            if (source.tagName === "CANVAS") release(source);
            source = half; width = half.width; height = half.height;
        }
        var canvas = canvasOf(targetWidth, targetHeight);
        paint(canvas, source, width, height);
        if (source.tagName === "CANVAS") release(source);
        return canvas;
    }

    function paint(canvas, source, width, height) {
        var context = canvas.getContext("2d");
        context.fillStyle = "#fff"; // a transparent PNG would otherwise turn black as a JPEG
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.imageSmoothingEnabled = true;
        context.imageSmoothingQuality = "high";
        context.drawImage(source, 0, 0, width, height, 0, 0, canvas.width, canvas.height);
    }

    function encode(canvas, quality) {
        return new Promise(function (resolve, reject) {
            canvas.toBlob(function (blob) { if (blob) resolve(blob); else reject(new Error("encode")); }, "image/jpeg", quality);
        });
    }

    // Brightness is the mean luma; sharpness the variance of the 4-neighbour Laplacian, which is
    // high where edges are crisp and collapses when they are smeared.
    function analyse(canvas) {
        var scale = Math.min(1, analysisEdge / Math.max(canvas.width, canvas.height));
        var width = Math.max(3, Math.round(canvas.width * scale));
        var height = Math.max(3, Math.round(canvas.height * scale));
        var small = canvasOf(width, height);
        var context = small.getContext("2d", { willReadFrequently: true });
        context.imageSmoothingQuality = "high";
        context.drawImage(canvas, 0, 0, width, height);
        var rgba = context.getImageData(0, 0, width, height).data;
        release(small);
        var luma = new Float32Array(width * height);
        var total = 0;
        for (var i = 0; i < luma.length; i++) {
            luma[i] = 0.299 * rgba[i * 4] + 0.587 * rgba[i * 4 + 1] + 0.114 * rgba[i * 4 + 2];
            total += luma[i];
        }
        var sum = 0, squares = 0, count = 0;
        for (var y = 1; y < height - 1; y++) {
            for (var x = 1; x < width - 1; x++) {
                var p = y * width + x;
                var laplacian = 4 * luma[p] - luma[p - 1] - luma[p + 1] - luma[p - width] - luma[p + width];
                sum += laplacian; squares += laplacian * laplacian; count++;
            }
        }
        var mean = sum / count;
        return { brightness: total / luma.length, sharpness: squares / count - mean * mean };
    }

    function prepare(blob) {
        var started = performance.now();
        return decode(blob).then(function (image) {
            var scale = Math.min(1, longEdge / Math.max(image.width, image.height));
            var width = Math.max(1, Math.round(image.width * scale));
            var height = Math.max(1, Math.round(image.height * scale));
            var canvas;
            try { canvas = draw(image.source, image.width, image.height, width, height); } finally { image.close(); }
            var measured = analyse(canvas);
            function attempt(q) {
                return encode(canvas, q).then(function (jpeg) {
                    if (jpeg.size > maxBytes && q > 0.45) return attempt(Math.round((q - 0.1) * 100) / 100);
                    return jpeg;
                });
            }
            return attempt(0.82).then(function (jpeg) {
                release(canvas);
                return {
                    blob: jpeg, width: width, height: height, bytes: jpeg.size,
                    brightness: measured.brightness, sharpness: measured.sharpness,
                    dark: measured.brightness < darkBelow, blurred: measured.sharpness < blurredBelow,
                    ms: Math.round(performance.now() - started)
                };
            }, function (error) { release(canvas); throw error; });
        });
    }

    window.HelpDeskCapture = { prepare: prepare };

    function setUp(form) {
        function part(name) { return form.querySelector("[data-capture-" + name + "]"); }
        var choose = part("choose"), fileInput = part("file");
        var cameraButton = part("camera"), cameraInput = part("camera-input"), webcamButton = part("webcam");
        var webcamPanel = part("webcam-panel"), video = part("video");
        var preview = part("preview"), previewImage = part("preview-image"), info = part("info");
        var progressPanel = part("progress-panel"), progress = part("progress");
        var failed = part("failed"), error = part("error"), retry = part("retry"), status = part("status");
        var coarse = window.matchMedia && matchMedia("(pointer: coarse)").matches;
        var source = "file";   // where the last page came from, so "take it again" goes back there
        var pending = null;    // { blob, name } of the page being added, kept for "try again"
        var previewUrl = null;
        var stream = null, opening = false;
        var busy = false;
        var picks = 0;         // a photo still being prepared when another is picked is dropped

        function text(name) { return form.getAttribute("data-text-" + name) || ""; }
        function announce(message) { status.textContent = message; }

        function show(panel) {
            choose.hidden = panel !== choose;
            webcamPanel.hidden = panel !== webcamPanel;
            preview.hidden = panel !== preview;
        }

        function fail(message, canRetry) {
            error.textContent = message;
            retry.hidden = !canRetry;
            failed.hidden = false;
            show(choose);
            (canRetry ? retry : fileInput).focus(); // the focused button was disabled or hidden
        }

        function clearPreview() {
            if (previewUrl) URL.revokeObjectURL(previewUrl);
            previewUrl = null;
            previewImage.removeAttribute("src");
        }

        function take(file, from) {
            if (!file || busy) return;
            source = from;
            failed.hidden = true;
            var pdf = file.type === "application/pdf" || /\.pdf$/i.test(file.name || "");
            if (pdf || !/^image\//.test(file.type)) { picks++; upload(file, file.name || "page"); return; }
            var pick = ++picks;
            announce(text("preparing"));
            prepare(file).then(function (page) {
                if (pick === picks) showPreview(page);
            }, function () {
                // A photo this browser cannot read (HEIC on a PC, say) goes as it is; the server decides.
                if (pick === picks) upload(file, file.name || "page.jpg");
            });
        }

        function showPreview(page) {
            pending = { blob: page.blob, name: "page.jpg" };
            clearPreview();
            previewUrl = URL.createObjectURL(page.blob);
            previewImage.src = previewUrl;
            info.textContent = page.width + " × " + page.height + " px · " + Math.round(page.bytes / 1024) + " KB";
            form.querySelector("[data-capture-warning='blurred']").hidden = !page.blurred;
            form.querySelector("[data-capture-warning='dark']").hidden = !page.dark;
            preview.setAttribute("data-brightness", page.brightness.toFixed(1));
            preview.setAttribute("data-sharpness", page.sharpness.toFixed(1));
            announce("");
            show(preview);
            part("upload").focus();
        }

        function setBusy(value) {
            busy = value;
            Array.prototype.forEach.call(form.querySelectorAll("button, input[type=file]"), function (control) { control.disabled = value; });
        }

        function upload(blob, name) {
            if (busy) return;
            pending = { blob: blob, name: name };
            setBusy(true);
            failed.hidden = true;
            progress.value = 0;
            progressPanel.hidden = false;
            if (preview.hidden) show(null);
            var data = new FormData(form); // documentId, the antiforgery token and any other hidden field
            data.set("file", blob, name);
            var request = new XMLHttpRequest();
            request.open("POST", form.action);
            request.timeout = 60000;
            request.setRequestHeader("Accept", "application/json");
            request.upload.onprogress = function (event) {
                if (event.lengthComputable) progress.value = Math.round(event.loaded * 100 / event.total);
                progress.textContent = progress.value + "%";
            };
            function finish(message, canRetry) {
                setBusy(false);
                progressPanel.hidden = true;
                if (!canRetry) { pending = null; clearPreview(); }
                announce(message);
                fail(message, canRetry);
            }
            request.onload = function () {
                if (request.status >= 200 && request.status < 300) {
                    announce(text("uploaded"));
                    location.reload(); // the page list is the server's; the reloaded page shows the new page
                    return;
                }
                if (request.status >= 500 || request.status === 408 || request.status === 429) { finish(text("failed"), true); return; }
                // Refused (wrong type, too large, too many pages): sending the same file again cannot help.
                var message = "";
                try { message = JSON.parse(request.responseText).error || ""; } catch (e) { message = ""; }
                finish(message || text("failed"), false);
            };
            request.onerror = request.ontimeout = function () { finish(text("failed"), true); };
            request.send(data);
        }

        function stopCamera() {
            if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
            stream = null;
            video.srcObject = null;
        }

        function openWebcam() {
            failed.hidden = true;
            if (stream) { show(webcamPanel); return; }
            if (opening) return; // a double click must not open the camera twice
            opening = true;
            navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment", width: { ideal: 2560 }, height: { ideal: 1440 } } })
                .then(function (opened) {
                    opening = false;
                    stream = opened;
                    video.srcObject = opened;
                    show(webcamPanel);
                    return video.play();
                })
                .then(function () { part("snap").focus(); })
                .catch(function () {
                    opening = false;
                    stopCamera();
                    announce(text("camera-unavailable"));
                    fail(text("camera-unavailable"), false);
                });
        }

        function snap() {
            if (!video.videoWidth) return;
            var canvas = canvasOf(video.videoWidth, video.videoHeight);
            canvas.getContext("2d").drawImage(video, 0, 0);
            stopCamera();
            encode(canvas, 0.95).then(function (blob) { release(canvas); take(blob, "webcam"); });
        }

        function picked(input, from) {
            var file = input.files && input.files[0];
            input.value = ""; // choosing the same file again must fire "change" again
            take(file, from);
        }

        part("plain").hidden = true;
        if (coarse) cameraButton.hidden = false;
        if (!coarse && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) webcamButton.hidden = false;

        form.addEventListener("submit", function (event) { event.preventDefault(); picked(fileInput, "file"); });
        fileInput.addEventListener("change", function () { picked(fileInput, "file"); });
        cameraInput.addEventListener("change", function () { picked(cameraInput, "camera"); });
        cameraButton.addEventListener("click", function () { cameraInput.click(); });
        webcamButton.addEventListener("click", openWebcam);
        part("snap").addEventListener("click", snap);
        part("webcam-close").addEventListener("click", function () { stopCamera(); show(choose); webcamButton.focus(); });
        part("upload").addEventListener("click", function () { if (pending) upload(pending.blob, pending.name); });
        part("retake").addEventListener("click", function () {
            pending = null;
            clearPreview();
            show(choose);
            if (source === "camera") cameraInput.click();
            else if (source === "webcam") openWebcam();
            else fileInput.focus();
        });
        retry.addEventListener("click", function () { if (pending) upload(pending.blob, pending.name); });
        window.addEventListener("pagehide", function () { if (stream) { stopCamera(); show(choose); } });
    }

    Array.prototype.forEach.call(document.querySelectorAll("form[data-capture]"), setUp);
})();
