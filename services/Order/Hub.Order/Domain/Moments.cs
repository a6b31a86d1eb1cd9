using System.Globalization;

namespace Hub.Order.Domain;

/// <summary>Times on an order's timeline said to the minute, in UTC ("2026-12-01 09:30 UTC").</summary>
internal static class Moments
{
    /// <summary><paramref name="utc"/> to the minute, with its zone.</summary>
    public static string Of(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
