using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Hub.TaxRefund.Migrations
{
    /// <inheritdoc />
    public partial class RefundClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "claim_numbers");

            migrationBuilder.CreateTable(
                name: "order_evidence",
                columns: table => new
                {
                    order_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    export_hub = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    declaration_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    mrn = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    export_cleared_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    master_bill = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    departed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    supplier_company = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    consignment_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    payment_received_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_order_evidence", x => x.order_id);
                });

            migrationBuilder.CreateTable(
                name: "purchase_invoices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    supplier_company = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    invoice_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    order_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    product_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    hs_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    amount_incl_vat = table.Column<decimal>(type: "numeric(28,4)", precision: 28, scale: 4, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    vat_rate = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: false),
                    registered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_purchase_invoices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "refund_claims",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    order_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    hub = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    supplier_company = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    consignment_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    declaration_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    export_date = table.Column<DateOnly>(type: "date", nullable: false),
                    opened_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    departed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    master_bill = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    payment_received_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    purchase_net = table.Column<decimal>(type: "numeric(28,4)", precision: 28, scale: 4, nullable: true),
                    refund_amount = table.Column<decimal>(type: "numeric(28,4)", precision: 28, scale: 4, nullable: true),
                    cost_amount = table.Column<decimal>(type: "numeric(28,4)", precision: 28, scale: 4, nullable: true),
                    rounding_rule = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    filed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    filed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    rejection_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    paid_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    payout_posting_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_refund_claims", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "refund_rates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hub = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    hs_prefix = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    rate = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_refund_rates", x => x.id);
                });

            migrationBuilder.InsertData(
                table: "refund_rates",
                columns: new[] { "id", "hs_prefix", "hub", "rate", "valid_from", "valid_to" },
                values: new object[,]
                {
                    { new Guid("6f1d2a10-0000-4000-8000-000000000001"), "", "CN", 0.13m, new DateOnly(2019, 4, 1), null },
                    { new Guid("6f1d2a10-0000-4000-8000-000000000002"), "09", "CN", 0.09m, new DateOnly(2019, 4, 1), null },
                    { new Guid("6f1d2a10-0000-4000-8000-000000000003"), "7601", "CN", 0.13m, new DateOnly(2019, 4, 1), new DateOnly(2024, 12, 1) },
                    { new Guid("6f1d2a10-0000-4000-8000-000000000004"), "7601", "CN", 0m, new DateOnly(2024, 12, 1), null },
                    { new Guid("6f1d2a10-0000-4000-8000-000000000005"), "8541", "CN", 0.13m, new DateOnly(2019, 4, 1), new DateOnly(2024, 12, 1) },
                    { new Guid("6f1d2a10-0000-4000-8000-000000000006"), "8541", "CN", 0.09m, new DateOnly(2024, 12, 1), new DateOnly(2026, 4, 1) },
                    { new Guid("6f1d2a10-0000-4000-8000-000000000007"), "8541", "CN", 0m, new DateOnly(2026, 4, 1), null },
                    { new Guid("6f1d2a10-0000-4000-8000-000000000008"), "8507", "CN", 0.13m, new DateOnly(2019, 4, 1), new DateOnly(2024, 12, 1) },
                    { new Guid("6f1d2a10-0000-4000-8000-000000000009"), "8507", "CN", 0.09m, new DateOnly(2024, 12, 1), new DateOnly(2026, 4, 1) },
                    { new Guid("6f1d2a10-0000-4000-8000-00000000000a"), "8507", "CN", 0.06m, new DateOnly(2026, 4, 1), null },
                    { new Guid("6f1d2a10-0000-4000-8000-00000000000b"), "", "KR", 0.10m, new DateOnly(2000, 1, 1), null }
                });

            migrationBuilder.CreateIndex(
                name: "IX_purchase_invoices_order_id",
                table: "purchase_invoices",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "IX_purchase_invoices_supplier_company_invoice_number",
                table: "purchase_invoices",
                columns: new[] { "supplier_company", "invoice_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_refund_claims_order_id",
                table: "refund_claims",
                column: "order_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_refund_claims_state",
                table: "refund_claims",
                column: "state");

            migrationBuilder.CreateIndex(
                name: "IX_refund_claims_supplier_company",
                table: "refund_claims",
                column: "supplier_company");

            migrationBuilder.CreateIndex(
                name: "IX_refund_rates_hub_hs_prefix_valid_from",
                table: "refund_rates",
                columns: new[] { "hub", "hs_prefix", "valid_from" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "order_evidence");

            migrationBuilder.DropTable(
                name: "purchase_invoices");

            migrationBuilder.DropTable(
                name: "refund_claims");

            migrationBuilder.DropTable(
                name: "refund_rates");

            migrationBuilder.DropSequence(
                name: "claim_numbers");
        }
    }
}
