using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Payment.Migrations
{
    /// <inheritdoc />
    public partial class PayeeScreening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "payee_decided_at",
                table: "escrows",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "payee_decided_by",
                table: "escrows",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "payee_decision",
                table: "escrows",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "payee_decision_note",
                table: "escrows",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "payee_held_at",
                table: "escrows",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "payee_list_version",
                table: "escrows",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "payee_matched_name",
                table: "escrows",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "payee_score",
                table: "escrows",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "payee_screened_at",
                table: "escrows",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "supplier_name",
                table: "escrows",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "payee_decided_at",
                table: "escrows");

            migrationBuilder.DropColumn(
                name: "payee_decided_by",
                table: "escrows");

            migrationBuilder.DropColumn(
                name: "payee_decision",
                table: "escrows");

            migrationBuilder.DropColumn(
                name: "payee_decision_note",
                table: "escrows");

            migrationBuilder.DropColumn(
                name: "payee_held_at",
                table: "escrows");

            migrationBuilder.DropColumn(
                name: "payee_list_version",
                table: "escrows");

            migrationBuilder.DropColumn(
                name: "payee_matched_name",
                table: "escrows");

            migrationBuilder.DropColumn(
                name: "payee_score",
                table: "escrows");

            migrationBuilder.DropColumn(
                name: "payee_screened_at",
                table: "escrows");

            migrationBuilder.DropColumn(
                name: "supplier_name",
                table: "escrows");
        }
    }
}
