using Hub.Story;
using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

/// <summary>A scenario on the two hubs: the story narrates into the test output, and a failure adds every process's log tail.</summary>
public abstract class StoryTest(TwoHubs hubs, ITestOutputHelper output)
{
    protected static readonly StoryUser KrOperator = new("kr-operator", "operator-demo");
    protected static readonly StoryUser CnOperator = new("cn-operator", "operator-demo");

    protected TwoHubs Hubs { get; } = hubs;

    /// <summary>A CN buyer and a KR supplier of the fixture's users (one pair per scenario, so no scenario reads another's money).</summary>
    protected static StoryCast Cast(string buyer, string supplier) =>
        new(new StoryUser(buyer, "buyer-demo"), new StoryUser(supplier, "supplier-demo"), KrOperator, CnOperator);

    protected CrossBorderStory Story(StoryCast cast) =>
        new(Hubs.Cn, Hubs.Kr, cast, Narrate) { StepTimeout = TimeSpan.FromSeconds(90) };

    protected void Narrate(string line) => output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");

    /// <summary>Runs a scenario; if it fails, the tail of every process's log goes to the output before the failure.</summary>
    protected async Task RunAsync(Func<CancellationToken, Task> scenario)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        try
        {
            await scenario(timeout.Token);
        }
        catch
        {
            output.WriteLine(Hubs.LogTails());
            throw;
        }
    }
}
