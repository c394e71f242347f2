using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HelpDesk.Testing;

/// <summary>
/// A WebAuthn authenticator in software (ES256, "none" attestation), so HTTP tests can enrol and
/// use passkeys against the real server checks without a browser. The browser suite uses
/// Chromium's own virtual authenticator instead.
/// </summary>
public sealed class SoftwareAuthenticator
{
    private readonly Dictionary<string, Credential> _credentials = new();

    private sealed record Credential(byte[] Id, ECDsa Key, byte[] UserHandle, string RpId)
    {
        public uint SignCount { get; set; }
    }

    public int CredentialCount => _credentials.Count;

    /// <summary>Answers navigator.credentials.create(options) as a browser on <paramref name="origin"/> would.</summary>
    public string Create(string optionsJson, string origin)
    {
        var options = JsonNode.Parse(optionsJson)!;
        var rpId = options["rp"]!["id"]!.GetValue<string>();
        var userHandle = Base64Url.Decode(options["user"]!["id"]!.GetValue<string>());
        var credentialId = RandomNumberGenerator.GetBytes(32);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var credential = new Credential(credentialId, key, userHandle, rpId);
        _credentials[Base64Url.Encode(credentialId)] = credential;

        var clientData = ClientData("webauthn.create", options["challenge"]!.GetValue<string>(), origin);
        var parameters = key.ExportParameters(false);
        var coseKey = Cbor.Map(
            (Cbor.Int(1), Cbor.Int(2)),        // kty: EC2
            (Cbor.Int(3), Cbor.Int(-7)),       // alg: ES256
            (Cbor.Int(-1), Cbor.Int(1)),       // crv: P-256
            (Cbor.Int(-2), Cbor.Bytes(parameters.Q.X!)),
            (Cbor.Int(-3), Cbor.Bytes(parameters.Q.Y!)));
        var attestedData = new List<byte>();
        attestedData.AddRange(new byte[16]); // AAGUID
        attestedData.Add((byte)(credentialId.Length >> 8));
        attestedData.Add((byte)credentialId.Length);
        attestedData.AddRange(credentialId);
        attestedData.AddRange(coseKey);
        var authenticatorData = AuthenticatorData(rpId, flags: 0x45, signCount: 0, attestedData.ToArray()); // UP | UV | AT
        var attestationObject = Cbor.Map(
            (Cbor.Text("fmt"), Cbor.Text("none")),
            (Cbor.Text("attStmt"), Cbor.Map()),
            (Cbor.Text("authData"), Cbor.Bytes(authenticatorData)));

        return Serialize(credentialId, new JsonObject
        {
            ["clientDataJSON"] = Base64Url.Encode(clientData),
            ["attestationObject"] = Base64Url.Encode(attestationObject),
            ["transports"] = new JsonArray("internal"),
        });
    }

    /// <summary>Answers navigator.credentials.get(options) with the first matching credential.</summary>
    public string Get(string optionsJson, string origin)
    {
        var options = JsonNode.Parse(optionsJson)!;
        var rpId = options["rpId"]!.GetValue<string>();
        var allowed = (options["allowCredentials"] as JsonArray ?? []).Select(c => c!["id"]!.GetValue<string>()).ToHashSet();
        var credential = _credentials.Values.First(c => c.RpId == rpId && (allowed.Count == 0 || allowed.Contains(Base64Url.Encode(c.Id))));
        credential.SignCount++;
        var clientData = ClientData("webauthn.get", options["challenge"]!.GetValue<string>(), origin);
        var authenticatorData = AuthenticatorData(rpId, flags: 0x05, credential.SignCount, []); // UP | UV
        var signed = authenticatorData.Concat(SHA256.HashData(clientData)).ToArray();
        var signature = credential.Key.SignData(signed, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return Serialize(credential.Id, new JsonObject
        {
            ["clientDataJSON"] = Base64Url.Encode(clientData),
            ["authenticatorData"] = Base64Url.Encode(authenticatorData),
            ["signature"] = Base64Url.Encode(signature),
            ["userHandle"] = Base64Url.Encode(credential.UserHandle),
        });
    }

    private static byte[] ClientData(string type, string challenge, string origin) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { type, challenge, origin, crossOrigin = false }));

    private static byte[] AuthenticatorData(string rpId, byte flags, uint signCount, byte[] attestedData)
    {
        var data = new List<byte>(SHA256.HashData(Encoding.UTF8.GetBytes(rpId))) { flags };
        data.AddRange([(byte)(signCount >> 24), (byte)(signCount >> 16), (byte)(signCount >> 8), (byte)signCount]);
        data.AddRange(attestedData);
        return data.ToArray();
    }

    private static string Serialize(byte[] credentialId, JsonObject response) => new JsonObject
    {
        ["id"] = Base64Url.Encode(credentialId),
        ["rawId"] = Base64Url.Encode(credentialId),
        ["type"] = "public-key",
        ["authenticatorAttachment"] = "platform",
        ["clientExtensionResults"] = new JsonObject(),
        ["response"] = response,
    }.ToJsonString();

    /// <summary>Just enough CBOR (RFC 8949) for attestation objects and COSE keys.</summary>
    private static class Cbor
    {
        public static byte[] Int(long value) => value >= 0 ? Head(0, (ulong)value) : Head(1, (ulong)(-1 - value));
        public static byte[] Bytes(byte[] value) => [.. Head(2, (ulong)value.Length), .. value];
        public static byte[] Text(string value) => [.. Head(3, (ulong)Encoding.UTF8.GetByteCount(value)), .. Encoding.UTF8.GetBytes(value)];
        public static byte[] Map(params (byte[] Key, byte[] Value)[] entries) =>
            [.. Head(5, (ulong)entries.Length), .. entries.SelectMany(e => e.Key.Concat(e.Value))];

        private static byte[] Head(int major, ulong value) => value switch
        {
            < 24 => [(byte)((major << 5) | (int)value)],
            < 256 => [(byte)((major << 5) | 24), (byte)value],
            < 65536 => [(byte)((major << 5) | 25), (byte)(value >> 8), (byte)value],
            _ => [(byte)((major << 5) | 26), (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value],
        };
    }
}

public static class Base64Url
{
    public static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Decode(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '='));
    }
}
