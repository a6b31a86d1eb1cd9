using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Customs.Migrations
{
    /// <inheritdoc />
    public partial class DeclarationItemHsEdition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
