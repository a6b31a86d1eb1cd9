using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Order.Migrations
{
    /// <inheritdoc />
    public partial class PlacementInstances : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "holder",
                table: "placement_keys",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "holder",
                table: "pending_reservations",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "placement_instances",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    seen_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_placement_instances", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "placement_instances");

            migrationBuilder.DropColumn(
                name: "holder",
                table: "placement_keys");

            migrationBuilder.DropColumn(
                name: "holder",
                table: "pending_reservations");
        }
    }
}
