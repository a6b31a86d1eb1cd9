using Microsoft.EntityFrameworkCore.Migrations;

namespace Hub.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// The database side of the relay's wake-up: a statement trigger on the outbox raises a notification that
/// PostgreSQL delivers only when the inserting transaction commits (never for a rollback).
/// </summary>
public static class OutboxNotification
{
    /// <summary>The LISTEN/NOTIFY channel (notifications are scoped to one database).</summary>
    public const string Channel = "hub_outbox";

    /// <summary>The trigger and its function, for schemas not built by migrations.</summary>
    public const string Sql = $"""
        CREATE OR REPLACE FUNCTION hub_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM pg_notify('{Channel}', '');
          RETURN NULL;
        END $$;
        CREATE TRIGGER outbox_messages_notify AFTER INSERT ON outbox_messages
          FOR EACH STATEMENT EXECUTE FUNCTION hub_outbox_notify();
        """;

    /// <summary>Creates the trigger; call it from the migration that creates <c>outbox_messages</c>.</summary>
    public static void CreateOutboxNotification(this MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Sql);
}
