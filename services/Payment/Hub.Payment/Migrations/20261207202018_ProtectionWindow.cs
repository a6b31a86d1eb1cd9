using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Payment.Migrations
{
    /// <inheritdoc />
    public partial class ProtectionWindow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "protection_days",
                table: "payment_terms",
                type: "integer",
                nullable: false,
                defaultValue: 30);

            migrationBuilder.AddColumn<int>(
                name: "protection_days",
                table: "escrows",
                type: "integer",
                nullable: false,
                defaultValue: 30);

            // Terms and escrows from before the window existed take the seed's 30 days; new rows name theirs.
            migrationBuilder.Sql("ALTER TABLE payment_terms ALTER COLUMN protection_days DROP DEFAULT; ALTER TABLE escrows ALTER COLUMN protection_days DROP DEFAULT;");

            migrationBuilder.UpdateData(
                table: "payment_terms",
                keyColumn: "id",
                keyValue: new Guid("0193a000-0000-7000-8000-0000000000a1"),
                column: "protection_days",
                value: 30);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "protection_days",
                table: "payment_terms");

            migrationBuilder.DropColumn(
                name: "protection_days",
                table: "escrows");
        }
    }
}
