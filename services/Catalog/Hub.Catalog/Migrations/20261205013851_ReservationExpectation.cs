using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Catalog.Migrations
{
    /// <summary>
    /// <c>catalog_expect(holds, reason)</c>: fails the statement (SQLSTATE HUB01) unless <c>holds</c> is true, so that a
    /// batch written for the expected case stops, its commit unexecuted, when the case turns out otherwise.
    /// </summary>
    public partial class ReservationExpectation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION catalog_expect(holds boolean, reason text) RETURNS void
                LANGUAGE plpgsql AS $$
                BEGIN
                    IF holds IS NOT TRUE THEN
                        RAISE EXCEPTION USING ERRCODE = 'HUB01', MESSAGE = reason;
                    END IF;
                END
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION catalog_expect(boolean, text);");
        }
    }
}
