using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Logistics.Migrations
{
    /// <inheritdoc />
    public partial class FreightPayer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "freight_payer",
                table: "consignments",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            // Consignments booked before the payer was named are billed to their supplier, as bookings without one are.
            migrationBuilder.Sql("UPDATE consignments SET freight_payer = company_id WHERE freight_payer = '';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "freight_payer",
                table: "consignments");
        }
    }
}
