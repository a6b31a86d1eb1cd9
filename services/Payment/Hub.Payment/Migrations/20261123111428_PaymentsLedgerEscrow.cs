using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Hub.Payment.Migrations
{
    /// <inheritdoc />
    public partial class PaymentsLedgerEscrow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "escrow_refunds",
                columns: table => new
                {
                    order_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    refund_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(28,4)", precision: 28, scale: 4, nullable: false),
                    posting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    refunded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_escrow_refunds", x => new { x.order_id, x.refund_key });
                });

            migrationBuilder.CreateTable(
                name: "escrows",
                columns: table => new
                {
                    order_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    buyer_company = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    supplier_company = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    paid_amount = table.Column<decimal>(type: "numeric(28,4)", precision: 28, scale: 4, nullable: false),
                    refunded_amount = table.Column<decimal>(type: "numeric(28,4)", precision: 28, scale: 4, nullable: false),
                    settlement_currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    settlement_amount = table.Column<decimal>(type: "numeric(28,4)", precision: 28, scale: 4, nullable: false),
                    quote_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    secured_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    release_due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    released_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    released_automatically = table.Column<bool>(type: "boolean", nullable: true),
                    settled_amount = table.Column<decimal>(type: "numeric(28,4)", precision: 28, scale: 4, nullable: true),
                    fee_amount = table.Column<decimal>(type: "numeric(28,4)", precision: 28, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_escrows", x => x.order_id);
                });

            migrationBuilder.CreateTable(
                name: "fx_quotes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    buyer_company = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    pay_currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    pay_amount = table.Column<decimal>(type: "numeric(28,4)", precision: 28, scale: 4, nullable: false),
                    settlement_currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    settlement_amount = table.Column<decimal>(type: "numeric(28,4)", precision: 28, scale: 4, nullable: false),
                    rate = table.Column<decimal>(type: "numeric(28,8)", precision: 28, scale: 8, nullable: false),
                    market_rate = table.Column<decimal>(type: "numeric(28,8)", precision: 28, scale: 8, nullable: false),
                    margin_bps = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    used_by_order = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    used_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fx_quotes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "fx_rates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    base_currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    quote_currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    bid = table.Column<decimal>(type: "numeric(28,8)", precision: 28, scale: 8, nullable: false),
                    ask = table.Column<decimal>(type: "numeric(28,8)", precision: 28, scale: 8, nullable: false),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    as_of = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fx_rates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ledger_accounts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    owner = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    opened_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_accounts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payment_terms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    effective_from = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    fx_margin_bps = table.Column<int>(type: "integer", nullable: false),
                    platform_fee_bps = table.Column<int>(type: "integer", nullable: false),
                    quote_lock_seconds = table.Column<int>(type: "integer", nullable: false),
                    auto_release_days = table.Column<int>(type: "integer", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payment_terms", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payouts",
                columns: table => new
                {
                    reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    payee_company = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(28,4)", precision: 28, scale: 4, nullable: false),
                    posting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    paid_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payouts", x => x.reference);
                });

            migrationBuilder.CreateTable(
                name: "postings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    posted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    reverses = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_postings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "posting_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    posting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(28,4)", precision: 28, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_posting_lines", x => x.id);
                    table.ForeignKey(
                        name: "FK_posting_lines_ledger_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "ledger_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_posting_lines_postings_posting_id",
                        column: x => x.posting_id,
                        principalTable: "postings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "fx_rates",
                columns: new[] { "id", "as_of", "ask", "base_currency", "bid", "quote_currency", "recorded_at", "source" },
                values: new object[,]
                {
                    { new Guid("0193a000-0000-7000-8000-000000000001"), new DateTime(2026, 11, 23, 0, 0, 0, 0, DateTimeKind.Utc), 1350.50m, "USD", 1349.50m, "KRW", new DateTime(2026, 11, 23, 0, 0, 0, 0, DateTimeKind.Utc), "seed: indicative levels 2026-11-23" },
                    { new Guid("0193a000-0000-7000-8000-000000000002"), new DateTime(2026, 11, 23, 0, 0, 0, 0, DateTimeKind.Utc), 7.1220m, "USD", 7.1180m, "CNY", new DateTime(2026, 11, 23, 0, 0, 0, 0, DateTimeKind.Utc), "seed: indicative levels 2026-11-23" },
                    { new Guid("0193a000-0000-7000-8000-000000000003"), new DateTime(2026, 11, 23, 0, 0, 0, 0, DateTimeKind.Utc), 4.4620m, "USD", 4.4580m, "MYR", new DateTime(2026, 11, 23, 0, 0, 0, 0, DateTimeKind.Utc), "seed: indicative levels 2026-11-23" },
                    { new Guid("0193a000-0000-7000-8000-000000000004"), new DateTime(2026, 11, 23, 0, 0, 0, 0, DateTimeKind.Utc), 1.0850m, "EUR", 1.0840m, "USD", new DateTime(2026, 11, 23, 0, 0, 0, 0, DateTimeKind.Utc), "seed: indicative levels 2026-11-23" },
                    { new Guid("0193a000-0000-7000-8000-000000000005"), new DateTime(2026, 11, 23, 0, 0, 0, 0, DateTimeKind.Utc), 150.00m, "USD", 149.80m, "JPY", new DateTime(2026, 11, 23, 0, 0, 0, 0, DateTimeKind.Utc), "seed: indicative levels 2026-11-23" }
                });

            migrationBuilder.InsertData(
                table: "payment_terms",
                columns: new[] { "id", "auto_release_days", "changed_by", "effective_from", "fx_margin_bps", "platform_fee_bps", "quote_lock_seconds" },
                values: new object[] { new Guid("0193a000-0000-7000-8000-0000000000a1"), 14, "seed", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 50, 200, 900 });

            migrationBuilder.CreateIndex(
                name: "IX_escrows_buyer_company",
                table: "escrows",
                column: "buyer_company");

            migrationBuilder.CreateIndex(
                name: "IX_escrows_release_due_at",
                table: "escrows",
                column: "release_due_at",
                filter: "status = 'Secured'");

            migrationBuilder.CreateIndex(
                name: "IX_escrows_supplier_company",
                table: "escrows",
                column: "supplier_company");

            migrationBuilder.CreateIndex(
                name: "IX_fx_quotes_buyer_company",
                table: "fx_quotes",
                column: "buyer_company");

            migrationBuilder.CreateIndex(
                name: "IX_fx_rates_base_currency_quote_currency_as_of",
                table: "fx_rates",
                columns: new[] { "base_currency", "quote_currency", "as_of" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_accounts_kind_owner_currency",
                table: "ledger_accounts",
                columns: new[] { "kind", "owner", "currency" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payment_terms_effective_from",
                table: "payment_terms",
                column: "effective_from");

            migrationBuilder.CreateIndex(
                name: "IX_posting_lines_account_id",
                table: "posting_lines",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "IX_posting_lines_posting_id",
                table: "posting_lines",
                column: "posting_id");

            migrationBuilder.CreateIndex(
                name: "IX_postings_idempotency_key",
                table: "postings",
                column: "idempotency_key",
                unique: true);

            // The ledger's rules, enforced by the database as well as the domain: postings and their lines are never
            // updated or deleted (corrections are reversing postings), and every posting balances per currency at commit.
            migrationBuilder.Sql(@"
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger % are immutable; post a reversal instead', TG_TABLE_NAME;
END $$;
CREATE TRIGGER postings_immutable BEFORE UPDATE OR DELETE ON postings FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER posting_lines_immutable BEFORE UPDATE OR DELETE ON posting_lines FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();

CREATE FUNCTION ledger_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM posting_lines WHERE posting_id = NEW.posting_id GROUP BY currency HAVING SUM(amount) <> 0) THEN
        RAISE EXCEPTION 'posting % does not balance per currency', NEW.posting_id;
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER posting_lines_balanced AFTER INSERT ON posting_lines
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_balanced();
");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"
DROP TRIGGER IF EXISTS posting_lines_balanced ON posting_lines;
DROP TRIGGER IF EXISTS posting_lines_immutable ON posting_lines;
DROP TRIGGER IF EXISTS postings_immutable ON postings;
DROP FUNCTION IF EXISTS ledger_check_balanced();
DROP FUNCTION IF EXISTS ledger_refuse_change();
");

            migrationBuilder.DropTable(
                name: "escrow_refunds");

            migrationBuilder.DropTable(
                name: "escrows");

            migrationBuilder.DropTable(
                name: "fx_quotes");

            migrationBuilder.DropTable(
                name: "fx_rates");

            migrationBuilder.DropTable(
                name: "payment_terms");

            migrationBuilder.DropTable(
                name: "payouts");

            migrationBuilder.DropTable(
                name: "posting_lines");

            migrationBuilder.DropTable(
                name: "ledger_accounts");

            migrationBuilder.DropTable(
                name: "postings");
        }
    }
}
