using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Logistics.Migrations
{
    /// <inheritdoc />
    public partial class ConsignmentCancellation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "cancel_reason",
                table: "consignments",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "cancelled_at",
                table: "consignments",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "cancel_reason",
                table: "consignments");

            migrationBuilder.DropColumn(
                name: "cancelled_at",
                table: "consignments");
        }
    }
}
