using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Payment.Migrations
{
    /// <inheritdoc />
    public partial class EscrowKeepsItsFee : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "platform_fee_bps",
                table: "escrows",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // An escrow's release keeps the fee in force when its funds were secured: existing escrows take the terms
            // in effect at their secured_at (the current terms if none was in effect then).
            migrationBuilder.Sql(@"
UPDATE escrows e SET platform_fee_bps = COALESCE(
    (SELECT t.platform_fee_bps FROM payment_terms t WHERE t.effective_from <= e.secured_at ORDER BY t.effective_from DESC, t.id DESC LIMIT 1),
    (SELECT t.platform_fee_bps FROM payment_terms t WHERE t.effective_from <= now() ORDER BY t.effective_from DESC, t.id DESC LIMIT 1),
    0);
");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "platform_fee_bps",
                table: "escrows");
        }
    }
}
