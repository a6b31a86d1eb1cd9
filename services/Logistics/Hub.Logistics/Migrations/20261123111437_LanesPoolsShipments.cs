using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Hub.Logistics.Migrations
{
    /// <inheritdoc />
    public partial class LanesPoolsShipments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "consignment_numbers");

            migrationBuilder.CreateTable(
                name: "consignments",
                columns: table => new
                {
                    number = table.Column<long>(type: "bigint", nullable: false),
                    reference = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    hub = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    order_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    company_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    lane_id = table.Column<Guid>(type: "uuid", nullable: false),
                    pool_id = table.Column<Guid>(type: "uuid", nullable: true),
                    chargeable_weight = table.Column<decimal>(type: "numeric(14,3)", precision: 14, scale: 3, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    flag_reason = table.Column<string>(type: "text", nullable: true),
                    house_bill = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    freight_amount = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    freight_currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    booked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    delivered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consignments", x => x.number);
                });

            migrationBuilder.CreateTable(
                name: "lanes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    origin = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    destination = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    mode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    cut_off_weekdays = table.Column<int[]>(type: "integer[]", nullable: false),
                    cut_off_time_utc = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    early_close_fill = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    volumetric_divisor = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    shared_rate = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    rates_valid_from = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lanes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pool_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lane_id = table.Column<Guid>(type: "uuid", nullable: false),
                    container_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    containers = table.Column<int>(type: "integer", nullable: false),
                    lower_bound = table.Column<int>(type: "integer", nullable: false),
                    first_fit_decreasing = table.Column<int>(type: "integer", nullable: false),
                    volume_fill = table.Column<double>(type: "double precision", nullable: false),
                    weight_fill = table.Column<double>(type: "double precision", nullable: false),
                    split_consignments = table.Column<int>(type: "integer", nullable: false),
                    flagged_consignments = table.Column<int>(type: "integer", nullable: false),
                    runtime_ms = table.Column<double>(type: "double precision", nullable: false),
                    method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    cost = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pools",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lane_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cut_off_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    consignments = table.Column<int>(type: "integer", nullable: false),
                    volume_cm3 = table.Column<decimal>(type: "numeric(20,3)", precision: 20, scale: 3, nullable: false),
                    weight_kg = table.Column<decimal>(type: "numeric(16,3)", precision: 16, scale: 3, nullable: false),
                    opened_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    close_reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pools", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "shipments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lane_id = table.Column<Guid>(type: "uuid", nullable: false),
                    container_number = table.Column<int>(type: "integer", nullable: false),
                    container_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    master_bill = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    freight_amount = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    departed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    arrived_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shipments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tracking_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    shipment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    consignment_number = table.Column<long>(type: "bigint", nullable: true),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    occurred_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tracking_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "consignment_cartons",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    length_cm = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    width_cm = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    height_cm = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    weight_kg = table.Column<decimal>(type: "numeric(12,3)", precision: 12, scale: 3, nullable: false),
                    consignment_number = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consignment_cartons", x => x.id);
                    table.ForeignKey(
                        name: "FK_consignment_cartons_consignments_consignment_number",
                        column: x => x.consignment_number,
                        principalTable: "consignments",
                        principalColumn: "number",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lane_containers",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    usable_volume_m3 = table.Column<decimal>(type: "numeric(10,3)", precision: 10, scale: 3, nullable: false),
                    payload_kg = table.Column<decimal>(type: "numeric(12,3)", precision: 12, scale: 3, nullable: false),
                    full_load_rate = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    lane_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lane_containers", x => x.id);
                    table.ForeignKey(
                        name: "FK_lane_containers_lanes_lane_id",
                        column: x => x.lane_id,
                        principalTable: "lanes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "shipment_items",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    consignment_number = table.Column<long>(type: "bigint", nullable: false),
                    consignment_reference = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    order_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    cartons = table.Column<int>(type: "integer", nullable: false),
                    chargeable_weight = table.Column<decimal>(type: "numeric(14,3)", precision: 14, scale: 3, nullable: false),
                    freight_amount = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    shipment_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shipment_items", x => x.id);
                    table.ForeignKey(
                        name: "FK_shipment_items_shipments_shipment_id",
                        column: x => x.shipment_id,
                        principalTable: "shipments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_consignment_cartons_consignment_number",
                table: "consignment_cartons",
                column: "consignment_number");

            migrationBuilder.CreateIndex(
                name: "IX_consignments_company_id",
                table: "consignments",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "IX_consignments_order_id",
                table: "consignments",
                column: "order_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consignments_pool_id_status",
                table: "consignments",
                columns: new[] { "pool_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_consignments_reference",
                table: "consignments",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_lane_containers_lane_id",
                table: "lane_containers",
                column: "lane_id");

            migrationBuilder.CreateIndex(
                name: "IX_lanes_code",
                table: "lanes",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plans_pool_id",
                table: "plans",
                column: "pool_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pools_one_open_per_lane",
                table: "pools",
                column: "lane_id",
                unique: true,
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "IX_pools_status_cut_off_at",
                table: "pools",
                columns: new[] { "status", "cut_off_at" });

            migrationBuilder.CreateIndex(
                name: "IX_shipment_items_consignment_number",
                table: "shipment_items",
                column: "consignment_number");

            migrationBuilder.CreateIndex(
                name: "IX_shipment_items_shipment_id",
                table: "shipment_items",
                column: "shipment_id");

            // Seed lanes: illustrative rates, operators revise them through PUT /api/logistics/lanes/{code}.
            migrationBuilder.Sql("""
                INSERT INTO lanes (id, code, origin, destination, mode, cut_off_weekdays, cut_off_time_utc, early_close_fill, volumetric_divisor, currency, shared_rate, rates_valid_from) VALUES
                  ('0199a000-0000-7000-8000-000000000001', 'KR-CN-SEA', 'KR', 'CN', 'Sea', '{1,4}', '09:00', 0.9, 6000, 'KRW', 95000, '2026-01-01T00:00:00Z'),
                  ('0199a000-0000-7000-8000-000000000002', 'CN-KR-SEA', 'CN', 'KR', 'Sea', '{2,5}', '08:00', 0.9, 6000, 'CNY', 480, '2026-01-01T00:00:00Z'),
                  ('0199a000-0000-7000-8000-000000000003', 'KR-MY-AIR', 'KR', 'MY', 'Air', '{2,5}', '06:00', 0.85, 6000, 'KRW', 4200, '2026-01-01T00:00:00Z');
                INSERT INTO lane_containers (lane_id, code, usable_volume_m3, payload_kg, full_load_rate) VALUES
                  ('0199a000-0000-7000-8000-000000000001', '20GP', 28, 28000, 1300000),
                  ('0199a000-0000-7000-8000-000000000001', '40GP', 67.7, 26700, 2100000),
                  ('0199a000-0000-7000-8000-000000000001', '40HC', 76, 26500, 2300000),
                  ('0199a000-0000-7000-8000-000000000002', '20GP', 28, 28000, 6800),
                  ('0199a000-0000-7000-8000-000000000002', '40GP', 67.7, 26700, 11000),
                  ('0199a000-0000-7000-8000-000000000002', '40HC', 76, 26500, 12000),
                  ('0199a000-0000-7000-8000-000000000003', 'LD3', 4.3, 1588, 5800000),
                  ('0199a000-0000-7000-8000-000000000003', 'PMC', 11.5, 4626, 15000000);
                """);

            migrationBuilder.CreateIndex(
                name: "IX_shipments_master_bill",
                table: "shipments",
                column: "master_bill",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_shipments_plan_id",
                table: "shipments",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "IX_tracking_events_consignment_number",
                table: "tracking_events",
                column: "consignment_number");

            migrationBuilder.CreateIndex(
                name: "IX_tracking_events_shipment_id",
                table: "tracking_events",
                column: "shipment_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "consignment_cartons");

            migrationBuilder.DropTable(
                name: "lane_containers");

            migrationBuilder.DropTable(
                name: "plans");

            migrationBuilder.DropTable(
                name: "pools");

            migrationBuilder.DropTable(
                name: "shipment_items");

            migrationBuilder.DropTable(
                name: "tracking_events");

            migrationBuilder.DropTable(
                name: "consignments");

            migrationBuilder.DropTable(
                name: "lanes");

            migrationBuilder.DropTable(
                name: "shipments");

            migrationBuilder.DropSequence(
                name: "consignment_numbers");
        }
    }
}
