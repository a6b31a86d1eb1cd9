using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Order.Migrations
{
    /// <inheritdoc />
    public partial class Orders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "order_numbers");

            migrationBuilder.CreateTable(
                name: "purchases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    buyer_company = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_purchases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "orders",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    purchase_id = table.Column<Guid>(type: "uuid", nullable: false),
                    buyer_company = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    buyer_hub = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    supplier_company = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    supplier_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    supplier_hub = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    incoterm = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    named_place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    destination = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    mode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    goods_total_minor = table.Column<long>(type: "bigint", nullable: false),
                    buyer_currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    buyer_total_minor = table.Column<long>(type: "bigint", nullable: false),
                    fx_quote_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    fx_quote_expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    freight_minor = table.Column<long>(type: "bigint", nullable: false),
                    freight_currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    duties_minor = table.Column<long>(type: "bigint", nullable: false),
                    duties_currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    failure_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    consignment_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    export_declaration_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    import_declaration_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    placed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    due_by = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orders", x => x.id);
                    table.ForeignKey(
                        name: "FK_orders_purchases_purchase_id",
                        column: x => x.purchase_id,
                        principalTable: "purchases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "order_lines",
                columns: table => new
                {
                    product_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    order_id = table.Column<string>(type: "character varying(24)", nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    unit_price_minor = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    price_version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_order_lines", x => new { x.order_id, x.product_id });
                    table.CheckConstraint("ck_order_lines_quantity", "quantity > 0");
                    table.ForeignKey(
                        name: "FK_order_lines_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "order_timeline",
                columns: table => new
                {
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    order_id = table.Column<string>(type: "character varying(24)", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    hub = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    step = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    cause = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_order_timeline", x => new { x.order_id, x.sequence });
                    table.ForeignKey(
                        name: "FK_order_timeline_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_orders_buyer_company",
                table: "orders",
                column: "buyer_company");

            migrationBuilder.CreateIndex(
                name: "IX_orders_due_by",
                table: "orders",
                column: "due_by",
                filter: "due_by IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_orders_purchase_id",
                table: "orders",
                column: "purchase_id");

            migrationBuilder.CreateIndex(
                name: "IX_purchases_buyer_company_idempotency_key",
                table: "purchases",
                columns: new[] { "buyer_company", "idempotency_key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "order_lines");

            migrationBuilder.DropTable(
                name: "order_timeline");

            migrationBuilder.DropTable(
                name: "orders");

            migrationBuilder.DropTable(
                name: "purchases");

            migrationBuilder.DropSequence(
                name: "order_numbers");
        }
    }
}
