using System.Globalization;
using Hub.Contracts.Values;
using Hub.Payment.Application;

namespace Hub.Payment.Grpc;

internal static class GrpcMoney
{
    public static V1.Money ToGrpc(this Contracts.Values.Money money) =>
        new() { MinorUnits = money.Round(MoneyRounding.HalfEven).ToMinorUnits(), Currency = money.Currency.Code };

    /// <summary>A positive amount within the platform's bound; a missing message is refused as missing.</summary>
    public static Contracts.Values.Money FromGrpc(this V1.Money? money, string field)
    {
        var required = Input.Required(field, money);
        return Input.Amount(field, required.MinorUnits, required.Currency);
    }

    /// <summary>A rate without trailing zeros, e.g. "1342.7525".</summary>
    public static string Rate(decimal rate) => rate.ToString("0.############", CultureInfo.InvariantCulture);
}
