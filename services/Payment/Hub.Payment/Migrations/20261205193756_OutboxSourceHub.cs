using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Payment.Migrations
{
    /// <inheritdoc />
    public partial class OutboxSourceHub : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "source_hub",
                table: "outbox_messages",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "source_hub",
                table: "outbox_messages");
        }
    }
}
