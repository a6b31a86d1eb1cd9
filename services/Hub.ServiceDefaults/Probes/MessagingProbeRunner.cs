using Hub.Contracts.Platform;
using Hub.Platform.V1;
using Hub.ServiceDefaults.Data;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hub.ServiceDefaults.Probes;

/// <summary>Sends a probe through this service's outbox and waits for its own consumer to see it.</summary>
public sealed class MessagingProbeRunner(ServiceDbContext db, IOutbox outbox, ServiceIdentity identity, TimeProvider clock)
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Commits a probe and its <see cref="ServiceProbed"/> event in one transaction.</summary>
    public async Task<Guid> SendAsync(CancellationToken cancellationToken)
    {
        var probe = MessagingProbe.Request(clock.GetUtcNow().UtcDateTime);
        db.MessagingProbes.Add(probe);
        outbox.Publish(new ServiceProbed(probe.Id, identity.Hub.ToString(), identity.Service, probe.RequestedAt));
        await db.SaveChangesAsync(cancellationToken);
        return probe.Id;
    }

    /// <summary>Reads a probe's state; <c>null</c> when no such probe exists.</summary>
    public async Task<ProbeReply?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var probe = await db.MessagingProbes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return probe is null ? null : ToReply(probe);
    }

    /// <summary>Sends a probe and waits (up to the requested timeout) until it comes back.</summary>
    public async Task<ProbeReply> RunAsync(ProbeRequest request, CancellationToken cancellationToken)
    {
        var timeout = request.TimeoutMs <= 0 ? DefaultTimeout : TimeSpan.FromMilliseconds(Math.Min(request.TimeoutMs, MaxTimeout.TotalMilliseconds));
        var id = await SendAsync(cancellationToken);
        var deadline = clock.GetUtcNow() + timeout;
        while (true)
        {
            var reply = await FindAsync(id, cancellationToken)
                ?? throw new InvalidOperationException($"Probe {id} vanished.");
            if (reply.Delivered || clock.GetUtcNow() >= deadline)
            {
                return reply;
            }

            await Task.Delay(PollInterval, clock, cancellationToken);
        }
    }

    private ProbeReply ToReply(MessagingProbe probe) => new()
    {
        ProbeId = probe.Id.ToString(),
        Hub = identity.Hub.ToString(),
        Service = identity.Service,
        Delivered = probe.ReceivedAt is not null,
        RoundTripMs = probe.RoundTrip?.TotalMilliseconds ?? 0,
    };
}
