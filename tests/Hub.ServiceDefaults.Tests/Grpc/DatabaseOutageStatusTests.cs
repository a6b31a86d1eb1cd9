using System.Net.Sockets;
using Grpc.Core;
using Hub.ServiceDefaults.Grpc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hub.ServiceDefaults.Tests.Grpc;

public sealed class DatabaseOutageStatusTests
{
    public static TheoryData<Exception> DatabaseNotAnswering() =>
    [
        new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)),
        new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown)),
        new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new PostgresException("the database system is starting up", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow)),
        new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new DbUpdateException("An error occurred while saving the entity changes.",
                new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown))),
    ];

    [Theory]
    [MemberData(nameof(DatabaseNotAnswering))]
    public async Task CallFailedByTheDatabaseNotAnswering_IsUnavailable(Exception failure)
    {
        var answered = await Should.ThrowAsync<RpcException>(() => new DatabaseOutageStatus().UnaryServerHandler<string, string>(
            "request", null!, (_, _) => throw failure));

        answered.StatusCode.ShouldBe(StatusCode.Unavailable);
        answered.Status.Detail.ShouldContain("database");
    }

    [Fact]
    public async Task RefusalByTheDatabase_PassesUnchanged()
    {
        var refused = new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation);

        var thrown = await Should.ThrowAsync<PostgresException>(() => new DatabaseOutageStatus().UnaryServerHandler<string, string>(
            "request", null!, (_, _) => throw refused));

        thrown.ShouldBeSameAs(refused);
    }
}
