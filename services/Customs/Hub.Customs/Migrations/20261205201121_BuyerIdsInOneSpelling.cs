using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Customs.Migrations
{
    /// <summary>
    /// Buyer ids are kept trimmed and upper-case, as declarations now give them, so a buyer's earlier low-value imports
    /// count together whatever spelling they were declared under.
    /// </summary>
    public partial class BuyerIdsInOneSpelling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE buyer_imports SET buyer = upper(btrim(buyer)) WHERE buyer <> upper(btrim(buyer));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The original spellings are not kept; upper-case ids stay valid.
        }
    }
}
