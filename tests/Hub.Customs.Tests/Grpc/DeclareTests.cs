using System.Net;
using System.Net.Http.Json;
using Grpc.Core;
using Hub.Contracts.Customs;
using Hub.Contracts.Values;
using Hub.Customs.V1;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hub.Customs.Tests.Grpc;

public sealed class DeclareTests(CustomsHost host) : IClassFixture<CustomsHost>
{
    [Fact]
    public async Task Declare_RoutineExport_ClearsWithMrnAndPublishesExportCleared()
    {
        var request = Requests.Declaration(DeclarationType.Export);

        var reply = await host.Grpc.DeclareAsync(request);

        reply.Status.ShouldBe(DeclarationStatus.Cleared);
        reply.Mrn.ShouldStartWith("26KREX");
        reply.DeclarationId.ShouldStartWith("KR-D-");
        reply.ScreeningListVersion.ShouldBe(1);
        reply.ScreeningScore.ShouldBeLessThan(0.88);
        var cleared = (await host.EventsAsync<ExportCleared>()).Where(e => e.OrderId == request.OrderId).ShouldHaveSingleItem();
        cleared.DeclarationId.ShouldBe(reply.DeclarationId);
        cleared.Mrn.ShouldBe(reply.Mrn);
        cleared.Hub.ShouldBe("KR");
        await host.AllPublishedAsync();
    }

    [Fact]
    public async Task Declare_Import_AssessesTheKoreanVectorAndPublishesImportCleared()
    {
        var request = Requests.Declaration(DeclarationType.Import);

        var reply = await host.Grpc.DeclareAsync(request);

        reply.Status.ShouldBe(DeclarationStatus.Cleared);
        reply.Duty.ShouldBe(new Amount { MinorUnits = 117_180, Currency = "KRW" });
        reply.Vat.MinorUnits.ShouldBe(158_193);
        reply.Total.MinorUnits.ShouldBe(275_373);
        var assessed = (await host.EventsAsync<DutiesAssessed>()).Where(e => e.OrderId == request.OrderId).ShouldHaveSingleItem();
        assessed.CustomsValueMinor.ShouldBe(1_464_750);
        assessed.RegimeCode.ShouldBe("GENERAL");
        var cleared = (await host.EventsAsync<ImportCleared>()).Where(e => e.OrderId == request.OrderId).ShouldHaveSingleItem();
        (cleared.DutiesMinor, cleared.TaxesMinor, cleared.Currency).ShouldBe((117_180L, 158_193L, "KRW"));
        cleared.ImporterCompany.ShouldBe(request.Importer.TraderId);

        // An importer of record that is no company of a hub is named as none: payment charges nobody it cannot find.
        var stranger = Requests.Declaration(DeclarationType.Import);
        stranger.Importer.TraderId = "KR-1234567890";
        await host.Grpc.DeclareAsync(stranger);
        (await host.EventsAsync<ImportCleared>()).Single(e => e.OrderId == stranger.OrderId).ImporterCompany.ShouldBeNull();
    }

    [Fact]
    public async Task Declare_SameLrnAgain_ReturnsTheSameDeclarationAndPublishesOnce()
    {
        var request = Requests.Declaration(DeclarationType.Export);

        var first = await host.Grpc.DeclareAsync(request);
        var again = await host.Grpc.DeclareAsync(request);
        var sameOrderOtherLrn = await host.Grpc.DeclareAsync(request.Clone().Also(r => r.Lrn = "LRN-other"));

        again.DeclarationId.ShouldBe(first.DeclarationId);
        sameOrderOtherLrn.DeclarationId.ShouldBe(first.DeclarationId);
        again.Mrn.ShouldBe(first.Mrn);
        (await host.EventsAsync<ExportCleared>()).Count(e => e.OrderId == request.OrderId).ShouldBe(1);
    }

