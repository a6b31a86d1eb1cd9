using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace Hub.Catalog.Migrations
{
    /// <inheritdoc />
    public partial class Catalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateSequence(
                name: "product_numbers");

            migrationBuilder.CreateSequence(
                name: "supplier_numbers");

            migrationBuilder.CreateTable(
                name: "stock_reservations",
                columns: table => new
                {
                    order_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    rejection_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stock_reservations", x => x.order_id);
                });

            migrationBuilder.CreateTable(
                name: "suppliers",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    number = table.Column<long>(type: "bigint", nullable: false),
                    company_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    home_hub = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    trader_id = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    registered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_suppliers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "stock_reservation_lines",
                columns: table => new
                {
                    product_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    order_id = table.Column<string>(type: "character varying(24)", nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stock_reservation_lines", x => new { x.order_id, x.product_id });
                    table.CheckConstraint("ck_stock_reservation_lines_quantity", "quantity > 0");
                    table.ForeignKey(
                        name: "FK_stock_reservation_lines_stock_reservations_order_id",
                        column: x => x.order_id,
                        principalTable: "stock_reservations",
                        principalColumn: "order_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "products",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    number = table.Column<long>(type: "bigint", nullable: false),
                    hub = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    supplier_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    company_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    hs_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    hs_edition = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    origin = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    moq = table.Column<int>(type: "integer", nullable: false),
                    lead_time_days = table.Column<int>(type: "integer", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    price_version = table.Column<int>(type: "integer", nullable: false),
                    list_unit_price = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    listed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    packaging_carton_gross_weight_kg = table.Column<decimal>(type: "numeric", nullable: false),
                    packaging_carton_height_cm = table.Column<decimal>(type: "numeric", nullable: false),
                    packaging_carton_length_cm = table.Column<decimal>(type: "numeric", nullable: false),
                    packaging_carton_width_cm = table.Column<decimal>(type: "numeric", nullable: false),
                    packaging_units_per_carton = table.Column<int>(type: "integer", nullable: false),
                    unit_gross_weight_kg = table.Column<decimal>(type: "numeric", nullable: false),
                    unit_height_cm = table.Column<decimal>(type: "numeric", nullable: false),
                    unit_length_cm = table.Column<decimal>(type: "numeric", nullable: false),
                    unit_net_weight_kg = table.Column<decimal>(type: "numeric", nullable: false),
                    unit_width_cm = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_products", x => x.id);
                    table.CheckConstraint("ck_products_moq", "moq > 0 AND lead_time_days >= 0 AND price_version > 0");
                    table.ForeignKey(
                        name: "FK_products_suppliers_supplier_id",
                        column: x => x.supplier_id,
                        principalTable: "suppliers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "price_versions",
                columns: table => new
                {
                    product_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    effective_from = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_price_versions", x => new { x.product_id, x.version });
                    table.ForeignKey(
                        name: "FK_price_versions_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "product_national_lines",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    destination = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    line = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    product_id = table.Column<string>(type: "character varying(24)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_product_national_lines", x => x.id);
                    table.ForeignKey(
                        name: "FK_product_national_lines_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "product_stock",
                columns: table => new
                {
                    product_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    on_hand = table.Column<int>(type: "integer", nullable: false),
                    reserved = table.Column<int>(type: "integer", nullable: false),
                    low_stock_threshold = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_product_stock", x => x.product_id);
                    table.CheckConstraint("ck_product_stock_bounds", "reserved >= 0 AND reserved <= on_hand AND low_stock_threshold >= 0");
                    table.ForeignKey(
                        name: "FK_product_stock_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "product_texts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    search_keys = table.Column<string>(type: "character varying(20800)", maxLength: 20800, nullable: false),
                    product_id = table.Column<string>(type: "character varying(24)", nullable: false),
                    search_text = table.Column<string>(type: "text", nullable: true, computedColumnSql: "title || ' ' || description", stored: true),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "to_tsvector('simple'::regconfig, title || ' ' || description || ' ' || search_keys)", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_product_texts", x => x.id);
                    table.ForeignKey(
                        name: "FK_product_texts_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "price_tiers",
                columns: table => new
                {
                    min_quantity = table.Column<int>(type: "integer", nullable: false),
                    product_id = table.Column<string>(type: "character varying(24)", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    unit_price = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_price_tiers", x => new { x.product_id, x.version, x.min_quantity });
                    table.CheckConstraint("ck_price_tiers_positive", "min_quantity > 0 AND unit_price > 0");
                    table.ForeignKey(
                        name: "FK_price_tiers_price_versions_product_id_version",
                        columns: x => new { x.product_id, x.version },
                        principalTable: "price_versions",
                        principalColumns: new[] { "product_id", "version" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_product_national_lines_product_id",
                table: "product_national_lines",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_product_texts_product_id",
                table: "product_texts",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_product_texts_search_trgm",
                table: "product_texts",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_product_texts_search_vector",
                table: "product_texts",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_products_company",
                table: "products",
                columns: new[] { "company_id", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_products_hs_code",
                table: "products",
                column: "hs_code")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_products_number",
                table: "products",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_products_status_moq",
                table: "products",
                columns: new[] { "status", "moq", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_products_status_number",
                table: "products",
                columns: new[] { "status", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_products_status_price",
                table: "products",
                columns: new[] { "status", "list_unit_price", "number" });

            migrationBuilder.CreateIndex(
                name: "IX_products_supplier_id",
                table: "products",
                column: "supplier_id");

            migrationBuilder.CreateIndex(
                name: "ix_suppliers_company_id",
                table: "suppliers",
                column: "company_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_suppliers_number",
                table: "suppliers",
                column: "number",
                unique: true);

            // Rare search words (a model number, a brand) must be estimated as rare, or the planner walks the
            // products in sort order looking for them instead of asking the full-text index first.
            migrationBuilder.Sql("ALTER TABLE product_texts ALTER COLUMN search_vector SET STATISTICS 1000;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "price_tiers");

            migrationBuilder.DropTable(
                name: "product_national_lines");

            migrationBuilder.DropTable(
                name: "product_stock");

            migrationBuilder.DropTable(
                name: "product_texts");

            migrationBuilder.DropTable(
                name: "stock_reservation_lines");

            migrationBuilder.DropTable(
                name: "price_versions");

            migrationBuilder.DropTable(
                name: "stock_reservations");

            migrationBuilder.DropTable(
                name: "products");

            migrationBuilder.DropTable(
                name: "suppliers");

            migrationBuilder.DropSequence(
                name: "product_numbers");

            migrationBuilder.DropSequence(
                name: "supplier_numbers");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
