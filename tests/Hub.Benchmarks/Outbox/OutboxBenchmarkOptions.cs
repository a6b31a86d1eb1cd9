using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Hub.Benchmarks.Outbox;

/// <param name="Messages">Messages in each throughput phase (raw publish, relay).</param>
/// <param name="Rate">Commits per second offered in the latency phase.</param>
/// <param name="Seconds">Length of the latency phase.</param>
/// <param name="Profile">Also print where the relay's time goes (dispatch vs database, relay vs broker lag).</param>
internal sealed record OutboxBenchmarkOptions(int Messages = 10_000, int Rate = 500, int Seconds = 20, bool Profile = false)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/Hub.Benchmarks -- outbox [--messages N] [--rate R] [--seconds S] [--profile]
          --messages N   messages per throughput phase (default 10000)
          --rate R       commits per second in the latency phase (default 500)
          --seconds S    length of the latency phase (default 20)
          --profile      also split relay time into dispatch and database work
        Needs HUB_TEST_POSTGRES and HUB_TEST_RABBITMQ (or Docker). Exit code 1 when a target is missed.
        """;

    public static bool TryParse(IReadOnlyList<string> args, [NotNullWhen(true)] out OutboxBenchmarkOptions? options)
    {
        options = new OutboxBenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--profile")
            {
                options = options with { Profile = true };
                continue;
            }

            if (i + 1 >= args.Count || !int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                options = null;
                return false;
            }

            switch (args[i - 1])
            {
                case "--messages": options = options with { Messages = value }; break;
                case "--rate": options = options with { Rate = value }; break;
                case "--seconds": options = options with { Seconds = value }; break;
                default: options = null; return false;
            }
        }

        return true;
    }
}
