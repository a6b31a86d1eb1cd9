using System.Diagnostics;
using System.Text.Json.Nodes;
using Hub.Story;

// `./hub demo`: plays the cross-border story against the running platform (the hub files name the gateways) and
// narrates every step; exits 1 if it does not complete in time.
var buyerFile = Argument("--buyer-hub") ?? "deploy/hubs/cn.json";
var supplierFile = Argument("--supplier-hub") ?? "deploy/hubs/kr.json";
var minutes = double.Parse(Argument("--minutes") ?? "5", System.Globalization.CultureInfo.InvariantCulture);

using var buyerHub = Gateway(buyerFile);
using var supplierHub = Gateway(supplierFile);
using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(minutes));
var clock = Stopwatch.StartNew();
var story = new CrossBorderStory(buyerHub, supplierHub, StoryCast.Default, line => Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] {line}"));
Console.WriteLine($"Hub demo: a {buyerHub.Hub} buyer orders from a {supplierHub.Hub} supplier through {buyerHub.Address} (supplier hub {supplierHub.Address}).");
try
{
    await story.PlayAsync(deadline.Token);
    return 0;
}
catch (Exception ex) when (ex is StoryException or GatewayException or HttpRequestException or OperationCanceledException)
{
    var why = ex is OperationCanceledException ? $"the story did not complete within {minutes} minutes" : ex.Message;
    Console.Error.WriteLine($"[{clock.Elapsed:mm\\:ss}] The demo stopped: {why}");
    return 1;
}

string? Argument(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

static GatewayClient Gateway(string hubFile)
{
    var hub = JsonNode.Parse(File.ReadAllText(hubFile))!;
    return new GatewayClient(hub["Hub"]!["Id"]!.GetValue<string>(), new Uri(hub["Services"]!["Gateway"]!["Http"]!.GetValue<string>()));
}
