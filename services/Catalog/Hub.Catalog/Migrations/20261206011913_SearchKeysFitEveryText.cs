using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Catalog.Migrations
{
    /// <inheritdoc />
    public partial class SearchKeysFitEveryText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "search_keys",
                table: "product_texts",
                type: "character varying(26005)",
                maxLength: 26005,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(20800)",
                oldMaxLength: 20800);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "search_keys",
                table: "product_texts",
                type: "character varying(20800)",
                maxLength: 20800,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(26005)",
                oldMaxLength: 26005);
        }
    }
}
