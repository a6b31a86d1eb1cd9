using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Payment.Migrations
{
    /// <inheritdoc />
    public partial class WalletRunningBalance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "wallet_net_debits",
                table: "ledger_accounts",
                type: "numeric(28,4)",
                precision: 28,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            // A wallet's balance is checked by every payment: the sum of its lines is kept on the account in the
            // transaction that writes each line (lines are never updated or deleted), starting from the lines so far.
            migrationBuilder.Sql(@"
UPDATE ledger_accounts a SET wallet_net_debits = l.net
FROM (SELECT account_id, SUM(amount) AS net FROM posting_lines GROUP BY account_id) l
WHERE l.account_id = a.id AND a.kind = 'SmeWallet';

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

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"
DROP TRIGGER IF EXISTS posting_lines_wallet_balance ON posting_lines;
DROP FUNCTION IF EXISTS ledger_keep_wallet_balance();
");

            migrationBuilder.DropColumn(
                name: "wallet_net_debits",
                table: "ledger_accounts");
        }
    }
}
