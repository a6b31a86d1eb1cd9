using System.Net.Http.Json;
using Grpc.Core;
using Hub.Contracts.Customs;
using Hub.Contracts.Values;
using Hub.Customs.V1;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hub.Customs.Tests.Grpc;

/// <summary>The declarant withdraws a declaration when the order will not go ahead.</summary>
public sealed class WithdrawTests(CustomsHost host) : IClassFixture<CustomsHost>
{
    [Fact]
    public async Task Withdraw_HeldExport_IsWithdrawnOnceAndTheOrdersHubIsTold()
    {
        var request = Requests.Declaration(DeclarationType.Export, exporter: "HANBIT PRECISION TRADING LIMITED", orderId: Requests.NewOrderId("CN"));
        var held = await host.Grpc.DeclareAsync(request);
        var withdraw = new WithdrawDeclarationRequest { OrderId = request.OrderId, Type = DeclarationType.Export, Reason = "order cancelled by the buyer" };

        var first = await host.Grpc.WithdrawAsync(withdraw);
        var again = await host.Grpc.WithdrawAsync(withdraw);

        first.DeclarationId.ShouldBe(held.DeclarationId);
        first.Status.ShouldBe(DeclarationStatus.Withdrawn);
        first.WithdrawalReason.ShouldBe("order cancelled by the buyer");
        again.Status.ShouldBe(DeclarationStatus.Withdrawn);
        (await host.EventsAsync<DeclarationWithdrawn>()).Where(e => e.OrderId == request.OrderId).ShouldHaveSingleItem().Type.ShouldBe("Export");
        (await host.EventsToHubAsync<DeclarationWithdrawn>("CN")).Where(e => e.OrderId == request.OrderId).ShouldHaveSingleItem();
        using var op = host.Operator();
        var release = await op.PostAsync($"/api/customs/declarations/{held.DeclarationId}/release", null);
        release.StatusCode.ShouldBe(System.Net.HttpStatusCode.Conflict, "a withdrawn declaration is not released");
    }

    [Fact]
    public async Task Withdraw_ClearedImportOfThisHub_WithdrawsIt()
    {
        var request = Requests.Declaration(DeclarationType.Import, orderId: Requests.NewOrderId("KR"));
        await host.Grpc.DeclareAsync(request);

        var reply = await host.Grpc.WithdrawAsync(new WithdrawDeclarationRequest { OrderId = request.OrderId, Type = DeclarationType.Import, Reason = "order failed" });

        reply.Status.ShouldBe(DeclarationStatus.Withdrawn);
        (await host.EventsToHubAsync<DeclarationWithdrawn>("CN")).ShouldNotContain(e => e.OrderId == request.OrderId);
    }

