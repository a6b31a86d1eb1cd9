using Hub.Contracts.Platform;
using Hub.ServiceDefaults.Data;
using Hub.ServiceDefaults.Hosting;
using MassTransit;

namespace Hub.ServiceDefaults.Probes;

/// <summary>Closes the loop of a probe this service sent; probes of other services are not ours to record.</summary>
public sealed class ServiceProbedConsumer(ServiceDbContext db, ServiceIdentity identity, TimeProvider clock) : IConsumer<ServiceProbed>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<ServiceProbed> context)
    {
        var message = context.Message;
        if (message.Hub != identity.Hub.ToString() || message.Service != identity.Service)
        {
            return;
        }

        var probe = await db.MessagingProbes.FindAsync([message.ProbeId], context.CancellationToken);
        probe?.Receive(clock.GetUtcNow().UtcDateTime);
    }
}
