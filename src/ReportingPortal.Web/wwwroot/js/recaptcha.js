// reCAPTCHA v3 and v2 invisible need a token made when the report is sent; this asks for one, then sends the form.
(function () {
    "use strict";
    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (form.dataset.captchaDone === "yes" || typeof window.grecaptcha === "undefined") {
            return;
        }
        var v3 = form.querySelector("input.recaptcha-v3");
        var invisible = form.querySelector(".g-recaptcha[data-size=invisible]");
        if (!v3 && !invisible) {
            return;
        }
        event.preventDefault();
        var send = function (token) {
            if (v3) {
                v3.value = token;
            }
            form.dataset.captchaDone = "yes";
            form.requestSubmit();
        };
        window.grecaptcha.ready(function () {
            if (v3) {
                window.grecaptcha.execute(v3.dataset.sitekey, { action: v3.dataset.action }).then(send);
            } else {
                window.grecaptcha.execute();
                var wait = setInterval(function () {
                    var token = window.grecaptcha.getResponse();
                    if (token) {
                        clearInterval(wait);
                        send(token);
                    }
                }, 200);
            }
        });
    });
}());
