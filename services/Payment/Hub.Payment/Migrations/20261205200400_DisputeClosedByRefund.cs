using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Payment.Migrations
{
    /// <inheritdoc />
    public partial class DisputeClosedByRefund : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "resolution",
                table: "disputes",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            // Disputes left open on an escrow already refunded in full are closed as refunded by its last refund.
            migrationBuilder.Sql(@"
UPDATE disputes d SET status = 'Resolved', decision = 'Refund', refunded_amount = r.amount, decided_by = 'order service',
    resolved_at = r.refunded_at,
    resolution = 'Order ' || d.order_id || ' was refunded in full (refund ''' || r.refund_key || ''') while the dispute was open.'
FROM escrows e
CROSS JOIN LATERAL (SELECT amount, refunded_at, refund_key FROM escrow_refunds WHERE order_id = e.order_id ORDER BY refunded_at DESC LIMIT 1) r
WHERE e.order_id = d.order_id AND e.status = 'Refunded' AND d.status <> 'Resolved';
UPDATE escrows SET under_dispute = false WHERE status = 'Refunded' AND under_dispute;
");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "resolution",
                table: "disputes");
        }
    }
}
