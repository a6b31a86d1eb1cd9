using System.Globalization;

namespace Hub.Benchmarks.Orders;

/// <summary>
/// <c>order [ORDERS=N] [SECONDS=S] [CLIENTS=C] [STALL=S] [WARMUP=W] [REPRICE=0|1] [HOLD=0|1] [PRICED=0|1]</c>: placement
/// stops after N orders or S seconds, whichever comes first; processing gives up when no order has moved for STALL
/// seconds; W orders are placed and processed the same way first, and not counted; REPRICE=1 places each cart without
/// its checkout, so that the placement prices it again; HOLD=1 holds the events back at the broker while the measured
/// orders are placed (<see cref="BrokerHold"/>), which measures the placement alone; PRICED=1 checks the N carts out
/// before the clock starts, so that only the placement calls are timed (not with REPRICE=1).
/// </summary>
internal sealed record OrderBenchmarkOptions(int Orders, int Seconds, int Clients, int StallSeconds, int Warmup, bool Reprice, bool Hold = false, bool Priced = false)
{
    public const string Usage = "   or: order [ORDERS=500] [SECONDS=60] [CLIENTS=8] [STALL=180] [WARMUP=100] [REPRICE=0] [HOLD=0] [PRICED=0]   (against the hubs of ./hub up)";

    // Switches: 0 or 1; every other setting is a count, and not 0 (but for WARMUP).
    private static readonly string[] Switches = ["REPRICE", "HOLD", "PRICED"];

    public static bool TryParse(string[] args, out OrderBenchmarkOptions options)
    {
        var values = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
        {
            ["ORDERS"] = 500, ["SECONDS"] = 60, ["CLIENTS"] = 8, ["STALL"] = 180, ["WARMUP"] = 100, ["REPRICE"] = 0, ["HOLD"] = 0, ["PRICED"] = 0,
        };
        options = new OrderBenchmarkOptions(0, 0, 0, 0, 0, false);
        foreach (var arg in args)
        {
            var parts = arg.Split('=', 2);
            if (parts.Length != 2 || !values.ContainsKey(parts[0])
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                || (value == 0 && !parts[0].Equals("WARMUP", StringComparison.OrdinalIgnoreCase) && !IsSwitch(parts[0]))
                || (value > 1 && IsSwitch(parts[0])))
            {
                return false;
            }

            values[parts[0]] = value;
        }

        if (values["REPRICE"] == 1 && values["PRICED"] == 1)
        {
            // A cart placed without its checkout is priced by the placement: there is nothing to check out before.
            return false;
        }

        options = new OrderBenchmarkOptions(
            values["ORDERS"], values["SECONDS"], values["CLIENTS"], values["STALL"], values["WARMUP"], values["REPRICE"] == 1, values["HOLD"] == 1, values["PRICED"] == 1);
        return true;
    }

    private static bool IsSwitch(string name) => Switches.Contains(name, StringComparer.OrdinalIgnoreCase);
}
