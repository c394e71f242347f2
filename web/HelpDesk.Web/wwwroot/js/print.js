// A "Print" button for printouts (tickets, slips); the page itself is laid out by the print stylesheet.
document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
});

// A receipt printer's roll has no sheet length, but Chromium needs one ("size: 80mm auto" is ignored): give the
// page the length of the strip as laid out on screen, where the receipt stylesheet draws it at its printed size.
(function () {
    var strip = document.querySelector("[data-receipt-strip]");
    var sheet = document.querySelector("link[data-receipt-sheet]");
    if (!strip || !sheet || !sheet.sheet) return;
    var rule = -1;
    function fitPage() {
        var margins = 6; // mm, top and bottom of the @page rule in slip-receipt.css
        var length = Math.ceil(strip.getBoundingClientRect().height * 25.4 / 96) + margins + 2;
        var css = sheet.sheet;
        if (rule >= 0) css.deleteRule(rule);
        rule = css.insertRule("@page { size: 80mm " + length + "mm; margin: 3mm; }", css.cssRules.length);
    }
    fitPage();
    document.fonts.ready.then(fitPage);
    window.addEventListener("beforeprint", fitPage);
})();
