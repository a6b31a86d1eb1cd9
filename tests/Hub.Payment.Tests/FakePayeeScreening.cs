using Grpc.Core;
using Hub.Payment.Application;
using Hub.Payment.Domain.Escrows;

namespace Hub.Payment.Tests;

/// <summary>
/// The hub's denied-party screening as payment sees it: payees named on <see cref="Deny"/> are hits; the rest score
/// low (a hit matches the name it is listed as). Records each payee screened; <see cref="Unavailable"/> makes customs not answer.
/// </summary>
internal sealed class FakePayeeScreening : IPayeeScreening
{
    private readonly Dictionary<string, string> _denied = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _screened = [];
    private readonly Lock _gate = new();

    public int ListVersion { get; set; } = 7;

    public bool Unavailable { get; set; }

    public IReadOnlyList<string> Screened
    {
        get
        {
            lock (_gate)
            {
                return [.. _screened];
            }
        }
    }

    /// <summary>Lists <paramref name="payee"/>, as <paramref name="listedAs"/> (its name upper-cased when none).</summary>
    public void Deny(string payee, string? listedAs = null)
    {
        lock (_gate)
        {
            _denied[payee] = listedAs ?? payee.ToUpperInvariant();
        }
    }

    public Task<PayeeScreening> ScreenAsync(string payee, CancellationToken cancellationToken)
    {
        if (Unavailable)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "customs is down"));
        }

        lock (_gate)
        {
            _screened.Add(payee);
            return Task.FromResult(_denied.TryGetValue(payee, out var listed)
                ? new PayeeScreening(true, 0.9712, listed, ListVersion)
                : new PayeeScreening(false, 0.41, null, ListVersion));
        }
    }
}
