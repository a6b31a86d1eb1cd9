using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Order.Migrations
{
    /// <inheritdoc />
    public partial class ExportDeclarationRetry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "export_retry_at",
                table: "orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_orders_export_retry_at",
                table: "orders",
                column: "export_retry_at",
                filter: "export_retry_at IS NOT NULL");

            // Paid orders waiting for their export declaration are looked at by the next sweep (one lodged already
            // is only unmarked).
            migrationBuilder.Sql("UPDATE orders SET export_retry_at = now() WHERE status = 'PaymentSecured'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_orders_export_retry_at",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "export_retry_at",
                table: "orders");
        }
    }
}
