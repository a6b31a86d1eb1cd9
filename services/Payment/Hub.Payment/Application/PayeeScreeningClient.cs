using Hub.Customs.V1;
using Hub.Payment.Domain.Escrows;

namespace Hub.Payment.Application;

/// <summary>Screens a payee's name against the hub's denied-party list before an escrow is released.</summary>
internal interface IPayeeScreening
{
    /// <summary>The best match for <paramref name="payee"/> on the list as it stands.</summary>
    Task<PayeeScreening> ScreenAsync(string payee, CancellationToken cancellationToken);
}

/// <summary>The hub's customs service keeps the denied-party list and screens against it.</summary>
internal sealed class CustomsPayeeScreening(Customs.V1.Customs.CustomsClient customs) : IPayeeScreening
{
    public async Task<PayeeScreening> ScreenAsync(string payee, CancellationToken cancellationToken)
    {
        var reply = await customs.ScreenPartiesAsync(new ScreenPartiesRequest { Names = { payee } }, cancellationToken: cancellationToken);
        return new PayeeScreening(reply.Hit, reply.Score, reply.MatchedName is { Length: > 0 } matched ? matched : null, reply.ListVersion);
    }
}