    [Fact]
    public async Task Withdraw_RejectedDeclaration_FailedPreconditionAndUnchanged()
    {
        var request = Requests.Declaration(DeclarationType.Export, exporter: "HANBIT PRECISION TRADING LIMITED");
        var held = await host.Grpc.DeclareAsync(request);
        using var op = host.Operator();
        (await op.PostAsJsonAsync($"/api/customs/declarations/{held.DeclarationId}/reject", new { reason = "Confirmed denied party" })).EnsureSuccessStatusCode();

        var error = await Should.ThrowAsync<RpcException>(() =>
            host.Grpc.WithdrawAsync(new WithdrawDeclarationRequest { OrderId = request.OrderId, Type = DeclarationType.Export, Reason = "order failed" }).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        await using var db = host.Db();
        (await db.Declarations.SingleAsync(d => d.OrderId == request.OrderId)).Status.ToString().ShouldBe("Rejected");
        (await host.EventsAsync<DeclarationWithdrawn>()).ShouldNotContain(e => e.OrderId == request.OrderId);
    }

    [Fact]
    public async Task Withdraw_ReasonLongerThan200Characters_InvalidArgumentAndTheDeclarationStands()
    {
        var request = Requests.Declaration(DeclarationType.Export, orderId: Requests.NewOrderId("CN"));
        var lodged = await host.Grpc.DeclareAsync(request);

        var error = await Should.ThrowAsync<RpcException>(() =>
            host.Grpc.WithdrawAsync(new WithdrawDeclarationRequest { OrderId = request.OrderId, Type = DeclarationType.Export, Reason = new string('R', 100_000) }).ResponseAsync);
        var atTheLimit = await host.Grpc.WithdrawAsync(new WithdrawDeclarationRequest { OrderId = request.OrderId, Type = DeclarationType.Export, Reason = new string('r', 200) });

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        error.Trailers.GetValue("field").ShouldBe("reason");
        error.Status.Detail.ShouldStartWith("reason");
        atTheLimit.Status.ShouldBe(DeclarationStatus.Withdrawn);
        atTheLimit.WithdrawalReason.ShouldBe(new string('r', 200));
        (await host.EventsAsync<DeclarationWithdrawn>()).Where(e => e.OrderId == request.OrderId).ShouldHaveSingleItem().Reason.ShouldBe(new string('r', 200));
        lodged.Status.ShouldBe(DeclarationStatus.Cleared);
    }

    [Fact]
    public async Task Withdraw_BadRequestOrUnknownOrder_RefusedAndNothingChanged()
    {
        var request = Requests.Declaration(DeclarationType.Export);
        await host.Grpc.DeclareAsync(request);

        var noReason = await Should.ThrowAsync<RpcException>(() =>
            host.Grpc.WithdrawAsync(new WithdrawDeclarationRequest { OrderId = request.OrderId, Type = DeclarationType.Export, Reason = " " }).ResponseAsync);
        var noType = await Should.ThrowAsync<RpcException>(() =>
            host.Grpc.WithdrawAsync(new WithdrawDeclarationRequest { OrderId = request.OrderId, Reason = "order failed" }).ResponseAsync);
        var unknown = await Should.ThrowAsync<RpcException>(() =>
            host.Grpc.WithdrawAsync(new WithdrawDeclarationRequest { OrderId = Requests.NewOrderId(), Type = DeclarationType.Export, Reason = "order failed" }).ResponseAsync);
        var malformed = await Should.ThrowAsync<RpcException>(() =>
            host.Grpc.WithdrawAsync(new WithdrawDeclarationRequest { OrderId = request.OrderId.ToLowerInvariant(), Type = DeclarationType.Export, Reason = "order failed" }).ResponseAsync);

        noReason.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        noReason.Status.Detail.ShouldStartWith("reason");
        noType.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        noType.Status.Detail.ShouldStartWith("type");
        unknown.StatusCode.ShouldBe(StatusCode.NotFound);
        malformed.StatusCode.ShouldBe(StatusCode.InvalidArgument, "an id no hub could give is the caller's mistake, not a missing declaration");
        malformed.Trailers.GetValue("field").ShouldBe("order_id");
        await using var db = host.Db();
        (await db.Declarations.SingleAsync(d => d.OrderId == request.OrderId)).Status.ToString().ShouldBe("Cleared");
        (await host.EventsAsync<DeclarationWithdrawn>()).ShouldNotContain(e => e.OrderId == request.OrderId);
    }

    [Fact]
    public async Task PartnerHub_DeclaresAndWithdrawsForItsOwnOrders_NeverForAnotherHubs()
    {
        var asCn = TestSecurity.Bearer(TestSecurity.PartnerHub(HubId.Parse("CN")));
        var ours = Requests.Declaration(DeclarationType.Import, orderId: Requests.NewOrderId("KR"));
        await host.Grpc.DeclareAsync(ours);
        var theirs = Requests.Declaration(DeclarationType.Export, orderId: Requests.NewOrderId("CN"));

        var declared = await host.Grpc.DeclareAsync(theirs, asCn);
        var declareForUs = await Should.ThrowAsync<RpcException>(async () =>
            await host.Grpc.DeclareAsync(Requests.Declaration(DeclarationType.Export, orderId: Requests.NewOrderId("MY")), asCn));
        var importForTheirs = await Should.ThrowAsync<RpcException>(async () =>
            await host.Grpc.DeclareAsync(Requests.Declaration(DeclarationType.Import, orderId: Requests.NewOrderId("CN")), asCn));
        var withdrawOurs = await Should.ThrowAsync<RpcException>(async () =>
            await host.Grpc.WithdrawAsync(new WithdrawDeclarationRequest { OrderId = ours.OrderId, Type = DeclarationType.Import, Reason = "not theirs" }, asCn));

        declared.OrderId.ShouldBe(theirs.OrderId);
        declareForUs.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        withdrawOurs.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        importForTheirs.StatusCode.ShouldBe(StatusCode.PermissionDenied, "imports into this hub are its own business");
        importForTheirs.Status.Detail.ShouldContain("only export declarations");
        await using var db = host.Db();
        (await db.Declarations.SingleAsync(d => d.OrderId == ours.OrderId)).Status.ShouldNotBe(Hub.Customs.Domain.Declarations.DeclarationStatus.Withdrawn);
    }

    [Fact]
    public async Task Declare_SameDayAfterAWithdrawnLowValueImport_CountsOnlyTheImportThatStands()
    {
        var withdrawn = Requests.KoreanSmallImport("KR-C-000501", 12_000);
        (await host.Grpc.DeclareAsync(withdrawn)).RegimeCode.ShouldBe("KR-GENERAL-150");
        await host.Grpc.WithdrawAsync(new WithdrawDeclarationRequest { OrderId = withdrawn.OrderId, Type = DeclarationType.Import, Reason = "order cancelled" });

        var next = await host.Grpc.DeclareAsync(Requests.KoreanSmallImport("KR-C-000501", 10_000));

        next.RegimeCode.ShouldBe("KR-GENERAL-150", "USD 100 alone is within USD 150 once the USD 120 order is withdrawn");
        next.Duty.MinorUnits.ShouldBe(0);
        next.Vat.MinorUnits.ShouldBe(0);
        await using var db = host.Db();
        (await db.BuyerImports.AnyAsync(b => b.OrderId == withdrawn.OrderId)).ShouldBeFalse();
    }

    [Fact]
    public async Task Withdraw_WhileAnOperatorReleasesIt_AbortedAndTheReleaseStands()
    {
        var request = Requests.Declaration(DeclarationType.Export, exporter: "HANBIT PRECISION TRADING LIMITED", orderId: Requests.NewOrderId("CN"));
        var held = await host.Grpc.DeclareAsync(request);
        await using var release = host.Db();
        await using var transaction = await release.Database.BeginTransactionAsync();
        await release.Database.ExecuteSqlAsync($"UPDATE declarations SET status = 'Cleared', decided_by = 'kr-operator' WHERE id = {held.DeclarationId}");

        var withdraw = host.Grpc.WithdrawAsync(new WithdrawDeclarationRequest { OrderId = request.OrderId, Type = DeclarationType.Export, Reason = "order cancelled" }).ResponseAsync;
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.Db();
            return await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'").SingleAsync() > 0;
        }, TimeSpan.FromSeconds(20), "the withdrawal waits for the operator's release");
        await transaction.CommitAsync();
        var error = await Should.ThrowAsync<RpcException>(withdraw);

        error.StatusCode.ShouldBe(StatusCode.Aborted);
        await using var check = host.Db();
        (await check.Declarations.SingleAsync(d => d.OrderId == request.OrderId)).Status.ToString().ShouldBe("Cleared");
        (await host.EventsAsync<DeclarationWithdrawn>()).ShouldNotContain(e => e.OrderId == request.OrderId);
    }
}
