using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Payment.Migrations
{
    /// <inheritdoc />
    public partial class ImportDuties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "duties_paid_amount",
                table: "escrows",
                type: "numeric(28,4)",
                precision: 28,
                scale: 4,
                nullable: false,
                defaultValue: 0m);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "duties_paid_amount",
                table: "escrows");
        }
    }
}
