using Hub.ServiceDefaults.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hub.ServiceDefaults.Hosting;

/// <summary>Runs a service, or one of its administrative commands.</summary>
public static class ServiceHost
{
    /// <summary>
    /// <c>migrate</c> applies the service's checked-in EF Core migrations and exits; with no command the service runs.
    /// Migrations never run at start-up: a service on an unmigrated database reports not-ready instead.
    /// </summary>
    public static async Task<int> RunAsync<TContext>(this WebApplication app, string[] args)
        where TContext : DbContext
    {
        switch (args.Length > 0 && !args[0].StartsWith('-') ? args[0] : null)
        {
            case null:
                await app.RunAsync();
                return 0;
            case "migrate":
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetService<TContext>()
                        ?? throw new InvalidOperationException($"No database to migrate: ConnectionStrings:{app.Services.GetRequiredService<ServiceIdentity>().ConfigurationName} is not configured.");
                    var applied = await DatabaseMigrations.ApplyAsync(db);
                    app.Logger.LogInformation("Applied {Count} migration(s) to {Database}", applied, db.Database.GetDbConnection().Database);
                }

                return 0;
            case var other:
                await Console.Error.WriteLineAsync($"Unknown command '{other}'. Commands: migrate (apply database migrations), or none to run the service.");
                return 2;
        }
    }
}
