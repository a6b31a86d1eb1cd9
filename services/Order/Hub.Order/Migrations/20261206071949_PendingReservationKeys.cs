using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Order.Migrations
{
    /// <inheritdoc />
    public partial class PendingReservationKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "buyer_company",
                table: "pending_reservations",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "idempotency_key",
                table: "pending_reservations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_pending_reservations_buyer_company_idempotency_key",
                table: "pending_reservations",
                columns: new[] { "buyer_company", "idempotency_key" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_pending_reservations_buyer_company_idempotency_key",
                table: "pending_reservations");

            migrationBuilder.DropColumn(
                name: "buyer_company",
                table: "pending_reservations");

            migrationBuilder.DropColumn(
                name: "idempotency_key",
                table: "pending_reservations");
        }
    }
}
