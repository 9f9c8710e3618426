// Progressive enhancements only: every page works without this file.
(function () {
    "use strict";

    // Quick exit: replace this page (and its history entry) with a neutral site.
    var exit = document.querySelector("[data-quick-exit]");
    function leave(event) {
        if (event) event.preventDefault();
        var url = exit.getAttribute("href");
        document.title = "";
        document.body.textContent = "";
        window.location.replace(url);
    }
    if (exit) {
        exit.addEventListener("click", leave);
        var presses = [];
        document.addEventListener("keydown", function (event) {
            if (event.key !== "Shift" || event.repeat) return;
            var now = Date.now();
            presses = presses.filter(function (time) { return now - time < 1500; });
            presses.push(now);
            if (presses.length >= 3) leave();
        });
    }

    // Move focus to the error summary, so screen readers announce it and keyboards start there.
    var summary = document.querySelector("[data-focus-on-load]");
    if (summary) summary.focus();

    // Receipt: copy the reference and code, print the page.
    var copy = document.querySelector("[data-copy]");
    if (copy && navigator.clipboard) {
        copy.hidden = false;
        copy.addEventListener("click", function () {
            var text = document.getElementById(copy.getAttribute("data-copy")).innerText;
            navigator.clipboard.writeText(text).then(function () {
                var status = document.getElementById("copy-status");
                if (status) status.textContent = copy.getAttribute("data-copied");
            });
        });
    }
    var print = document.querySelector("[data-print]");
    if (print) {
        print.hidden = false;
        print.addEventListener("click", function () { window.print(); });
    }
})();
