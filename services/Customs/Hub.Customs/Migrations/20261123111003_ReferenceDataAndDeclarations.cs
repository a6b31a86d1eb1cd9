using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Customs.Migrations
{
    /// <inheritdoc />
    public partial class ReferenceDataAndDeclarations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "declaration_numbers");

            migrationBuilder.CreateTable(
                name: "buyer_imports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hub = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    buyer = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    order_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    regime_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    applied = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_buyer_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "customs_authorities",
                columns: table => new
                {
                    hub = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    valuation_basis = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    rounding = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customs_authorities", x => x.hub);
                });

            migrationBuilder.CreateTable(
                name: "customs_fx_rates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hub = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    rate = table.Column<decimal>(type: "numeric(18,8)", precision: 18, scale: 8, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customs_fx_rates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "declarations",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    hub = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    type = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    lrn = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    order_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    mrn = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    incoterm = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    incoterm_place = table.Column<string>(type: "text", nullable: true),
                    invoice_number = table.Column<string>(type: "text", nullable: true),
                    invoice_currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    invoice_total = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    fx_rate = table.Column<decimal>(type: "numeric(18,8)", precision: 18, scale: 8, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    duty = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    consumption_tax = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    vat = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    regime_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    rounding_rule = table.Column<string>(type: "text", nullable: true),
                    screening_list_version = table.Column<int>(type: "integer", nullable: false),
                    screening_score = table.Column<double>(type: "double precision", nullable: false),
                    screening_match = table.Column<string>(type: "text", nullable: true),
                    hold_reason = table.Column<string>(type: "text", nullable: true),
                    rejection_reason = table.Column<string>(type: "text", nullable: true),
                    decided_by = table.Column<string>(type: "text", nullable: true),
                    submitted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    accepted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    declarant = table.Column<string>(type: "jsonb", nullable: false),
                    exporter = table.Column<string>(type: "jsonb", nullable: false),
                    importer = table.Column<string>(type: "jsonb", nullable: false),
                    items = table.Column<string>(type: "jsonb", nullable: true),
                    transport = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_declarations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "denied_parties",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    aliases = table.Column<string>(type: "text", nullable: false),
                    country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    source = table.Column<string>(type: "text", nullable: false),
                    listed_in_version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_denied_parties", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "low_value_regimes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hub = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    origin = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    excluded_chapters = table.Column<string>(type: "text", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    value_basis = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    transaction_limit = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    annual_limit = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    aggregate_same_day = table.Column<bool>(type: "boolean", nullable: false),
                    duty_factor = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: false),
                    tax_factor = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_low_value_regimes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "preferential_rates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hub = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    agreement = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    partner_country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    prefix = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    rate = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_preferential_rates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "screening_lists",
                columns: table => new
                {
                    hub = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    threshold = table.Column<double>(type: "double precision", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_screening_lists", x => x.hub);
                });

            migrationBuilder.CreateTable(
                name: "tariff_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hub = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    prefix = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    duty_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    duty_rate = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: false),
                    specific_amount = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    specific_unit = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    vat_rate = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: false),
                    consumption_tax_rate = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tariff_lines", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_buyer_imports_hub_buyer_date",
                table: "buyer_imports",
                columns: new[] { "hub", "buyer", "date" });

            migrationBuilder.CreateIndex(
                name: "ux_buyer_imports_hub_order",
                table: "buyer_imports",
                columns: new[] { "hub", "order_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_customs_fx_rates_hub_currency_version",
                table: "customs_fx_rates",
                columns: new[] { "hub", "currency", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_declarations_status",
                table: "declarations",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ux_declarations_hub_type_lrn",
                table: "declarations",
                columns: new[] { "hub", "type", "lrn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_declarations_hub_type_order",
                table: "declarations",
                columns: new[] { "hub", "type", "order_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_low_value_regimes_hub_code_version",
                table: "low_value_regimes",
                columns: new[] { "hub", "code", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_preferential_rates_key_version",
                table: "preferential_rates",
                columns: new[] { "hub", "agreement", "partner_country", "prefix", "year", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_tariff_lines_hub_prefix_version",
                table: "tariff_lines",
                columns: new[] { "hub", "prefix", "version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "buyer_imports");

            migrationBuilder.DropTable(
                name: "customs_authorities");

            migrationBuilder.DropTable(
                name: "customs_fx_rates");

            migrationBuilder.DropTable(
                name: "declarations");

            migrationBuilder.DropTable(
                name: "denied_parties");

            migrationBuilder.DropTable(
                name: "low_value_regimes");

            migrationBuilder.DropTable(
                name: "preferential_rates");

            migrationBuilder.DropTable(
                name: "screening_lists");

            migrationBuilder.DropTable(
                name: "tariff_lines");

            migrationBuilder.DropSequence(
                name: "declaration_numbers");
        }
    }
}
