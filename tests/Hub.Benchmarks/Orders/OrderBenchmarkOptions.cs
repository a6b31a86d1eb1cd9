using System.Globalization;

namespace Hub.Benchmarks.Orders;

/// <summary>
/// <c>order [ORDERS=N] [SECONDS=S] [CLIENTS=C] [STALL=S] [WARMUP=W]</c>: placement stops after N orders or S seconds,
/// whichever comes first; processing gives up when no order has moved for STALL seconds; W orders are placed and
/// processed the same way first, and not counted.
/// </summary>
internal sealed record OrderBenchmarkOptions(int Orders, int Seconds, int Clients, int StallSeconds, int Warmup)
{
    public const string Usage = "   or: order [ORDERS=500] [SECONDS=60] [CLIENTS=8] [STALL=180] [WARMUP=100]   (against the hubs of ./hub up)";

    public static bool TryParse(string[] args, out OrderBenchmarkOptions options)
    {
        var values = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["ORDERS"] = 500, ["SECONDS"] = 60, ["CLIENTS"] = 8, ["STALL"] = 180, ["WARMUP"] = 100 };
        options = new OrderBenchmarkOptions(0, 0, 0, 0, 0);
        foreach (var arg in args)
        {
            var parts = arg.Split('=', 2);
            if (parts.Length != 2 || !values.ContainsKey(parts[0])
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                || (value == 0 && !parts[0].Equals("WARMUP", StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }

            values[parts[0]] = value;
        }

        options = new OrderBenchmarkOptions(values["ORDERS"], values["SECONDS"], values["CLIENTS"], values["STALL"], values["WARMUP"]);
        return true;
    }
}
