using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Order.Migrations
{
    /// <inheritdoc />
    public partial class SupplierName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "supplier_name",
                table: "orders",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "supplier_name",
                table: "orders");
        }
    }
}
