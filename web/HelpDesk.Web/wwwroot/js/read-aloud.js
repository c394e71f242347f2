// "Read aloud" buttons ([data-read-aloud]): speak data-text in data-lang (vi-VN, zh-CN, zh-TW…) with the
// browser's speech synthesis, choosing a voice of that language when the device has one. Buttons stay
// hidden where there is no speech synthesis.
(function () {
    var buttons = document.querySelectorAll("[data-read-aloud]");
    if (!buttons.length || !("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") return;
    var synth = window.speechSynthesis;

    function normalise(lang) { return (lang || "").replace("_", "-").toLowerCase(); }

    function voiceFor(lang) {
        var wanted = normalise(lang);
        var voices = synth.getVoices();
        var exact = voices.filter(function (v) { return normalise(v.lang) === wanted; });
        if (exact.length) return exact[0];
        var prefix = wanted.split("-")[0] + "-";
        var near = voices.filter(function (v) { return normalise(v.lang).indexOf(prefix) === 0; });
        return near.length ? near[0] : null;
    }

    buttons.forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () {
            synth.cancel();
            var utterance = new SpeechSynthesisUtterance(button.getAttribute("data-text") || "");
            utterance.lang = button.getAttribute("data-lang") || "vi-VN";
            var voice = voiceFor(utterance.lang);
            if (voice) utterance.voice = voice;
            utterance.rate = 0.9;
            synth.speak(utterance);
        });
    });
    // Some browsers load their voices after the page; the next click then finds them.
    if (typeof synth.addEventListener === "function") synth.addEventListener("voiceschanged", function () { synth.getVoices(); });
})();
