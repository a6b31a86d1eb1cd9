using Hub.ServiceDefaults.Messaging.Outbox;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.TaxRefund.Migrations
{
    /// <inheritdoc />
    public partial class RelayWakesInProcess : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropOutboxNotification();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateOutboxNotification();
        }
    }
}
