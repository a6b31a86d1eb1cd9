using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Order.Migrations
{
    /// <inheritdoc />
    public partial class OrderSupplierAndPartnerIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_orders_partner_hub",
                table: "orders",
                column: "partner_hub",
                filter: "partner_hub IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_orders_supplier_company",
                table: "orders",
                column: "supplier_company");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_orders_partner_hub",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "IX_orders_supplier_company",
                table: "orders");
        }
    }
}
