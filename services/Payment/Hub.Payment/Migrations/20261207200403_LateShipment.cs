using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Payment.Migrations
{
    /// <inheritdoc />
    public partial class LateShipment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "late_shipment_bps_per_day",
                table: "payment_terms",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "late_shipment_cap_bps",
                table: "payment_terms",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ship_within_days",
                table: "payment_terms",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "departed_at",
                table: "escrows",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "late_shipment_bps_per_day",
                table: "escrows",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "late_shipment_cap_bps",
                table: "escrows",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "ship_by",
                table: "escrows",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.UpdateData(
                table: "payment_terms",
                keyColumn: "id",
                keyValue: new Guid("0193a000-0000-7000-8000-0000000000a1"),
                columns: new[] { "late_shipment_bps_per_day", "late_shipment_cap_bps", "ship_within_days" },
                values: new object[] { 50, 500, 15 });

            // Terms adopted after the seed take its promise too (a promise of 0 days would make every departure late);
            // escrows secured before keep none (ship_by stays null), so nothing secured earlier earns a compensation.
            migrationBuilder.Sql("UPDATE payment_terms SET ship_within_days = 15, late_shipment_bps_per_day = 50, late_shipment_cap_bps = 500 WHERE ship_within_days = 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "late_shipment_bps_per_day",
                table: "payment_terms");

            migrationBuilder.DropColumn(
                name: "late_shipment_cap_bps",
                table: "payment_terms");

            migrationBuilder.DropColumn(
                name: "ship_within_days",
                table: "payment_terms");

            migrationBuilder.DropColumn(
                name: "departed_at",
                table: "escrows");

            migrationBuilder.DropColumn(
                name: "late_shipment_bps_per_day",
                table: "escrows");

            migrationBuilder.DropColumn(
                name: "late_shipment_cap_bps",
                table: "escrows");

            migrationBuilder.DropColumn(
                name: "ship_by",
                table: "escrows");
        }
    }
}
