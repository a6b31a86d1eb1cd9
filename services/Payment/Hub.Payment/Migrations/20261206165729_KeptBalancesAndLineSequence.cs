using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Payment.Migrations
{
    /// <inheritdoc />
    public partial class KeptBalancesAndLineSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_posting_lines_account_id",
                table: "posting_lines");

            migrationBuilder.RenameColumn(
                name: "wallet_net_debits",
                table: "ledger_accounts",
                newName: "kept_net_debits");

            migrationBuilder.AddColumn<decimal>(
                name: "net_debits_after",
                table: "posting_lines",
                type: "numeric(28,4)",
                precision: 28,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "sequence",
                table: "posting_lines",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "kept_lines",
                table: "ledger_accounts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Every account whose balance a posting checks keeps it on its row, and numbers its lines: each line is
            // written with its place and the account's net after it, so a statement page reads its own lines only.
            // Lines written so far are numbered in the order a statement listed them (posting time, then line id).
            migrationBuilder.Sql(@"
DROP TRIGGER posting_lines_wallet_balance ON posting_lines;
DROP FUNCTION ledger_keep_wallet_balance();

ALTER TABLE posting_lines DISABLE TRIGGER posting_lines_immutable;
UPDATE posting_lines l SET sequence = n.sequence, net_debits_after = n.net_after
FROM (
    SELECT l.id, row_number() OVER w AS sequence, sum(l.amount) OVER w AS net_after
    FROM posting_lines l
    JOIN ledger_accounts a ON a.id = l.account_id AND a.kind IN ('SmeWallet', 'Clearing', 'TaxRefundPayable')
    JOIN postings p ON p.id = l.posting_id
    WINDOW w AS (PARTITION BY l.account_id ORDER BY p.posted_at, l.id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
) n
WHERE n.id = l.id;
ALTER TABLE posting_lines ENABLE TRIGGER posting_lines_immutable;

UPDATE ledger_accounts a SET kept_net_debits = s.net, kept_lines = s.lines
FROM (SELECT account_id, SUM(amount) AS net, COUNT(*) AS lines FROM posting_lines GROUP BY account_id) s
WHERE s.account_id = a.id AND a.kind IN ('SmeWallet', 'Clearing', 'TaxRefundPayable');

CREATE FUNCTION ledger_keep_balance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- No row for an account that keeps no balance: the line's place and net after it are left null.
    UPDATE ledger_accounts SET kept_net_debits = kept_net_debits + NEW.amount, kept_lines = kept_lines + 1
    WHERE id = NEW.account_id AND kind IN ('SmeWallet', 'Clearing', 'TaxRefundPayable')
    RETURNING kept_lines, kept_net_debits INTO NEW.sequence, NEW.net_debits_after;
    RETURN NEW;
END $$;
CREATE TRIGGER posting_lines_keep_balance BEFORE INSERT ON posting_lines
    FOR EACH ROW EXECUTE FUNCTION ledger_keep_balance();
");

            migrationBuilder.CreateIndex(
                name: "IX_posting_lines_account_id_sequence",
                table: "posting_lines",
                columns: new[] { "account_id", "sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"
DROP TRIGGER IF EXISTS posting_lines_keep_balance ON posting_lines;
DROP FUNCTION IF EXISTS ledger_keep_balance();
UPDATE ledger_accounts SET kept_net_debits = 0 WHERE kind <> 'SmeWallet';
");

            migrationBuilder.DropIndex(
                name: "IX_posting_lines_account_id_sequence",
                table: "posting_lines");

            migrationBuilder.DropColumn(
                name: "net_debits_after",
                table: "posting_lines");

            migrationBuilder.DropColumn(
                name: "sequence",
                table: "posting_lines");

            migrationBuilder.DropColumn(
                name: "kept_lines",
                table: "ledger_accounts");

            migrationBuilder.RenameColumn(
                name: "kept_net_debits",
                table: "ledger_accounts",
                newName: "wallet_net_debits");

            migrationBuilder.CreateIndex(
                name: "IX_posting_lines_account_id",
                table: "posting_lines",
                column: "account_id");

            migrationBuilder.Sql(@"
CREATE FUNCTION ledger_keep_wallet_balance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE ledger_accounts SET wallet_net_debits = wallet_net_debits + NEW.amount
    WHERE id = NEW.account_id AND kind = 'SmeWallet';
    RETURN NULL;
END $$;
CREATE TRIGGER posting_lines_wallet_balance AFTER INSERT ON posting_lines
    FOR EACH ROW EXECUTE FUNCTION ledger_keep_wallet_balance();
");
        }
    }
}
