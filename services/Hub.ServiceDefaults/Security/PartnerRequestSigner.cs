using Hub.Contracts.Values;
using Microsoft.Extensions.Options;

namespace Hub.ServiceDefaults.Security;

/// <summary>
/// Signs every request an HTTP or gRPC client sends to one partner hub's gateway, as this hub
/// (see <see cref="HubRequestSignature"/>). The body is buffered to be hashed: unary calls and REST only.
/// </summary>
public sealed class PartnerRequestSigner(HubId self, HubId partner, IOptionsMonitor<PartnerRegistry> registry, TimeProvider clock)
    : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!registry.CurrentValue.TryFind(partner, out var known) || known.Secret.Length == 0)
        {
            throw new InvalidOperationException($"Partner hub {partner} has no secret in Partners:{partner}:Secret.");
        }

        await SignAsync(request, self, known.Secret, clock.GetUtcNow(), cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }

    /// <summary>Adds the signature headers to a request about to be sent, buffering its body to hash it.</summary>
    public static async Task SignAsync(HttpRequestMessage request, HubId self, string secret, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        if (request.Content is not null)
        {
            var buffered = new ByteArrayContent(body);
            foreach (var header in request.Content.Headers)
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            request.Content = buffered;
        }

        var timestamp = now.ToUnixTimeSeconds();
        var target = request.RequestUri?.PathAndQuery ?? "/";
        request.Headers.Remove(HubRequestSignature.HubHeader);
        request.Headers.Remove(HubRequestSignature.TimestampHeader);
        request.Headers.Remove(HubRequestSignature.SignatureHeader);
        request.Headers.Add(HubRequestSignature.HubHeader, self.ToString());
        request.Headers.Add(HubRequestSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(HubRequestSignature.SignatureHeader, HubRequestSignature.Sign(secret, request.Method.Method, target, timestamp, body));
    }
}
