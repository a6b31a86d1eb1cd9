using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Order.Migrations
{
    /// <inheritdoc />
    public partial class PendingReservations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pending_reservations",
                columns: table => new
                {
                    order_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    supplier_hub = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    asked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pending_reservations", x => x.order_id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_pending_reservations_asked_at",
                table: "pending_reservations",
                column: "asked_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pending_reservations");
        }
    }
}
