using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Customs.Migrations
{
    /// <inheritdoc />
    public partial class DeclarationWithdrawal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "withdrawal_reason",
                table: "declarations",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "withdrawal_reason",
                table: "declarations");
        }
    }
}
