using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Payment.Migrations
{
    /// <inheritdoc />
    public partial class LedgerCheckpoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "written_by",
                table: "posting_lines",
                type: "bigint",
                nullable: false,
                defaultValueSql: "pg_current_xact_id()::text::bigint");

            migrationBuilder.CreateTable(
                name: "ledger_checkpoint_marks",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    before_xid = table.Column<long>(type: "bigint", nullable: false),
                    taken_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_checkpoint_marks", x => x.id);
                    table.CheckConstraint("ck_ledger_checkpoint_marks_only", "id = 1");
                });

            migrationBuilder.CreateTable(
                name: "ledger_checkpoints",
                columns: table => new
                {
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    debits = table.Column<decimal>(type: "numeric(28,4)", precision: 28, scale: 4, nullable: false),
                    credits = table.Column<decimal>(type: "numeric(28,4)", precision: 28, scale: 4, nullable: false),
                    lines = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_checkpoints", x => x.account_id);
                    table.ForeignKey(
                        name: "FK_ledger_checkpoints_ledger_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "ledger_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "ledger_checkpoint_marks",
                columns: new[] { "id", "before_xid", "taken_at" },
                values: new object[] { 1, 0L, null });

            migrationBuilder.CreateIndex(
                name: "IX_posting_lines_written_by",
                table: "posting_lines",
                column: "written_by");

            // An account's debits and credits to date: its checkpoint and the lines of the transactions after the mark,
            // in one statement (one snapshot), so a checkpoint folding lines in is seen before or after, never half.
            migrationBuilder.Sql(@"
CREATE VIEW ledger_account_totals AS
SELECT account_id, SUM(debits) AS debits, SUM(credits) AS credits
FROM (
    SELECT account_id, debits, credits FROM ledger_checkpoints
    UNION ALL
    SELECT account_id, GREATEST(amount, 0), GREATEST(-amount, 0) FROM posting_lines
    WHERE written_by >= (SELECT before_xid FROM ledger_checkpoint_marks WHERE id = 1)
) folded
GROUP BY account_id;
");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW ledger_account_totals;");

            migrationBuilder.DropTable(
                name: "ledger_checkpoint_marks");

            migrationBuilder.DropTable(
                name: "ledger_checkpoints");

            migrationBuilder.DropIndex(
                name: "IX_posting_lines_written_by",
                table: "posting_lines");

            migrationBuilder.DropColumn(
                name: "written_by",
                table: "posting_lines");
        }
    }
}
