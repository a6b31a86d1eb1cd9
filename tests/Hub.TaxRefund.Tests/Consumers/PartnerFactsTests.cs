using Hub.Contracts.Customs;
using Hub.Contracts.Logistics;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hub.TaxRefund.Tests.Consumers;

/// <summary>The refund of this hub's exports rests on what this hub's own customs and logistics state, never on a partner's copy.</summary>
public sealed class PartnerFactsTests(TaxRefundHost host) : IClassFixture<TaxRefundHost>
{
    [Fact]
    public async Task ExportAndDeparture_SentByAPartnerHub_AreNoEvidence()
    {
        const string order = "KR-O-000501";
        var (cleared, departed) = (Guid.NewGuid(), Guid.NewGuid());
        var at = DateTime.UtcNow;

        await host.PublishFromHubAsync(new ExportCleared(order, "KR-D-000501", "KR", "LRN", "MRN", "KRW", 0, 0, at), "CN", cleared);
        await host.PublishFromHubAsync(new ShipmentDeparted(Guid.NewGuid(), "MB-501", "KR", "CN", "SEA", ["KR-C-000501"], [order], at), "CN", departed);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.Db();
            return await db.InboxMessages.CountAsync(m => m.MessageId == cleared || m.MessageId == departed) == 2;
        }, TimeSpan.FromSeconds(20), "both messages are handled");

        await using var check = host.Db();
        (await check.Evidence.AnyAsync(e => e.OrderId == order)).ShouldBeFalse();
        (await check.Claims.AnyAsync(c => c.OrderId == order)).ShouldBeFalse();

        // The same facts from this hub's own services are evidence.
        await host.PublishAsync(new ExportCleared(order, "KR-D-000501", "KR", "LRN", "MRN", "KRW", 0, 0, at));
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.Db();
            return await db.Evidence.AnyAsync(e => e.OrderId == order);
        }, TimeSpan.FromSeconds(20), "this hub's own clearance is recorded");
    }
}
