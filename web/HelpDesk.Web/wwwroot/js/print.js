// A "Print" button for printouts (tickets, slips); the page itself is laid out by the print stylesheet.
document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
});
