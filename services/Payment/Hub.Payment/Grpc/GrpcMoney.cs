using System.Globalization;
using Hub.Contracts.Values;
using Hub.Payment.Application;

namespace Hub.Payment.Grpc;

internal static class GrpcMoney
{
    public static V1.Money ToGrpc(this Contracts.Values.Money money) =>
        new() { MinorUnits = money.Round(MoneyRounding.HalfEven).ToMinorUnits(), Currency = money.Currency.Code };

    /// <summary>A positive amount; a missing message is refused like a zero one.</summary>
    public static Contracts.Values.Money FromGrpc(this V1.Money? money, string field) =>
        Input.Amount(field, money?.MinorUnits ?? 0, money?.Currency);

    /// <summary>A rate without trailing zeros, e.g. "1342.7525".</summary>
    public static string Rate(decimal rate) => rate.ToString("0.############", CultureInfo.InvariantCulture);
}
