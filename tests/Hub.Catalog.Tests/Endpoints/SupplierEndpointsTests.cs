using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Catalog.Data;
using Hub.Catalog.Domain.Suppliers;
using Hub.Catalog.Endpoints;
using Hub.Contracts.Values;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hub.Catalog.Tests.Endpoints;

public sealed class SupplierEndpointsTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    [Theory]
    [InlineData("Hanbit\0Trading", "123-45-67890", "name")]
    [InlineData("Hanbit Trading", "123-45\u001b-67890", "traderId")]
    public async Task Register_ControlCharacters_Returns400NamingTheField_AndRegistersNothing(string name, string traderId, string field)
    {
        var company = CatalogFixture.NewCompany();
        using var client = fixture.ClientFor(company);

        var response = await client.PostAsJsonAsync("/api/catalog/suppliers", new SupplierRequest(name, traderId, "KR", "KRW"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe([field]);
        await using var db = fixture.CreateDb();
        (await db.Suppliers.AnyAsync(s => s.CompanyId == company.ToString())).ShouldBeFalse();
    }

    [Fact]
    public async Task Register_SameCompanyCommittedMeanwhile_IsConflict()
    {
        var company = CatalogFixture.NewCompany();
        using var client = fixture.ClientFor(company);
        await using var other = fixture.CreateDb();
        await using var otherRegistration = await other.Database.BeginTransactionAsync();
        var id = new SupplierId(HubId.KR, await other.NextAsync(CatalogSequences.Suppliers, CancellationToken.None));
        other.Suppliers.Add(Supplier.Register(id, company, new SupplierProfile("Hanbit Trading", "123-45-67890", CountryCode.Parse("KR"), CurrencyCode.Parse("KRW")), DateTime.UtcNow));
        await other.SaveChangesAsync();

        // The request finds no supplier yet (the other registration is not committed) and waits on the index to insert.
        var registering = client.PostAsJsonAsync("/api/catalog/suppliers", new SupplierRequest("Hanbit Trading", "123-45-67890", "KR", "KRW"));
        await Eventually.TrueAsync(async () => registering.IsCompleted || await WaitingOnLocksAsync() > 0, TimeSpan.FromSeconds(10), "the registration waits for the other one");
        await otherRegistration.CommitAsync();
        var response = await registering;

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        await using var db = fixture.CreateDb();
        (await db.Suppliers.Where(s => s.CompanyId == company.ToString()).Select(s => s.Id).ToListAsync()).ShouldBe([id.ToString()]);
    }

    private async Task<int> WaitingOnLocksAsync()
    {
        await using var db = fixture.CreateDb();
        return await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'").SingleAsync();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("201")]
    [InlineData("-5")]
    public async Task List_LimitOutsideOneTo200_Returns400NamingLimit(string limit)
    {
        var response = await fixture.OperatorClient().GetAsync($"/api/catalog/suppliers?limit={limit}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["limit"]);
    }
}
