using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Order.Migrations
{
    /// <inheritdoc />
    public partial class Checkouts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "checkout_id",
                table: "purchases",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "checkouts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    buyer_company = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    cart_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    pricing = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_checkouts", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_purchases_checkout_id",
                table: "purchases",
                column: "checkout_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_checkouts_expires_at",
                table: "checkouts",
                column: "expires_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "checkouts");

            migrationBuilder.DropIndex(
                name: "IX_purchases_checkout_id",
                table: "purchases");

            migrationBuilder.DropColumn(
                name: "checkout_id",
                table: "purchases");
        }
    }
}
