using Microsoft.EntityFrameworkCore.Migrations;

namespace Hub.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// The commit trigger of the first schema: it raised a NOTIFY for the relay on every outbox insert. It is dropped
/// again because PostgreSQL serialises the commits of all notifying transactions in a database; the relay is now
/// woken in process by <see cref="OutboxCommitInterceptor"/>. The initial migrations still create it, so the
/// next migration of every service removes it.
/// </summary>
public static class OutboxNotification
{
    /// <summary>Creates the trigger (kept for the initial migrations).</summary>
    public static void CreateOutboxNotification(this MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
        CREATE OR REPLACE FUNCTION hub_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM pg_notify('hub_outbox', '');
          RETURN NULL;
        END $$;
        CREATE TRIGGER outbox_messages_notify AFTER INSERT ON outbox_messages
          FOR EACH STATEMENT EXECUTE FUNCTION hub_outbox_notify();
        """);

    /// <summary>Drops the trigger and its function.</summary>
    public static void DropOutboxNotification(this MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
        DROP TRIGGER IF EXISTS outbox_messages_notify ON outbox_messages;
        DROP FUNCTION IF EXISTS hub_outbox_notify();
        """);
}