    [Fact]
    public async Task Declare_ConcurrentDuplicates_CreateOneDeclaration()
    {
        var request = Requests.Declaration(DeclarationType.Export);

        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => host.Grpc.DeclareAsync(request).ResponseAsync));

        replies.Select(r => r.DeclarationId).Distinct().ShouldHaveSingleItem();
        await using var db = host.Db();
        (await db.Declarations.CountAsync(d => d.OrderId == request.OrderId)).ShouldBe(1);
        (await host.EventsAsync<ExportCleared>()).Count(e => e.OrderId == request.OrderId).ShouldBe(1);
    }

    [Fact]
    public async Task Declare_ScreeningHit_IsHeldUntilAnOperatorReleasesIt()
    {
        var request = Requests.Declaration(DeclarationType.Export, exporter: "HANBIT PRECISION TRADING LIMITED");

        var held = await host.Grpc.DeclareAsync(request);

        held.Status.ShouldBe(DeclarationStatus.Held);
        held.ScreeningScore.ShouldBeGreaterThanOrEqualTo(0.88);
        held.HoldReason.ShouldContain("Hanbit Precision Trading");
        var heldEvent = (await host.EventsAsync<DeclarationHeld>()).Where(e => e.OrderId == request.OrderId).ShouldHaveSingleItem();
        heldEvent.ScreeningListVersion.ShouldBe(1);
        (await host.EventsAsync<ExportCleared>()).ShouldNotContain(e => e.OrderId == request.OrderId);

        using var sme = host.Sme("KR-C-000001");
        (await sme.PostAsync($"/api/customs/declarations/{held.DeclarationId}/release", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var anonymous = host.Client(null);
        (await anonymous.PostAsync($"/api/customs/declarations/{held.DeclarationId}/release", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var op = host.Operator();
        var release = await op.PostAsync($"/api/customs/declarations/{held.DeclarationId}/release", null);
        release.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await release.Content.ReadFromJsonAsync<DeclarationView>())!.Status.ShouldBe("Cleared");

        (await host.Grpc.GetDeclarationAsync(new GetDeclarationRequest { DeclarationId = held.DeclarationId })).Status.ShouldBe(DeclarationStatus.Cleared);
        (await host.EventsAsync<ExportCleared>()).Where(e => e.OrderId == request.OrderId).ShouldHaveSingleItem();
        (await op.PostAsync($"/api/customs/declarations/{held.DeclarationId}/release", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task GetDeclaration_MalformedIdIsInvalidArgument_AWellFormedUnknownIdNotFound()
    {
        var lodged = await host.Grpc.DeclareAsync(Requests.Declaration(DeclarationType.Import));

        var malformed = await Should.ThrowAsync<RpcException>(async () =>
            await host.Grpc.GetDeclarationAsync(new GetDeclarationRequest { DeclarationId = lodged.DeclarationId.ToLowerInvariant() }));
        var unknown = await Should.ThrowAsync<RpcException>(async () =>
            await host.Grpc.GetDeclarationAsync(new GetDeclarationRequest { DeclarationId = "KR-D-987654321" }));

        malformed.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        malformed.Trailers.GetValue("field").ShouldBe("declaration_id");
        unknown.StatusCode.ShouldBe(StatusCode.NotFound);
        (await host.Grpc.GetDeclarationAsync(new GetDeclarationRequest { DeclarationId = lodged.DeclarationId })).DeclarationId.ShouldBe(lodged.DeclarationId);
    }

    [Fact]
    public async Task Reject_HeldDeclaration_PublishesDeclarationRejected()
    {
        var request = Requests.Declaration(DeclarationType.Import, exporter: "深圳黑石电子股份有限公司");
        var held = await host.Grpc.DeclareAsync(request);
        held.Status.ShouldBe(DeclarationStatus.Held);
        using var op = host.Operator();

        var noReason = await op.PostAsJsonAsync($"/api/customs/declarations/{held.DeclarationId}/reject", new { reason = " " });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("reason");

        var rejected = await op.PostAsJsonAsync($"/api/customs/declarations/{held.DeclarationId}/reject", new { reason = "Confirmed denied party" });

        rejected.StatusCode.ShouldBe(HttpStatusCode.OK);
        var evt = (await host.EventsAsync<DeclarationRejected>()).Where(e => e.OrderId == request.OrderId).ShouldHaveSingleItem();
        evt.Reason.ShouldBe("Confirmed denied party");
        evt.DutiesMinor.ShouldBe(held.Duty.MinorUnits);
        (await host.EventsAsync<ImportCleared>()).ShouldNotContain(e => e.OrderId == request.OrderId);
    }

    [Fact]
    public async Task Declare_ImportWithoutTransportDocument_IsHeldForMissingData()
    {
        var request = Requests.Declaration(DeclarationType.Import, transportDocument: null);

        var reply = await host.Grpc.DeclareAsync(request);

        reply.Status.ShouldBe(DeclarationStatus.Held);
        reply.HoldReason.ShouldContain("transport document");
    }

    [Fact]
    public async Task Declare_ExportBeforeLoading_ClearsWithoutTransportDocument()
    {
        var request = Requests.Declaration(DeclarationType.Export, transportDocument: null);

        var reply = await host.Grpc.DeclareAsync(request);

        reply.Status.ShouldBe(DeclarationStatus.Cleared);
    }

    public static TheoryData<string, string> BadInputs => new()
    {
        { "hs", "lines[0].hs_code" },
        { "origin", "lines[0].origin" },
        { "value", "lines[0].value_minor" },
        { "incoterm", "incoterm" },
        { "currency", "invoice_currency" },
        { "quantity", "lines[0].quantity" },
        { "order", "order_id" },
        { "total", "lines" },
        { "exportTotal", "lines" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Declare_BadInput_IsRefusedNamingTheFieldAndNothingIsStored(string defect, string field)
    {
        var request = Requests.Declaration(DeclarationType.Import);
        var orderId = request.OrderId;
        switch (defect)
        {
            case "hs": request.Lines[0].HsCode = "999999"; break;
            case "origin": request.Lines[0].Origin = ""; break;
            case "value": request.Lines[0].ValueMinor = -1; break;
            case "incoterm": request.Incoterm = "FOO"; break;
            case "currency": request.InvoiceCurrency = "XXX"; break;
            case "quantity": request.Lines[0].Quantity = "-2"; break;
            case "order": request.OrderId = "not-an-order"; break;
            case "total": request.Lines[0].ValueMinor = Money.MaxAmountMinorUnits; break;
            case "exportTotal":
                // Eleven lines of the largest amount each: an invoice total beyond the 14 digits a declaration keeps.
                request.Type = DeclarationType.Export;
                request.Lines.Clear();
                request.Lines.AddRange(Enumerable.Range(0, 11).Select(_ => Requests.Line(valueMinor: Money.MaxAmountMinorUnits)));
                break;
        }

        await ShouldBeRefusedNamingAsync(request, orderId, field);
    }

    private static readonly string Huge = new('A', 100_000);

    public static TheoryData<string, string> UnkeptInputs => new()
    {
        { "exporterName", "exporter.name" },
        { "importerAddress", "importer.address" },
        { "declarantTraderId", "declarant.trader_id" },
        { "description", "lines[0].description" },
        { "unit", "lines[0].unit" },
        { "certificateNumber", "lines[0].certificate.number" },
        { "certificateAgreement", "lines[0].certificate.agreement" },
        { "incotermPlace", "incoterm_place" },
        { "invoiceNumber", "invoice_number" },
        { "mode", "transport.mode" },
        { "conveyance", "transport.conveyance" },
        { "container", "transport.container_ids[1]" },
        { "transportDocument", "transport.transport_document" },
        { "loadingPlace", "transport.loading_place" },
        { "unloadingPlace", "transport.unloading_place" },
        { "freight", "freight_minor" },
        { "insurance", "insurance_minor" },
        { "value", "lines[0].value_minor" },
        { "quantity", "lines[0].quantity" },
        { "netMass", "lines[0].net_mass_kg" },
        { "grossMass", "lines[0].gross_mass_kg" },
        { "lineCount", "lines" },
    };

    [Theory]
    [MemberData(nameof(UnkeptInputs))]
    public async Task Declare_TextLongerOrNumberLargerThanADeclarationKeeps_IsRefusedNamingTheFieldAndNothingIsStored(string defect, string field)
    {
        var request = Requests.Declaration(DeclarationType.Export, orderId: Requests.NewOrderId("CN"));
        var orderId = request.OrderId;
        switch (defect)
        {
            case "exporterName": request.Exporter.Name = Huge; break;
            case "importerAddress": request.Importer.Address = Huge; break;
            case "declarantTraderId": request.Declarant = new Party { Name = "Busan Customs Brokers", Country = "KR", TraderId = Huge }; break;
            case "description": request.Lines[0].Description = Huge; break;
            case "unit": request.Lines[0].Unit = Huge; break;
            case "certificateNumber": request.Lines[0].Certificate = Certificate(number: Huge); break;
            case "certificateAgreement": request.Lines[0].Certificate = Certificate(agreement: Huge); break;
            case "incotermPlace": request.IncotermPlace = Huge; break;
            case "invoiceNumber": request.InvoiceNumber = Huge; break;
            case "mode": request.Transport.Mode = Huge; break;
            case "conveyance": request.Transport.Conveyance = Huge; break;
            case "container": request.Transport.ContainerIds.Add(Huge); break;
            case "transportDocument": request.Transport.TransportDocument = Huge; break;
            case "loadingPlace": request.Transport.LoadingPlace = Huge; break;
            case "unloadingPlace": request.Transport.UnloadingPlace = Huge; break;
            case "freight": request.FreightMinor = long.MaxValue; break;
            case "insurance": request.InsuranceMinor = Money.MaxAmountMinorUnits + 1; break;
            case "value": request.Lines[0].ValueMinor = long.MaxValue; break;
            case "quantity": request.Lines[0].Quantity = "99999999999999999999"; break;
            case "netMass": request.Lines[0].NetMassKg = "12.1234567"; break;
            case "grossMass": request.Lines[0].GrossMassKg = "1000000000000000"; break;
            case "lineCount": request.Lines.AddRange(Enumerable.Range(0, 999).Select(_ => Requests.Line())); break;
        }

        await ShouldBeRefusedNamingAsync(request, orderId, field);
    }

    [Fact]
    public async Task Declare_TextsAndAmountsAtWhatADeclarationKeeps_AreLodged()
    {
        var request = Requests.Declaration(DeclarationType.Export, orderId: Requests.NewOrderId("CN"));
        request.Exporter.Name = "Seoul Green Appliances " + new string('X', 200 - 23);
        request.Lines[0].Unit = "kgm";
        request.Lines[0].Description = new string('D', 512);

        var reply = await host.Grpc.DeclareAsync(request);

        reply.Status.ShouldBe(DeclarationStatus.Cleared);
        await using var db = host.Db();
        var stored = await db.Declarations.SingleAsync(d => d.OrderId == request.OrderId);
        stored.Exporter.Name.Length.ShouldBe(200);
        stored.Items.ShouldHaveSingleItem().Unit.ShouldBe("KGM");
    }

    // Refused as INVALID_ARGUMENT naming the field, with no declaration and no event for the order.
    private async Task ShouldBeRefusedNamingAsync(DeclareRequest request, string orderId, string field)
    {
        var error = await Should.ThrowAsync<RpcException>(async () => await host.Grpc.DeclareAsync(request));

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        error.Trailers.GetValue("field").ShouldBe(field);
        error.Status.Detail.ShouldStartWith(field);
        await using var db = host.Db();
        (await db.Declarations.AnyAsync(d => d.Lrn == request.Lrn || d.OrderId == orderId)).ShouldBeFalse();
        (await db.OutboxMessages.Select(m => m.Body).ToListAsync()).ShouldNotContain(b => b.Contains(orderId));
    }

    private static CertificateOfOrigin Certificate(string number = "KCFTA-2026-0001", string agreement = "KCFTA") =>
        new() { Number = number, Agreement = agreement, Origin = "CN", HsSubheading = "851671", IssuedOn = "2026-01-10", DirectTransport = true };

    [Fact]
    public async Task Declare_HsWithoutTariffLine_FailsPreconditionNamingTheLine()
    {
        var request = Requests.Declaration(DeclarationType.Import);
        request.Lines.Add(Requests.Line(hs: "010121"));

        var error = await Should.ThrowAsync<RpcException>(async () => await host.Grpc.DeclareAsync(request));

        error.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        error.Trailers.GetValue("field").ShouldBe("lines[1].hs_code");
    }

    [Fact]
    public async Task Declare_SameDayImportsOfOneBuyer_AreAddedUpAgainstTheKoreanThreshold()
    {
        DeclareRequest Parcel(long usdCents)
        {
            var request = Requests.Declaration(DeclarationType.Import);
            request.Channel = Channel.Ecommerce;
            request.BuyerId = "kr-buyer-same-day";
            request.Lines[0].ValueMinor = usdCents;
            return request;
        }

        var first = await host.Grpc.DeclareAsync(Parcel(10_000));
        var second = await host.Grpc.DeclareAsync(Parcel(6_000));

        first.RegimeCode.ShouldBe("KR-GENERAL-150");
        first.Total.MinorUnits.ShouldBe(0);
        second.RegimeCode.ShouldBe("GENERAL");
        second.Total.MinorUnits.ShouldBeGreaterThan(0);
    }

    private sealed record DeclarationView(string Id, string Status);

    [Fact]
    public async Task Declare_PartnerHubGivesTheLrnOfAnotherOrder_AlreadyExistsAndNothingOfThatDeclarationIsTold()
    {
        var ours = Requests.Declaration(DeclarationType.Export, orderId: Requests.NewOrderId("KR"));
        ours.Lrn = $"{ours.OrderId}-EX";
        var lodged = await host.Grpc.DeclareAsync(ours);
        var asCn = TestSecurity.Bearer(TestSecurity.PartnerHub(HubId.Parse("CN")));
        var probing = Requests.Declaration(DeclarationType.Export, orderId: Requests.NewOrderId("CN")).Also(r => r.Lrn = ours.Lrn);

        var error = await Should.ThrowAsync<RpcException>(async () => await host.Grpc.DeclareAsync(probing, asCn));

        error.StatusCode.ShouldBe(StatusCode.AlreadyExists);
        error.Status.Detail.ShouldStartWith("lrn");
        error.Status.Detail.ShouldNotContain(lodged.DeclarationId);
        error.Status.Detail.ShouldNotContain(lodged.Mrn);
        error.Status.Detail.ShouldNotContain(lodged.Status.ToString());
        await using var db = host.Db();
        (await db.Declarations.AnyAsync(d => d.OrderId == probing.OrderId)).ShouldBeFalse();
    }

    [Fact]
    public async Task Declare_BuyerIdInAnotherCase_CountsAsTheSameBuyer()
    {
        var first = await host.Grpc.DeclareAsync(Requests.KoreanSmallImport("kr-c-000777", 10_000));
        var second = await host.Grpc.DeclareAsync(Requests.KoreanSmallImport(" KR-C-000777 ", 10_000));

        first.RegimeCode.ShouldBe("KR-GENERAL-150");
        second.RegimeCode.ShouldBe("GENERAL", "one buyer's USD 100 + USD 100 on one day exceed USD 150");
        await using var db = host.Db();
        (await db.BuyerImports.CountAsync(b => b.Buyer == "KR-C-000777")).ShouldBe(2);
    }

    [Fact]
    public async Task Declare_BuyerIdLongerThan64Characters_InvalidArgumentAndNothingLodged()
    {
        var request = Requests.KoreanSmallImport(new string('B', 65), 10_000);

        var error = await Should.ThrowAsync<RpcException>(async () => await host.Grpc.DeclareAsync(request));

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        error.Status.Detail.ShouldStartWith("buyer_id");
        await using var db = host.Db();
        (await db.Declarations.AnyAsync(d => d.OrderId == request.OrderId)).ShouldBeFalse();
    }
}
