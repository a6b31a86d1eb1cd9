using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Logistics.Migrations
{
    /// <inheritdoc />
    public partial class LaneScheduledTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "lane_scheduled_terms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    valid_from = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    scheduled_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    document = table.Column<string>(type: "jsonb", nullable: false),
                    lane_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lane_scheduled_terms", x => x.id);
                    table.ForeignKey(
                        name: "FK_lane_scheduled_terms_lanes_lane_id",
                        column: x => x.lane_id,
                        principalTable: "lanes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_lane_scheduled_terms_lane_id_valid_from",
                table: "lane_scheduled_terms",
                columns: new[] { "lane_id", "valid_from" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lane_scheduled_terms");
        }
    }
}
