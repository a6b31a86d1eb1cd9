using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hub.ServiceDefaults.Security;

/// <summary>
/// How one hub signs the requests it sends a partner: HMAC-SHA256, under the secret the two hubs share, of the
/// method, the request target (path and query exactly as sent), a Unix timestamp and the SHA-256 of the body.
/// The receiver recomputes it and refuses a mismatch or a timestamp outside the allowed skew.
/// </summary>
public static class HubRequestSignature
{
    /// <summary>The calling hub's id.</summary>
    public const string HubHeader = "Hub-Caller";

    /// <summary>Seconds since the Unix epoch when the request was signed.</summary>
    public const string TimestampHeader = "Hub-Timestamp";

    /// <summary>"v1=" and the Base64 HMAC.</summary>
    public const string SignatureHeader = "Hub-Signature";

    private const string Version = "v1";

    /// <summary>The signature header value for a request.</summary>
    public static string Sign(string secret, string method, string target, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var canonical = string.Join('\n', Version, method.ToUpperInvariant(), target,
            timestamp.ToString(CultureInfo.InvariantCulture), Convert.ToHexStringLower(SHA256.HashData(body)));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(canonical));
        return $"{Version}={Convert.ToBase64String(mac)}";
    }

    /// <summary>Checks a received signature in constant time.</summary>
    public static bool Verify(string secret, string method, string target, long timestamp, ReadOnlySpan<byte> body, string? signature)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, method, target, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }
}
