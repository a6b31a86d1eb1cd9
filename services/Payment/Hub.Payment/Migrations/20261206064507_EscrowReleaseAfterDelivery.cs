using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Payment.Migrations
{
    /// <inheritdoc />
    public partial class EscrowReleaseAfterDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<DateTime>(
                name: "release_due_at",
                table: "escrows",
                type: "timestamp with time zone",
                nullable: true,
                oldClrType: typeof(DateTime),
                oldType: "timestamp with time zone");

            migrationBuilder.AddColumn<int>(
                name: "auto_release_days",
                table: "escrows",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Escrows secured before keep the due date they were given; their period in days is read back from it.
            migrationBuilder.Sql(
                "UPDATE escrows SET auto_release_days = GREATEST(0, ROUND(EXTRACT(EPOCH FROM release_due_at - secured_at) / 86400))::int;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "UPDATE escrows SET release_due_at = secured_at + make_interval(days => auto_release_days) WHERE release_due_at IS NULL;");

            migrationBuilder.DropColumn(
                name: "auto_release_days",
                table: "escrows");

            migrationBuilder.AlterColumn<DateTime>(
                name: "release_due_at",
                table: "escrows",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified),
                oldClrType: typeof(DateTime),
                oldType: "timestamp with time zone",
                oldNullable: true);
        }
    }
}
