using Hub.Contracts.Values;
using Hub.Customs.Domain.Declarations;

namespace Hub.Customs.Tests.Domain.Declarations;

public sealed class DeclarationTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    private static Declaration NewDeclaration()
    {
        var party = new Party("Seoul Green Foods", null, "KR", "KR-C-000001");
        var zero = Money.Zero(CurrencyCode.KRW);
        return Declaration.Submit(new DeclarationId(HubId.KR, 1), DeclarationType.Export, "LRN-1", OrderId.Parse("CN-O-000001"), party, party, party,
            "FOB", "Busan", "INV-1", CurrencyCode.USD, 1350m, new Transport("sea", null, [], "BL-1", "KRPUS", "CNSHA"), [], zero, zero, zero, null, null, Now);
    }

    [Fact]
    public void Lifecycle_AcceptThenClear_RecordsMrn()
    {
        var declaration = NewDeclaration();
        declaration.Accept("26KREX0000000001", Now);
        declaration.Clear(Now);

        declaration.Status.ShouldBe(DeclarationStatus.Cleared);
        declaration.Mrn.ShouldBe("26KREX0000000001");
    }

    [Fact]
    public void Clear_BeforeAcceptance_IsRefused() =>
        Should.Throw<DeclarationStateException>(() => NewDeclaration().Clear(Now));

    [Fact]
    public void Release_OnlyFromHeld()
    {
        var declaration = NewDeclaration();
        declaration.Accept("M", Now);
        Should.Throw<DeclarationStateException>(() => declaration.Release("op", Now));

        declaration.Hold("screening hit", Now);
        declaration.Release("op", Now);

        declaration.Status.ShouldBe(DeclarationStatus.Cleared);
        declaration.DecidedBy.ShouldBe("op");
        Should.Throw<DeclarationStateException>(() => declaration.Reject("late", "op", Now));
    }

    [Fact]
    public void Reject_Held_RecordsTheReason()
    {
        var declaration = NewDeclaration();
        declaration.Accept("M", Now);
        declaration.Hold("screening hit", Now);
        declaration.Reject("confirmed denied party", "op", Now);

        declaration.Status.ShouldBe(DeclarationStatus.Rejected);
        declaration.RejectionReason.ShouldBe("confirmed denied party");
        Should.Throw<DeclarationStateException>(() => declaration.Release("op", Now));
    }
}
