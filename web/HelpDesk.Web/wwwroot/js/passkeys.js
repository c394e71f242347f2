// Passkeys (WebAuthn) for Razor Pages without a framework.
// A form marked data-passkey="create" or "get" holds a button, a hidden CredentialJson field
// and data-options-url. The button fetches options from the server, asks the browser for a
// credential and submits the form with it. The server does every check.
(function () {
    "use strict";

    function toBytes(base64url) {
        var base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
        while (base64.length % 4) base64 += "=";
        var binary = atob(base64);
        var bytes = new Uint8Array(binary.length);
        for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
        return bytes.buffer;
    }

    function toBase64Url(buffer) {
        var bytes = new Uint8Array(buffer), binary = "";
        for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
        return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    }

    function creationOptions(json) {
        if (window.PublicKeyCredential && PublicKeyCredential.parseCreationOptionsFromJSON)
            return PublicKeyCredential.parseCreationOptionsFromJSON(json);
        json.challenge = toBytes(json.challenge);
        json.user.id = toBytes(json.user.id);
        (json.excludeCredentials || []).forEach(function (c) { c.id = toBytes(c.id); });
        return json;
    }

    function requestOptions(json) {
        if (window.PublicKeyCredential && PublicKeyCredential.parseRequestOptionsFromJSON)
            return PublicKeyCredential.parseRequestOptionsFromJSON(json);
        json.challenge = toBytes(json.challenge);
        (json.allowCredentials || []).forEach(function (c) { c.id = toBytes(c.id); });
        return json;
    }

    function credentialJson(credential) {
        if (typeof credential.toJSON === "function") return JSON.stringify(credential.toJSON());
        var r = credential.response, response = { clientDataJSON: toBase64Url(r.clientDataJSON) };
        if (r.attestationObject) {
            response.attestationObject = toBase64Url(r.attestationObject);
            response.transports = r.getTransports ? r.getTransports() : [];
        } else {
            response.authenticatorData = toBase64Url(r.authenticatorData);
            response.signature = toBase64Url(r.signature);
            response.userHandle = r.userHandle ? toBase64Url(r.userHandle) : null;
        }
        return JSON.stringify({
            id: credential.id, rawId: toBase64Url(credential.rawId), type: credential.type,
            authenticatorAttachment: credential.authenticatorAttachment || null,
            clientExtensionResults: credential.getClientExtensionResults(), response: response
        });
    }

    function start(form) {
        var mode = form.dataset.passkey;
        var status = form.querySelector("[data-passkey-status]");
        var button = form.querySelector("[data-passkey-start]");
        var field = form.querySelector("input[name$='CredentialJson']");

        function say(message) { if (status) { status.hidden = false; status.textContent = message; } }

        if (!window.PublicKeyCredential) {
            say(form.dataset.messageUnsupported || "");
            if (button) button.disabled = true;
            return;
        }

        button.addEventListener("click", function () {
            button.disabled = true;
            say(form.dataset.messageWaiting || "");
            fetch(form.dataset.optionsUrl, { method: "POST", body: new FormData(form), credentials: "same-origin" })
                .then(function (response) {
                    if (!response.ok) throw new Error("options " + response.status);
                    return response.json();
                })
                .then(function (options) {
                    return mode === "create"
                        ? navigator.credentials.create({ publicKey: creationOptions(options) })
                        : navigator.credentials.get({ publicKey: requestOptions(options) });
                })
                .then(function (credential) {
                    field.value = credentialJson(credential);
                    form.submit();
                })
                .catch(function (error) {
                    var cancelled = error && (error.name === "NotAllowedError" || error.name === "AbortError");
                    say(cancelled ? (form.dataset.messageCancelled || "") : (form.dataset.messageFailed || ""));
                    button.disabled = false;
                });
        });
    }

    document.querySelectorAll("form[data-passkey]").forEach(start);
})();
