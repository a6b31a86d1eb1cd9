namespace Hub.Console.Data;

/// <summary>Says at start, once, that a console without its database keeps its keys to itself.</summary>
internal sealed partial class KeyRingWarning(ILogger<KeyRingWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        NoKeyRingDatabase(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "ConnectionStrings:Console is not configured: the console keeps its sign-in keys in this process's key directory; another replica does not accept its sign-ins, and one that loses the directory signs every operator out.")]
    private static partial void NoKeyRingDatabase(ILogger logger);
}
